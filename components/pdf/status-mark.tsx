// The large, light PAID / VOID / DRAFT / UNCOLLECTIBLE across every page, under the content. Level
// rather than diagonal: copied or extracted text then reads as the word, not scattered letters.
import { Text } from "@react-pdf/renderer";
import type { DocumentMark } from "@/lib/documents/types";
import { styles } from "./styles";

const markStyle = (color: string, fontSize = 96) => [styles.mark, { color, fontSize }];

// Built once, not per page: the mark repeats on every page of the document.
const MARK_STYLES: Record<DocumentMark, ReturnType<typeof markStyle>> = {
  PAID: markStyle("#047857"),
  VOID: markStyle("#b91c1c"),
  DRAFT: markStyle("#334155"),
  UNCOLLECTIBLE: markStyle("#b45309", 56),
};

export const StatusMark = ({ mark }: { mark: DocumentMark | null }) =>
  mark ? (
    <Text fixed style={MARK_STYLES[mark]}>
      {mark}
    </Text>
  ) : null;
