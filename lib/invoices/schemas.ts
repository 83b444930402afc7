// What the invoice forms send and the invoice actions accept: one zod schema per form, shared by
// the browser (zodResolver) and the server, so both refuse the same input in the same words at the
// same field. Money is parsed here, once, into minor units. No I/O.
import type { Path } from "react-hook-form";
import { z } from "zod";
import type { PaymentMethod, PaymentTerms } from "@/lib/db/generated/enums";
import { calendarDate, calendarDateText, DATE_EXAMPLE, parseCalendarDate } from "@/lib/forms/calendar-date";
import { isSupportedCurrency, parseMoney, parsePercent, parseQuantity, type CurrencyCode } from "@/lib/money";
import { readBilledLine, type BilledLine } from "./billed-line";
import { computeInvoiceTotals } from "./totals";

// ---------------------------------------------------------------- payment terms and due dates

export const PAYMENT_TERMS = [
  "due_on_receipt",
  "net_15",
  "net_30",
  "net_60",
] as const satisfies readonly PaymentTerms[];

export const PAYMENT_TERMS_LABELS: Record<PaymentTerms, string> = {
  due_on_receipt: "Due on receipt",
  net_15: "Net 15",
  net_30: "Net 30",
  net_60: "Net 60",
};

export const PAYMENT_TERMS_DAYS: Record<PaymentTerms, number> = {
  due_on_receipt: 0,
  net_15: 15,
  net_30: 30,
  net_60: 60,
};

const DAY_MS = 24 * 60 * 60 * 1000;

/** The due date terms give a calendar date (UTC midnight): due on receipt is the issue date. */
export const dueDateFor = (issueDate: Date, terms: PaymentTerms): Date =>
  new Date(issueDate.getTime() + PAYMENT_TERMS_DAYS[terms] * DAY_MS);

// ---------------------------------------------------------------- calendar dates

// Parsed in lib/forms/calendar-date; exported here too for the invoice code that reads them.
export { calendarDateText, parseCalendarDate };

// ---------------------------------------------------------------- invoice numbers

export const CUSTOM_NUMBER_MAX_LENGTH = 40;
// The same characters a series format may print: numbers go into file names, URLs and bank references.
const CUSTOM_NUMBER_PATTERN = /^[A-Za-z0-9\-_/.]+$/;

/** Why a typed invoice number cannot be used, or null when its form is fine (uniqueness aside). */
export const customNumberError = (number: string): string | null => {
  if (number === "") return "Enter the invoice number";
  if (number.length > CUSTOM_NUMBER_MAX_LENGTH) {
    return `An invoice number can be at most ${CUSTOM_NUMBER_MAX_LENGTH} characters`;
  }
  if (!CUSTOM_NUMBER_PATTERN.test(number)) return "Use only letters, digits and - _ / . in an invoice number";
  return null;
};

// ---------------------------------------------------------------- the draft invoice form

export const MAX_INVOICE_LINES = 500;
const MAX_DESCRIPTION_LENGTH = 500;
const MAX_NOTE_LENGTH = 2000;

const lineFormSchema = z.object({
  description: z.string(),
  quantity: z.string(),
  unitPrice: z.string(),
  taxRate: z.string(),
  // Hidden (billed-line.ts): the plan price and period a subscription line bills; absent or "" on a
  // line added by hand. The service checks the price against the invoice's subscription.
  priceId: z.string().optional(),
  periodStart: z.string().optional(),
  periodEnd: z.string().optional(),
});

const draftInvoiceFields = z.object({
  invoiceId: z.string().optional(),
  // Read-only, for the form: the subscription a draft bills, whose payer and currency it cannot
  // change. The service goes by the stored invoice, never by this.
  subscriptionId: z.string().optional(),
  customerId: z.string(),
  currency: z.string(),
  issueDate: z.string(),
  dueMode: z.enum(["terms", "date"]),
  paymentTerms: z.enum(PAYMENT_TERMS, "Choose payment terms"),
  dueDate: z.string(),
  numbering: z.enum(["series", "custom"]),
  seriesId: z.string(),
  customNumber: z.string(),
  memo: z.string(),
  footer: z.string(),
  lines: z.array(lineFormSchema),
});

export type DraftLineInput = BilledLine & {
  description: string;
  /** Normalized decimal text. */
  quantity: string;
  unitAmountMinor: bigint;
  taxRatePercent: string;
};

export type DraftInvoiceInput = {
  /** Null: create a draft; else the draft to update. */
  invoiceId: string | null;
  customerId: string;
  currency: CurrencyCode;
  issueDate: Date;
  dueDate: Date;
  /** Null when the due date was set explicitly. */
  paymentTerms: PaymentTerms | null;
  /** Null: at finalization, the customer's default series, else the organisation's. Always null for a custom number. */
  seriesId: string | null;
  /** Null: numbered from the series at finalization. */
  customNumber: string | null;
  memo: string | null;
  footer: string | null;
  lines: DraftLineInput[];
};

type Issue = { path: (string | number)[]; message: string };

const readNote = (issues: Issue[], { text, label, path }: { text: string; label: string; path: string }) => {
  const value = text.trim();
  if (value.length > MAX_NOTE_LENGTH) {
    issues.push({ path: [path], message: `${label} can be at most ${MAX_NOTE_LENGTH} characters` });
  }
  return value === "" ? null : value;
};

const readDate = (
  issues: Issue[],
  { text, path, emptyMessage }: { text: string; path: string; emptyMessage: string },
) => {
  if (text.trim() === "") {
    issues.push({ path: [path], message: emptyMessage });
    return null;
  }
  const date = parseCalendarDate(text);
  if (!date) issues.push({ path: [path], message: DATE_EXAMPLE });
  return date;
};

const readLines = (
  issues: Issue[],
  { lines, currency }: { lines: z.output<typeof lineFormSchema>[]; currency: CurrencyCode | null },
): DraftLineInput[] => {
  if (lines.length === 0) issues.push({ path: ["lines"], message: "Add at least one line" });
  if (lines.length > MAX_INVOICE_LINES) {
    issues.push({ path: ["lines"], message: `An invoice can have at most ${MAX_INVOICE_LINES} lines` });
  }
  const parsed: DraftLineInput[] = [];
  lines.forEach((line, index) => {
    const at = (field: string, message: string) => issues.push({ path: ["lines", index, field], message });
    const description = line.description.trim();
    if (description === "") at("description", "Describe the line");
    if (description.length > MAX_DESCRIPTION_LENGTH) {
      at("description", `A description can be at most ${MAX_DESCRIPTION_LENGTH} characters`);
    }
    const quantity = parseQuantity(line.quantity);
    if (!quantity.ok) at("quantity", quantity.error);
    // Negative prices are discount lines; a zero price is a free item listed on the invoice.
    const unitPrice = currency ? parseMoney(line.unitPrice, currency, { allowZero: true, allowNegative: true }) : null;
    if (unitPrice && !unitPrice.ok) at("unitPrice", unitPrice.error);
    // An empty rate is an untaxed line, not a mistake.
    const taxRate = line.taxRate.trim() === "" ? { ok: true as const, percent: "0" } : parsePercent(line.taxRate);
    if (!taxRate.ok) at("taxRate", taxRate.error);
    // The hidden fields have no input of their own: a problem shows at the line's description.
    const billed = readBilledLine(line);
    if (!billed.ok) at("description", billed.error);
    if (quantity.ok && unitPrice?.ok && taxRate.ok && billed.ok) {
      parsed.push({
        description,
        quantity: quantity.quantity,
        unitAmountMinor: unitPrice.minor,
        taxRatePercent: taxRate.percent,
        ...billed.line,
      });
    }
  });
  return parsed;
};

/**
 * The draft invoice form: every value a string, as typed. Parsing collects every problem at once
 * (at paths like "lines.2.unitPrice") rather than stopping at the first, so the form shows them
 * all. The output is what the service stores: minor units, calendar dates, null for empty.
 */
export const draftInvoiceFormSchema = draftInvoiceFields.transform((values, context): DraftInvoiceInput => {
  const issues: Issue[] = [];

  const customerId = values.customerId.trim();
  if (customerId === "") issues.push({ path: ["customerId"], message: "Choose a customer" });

  const currencyText = values.currency.trim();
  const currency = isSupportedCurrency(currencyText) ? currencyText : null;
  if (!currency) issues.push({ path: ["currency"], message: "Choose a currency from the list" });

  const issueDate = readDate(issues, {
    text: values.issueDate,
    path: "issueDate",
    emptyMessage: "Enter the issue date",
  });
  let dueDate: Date | null = null;
  if (values.dueMode === "terms") {
    dueDate = issueDate ? dueDateFor(issueDate, values.paymentTerms) : null;
  } else {
    dueDate = readDate(issues, { text: values.dueDate, path: "dueDate", emptyMessage: "Enter the due date" });
    if (dueDate && issueDate && dueDate.getTime() < issueDate.getTime()) {
      issues.push({ path: ["dueDate"], message: "The due date cannot be before the issue date" });
    }
  }

  let customNumber: string | null = null;
  if (values.numbering === "custom") {
    customNumber = values.customNumber.trim();
    const numberError = customNumberError(customNumber);
    if (numberError) issues.push({ path: ["customNumber"], message: numberError });
  }

  const memo = readNote(issues, { text: values.memo, label: "The memo", path: "memo" });
  const footer = readNote(issues, { text: values.footer, label: "The footer", path: "footer" });
  const lines = readLines(issues, { lines: values.lines, currency });

  // Discount lines may be negative; the document may not (the database refuses it too).
  if (issues.length === 0) {
    const totals = computeInvoiceTotals(lines);
    if (totals.subtotalMinor < 0n || totals.taxMinor < 0n) {
      issues.push({
        path: ["lines"],
        message: "The lines add up to less than zero: an invoice total cannot be negative",
      });
    }
  }

  if (issues.length > 0 || !currency || !issueDate || !dueDate) {
    for (const issue of issues) context.addIssue({ code: "custom", ...issue });
    return z.NEVER;
  }
  const invoiceId = values.invoiceId?.trim();
  return {
    invoiceId: invoiceId ? invoiceId : null,
    customerId,
    currency,
    issueDate,
    dueDate,
    paymentTerms: values.dueMode === "terms" ? values.paymentTerms : null,
    seriesId: customNumber === null && values.seriesId.trim() !== "" ? values.seriesId.trim() : null,
    customNumber,
    memo,
    footer,
    lines,
  };
});

/** What the form holds and the action receives: strings, as typed. */
export type DraftInvoiceFormValues = z.input<typeof draftInvoiceFormSchema>;
export type DraftInvoiceLineValues = DraftInvoiceFormValues["lines"][number];

const DRAFT_SCALAR_FIELDS = [
  "customerId",
  "currency",
  "issueDate",
  "dueMode",
  "paymentTerms",
  "dueDate",
  "numbering",
  "seriesId",
  "customNumber",
  "memo",
  "footer",
  "lines",
] as const;
const LINE_FIELDS = ["description", "quantity", "unitPrice", "taxRate"] as const;

/** Every field path an error may land on, for applyServerErrors: "customerId", "lines.2.unitPrice", ... */
export const draftInvoiceFieldPaths = (lineCount: number): Path<DraftInvoiceFormValues>[] => [
  ...DRAFT_SCALAR_FIELDS,
  ...Array.from({ length: lineCount }, (_, index) =>
    LINE_FIELDS.map((field) => `lines.${index}.${field}` as const),
  ).flat(),
];

// ---------------------------------------------------------------- payments

export const PAYMENT_METHODS = [
  "bank_transfer",
  "card",
  "cheque",
  "cash",
  "other",
] as const satisfies readonly PaymentMethod[];
export type ManualPaymentMethod = (typeof PAYMENT_METHODS)[number];

export const PAYMENT_METHOD_LABELS: Record<PaymentMethod, string> = {
  bank_transfer: "Bank transfer",
  card: "Card",
  cheque: "Cheque",
  cash: "Cash",
  stripe: "Stripe",
  other: "Other",
  wallet: "Wallet credit",
};

export const PAYMENT_REFERENCE_MAX_LENGTH = 120;

const invoiceId = z.string().trim().min(1, "Choose an invoice");

/**
 * A manual payment. The amount stays text here: it is parsed in the invoice's currency by the
 * service, which knows it (and places any error at "amount").
 */
export const recordPaymentSchema = z.object({
  invoiceId,
  amount: z.string().trim().min(1, "Enter the amount received"),
  receivedOn: calendarDate("Enter the date the payment arrived"),
  method: z.enum(PAYMENT_METHODS, "Choose how it was paid"),
  reference: z
    .string()
    .trim()
    .max(PAYMENT_REFERENCE_MAX_LENGTH, `A reference can be at most ${PAYMENT_REFERENCE_MAX_LENGTH} characters`)
    .optional()
    .transform((value) => (value ? value : null)),
});
export type RecordPaymentValues = z.input<typeof recordPaymentSchema>;
export type RecordPaymentInput = z.output<typeof recordPaymentSchema>;

// ---------------------------------------------------------------- lifecycle and lookups

const REASON_MAX_LENGTH = 500;

export const voidInvoiceSchema = z.object({
  invoiceId,
  reason: z
    .string()
    .trim()
    .min(1, "Say why the invoice is void")
    .max(REASON_MAX_LENGTH, `A reason can be at most ${REASON_MAX_LENGTH} characters`),
});
export type VoidInvoiceValues = z.input<typeof voidInvoiceSchema>;

export const markUncollectibleSchema = z.object({
  invoiceId,
  reason: z
    .string()
    .trim()
    .max(REASON_MAX_LENGTH, `A reason can be at most ${REASON_MAX_LENGTH} characters`)
    // Optional in content, present in shape: the form always sends the field, "" for no reason.
    .transform((value) => (value ? value : null)),
});
export type MarkUncollectibleValues = z.input<typeof markUncollectibleSchema>;

export const invoiceIdSchema = z.object({ invoiceId });

export const checkInvoiceNumberSchema = z.object({
  number: z.string().trim(),
  invoiceId: z.string().trim().optional(),
});

export const customerSearchSchema = z.object({ q: z.string().trim().max(200, "Search for at most 200 characters") });
