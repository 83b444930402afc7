// Turns stored invoice and receipt records into the documents' plain data: amounts formatted from
// the stored minor units, dates in the organisation's locale, tax grouped per rate from the stored
// lines, each credit note under the total. Pure (no I/O), so PDF and customer page agree.
import { CREDIT_NOTE_REASON_LABELS, CREDIT_NOTE_STATUS_LABELS } from "@/lib/credit-notes/schemas";
import type { InvoiceStatus } from "@/lib/db/generated/enums";
import { formatCalendarDate } from "@/lib/format/date";
import { PAYMENT_METHOD_LABELS, PAYMENT_TERMS_LABELS } from "@/lib/invoices/schemas";
import { displayStatus, STATUS_LABELS } from "@/lib/invoices/status";
import { formatMoney, sumMinor } from "@/lib/money";
import { invoicePdfFilename, pdfFilename } from "./filename";
import {
  billedParty,
  composed,
  composedOrNull,
  formatInstantDate,
  formatPeriod,
  lineOf,
  sellerParty,
  showsTaxRates,
  taxRows,
} from "./parts";
import type { InvoiceCreditNoteRecord, InvoiceRecord, ReceiptRecord, SellerRecord } from "./records";
import type { DocumentMark, InvoiceDocument, InvoiceDocumentCreditNote, ReceiptDocument, TotalsRow } from "./types";

// ---------------------------------------------------------------- labels

const MARKS: Record<InvoiceStatus, DocumentMark | null> = {
  draft: "DRAFT",
  finalized: null,
  paid: "PAID",
  void: "VOID",
  uncollectible: "UNCOLLECTIBLE",
};

// ---------------------------------------------------------------- invoice parts

type Money = (minor: bigint) => string;

/** The invoice's credit notes in the order they were issued. */
const inIssueOrder = (invoice: InvoiceRecord): InvoiceCreditNoteRecord[] =>
  [...(invoice.creditNotes ?? [])].sort(
    (a, b) => a.issuedAt.getTime() - b.issuedAt.getTime() || a.number.localeCompare(b.number),
  );

const creditNotesOf = (invoice: InvoiceRecord, context: { money: Money; seller: SellerRecord }) =>
  inIssueOrder(invoice).map((creditNote): InvoiceDocumentCreditNote => ({
    id: creditNote.id,
    number: creditNote.number,
    issuedOn: formatInstantDate(creditNote.issuedAt, context.seller),
    reason: CREDIT_NOTE_REASON_LABELS[creditNote.reason],
    status: creditNote.status,
    statusLabel: CREDIT_NOTE_STATUS_LABELS[creditNote.status],
    amount: context.money(creditNote.totalMinor),
    token: creditNote.publicToken,
  }));

/**
 * One row per issued credit note ("Credit note INV-…-CN01", its date and reason beneath), when they
 * add up to what the invoice stores as credited; otherwise the stored sum in one row, since the
 * invoice's own figure is the one that decided the amount due.
 */
const creditNoteRows = (invoice: InvoiceRecord, context: { money: Money; seller: SellerRecord }): TotalsRow[] => {
  if (invoice.creditedMinor === 0n) return [];
  const issued = inIssueOrder(invoice).filter((creditNote) => creditNote.status === "issued");
  const rowOf = (creditNote: InvoiceCreditNoteRecord): TotalsRow => ({
    kind: "adjustment",
    label: `Credit note ${creditNote.number}`,
    amount: context.money(-creditNote.totalMinor),
    detail: `${formatInstantDate(creditNote.issuedAt, context.seller)} · ${CREDIT_NOTE_REASON_LABELS[creditNote.reason]}`,
  });
  if (issued.length > 0 && sumMinor(issued.map((creditNote) => creditNote.totalMinor)) === invoice.creditedMinor) {
    return issued.map(rowOf);
  }
  return [{ kind: "adjustment", label: "Credit notes", amount: context.money(-invoice.creditedMinor) }];
};

// ---------------------------------------------------------------- totals

/**
 * Subtotal, tax, total, then each thing that changed what is owed (when it did), then the amount
 * due. Credit notes never change the invoice's total, so with any the total reads "Original total".
 */
const totalsRows = (invoice: InvoiceRecord, context: { money: Money; seller: SellerRecord }): TotalsRow[] => {
  const { money, seller } = context;
  const rows: TotalsRow[] = [
    { kind: "subtotal", label: "Subtotal", amount: money(invoice.subtotalMinor) },
    ...taxRows(invoice, money, seller.locale),
    {
      kind: "total",
      label: invoice.creditedMinor > 0n ? "Original total" : "Total",
      amount: money(invoice.totalMinor),
    },
    ...creditNoteRows(invoice, context),
  ];
  const deduct = (label: string, minor: bigint) => rows.push({ kind: "adjustment", label, amount: money(-minor) });
  if (invoice.walletAppliedMinor > 0n) deduct("Credits applied", invoice.walletAppliedMinor);
  if (invoice.status !== "draft") deduct("Amount paid", invoice.paidMinor);
  if (invoice.refundedMinor > 0n) {
    rows.push({ kind: "adjustment", label: "Refunded", amount: money(invoice.refundedMinor) });
  }
  rows.push({ kind: "due", label: "Amount due", amount: money(invoice.amountDueMinor) });
  return rows;
};

// ---------------------------------------------------------------- documents

export const buildInvoiceDocument = (options: {
  invoice: InvoiceRecord;
  seller: SellerRecord;
  /** Today in the organisation's zone (a UTC-midnight date), which decides "Overdue". */
  today: Date;
}): InvoiceDocument => {
  const { invoice, seller, today } = options;
  const { locale } = seller;
  const money = (minor: bigint) => formatMoney(minor, invoice.currency, { locale });
  const payable = (invoice.status === "finalized" || invoice.status === "uncollectible") && invoice.amountDueMinor > 0n;
  const shownStatus = displayStatus(invoice, today);
  const usageBy =
    invoice.usageOwner && invoice.usageOwnerId && invoice.usageOwnerId !== invoice.customerId
      ? composed(invoice.usageOwner.name)
      : null;
  const payments = invoice.payments
    .filter((payment) => payment.kind === "payment" && payment.status === "succeeded")
    .sort((a, b) => b.receivedOn.getTime() - a.receivedOn.getTime() || b.createdAt.getTime() - a.createdAt.getTime());
  return {
    id: invoice.id,
    number: invoice.number,
    title: invoice.number ? `Invoice ${invoice.number}` : "Draft invoice",
    filename: invoicePdfFilename(invoice),
    status: invoice.status,
    displayStatus: shownStatus,
    statusLabel: STATUS_LABELS[shownStatus],
    mark: MARKS[invoice.status],
    currency: invoice.currency,
    issueDate: formatCalendarDate(invoice.issueDate, locale),
    dueDate: formatCalendarDate(invoice.dueDate, locale),
    paymentTerms: invoice.paymentTerms ? PAYMENT_TERMS_LABELS[invoice.paymentTerms] : null,
    period: formatPeriod(invoice.periodStart, invoice.periodEnd, seller),
    paidOn: invoice.status === "paid" && invoice.paidAt ? formatInstantDate(invoice.paidAt, seller) : null,
    voidedOn: invoice.status === "void" && invoice.voidedAt ? formatInstantDate(invoice.voidedAt, seller) : null,
    voidReason: invoice.status === "void" ? composedOrNull(invoice.voidReason) : null,
    sellerName: composed(seller.name),
    seller: sellerParty(seller),
    billTo: billedParty(invoice),
    usageBy,
    lines: [...invoice.lines]
      .sort((a, b) => a.position - b.position)
      .map((line) => lineOf(line, { money, seller, usageBy })),
    showTaxRates: showsTaxRates(invoice.lines),
    totals: totalsRows(invoice, { money, seller }),
    total: money(invoice.totalMinor),
    amountDue: money(invoice.amountDueMinor),
    payable,
    // A draft is a preview of what the customer will get, so it shows how to pay too.
    paymentInstructions: payable || invoice.status === "draft" ? composedOrNull(seller.paymentInstructions) : null,
    memo: composedOrNull(invoice.memo),
    footer: composedOrNull(invoice.footer || seller.invoiceFooter),
    payments: payments.map((payment) => ({
      receiptId: payment.receipt?.id ?? null,
      receiptNumber: payment.receipt?.number ?? null,
      receiptToken: payment.receipt?.publicToken ?? null,
      receivedOn: formatCalendarDate(payment.receivedOn, locale),
      method: PAYMENT_METHOD_LABELS[payment.method],
      reference: composedOrNull(payment.reference),
      amount: money(payment.amountMinor),
    })),
    creditNotes: creditNotesOf(invoice, { money, seller }),
  };
};

export const buildReceiptDocument = (options: { receipt: ReceiptRecord; seller: SellerRecord }): ReceiptDocument => {
  const { receipt, seller } = options;
  const { payment } = receipt;
  const money = (minor: bigint) => formatMoney(minor, receipt.currency, { locale: seller.locale });
  // Receipts exist only for payments on issued invoices, which always have a number.
  const invoiceNumber = payment.invoice.number ?? "Draft invoice";
  return {
    id: receipt.id,
    number: receipt.number,
    title: `Receipt ${receipt.number}`,
    filename: pdfFilename(receipt.number),
    invoiceNumber,
    currency: receipt.currency,
    issuedOn: formatInstantDate(receipt.issuedAt, seller),
    paidOn: formatCalendarDate(payment.receivedOn, seller.locale),
    method: PAYMENT_METHOD_LABELS[payment.method],
    reference: composedOrNull(payment.reference),
    amount: money(receipt.amountMinor),
    invoiceTotal: money(payment.invoice.totalMinor),
    amountRemaining: money(receipt.amountRemainingMinor),
    settled: receipt.amountRemainingMinor === 0n,
    sellerName: composed(seller.name),
    seller: sellerParty(seller),
    customer: billedParty(payment.invoice),
    footer: composedOrNull(payment.invoice.footer || seller.invoiceFooter),
  };
};

export type {
  ContactRecord,
  CreditNoteRecord,
  InvoiceCreditNoteRecord,
  InvoiceLineRecord,
  InvoicePaymentRecord,
  InvoiceRecord,
  ReceiptRecord,
  SellerRecord,
} from "./records";
