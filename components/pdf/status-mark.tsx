// The large, light PAID / VOID / DRAFT / UNCOLLECTIBLE across every page, under the content. Level
// rather than diagonal: copied or extracted text then reads as the word, not scattered letters.
import { Text } from "@react-pdf/renderer";
import type { DocumentMark } from "@/lib/documents/types";
import { styles } from "./styles";

const MARK_COLORS: Record<DocumentMark, string> = {
  PAID: "#047857",
  VOID: "#b91c1c",
  DRAFT: "#334155",
  UNCOLLECTIBLE: "#b45309",
};

export const StatusMark = ({ mark }: { mark: DocumentMark | null }) =>
  mark ? (
    <Text fixed style={[styles.mark, { color: MARK_COLORS[mark], fontSize: mark === "UNCOLLECTIBLE" ? 56 : 96 }]}>
      {mark}
    </Text>
  ) : null;
