// Turns stored invoice and receipt records into the documents' plain data: amounts formatted from
// the stored minor units, dates in the organisation's locale, tax grouped per rate from the stored
// lines. Pure (no I/O), so the PDF and the customer's page show the very same figures.
import Decimal from "decimal.js";
import { z } from "zod";
import { countryName } from "@/lib/customers/format";
import type { InvoiceStatus } from "@/lib/db/generated/enums";
import { formatCalendarDate } from "@/lib/format/date";
import { PAYMENT_METHOD_LABELS, PAYMENT_TERMS_LABELS } from "@/lib/invoices/schemas";
import { displayStatus, STATUS_LABELS } from "@/lib/invoices/status";
import { formatMoney, formatPercent, formatQuantity, sumMinor } from "@/lib/money";
import { invoicePdfFilename, pdfFilename } from "./filename";
import type { ContactRecord, InvoiceLineRecord, InvoiceRecord, ReceiptRecord, SellerRecord } from "./records";
import type {
  DocumentMark,
  DocumentParty,
  InvoiceDocument,
  InvoiceDocumentLine,
  ReceiptDocument,
  TotalsRow,
} from "./types";

// ---------------------------------------------------------------- labels

const MARKS: Record<InvoiceStatus, DocumentMark | null> = {
  draft: "DRAFT",
  finalized: null,
  paid: "PAID",
  void: "VOID",
  uncollectible: "UNCOLLECTIBLE",
};

// ---------------------------------------------------------------- helpers

// Building an Intl formatter costs far more than using one; a long invoice formats hundreds of dates.
const dateFormats = new Map<string, Intl.DateTimeFormat>();
const instantFormat = (locale: string, timeZone: string): Intl.DateTimeFormat => {
  const key = `${locale}|${timeZone}`;
  const cached = dateFormats.get(key);
  if (cached) return cached;
  const created = new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeZone });
  dateFormats.set(key, created);
  return created;
};

/** The calendar day an instant fell on in the organisation's zone ("Jun 3, 2024"). */
const formatInstantDate = (date: Date, seller: SellerRecord): string =>
  instantFormat(seller.locale, seller.timeZone).format(date);

const formatPeriod = (start: Date | null, end: Date | null, seller: SellerRecord): string | null =>
  start && end ? instantFormat(seller.locale, seller.timeZone).formatRange(start, end) : null;

// The PDF font runs without mark positioning (see fonts.ts), so an accent typed as a separate
// combining character ("e" + U+0301) is composed into one glyph ("é") first.
const composed = (text: string): string => text.normalize("NFC");
const composedOrNull = (text: string | null | undefined): string | null => (text ? composed(text) : null);

const contactSchema = z.object({
  name: z.string(),
  email: z.string().nullish(),
  addressLine1: z.string().nullish(),
  addressLine2: z.string().nullish(),
  city: z.string().nullish(),
  postalCode: z.string().nullish(),
  country: z.string().nullish(),
  taxId: z.string().nullish(),
});

const toParty = (contact: ContactRecord, name: string = contact.name): DocumentParty => ({
  name: composed(name),
  addressLines: [
    contact.addressLine1,
    contact.addressLine2,
    [contact.postalCode, contact.city].filter(Boolean).join(" "),
    contact.country ? countryName(contact.country) : null,
  ]
    .filter((line): line is string => Boolean(line))
    .map(composed),
  email: contact.email || null,
  taxId: contact.taxId || null,
});

/**
 * Who the document is addressed to: the details frozen at finalization, so a customer's later
 * move or rename never rewrites an issued invoice; a draft shows the customer as they are now.
 */
const billedParty = (invoice: Pick<InvoiceRecord, "status" | "billToSnapshot" | "customer">): DocumentParty => {
  if (invoice.status === "draft") return toParty(invoice.customer);
  const snapshot = contactSchema.safeParse(invoice.billToSnapshot);
  return toParty(snapshot.success ? snapshot.data : invoice.customer);
};

const sellerParty = (seller: SellerRecord): DocumentParty => toParty(seller, seller.legalName || seller.name);

// "20.0000" from the database and "20" are the same rate.
const canonicalRate = (rate: string): string => new Decimal(rate).toFixed();

const taxRows = (invoice: InvoiceRecord, money: (minor: bigint) => string, locale: string): TotalsRow[] => {
  const groups = new Map<string, { baseMinor: bigint; taxMinor: bigint }>();
  for (const line of invoice.lines) {
    const rate = canonicalRate(line.taxRatePercent);
    const group = groups.get(rate) ?? { baseMinor: 0n, taxMinor: 0n };
    group.baseMinor += line.amountMinor;
    group.taxMinor += line.taxMinor;
    groups.set(rate, group);
  }
  const rates = [...groups.keys()].sort((a, b) => new Decimal(a).comparedTo(b));
  const grouped = sumMinor([...groups.values()].map((group) => group.taxMinor));
  const taxed = rates.some((rate) => !new Decimal(rate).isZero());
  // The stored tax is the document's figure: the rows must add up to it. Lines that disagree
  // with it, or an untaxed invoice, show one plain row.
  if (!taxed || grouped !== invoice.taxMinor) return [{ kind: "tax", label: "Tax", amount: money(invoice.taxMinor) }];
  return rates.map((rate) => {
    const group = groups.get(rate)!;
    return {
      kind: "tax",
      label: `Tax (${formatPercent(rate, locale)} on ${money(group.baseMinor)})`,
      amount: money(group.taxMinor),
    };
  });
};

/** Subtotal, tax, total, then each thing that changed what is owed (when it did), then the amount due. */
const totalsRows = (invoice: InvoiceRecord, money: (minor: bigint) => string, locale: string): TotalsRow[] => {
  const rows: TotalsRow[] = [
    { kind: "subtotal", label: "Subtotal", amount: money(invoice.subtotalMinor) },
    ...taxRows(invoice, money, locale),
    { kind: "total", label: "Total", amount: money(invoice.totalMinor) },
  ];
  const deduct = (label: string, minor: bigint) => rows.push({ kind: "adjustment", label, amount: money(-minor) });
  if (invoice.creditedMinor > 0n) deduct("Credit notes", invoice.creditedMinor);
  if (invoice.walletAppliedMinor > 0n) deduct("Credits applied", invoice.walletAppliedMinor);
  if (invoice.status !== "draft") deduct("Amount paid", invoice.paidMinor);
  if (invoice.refundedMinor > 0n) {
    rows.push({ kind: "adjustment", label: "Refunded", amount: money(invoice.refundedMinor) });
  }
  rows.push({ kind: "due", label: "Amount due", amount: money(invoice.amountDueMinor) });
  return rows;
};

const lineOf = (
  line: InvoiceLineRecord,
  context: { money: (minor: bigint) => string; seller: SellerRecord },
): InvoiceDocumentLine => ({
  position: line.position,
  description: composed(line.description),
  period: formatPeriod(line.periodStart, line.periodEnd, context.seller),
  quantity: formatQuantity(new Decimal(line.quantity).toFixed(), context.seller.locale),
  unitPrice: context.money(line.unitAmountMinor),
  taxRate: formatPercent(canonicalRate(line.taxRatePercent), context.seller.locale),
  amount: context.money(line.amountMinor),
});

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
    usageBy:
      invoice.usageOwner && invoice.usageOwnerId && invoice.usageOwnerId !== invoice.customerId
        ? composed(invoice.usageOwner.name)
        : null,
    lines: [...invoice.lines].sort((a, b) => a.position - b.position).map((line) => lineOf(line, { money, seller })),
    showTaxRates: new Set(invoice.lines.map((line) => canonicalRate(line.taxRatePercent))).size > 1,
    totals: totalsRows(invoice, money, locale),
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
  InvoiceLineRecord,
  InvoicePaymentRecord,
  InvoiceRecord,
  ReceiptRecord,
  SellerRecord,
} from "./records";
