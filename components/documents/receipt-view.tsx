// The customer's receipt page body: proof of one payment, as the receipt PDF prints it.
import { Badge } from "@/components/ui/badge";
import type { ReceiptDocument } from "@/lib/documents/types";
import { DocumentFrame } from "./document-frame";
import { DocumentFooter, FactList, MoneyRows, Parties } from "./document-parts";

export const ReceiptView = ({ receipt, pdfHref }: { receipt: ReceiptDocument; pdfHref: string }) => (
  <DocumentFrame
    sellerName={receipt.sellerName}
    title={receipt.title}
    status={<Badge tone="success">Payment received</Badge>}
    summary={{
      label: "Amount paid",
      amount: receipt.amount,
      note: `Paid on ${receipt.paidOn} for invoice ${receipt.invoiceNumber}`,
    }}
    pdfHref={pdfHref}
  >
    <Parties seller={receipt.seller} counterparty={receipt.customer} counterpartyLabel="Received from" />
    <FactList
      label="Receipt details"
      facts={[
        { label: "Receipt number", value: receipt.number },
        { label: "Invoice number", value: receipt.invoiceNumber },
        { label: "Paid on", value: receipt.paidOn },
        { label: "Payment method", value: receipt.method },
        ...(receipt.reference ? [{ label: "Reference", value: receipt.reference }] : []),
        { label: "Issued on", value: receipt.issuedOn },
        { label: "Currency", value: receipt.currency },
      ]}
    />
    <MoneyRows
      label="Payment"
      rows={[
        { label: "Invoice total", amount: receipt.invoiceTotal },
        { label: "Amount paid", amount: receipt.amount },
        { label: "Amount still due", amount: receipt.amountRemaining, tone: "due" },
      ]}
    />
    <p className="text-sm text-ink-700">
      {receipt.settled
        ? `Thank you: invoice ${receipt.invoiceNumber} is paid in full.`
        : `Thank you for your payment. ${receipt.amountRemaining} remains due on invoice ${receipt.invoiceNumber}.`}
    </p>
    <DocumentFooter text={receipt.footer} />
  </DocumentFrame>
);
