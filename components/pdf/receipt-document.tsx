// The receipt PDF: proof of one payment, and what the invoice still owed right after it.
import { Document, Page, Text, View } from "@react-pdf/renderer";
import type { ReceiptDocument } from "@/lib/documents/types";
import { DocumentHeader } from "./header";
import { Meta } from "./meta";
import { PageFooter } from "./page-footer";
import { Parties } from "./parties";
import { styles } from "./styles";

const SummaryRow = ({ label, value, due = false }: { label: string; value: string; due?: boolean }) => (
  <View style={due ? [styles.totalsRow, styles.totalsDue] : styles.totalsRow}>
    <Text>{label}</Text>
    <Text>{value}</Text>
  </View>
);

export const ReceiptPdf = ({ receipt }: { receipt: ReceiptDocument }) => (
  <Document title={receipt.title} author={receipt.sellerName} creator="Billfold" producer="Billfold">
    <Page size="A4" style={styles.page}>
      <DocumentHeader sellerName={receipt.sellerName} kind="Receipt" number={receipt.number} />
      <Parties seller={receipt.seller} customer={receipt.customer} customerLabel="Received from" />
      <Meta
        items={[
          { label: "Receipt number", value: receipt.number },
          { label: "Invoice number", value: receipt.invoiceNumber },
          { label: "Paid on", value: receipt.paidOn },
          { label: "Payment method", value: receipt.method },
          ...(receipt.reference ? [{ label: "Reference", value: receipt.reference }] : []),
          { label: "Issued on", value: receipt.issuedOn },
          { label: "Currency", value: receipt.currency },
        ]}
      />
      <View style={styles.totals} wrap={false}>
        <SummaryRow label="Invoice total" value={receipt.invoiceTotal} />
        <SummaryRow label="Amount paid" value={receipt.amount} />
        <SummaryRow label="Amount still due" value={receipt.amountRemaining} due />
      </View>
      <View style={styles.block}>
        <Text style={styles.paragraph}>
          {receipt.settled
            ? `Thank you: invoice ${receipt.invoiceNumber} is paid in full.`
            : `Thank you for your payment. ${receipt.amountRemaining} remains due on invoice ${receipt.invoiceNumber}.`}
        </Text>
      </View>
      <PageFooter text={receipt.footer} />
    </Page>
  </Document>
);

/** The element lib/documents/render.ts hands to the renderer. */
export const receiptPdfElement = (receipt: ReceiptDocument) => <ReceiptPdf receipt={receipt} />;
