// On every page: the organisation's footer (registration, VAT number) and "Page X of Y".
import { Text, View } from "@react-pdf/renderer";
import { styles } from "./styles";

const pageOf = ({ pageNumber, totalPages }: { pageNumber: number; totalPages: number }) =>
  `Page ${pageNumber} of ${totalPages}`;

/**
 * `page` when the pages were planned (the invoice): the numbers are known and printed as they are.
 * Without it the renderer paginates and fills them in per page through a render prop.
 */
export const PageFooter = ({
  text,
  page,
}: {
  text: string | null;
  page?: { pageNumber: number; totalPages: number };
}) => (
  <View style={styles.footer} fixed>
    <Text style={styles.footerText}>{text ?? ""}</Text>
    {page ? <Text style={styles.pageNumber}>{pageOf(page)}</Text> : <Text style={styles.pageNumber} render={pageOf} />}
  </View>
);
