// The credit note PDF: what was credited against which invoice, and where the credit went, fed
// with the document's plain data only. A credit note is short, so the renderer paginates it (the
// lines table's header repeats should a long one run over a page).
import { Document, Page } from "@react-pdf/renderer";
import type { CreditNoteDocument } from "@/lib/documents/types";
import { DocumentHeader } from "./header";
import { LinesTable } from "./lines-table";
import { Meta, type MetaItem } from "./meta";
import { PageFooter } from "./page-footer";
import { Parties } from "./parties";
import { StatusMark } from "./status-mark";
import { styles } from "./styles";
import { TextBlock } from "./text-block";
import { Totals } from "./totals";

export const creditNoteMetaItems = (creditNote: CreditNoteDocument): MetaItem[] => [
  { label: "Credit note number", value: creditNote.number, wide: true },
  { label: "Issued on", value: creditNote.issuedOn },
  { label: "Status", value: creditNote.statusLabel },
  { label: "Invoice number", value: creditNote.invoiceNumber },
  { label: "Invoice date", value: creditNote.invoiceIssueDate },
  { label: "Invoice total", value: creditNote.invoiceTotal },
  { label: "Reason", value: creditNote.reason },
  ...(creditNote.voidedOn ? [{ label: "Voided on", value: creditNote.voidedOn }] : []),
  { label: "Currency", value: creditNote.currency },
];

/** One line per refund paid out: "Jun 5, 2024 · Bank transfer · BACS 1 · $100.00". */
const refundsText = (creditNote: CreditNoteDocument): string | null =>
  creditNote.refunds.length === 0
    ? null
    : creditNote.refunds
        .map((refund) =>
          [refund.refundedOn, refund.method, refund.reference, refund.amount].filter(Boolean).join(" · "),
        )
        .join("\n");

export const CreditNotePdf = ({ creditNote }: { creditNote: CreditNoteDocument }) => (
  <Document title={creditNote.title} author={creditNote.sellerName} creator="Billfold" producer="Billfold">
    <Page size="A4" style={styles.page}>
      <StatusMark mark={creditNote.mark} />
      <DocumentHeader sellerName={creditNote.sellerName} kind="Credit note" number={creditNote.number} />
      <Parties seller={creditNote.seller} customer={creditNote.billTo} customerLabel="Credit to" />
      <Meta items={creditNoteMetaItems(creditNote)} />
      <LinesTable lines={creditNote.lines} showTaxRates={creditNote.showTaxRates} />
      <Totals rows={creditNote.totals} />
      <TextBlock title="Reason for void" text={creditNote.voidReason} />
      <TextBlock title="Refunds paid" text={refundsText(creditNote)} />
      <TextBlock title="Memo" text={creditNote.memo} />
      <PageFooter text={creditNote.footer} />
    </Page>
  </Document>
);

/** The element lib/documents/render.ts hands to the renderer. */
export const creditNotePdfElement = (creditNote: CreditNoteDocument) => <CreditNotePdf creditNote={creditNote} />;
