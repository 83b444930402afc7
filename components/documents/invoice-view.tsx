// The customer's invoice page body: the same document the PDF prints (seller, bill to, key facts,
// lines, tax, totals with each credit note, what is paid and due, how to pay) plus links to its
// receipts and credit notes.
import { InvoiceStatusBadge } from "@/components/invoices/status-badge";
import { Badge } from "@/components/ui/badge";
import { Table, Td, Th } from "@/components/ui/table";
import type { InvoiceDocument } from "@/lib/documents/types";
import { DocumentFrame } from "./document-frame";
import {
  DocumentFooter,
  FactList,
  LinesTable,
  MoneyRows,
  Paragraph,
  Parties,
  SectionLabel,
  TOTALS_TONES,
  type Fact,
} from "./document-parts";

const facts = (invoice: InvoiceDocument): Fact[] => [
  { label: "Invoice number", value: invoice.number ?? "Not yet numbered" },
  { label: "Issue date", value: invoice.issueDate },
  { label: "Due date", value: invoice.dueDate },
  { label: "Status", value: invoice.statusLabel },
  ...(invoice.period ? [{ label: "Service period", value: invoice.period }] : []),
  ...(invoice.paymentTerms ? [{ label: "Payment terms", value: invoice.paymentTerms }] : []),
  ...(invoice.paidOn ? [{ label: "Paid on", value: invoice.paidOn }] : []),
  ...(invoice.voidedOn ? [{ label: "Voided on", value: invoice.voidedOn }] : []),
  { label: "Currency", value: invoice.currency },
];

const summaryOf = (invoice: InvoiceDocument) => {
  if (invoice.status === "void") return { label: "Total", amount: invoice.total, note: "This invoice is void." };
  if (invoice.status === "paid") {
    return { label: "Total", amount: invoice.total, note: invoice.paidOn ? `Paid on ${invoice.paidOn}` : "Paid" };
  }
  return {
    label: "Amount due",
    amount: invoice.amountDue,
    note: invoice.payable ? `Due ${invoice.dueDate}` : undefined,
  };
};

const Receipts = ({ invoice }: { invoice: InvoiceDocument }) =>
  invoice.payments.length === 0 ? null : (
    <section>
      <SectionLabel>Payments received</SectionLabel>
      <Table label="Payments received">
        <thead>
          <tr>
            <Th>Paid on</Th>
            <Th>Method</Th>
            <Th>Reference</Th>
            <Th>Receipt</Th>
            <Th align="right">Amount</Th>
          </tr>
        </thead>
        <tbody>
          {invoice.payments.map((payment, index) => (
            <tr key={payment.receiptId ?? index}>
              <Td>{payment.receivedOn}</Td>
              <Td>{payment.method}</Td>
              <Td>{payment.reference ?? "—"}</Td>
              <Td>
                {payment.receiptToken && payment.receiptNumber ? (
                  <a href={`/r/${payment.receiptToken}`} className="text-brand-700 hover:underline">
                    {payment.receiptNumber}
                  </a>
                ) : (
                  "—"
                )}
              </Td>
              <Td align="right">{payment.amount}</Td>
            </tr>
          ))}
        </tbody>
      </Table>
    </section>
  );

const CreditNotes = ({ invoice }: { invoice: InvoiceDocument }) =>
  invoice.creditNotes.length === 0 ? null : (
    <section>
      <SectionLabel>Credit notes</SectionLabel>
      <Table label="Credit notes">
        <thead>
          <tr>
            <Th>Credit note</Th>
            <Th>Issued on</Th>
            <Th>Reason</Th>
            <Th>Status</Th>
            <Th align="right">Amount</Th>
          </tr>
        </thead>
        <tbody>
          {invoice.creditNotes.map((creditNote) => (
            <tr key={creditNote.id}>
              <Td>
                <a href={`/c/${creditNote.token}`} className="text-brand-700 hover:underline">
                  {creditNote.number}
                </a>
              </Td>
              <Td>{creditNote.issuedOn}</Td>
              <Td>{creditNote.reason}</Td>
              <Td>
                <Badge tone={creditNote.status === "void" ? "danger" : "info"}>{creditNote.statusLabel}</Badge>
              </Td>
              <Td align="right">{creditNote.amount}</Td>
            </tr>
          ))}
        </tbody>
      </Table>
    </section>
  );

export const InvoiceView = ({ invoice, pdfHref }: { invoice: InvoiceDocument; pdfHref: string }) => (
  <DocumentFrame
    sellerName={invoice.sellerName}
    title={invoice.title}
    status={<InvoiceStatusBadge status={invoice.displayStatus} />}
    summary={summaryOf(invoice)}
    pdfHref={pdfHref}
  >
    <Parties
      seller={invoice.seller}
      counterparty={invoice.billTo}
      counterpartyLabel="Bill to"
      usageBy={invoice.usageBy}
    />
    <FactList label="Invoice details" facts={facts(invoice)} />
    <LinesTable
      label="Invoice lines"
      emptyText="This invoice has no lines."
      lines={invoice.lines}
      showTaxRates={invoice.showTaxRates}
    />
    <MoneyRows
      label="Invoice totals"
      rows={invoice.totals.map((row) => ({
        label: row.label,
        amount: row.amount,
        tone: TOTALS_TONES[row.kind],
        detail: row.detail,
      }))}
    />
    <Paragraph title="Reason for void" text={invoice.voidReason} />
    <Paragraph title="How to pay" text={invoice.paymentInstructions} />
    <Paragraph title="Notes" text={invoice.memo} />
    <CreditNotes invoice={invoice} />
    <Receipts invoice={invoice} />
    <DocumentFooter text={invoice.footer} />
  </DocumentFrame>
);
