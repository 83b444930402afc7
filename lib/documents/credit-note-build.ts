// Turns a stored credit note into its document's plain data: what was credited (lines, tax, total)
// and where the credit went (off the amount due, refunded, to the wallet, out of band), formatted
// from the stored minor units in the organisation's locale. Pure, so PDF and page agree.
import { CREDIT_NOTE_REASON_LABELS, CREDIT_NOTE_STATUS_LABELS } from "@/lib/credit-notes/schemas";
import { formatCalendarDate } from "@/lib/format/date";
import { PAYMENT_METHOD_LABELS } from "@/lib/invoices/schemas";
import { formatMoney } from "@/lib/money";
import { pdfFilename } from "./filename";
import {
  billedParty,
  composed,
  composedOrNull,
  formatInstantDate,
  lineOf,
  sellerParty,
  showsTaxRates,
  taxRows,
} from "./parts";
import type { CreditNoteRecord, InvoiceLineRecord, SellerRecord } from "./records";
import type { CreditNoteDocument, InvoiceDocumentLine, TotalsRow } from "./types";

type Money = (minor: bigint) => string;

/** The parts of the credit, each shown only when it holds money; together they make the total. */
const settlementRows = (creditNote: CreditNoteRecord, money: Money): TotalsRow[] =>
  (
    [
      ["Applied to amount due", creditNote.creditedToDueMinor],
      ["Refunded", creditNote.refundMinor],
      ["Credited to wallet", creditNote.walletCreditMinor],
      ["Settled out of band", creditNote.outOfBandMinor],
    ] as const
  )
    .filter(([, minor]) => minor > 0n)
    .map(([label, minor]) => ({ kind: "adjustment", label, amount: money(minor) }));

const linesOf = (
  creditNote: CreditNoteRecord,
  context: { money: Money; seller: SellerRecord; invoiceNumber: string },
): InvoiceDocumentLine[] => {
  const records: InvoiceLineRecord[] = creditNote.lines.map((line, index) => ({
    ...line,
    position: index + 1,
    periodStart: null,
    periodEnd: null,
  }));
  if (records.length > 0) return records.map((line) => lineOf(line, context));
  // A credit of an amount rather than of lines still prints one line, so the table says what it credits.
  return [
    lineOf(
      {
        position: 1,
        description: `Credit on invoice ${context.invoiceNumber}`,
        quantity: "1",
        unitAmountMinor: creditNote.subtotalMinor,
        amountMinor: creditNote.subtotalMinor,
        taxRatePercent: "0",
        taxMinor: creditNote.taxMinor,
        periodStart: null,
        periodEnd: null,
      },
      context,
    ),
  ];
};

export const buildCreditNoteDocument = (options: {
  creditNote: CreditNoteRecord;
  seller: SellerRecord;
}): CreditNoteDocument => {
  const { creditNote, seller } = options;
  const { invoice } = creditNote;
  const money: Money = (minor) => formatMoney(minor, creditNote.currency, { locale: seller.locale });
  // Credit notes exist only against issued invoices, which always have a number.
  const invoiceNumber = invoice.number ?? "Draft invoice";
  const voided = creditNote.status === "void";
  const refunds = creditNote.refunds
    .filter((refund) => refund.status === "succeeded")
    .sort((a, b) => a.receivedOn.getTime() - b.receivedOn.getTime());
  return {
    id: creditNote.id,
    number: creditNote.number,
    title: `Credit note ${creditNote.number}`,
    filename: pdfFilename(creditNote.number),
    status: creditNote.status,
    statusLabel: CREDIT_NOTE_STATUS_LABELS[creditNote.status],
    mark: voided ? "VOID" : null,
    currency: creditNote.currency,
    issuedOn: formatInstantDate(creditNote.issuedAt, seller),
    voidedOn: voided && creditNote.voidedAt ? formatInstantDate(creditNote.voidedAt, seller) : null,
    voidReason: voided ? composedOrNull(creditNote.voidReason) : null,
    reason: CREDIT_NOTE_REASON_LABELS[creditNote.reason],
    memo: composedOrNull(creditNote.memo),
    invoiceNumber,
    invoiceIssueDate: formatCalendarDate(invoice.issueDate, seller.locale),
    invoiceTotal: money(invoice.totalMinor),
    invoiceToken: invoice.publicToken,
    sellerName: composed(seller.name),
    seller: sellerParty(seller),
    billTo: billedParty(invoice),
    lines: linesOf(creditNote, { money, seller, invoiceNumber }),
    showTaxRates: showsTaxRates(creditNote.lines),
    totals: [
      { kind: "subtotal", label: "Subtotal", amount: money(creditNote.subtotalMinor) },
      ...taxRows(creditNote, money, seller.locale),
      { kind: "total", label: "Total credited", amount: money(creditNote.totalMinor) },
      ...settlementRows(creditNote, money),
    ],
    total: money(creditNote.totalMinor),
    refunds: refunds.map((refund) => ({
      refundedOn: formatCalendarDate(refund.receivedOn, seller.locale),
      method: PAYMENT_METHOD_LABELS[refund.method],
      reference: composedOrNull(refund.reference),
      amount: money(refund.amountMinor),
    })),
    footer: composedOrNull(invoice.footer || seller.invoiceFooter),
  };
};
