// One page's part of the invoice's lines, under the table's header row. The header row is `fixed`
// so that it repeats should the renderer ever split the page itself (an unplanned overflow). Every
// node here is repeated per line, and a long invoice has hundreds: rows hold only the nodes their
// columns need.
import { Text, View } from "@react-pdf/renderer";
import type { InvoiceDocumentLine } from "@/lib/documents/types";
import { styles } from "./styles";

const HeaderRow = ({ showTaxRates }: { showTaxRates: boolean }) => (
  <View style={styles.tableHeader} fixed>
    <Text style={[styles.tableHeaderCell, styles.description]}>Description</Text>
    <Text style={[styles.tableHeaderCell, styles.quantity]}>Qty</Text>
    <Text style={[styles.tableHeaderCell, styles.unitPrice]}>Unit price</Text>
    {showTaxRates ? <Text style={[styles.tableHeaderCell, styles.taxRate]}>Tax</Text> : null}
    <Text style={[styles.tableHeaderCell, styles.amount]}>Amount</Text>
  </View>
);

const LineRow = ({ line, showTaxRates }: { line: InvoiceDocumentLine; showTaxRates: boolean }) => (
  <View style={styles.row} wrap={false}>
    {line.period ? (
      <View style={styles.description}>
        <Text>{line.description}</Text>
        <Text style={styles.linePeriod}>{line.period}</Text>
      </View>
    ) : (
      <Text style={styles.description}>{line.description}</Text>
    )}
    <Text style={styles.quantity}>{line.quantity}</Text>
    <Text style={styles.unitPrice}>{line.unitPrice}</Text>
    {showTaxRates ? <Text style={styles.taxRate}>{line.taxRate}</Text> : null}
    <Text style={styles.amount}>{line.amount}</Text>
  </View>
);

export const LinesTable = ({ lines, showTaxRates }: { lines: InvoiceDocumentLine[]; showTaxRates: boolean }) => (
  <View>
    <HeaderRow showTaxRates={showTaxRates} />
    {lines.map((line) => (
      <LineRow key={line.position} line={line} showTaxRates={showTaxRates} />
    ))}
  </View>
);
