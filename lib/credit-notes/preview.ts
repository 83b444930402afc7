// What a credit note would do to its invoice, before anything is saved: its lines and totals, how
// much of it lowers the amount due and how much was already paid (to be refunded, credited to the
// wallet or settled out of band). Pure: the form's live preview and the service compute it here.
import { computeLine } from "@/lib/invoices/totals";
import { allocateProportionally, formatMoney, formatQuantity, parseQuantity, sumMinor } from "@/lib/money";

export type CreditNotePreviewInvoiceLine = {
  id: string;
  description: string;
  /** Canonical decimal text ("2.5"). */
  quantity: string;
  unitAmountMinor: bigint;
  amountMinor: bigint;
  /** Decimal text in percent ("20", "20.0000"). */
  taxRatePercent: string;
  taxMinor: bigint;
};

export type CreditNotePreviewInvoice = {
  totalMinor: bigint;
  /** The totals of the invoice's credit notes that are not void. */
  creditedMinor: bigint;
  walletAppliedMinor: bigint;
  paidMinor: bigint;
  refundedMinor: bigint;
  amountDueMinor: bigint;
  lines: CreditNotePreviewInvoiceLine[];
  /** Per invoice line id: the quantity its credit notes that are not void already took back. */
  creditedQuantities?: Record<string, string>;
  /** For the messages: without a currency they name no amounts. */
  currency?: string;
  number?: string | null;
};

export type CreditNotePreviewInput =
  | { mode: "lines"; lines: { invoiceLineId: string; quantity: string }[] }
  /** amountMinor is what the credit note totals, tax included. */
  | { mode: "amount"; amountMinor: bigint; taxRatePercent?: string };

/** A credit note line as it will be stored. */
export type CreditNoteLineDraft = {
  /** Null for a credit by amount. */
  invoiceLineId: string | null;
  description: string;
  quantity: string;
  unitAmountMinor: bigint;
  amountMinor: bigint;
  taxRatePercent: string;
  taxMinor: bigint;
};

/** A problem with the input, at the form field it belongs to ("lines.2.quantity", "amount"). */
export type CreditNoteIssue = { path: string; message: string };

export type CreditNotePreview = {
  lines: CreditNoteLineDraft[];
  subtotalMinor: bigint;
  taxMinor: bigint;
  totalMinor: bigint;
  invoiceTotalMinor: bigint;
  creditedSoFarMinor: bigint;
  /** What the invoice can still be credited before this credit note. */
  creditableMinor: bigint;
  amountDueMinor: bigint;
  newAmountDueMinor: bigint;
  /** The part that lowers the amount due: min(total, amount due). */
  creditedToDueMinor: bigint;
  /** The part beyond what is due: already paid, so refunded, credited to the wallet or out of band. */
  remainderMinor: bigint;
  /** Money paid (not wallet credit) and not yet refunded: the most a refund can be. */
  refundableMinor: bigint;
  issues: CreditNoteIssue[];
};

export const AMOUNT_CREDIT_DESCRIPTION = "Amount credited";

const maxMinor = (a: bigint, b: bigint): bigint => (a > b ? a : b);
const minMinor = (a: bigint, b: bigint): bigint => (a < b ? a : b);

/** What the invoice can still be credited: its total less what its credit notes already took back. */
export const creditableAmount = (invoice: { totalMinor: bigint; creditedMinor: bigint }): bigint =>
  maxMinor(0n, invoice.totalMinor - invoice.creditedMinor);

// ---------------------------------------------------------------- quantities in millionths

// Quantities have at most six decimals (DECIMAL(20,6)); as whole millionths they add and compare
// exactly, with no decimal library.
const QUANTITY_SCALE = 6;

const toMicro = (quantity: string): bigint => {
  const [integer = "0", fraction = ""] = quantity.trim().split(".");
  return BigInt(`${integer}${fraction.slice(0, QUANTITY_SCALE).padEnd(QUANTITY_SCALE, "0")}`);
};

const fromMicro = (micro: bigint): string => {
  const digits = micro.toString().padStart(QUANTITY_SCALE + 1, "0");
  const integer = digits.slice(0, -QUANTITY_SCALE);
  const fraction = digits.slice(-QUANTITY_SCALE).replace(/0+$/, "");
  return fraction === "" ? integer : `${integer}.${fraction}`;
};

// ---------------------------------------------------------------- crediting lines

const cumulativeLine = (line: CreditNotePreviewInvoiceLine, micro: bigint) =>
  micro === 0n
    ? { amountMinor: 0n, taxMinor: 0n }
    : computeLine({
        quantity: fromMicro(micro),
        unitAmountMinor: line.unitAmountMinor,
        taxRatePercent: line.taxRatePercent,
      });

/**
 * Credits `micro` more of a line of which `creditedMicro` was credited before. The amount is the
 * difference of the rounded cumulative amounts, so a line's credits always add up to exactly its
 * invoiced amount and tax when all of it is credited, however it was split (three credits of 0.5
 * at 1 cent would each round up to 1 cent and together exceed the 2 cents invoiced).
 */
const creditLine = (line: CreditNotePreviewInvoiceLine, creditedMicro: bigint, micro: bigint): CreditNoteLineDraft => {
  const before = cumulativeLine(line, creditedMicro);
  const after = cumulativeLine(line, creditedMicro + micro);
  return {
    invoiceLineId: line.id,
    description: line.description,
    quantity: fromMicro(micro),
    unitAmountMinor: line.unitAmountMinor,
    amountMinor: after.amountMinor - before.amountMinor,
    taxRatePercent: line.taxRatePercent,
    taxMinor: after.taxMinor - before.taxMinor,
  };
};

const linesCredit = ({
  invoice,
  requested,
  issues,
  locale,
}: {
  invoice: CreditNotePreviewInvoice;
  requested: { invoiceLineId: string; quantity: string }[];
  issues: CreditNoteIssue[];
  locale?: string;
}): CreditNoteLineDraft[] => {
  const byId = new Map(invoice.lines.map((line) => [line.id, line]));
  const requestedMicro = new Map<string, bigint>();
  const drafts: CreditNoteLineDraft[] = [];
  requested.forEach((request, index) => {
    const at = (message: string) => issues.push({ path: `lines.${index}.quantity`, message });
    // A blank quantity is a line the user left alone.
    if (request.quantity.trim() === "") return;
    const parsed = parseQuantity(request.quantity, { allowZero: true });
    if (!parsed.ok) return at(parsed.error);
    const micro = toMicro(parsed.quantity);
    if (micro === 0n) return;
    const line = byId.get(request.invoiceLineId);
    if (!line) return issues.push({ path: `lines.${index}.invoiceLineId`, message: "This line is not on the invoice" });
    // Credit note amounts cannot be negative (the database refuses it): a discount is not taken back.
    if (line.unitAmountMinor < 0n) return at("A discount line cannot be credited");
    const creditedMicro = toMicro(invoice.creditedQuantities?.[line.id] ?? "0") + (requestedMicro.get(line.id) ?? 0n);
    const remainingMicro = maxMinor(0n, toMicro(line.quantity) - creditedMicro);
    if (micro > remainingMicro) {
      return at(
        remainingMicro === 0n
          ? "This line is already credited in full"
          : `At most ${formatQuantity(fromMicro(remainingMicro), locale)} can still be credited on this line`,
      );
    }
    requestedMicro.set(line.id, (requestedMicro.get(line.id) ?? 0n) + micro);
    drafts.push(creditLine(line, creditedMicro, micro));
  });
  if (drafts.length === 0 && issues.length === 0) {
    issues.push({ path: "lines", message: "Enter a quantity to credit on at least one line" });
  }
  return drafts;
};

// ---------------------------------------------------------------- crediting an amount

// The tax inside an amount that includes it: net = gross x 100 / (100 + rate), rounded half-up,
// and the tax is the rest, so net + tax is exactly the amount credited.
const RATE_SCALE = 10_000n;

const netOfTax = (grossMinor: bigint, ratePercent: string): bigint => {
  const rate = toMicro(ratePercent) / 100n; // percent with four decimals, as whole ten-thousandths
  const numerator = grossMinor * 100n * RATE_SCALE;
  const denominator = 100n * RATE_SCALE + rate;
  return (2n * numerator + denominator) / (2n * denominator);
};

const canonicalRate = (rate: string): string => fromMicro(toMicro(rate));

const amountLine = (grossMinor: bigint, ratePercent: string): CreditNoteLineDraft => {
  const net = netOfTax(grossMinor, ratePercent);
  return {
    invoiceLineId: null,
    description: AMOUNT_CREDIT_DESCRIPTION,
    quantity: "1",
    unitAmountMinor: net,
    amountMinor: net,
    taxRatePercent: canonicalRate(ratePercent),
    taxMinor: grossMinor - net,
  };
};

/**
 * An amount credited without naming lines: at the rate given, or else spread over the invoice's
 * tax rates in proportion to what each rate billed (tax included), so the tax taken back matches
 * the tax charged.
 */
const amountCredit = (invoice: CreditNotePreviewInvoice, amountMinor: bigint, taxRatePercent?: string) => {
  if (amountMinor <= 0n) return [];
  if (taxRatePercent !== undefined) return [amountLine(amountMinor, taxRatePercent)];
  const groups = new Map<string, bigint>();
  for (const line of invoice.lines) {
    const rate = canonicalRate(line.taxRatePercent);
    groups.set(rate, (groups.get(rate) ?? 0n) + line.amountMinor + line.taxMinor);
  }
  const rates = [...groups.keys()].sort((a, b) => (toMicro(a) < toMicro(b) ? -1 : 1));
  const weights = rates.map((rate) => maxMinor(0n, groups.get(rate)!));
  if (sumMinor(weights) === 0n) return [amountLine(amountMinor, "0")];
  const shares = allocateProportionally(amountMinor, weights);
  return rates.flatMap((rate, index) => (shares[index]! > 0n ? [amountLine(shares[index]!, rate)] : []));
};

// ---------------------------------------------------------------- the preview

const overCreditMessage = (
  invoice: CreditNotePreviewInvoice,
  { creditableMinor, locale }: { creditableMinor: bigint; locale?: string },
): string => {
  const on = invoice.number ? ` on ${invoice.number}` : "";
  if (creditableMinor === 0n) return `Nothing more can be credited${on}: it is credited in full`;
  if (!invoice.currency) return `This is more than can still be credited${on}`;
  return `At most ${formatMoney(creditableMinor, invoice.currency, { locale })} can still be credited${on}`;
};

export const previewCreditNote = ({
  invoice,
  input,
  locale,
}: {
  invoice: CreditNotePreviewInvoice;
  input: CreditNotePreviewInput;
  /** The organisation's locale, for amounts and quantities in messages (default en-US). */
  locale?: string;
}): CreditNotePreview => {
  const issues: CreditNoteIssue[] = [];
  let lines: CreditNoteLineDraft[];
  if (input.mode === "lines") {
    lines = linesCredit({ invoice, requested: input.lines, issues, locale });
  } else {
    if (input.amountMinor <= 0n) issues.push({ path: "amount", message: "Amount must be greater than zero" });
    lines = amountCredit(invoice, input.amountMinor, input.taxRatePercent);
  }

  const subtotalMinor = sumMinor(lines.map((line) => line.amountMinor));
  const taxMinor = sumMinor(lines.map((line) => line.taxMinor));
  const totalMinor = subtotalMinor + taxMinor;
  const creditableMinor = creditableAmount(invoice);
  if (totalMinor > creditableMinor && !issues.some((issue) => issue.path.startsWith(input.mode))) {
    issues.push({ path: input.mode, message: overCreditMessage(invoice, { creditableMinor, locale }) });
  }

  const creditedToDueMinor = minMinor(totalMinor, invoice.amountDueMinor);
  return {
    lines,
    subtotalMinor,
    taxMinor,
    totalMinor,
    invoiceTotalMinor: invoice.totalMinor,
    creditedSoFarMinor: invoice.creditedMinor,
    creditableMinor,
    amountDueMinor: invoice.amountDueMinor,
    newAmountDueMinor: invoice.amountDueMinor - creditedToDueMinor,
    creditedToDueMinor,
    remainderMinor: totalMinor - creditedToDueMinor,
    refundableMinor: maxMinor(0n, invoice.paidMinor - invoice.refundedMinor),
    issues,
  };
};
