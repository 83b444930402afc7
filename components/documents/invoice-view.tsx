// The customer's invoice page body: the same document the PDF prints (seller, bill to, key facts,
// lines, tax, totals with each credit note, what is paid and due, how to pay) plus links to its
// receipts and credit notes.
import { InvoiceStatusBadge } from "@/components/invoices/status-badge";
import { Badge } from "@/components/ui/badge";
import { EmptyRow, Table, Td, Th } from "@/components/ui/table";
import type { InvoiceDocument, TotalsRow } from "@/lib/documents/types";
import { DocumentFrame } from "./document-frame";
import { FactList, MoneyRows, Paragraph, PartyBlock, SectionLabel, type Fact, type MoneyRow } from "./document-parts";

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

const TONES: Record<TotalsRow["kind"], MoneyRow["tone"]> = {
  subtotal: "normal",
  tax: "normal",
  total: "total",
  adjustment: "normal",
  due: "due",
};

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
    <div className="grid gap-6 sm:grid-cols-2">
      <PartyBlock label="From" party={invoice.seller} />
      <PartyBlock label="Bill to" party={invoice.billTo} usageBy={invoice.usageBy} />
    </div>
    <FactList label="Invoice details" facts={facts(invoice)} />
    <Table label="Invoice lines">
      <thead>
        <tr>
          <Th>Description</Th>
          <Th align="right">Qty</Th>
          <Th align="right">Unit price</Th>
          {invoice.showTaxRates ? <Th align="right">Tax</Th> : null}
          <Th align="right">Amount</Th>
        </tr>
      </thead>
      <tbody>
        {invoice.lines.length === 0 ? (
          <EmptyRow colSpan={invoice.showTaxRates ? 5 : 4}>This invoice has no lines.</EmptyRow>
        ) : (
          invoice.lines.map((line) => (
            <tr key={line.position}>
              <Td>
                {line.description}
                {line.period ? <span className="block text-xs text-ink-600">{line.period}</span> : null}
              </Td>
              <Td align="right">{line.quantity}</Td>
              <Td align="right">{line.unitPrice}</Td>
              {invoice.showTaxRates ? <Td align="right">{line.taxRate}</Td> : null}
              <Td align="right">{line.amount}</Td>
            </tr>
          ))
        )}
      </tbody>
    </Table>
    <MoneyRows
      label="Invoice totals"
      rows={invoice.totals.map((row) => ({
        label: row.label,
        amount: row.amount,
        tone: TONES[row.kind],
        detail: row.detail,
      }))}
    />
    <Paragraph title="Reason for void" text={invoice.voidReason} />
    <Paragraph title="How to pay" text={invoice.paymentInstructions} />
    <Paragraph title="Notes" text={invoice.memo} />
    <CreditNotes invoice={invoice} />
    <Receipts invoice={invoice} />
    {invoice.footer ? <p className="border-t border-ink-100 pt-4 text-xs text-ink-600">{invoice.footer}</p> : null}
  </DocumentFrame>
);
