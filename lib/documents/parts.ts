// What every document shares when it turns stored records into printed data: parties, dates in
// the organisation's zone, lines, and tax grouped per rate. Pure (no I/O).
import Decimal from "decimal.js";
import { z } from "zod";
import { countryName } from "@/lib/customers/format";
import { formatBillingPeriod } from "@/lib/format/period";
import { formatPercent, formatQuantity, sumMinor } from "@/lib/money";
import type { ContactRecord, InvoiceLineRecord, InvoiceRecord, SellerRecord } from "./records";
import type { DocumentParty, InvoiceDocumentLine, TotalsRow } from "./types";

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
export const formatInstantDate = (date: Date, seller: SellerRecord): string =>
  instantFormat(seller.locale, seller.timeZone).format(date);

/** A service period by its first and last day on the organisation's calendar ("Jun 1 – 30, 2024"). */
export const formatPeriod = (start: Date | null, end: Date | null, seller: SellerRecord): string | null =>
  start && end ? formatBillingPeriod({ start, end }, seller) : null;

// The PDF font runs without mark positioning (see fonts.ts), so an accent typed as a separate
// combining character ("e" + U+0301) is composed into one glyph ("é") first.
export const composed = (text: string): string => text.normalize("NFC");
export const composedOrNull = (text: string | null | undefined): string | null => (text ? composed(text) : null);

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
 * move or rename never rewrites an issued invoice (nor its credit notes and receipts); a draft
 * shows the customer as they are now.
 */
export const billedParty = (invoice: Pick<InvoiceRecord, "status" | "billToSnapshot" | "customer">): DocumentParty => {
  if (invoice.status === "draft") return toParty(invoice.customer);
  const snapshot = contactSchema.safeParse(invoice.billToSnapshot);
  return toParty(snapshot.success ? snapshot.data : invoice.customer);
};

export const sellerParty = (seller: SellerRecord): DocumentParty => toParty(seller, seller.legalName || seller.name);

// "20.0000" from the database and "20" are the same rate.
export const canonicalRate = (rate: string): string => new Decimal(rate).toFixed();

type TaxedLine = Pick<InvoiceLineRecord, "amountMinor" | "taxMinor" | "taxRatePercent">;

/** Tax per rate from the stored lines, lowest rate first; one plain row when they disagree with the stored tax. */
export const taxRows = (
  document: { lines: TaxedLine[]; taxMinor: bigint },
  money: (minor: bigint) => string,
  locale: string,
): TotalsRow[] => {
  const groups = new Map<string, { baseMinor: bigint; taxMinor: bigint }>();
  for (const line of document.lines) {
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
  // with it, or an untaxed document, show one plain row.
  if (!taxed || grouped !== document.taxMinor) return [{ kind: "tax", label: "Tax", amount: money(document.taxMinor) }];
  return rates.map((rate) => {
    const group = groups.get(rate)!;
    return {
      kind: "tax",
      label: `Tax (${formatPercent(rate, locale)} on ${money(group.baseMinor)})`,
      amount: money(group.taxMinor),
    };
  });
};

/** True when the lines carry different tax rates, so each line prints its own. */
export const showsTaxRates = (lines: Pick<InvoiceLineRecord, "taxRatePercent">[]): boolean =>
  new Set(lines.map((line) => canonicalRate(line.taxRatePercent))).size > 1;

/**
 * A line as the documents print it. Under a plan line of a delegated payer's invoice, whose usage
 * it bills: "Oct 1 – 31, 2026 · usage by Bluefin Retail".
 */
export const lineOf = (
  line: InvoiceLineRecord,
  context: { money: (minor: bigint) => string; seller: SellerRecord; usageBy?: string | null },
): InvoiceDocumentLine => ({
  position: line.position,
  description: composed(line.description),
  period:
    [
      formatPeriod(line.periodStart, line.periodEnd, context.seller),
      context.usageBy && line.priceId ? `usage by ${context.usageBy}` : null,
    ]
      .filter((part) => part)
      .join(" · ") || null,
  quantity: formatQuantity(new Decimal(line.quantity).toFixed(), context.seller.locale),
  unitPrice: context.money(line.unitAmountMinor),
  taxRate: formatPercent(canonicalRate(line.taxRatePercent), context.seller.locale),
  amount: context.money(line.amountMinor),
});
