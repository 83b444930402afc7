// Subtotal, tax per rate, total, what came off it (each credit note with its date beneath), and the
// amount due: kept together on one page.
import { Text, View } from "@react-pdf/renderer";
import type { TotalsRow, TotalsRowKind } from "@/lib/documents/types";
import { styles, type PdfStyle } from "./styles";

const ROW_STYLES: Record<TotalsRowKind, PdfStyle[]> = {
  subtotal: [styles.totalsRow],
  tax: [styles.totalsRow],
  total: [styles.totalsRow, styles.totalsTotal],
  adjustment: [styles.totalsRow],
  due: [styles.totalsRow, styles.totalsDue],
};

export const Totals = ({ rows }: { rows: TotalsRow[] }) => (
  <View style={styles.totals} wrap={false}>
    {rows.map((row) => (
      <View key={`${row.kind}-${row.label}`} style={ROW_STYLES[row.kind]}>
        {row.detail ? (
          <View style={styles.totalsLabel}>
            <Text>{row.label}</Text>
            <Text style={styles.totalsDetail}>{row.detail}</Text>
          </View>
        ) : (
          <Text>{row.label}</Text>
        )}
        <Text>{row.amount}</Text>
      </View>
    ))}
  </View>
);
