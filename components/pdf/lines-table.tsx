// One page's part of the invoice's lines, under the table's header row. The header row is `fixed`
// so that it repeats should the renderer ever split the page itself (an unplanned overflow). Every
// node here is repeated per line, and a long invoice has hundreds: rows hold only the nodes their
// columns need, and nothing else is created per line (each element and each component costs the
// renderer per render, noticeably so outside production builds of React).
import { Text, View } from "@react-pdf/renderer";
import type { InvoiceDocumentLine } from "@/lib/documents/types";
import { styles } from "./styles";

const headerCell = (column: keyof typeof styles) => [styles.tableHeaderCell, styles[column]];

// The header row depends only on whether the tax column shows: built once, shared by every page of
// every invoice rather than rebuilt per page.
const headerRow = (showTaxRates: boolean) => (
  <View style={styles.tableHeader} fixed>
    <Text style={headerCell("description")}>Description</Text>
    <Text style={headerCell("quantity")}>Qty</Text>
    <Text style={headerCell("unitPrice")}>Unit price</Text>
    {showTaxRates ? <Text style={headerCell("taxRate")}>Tax</Text> : null}
    <Text style={headerCell("amount")}>Amount</Text>
  </View>
);

const HEADER_ROW = { withTaxRates: headerRow(true), withoutTaxRates: headerRow(false) };

// A plain function rather than a component: a component per line is one more node per line for
// React to mount, and draws nothing.
const lineRow = (line: InvoiceDocumentLine, showTaxRates: boolean) => (
  <View key={line.position} style={styles.row} wrap={false}>
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
    {showTaxRates ? HEADER_ROW.withTaxRates : HEADER_ROW.withoutTaxRates}
    {lines.map((line) => lineRow(line, showTaxRates))}
  </View>
);
