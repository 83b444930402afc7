// The customer's credit note page body: the same document the PDF prints (seller, customer, key
// facts, lines, tax, total, where the credit went, refunds paid) plus a link to the invoice it credits.
import { Badge } from "@/components/ui/badge";
import { Table, Td, Th } from "@/components/ui/table";
import type { CreditNoteDocument } from "@/lib/documents/types";
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

const facts = (creditNote: CreditNoteDocument): Fact[] => [
  { label: "Credit note number", value: creditNote.number },
  { label: "Issued on", value: creditNote.issuedOn },
  { label: "Reason", value: creditNote.reason },
  { label: "Status", value: creditNote.statusLabel },
  { label: "Invoice number", value: creditNote.invoiceNumber },
  { label: "Invoice date", value: creditNote.invoiceIssueDate },
  { label: "Invoice total", value: creditNote.invoiceTotal },
  ...(creditNote.voidedOn ? [{ label: "Voided on", value: creditNote.voidedOn }] : []),
  { label: "Currency", value: creditNote.currency },
];

const Refunds = ({ creditNote }: { creditNote: CreditNoteDocument }) =>
  creditNote.refunds.length === 0 ? null : (
    <section>
      <SectionLabel>Refunds paid</SectionLabel>
      <Table label="Refunds paid">
        <thead>
          <tr>
            <Th>Refunded on</Th>
            <Th>Method</Th>
            <Th>Reference</Th>
            <Th align="right">Amount</Th>
          </tr>
        </thead>
        <tbody>
          {creditNote.refunds.map((refund, index) => (
            <tr key={index}>
              <Td>{refund.refundedOn}</Td>
              <Td>{refund.method}</Td>
              <Td>{refund.reference ?? "—"}</Td>
              <Td align="right">{refund.amount}</Td>
            </tr>
          ))}
        </tbody>
      </Table>
    </section>
  );

export const CreditNoteView = ({ creditNote, pdfHref }: { creditNote: CreditNoteDocument; pdfHref: string }) => (
  <DocumentFrame
    sellerName={creditNote.sellerName}
    title={creditNote.title}
    status={<Badge tone={creditNote.status === "void" ? "danger" : "info"}>{creditNote.statusLabel}</Badge>}
    summary={{
      label: "Total credited",
      amount: creditNote.total,
      note:
        creditNote.status === "void"
          ? "This credit note is void."
          : `Issued ${creditNote.issuedOn} against invoice ${creditNote.invoiceNumber}`,
    }}
    pdfHref={pdfHref}
  >
    <Parties seller={creditNote.seller} counterparty={creditNote.billTo} counterpartyLabel="Credit to" />
    <FactList label="Credit note details" facts={facts(creditNote)} />
    <p className="text-sm text-ink-700">
      Credits invoice{" "}
      <a href={`/i/${creditNote.invoiceToken}`} className="font-medium text-brand-700 hover:underline">
        {creditNote.invoiceNumber}
      </a>{" "}
      of {creditNote.invoiceIssueDate}.
    </p>
    <LinesTable
      label="Credit note lines"
      emptyText="This credit note has no lines."
      lines={creditNote.lines}
      showTaxRates={creditNote.showTaxRates}
    />
    <MoneyRows
      label="Credit note totals"
      rows={creditNote.totals.map((row) => ({ label: row.label, amount: row.amount, tone: TOTALS_TONES[row.kind] }))}
    />
    <Paragraph title="Reason for void" text={creditNote.voidReason} />
    <Paragraph title="Memo" text={creditNote.memo} />
    <Refunds creditNote={creditNote} />
    <DocumentFooter text={creditNote.footer} />
  </DocumentFrame>
);
