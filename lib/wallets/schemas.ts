// What the wallet forms send and the wallet actions accept: top-up, manual debit and applying credit
// to an invoice. Shared by the browser (zodResolver) and the server, so both refuse the same input
// in the same words at the same field. Money is parsed here, once, into minor units. No I/O.
import { z } from "zod";
import type { WalletTransactionReason } from "@/lib/db/generated/enums";
import { isSupportedCurrency, parseMoney, type CurrencyCode } from "@/lib/money";

export const WALLET_REASON_LABELS: Record<WalletTransactionReason, string> = {
  purchased: "Purchased",
  promotional: "Promotional",
  goodwill: "Goodwill",
  free_trial: "Free trial",
  subscription_grant: "Subscription grant",
  refund: "Refund",
  void_refund: "Void refund",
  invoice_payment: "Invoice payment",
  expiry: "Expiry",
  manual_debit: "Manual debit",
  void_reversal: "Void reversal",
};

/** Every reason a credit can carry, in the order the balance breakdown lists them. */
export const CREDIT_REASONS = [
  "purchased",
  "promotional",
  "goodwill",
  "free_trial",
  "subscription_grant",
  "refund",
  "void_refund",
] as const satisfies readonly WalletTransactionReason[];
export type CreditReason = (typeof CREDIT_REASONS)[number];

export const DEBIT_REASONS = [
  "invoice_payment",
  "expiry",
  "manual_debit",
  "void_reversal",
] as const satisfies readonly WalletTransactionReason[];
export type DebitReason = (typeof DEBIT_REASONS)[number];

/** The reasons a person may give a top-up; refunds come from credit notes, void refunds from voids. */
export const TOP_UP_REASONS = [
  "purchased",
  "promotional",
  "goodwill",
  "free_trial",
  "subscription_grant",
] as const satisfies readonly CreditReason[];
export type TopUpReason = (typeof TOP_UP_REASONS)[number];

export const DEFAULT_CREDIT_PRIORITY = 100;
export const MAX_CREDIT_PRIORITY = 1000;
export const WALLET_MEMO_MAX_LENGTH = 500;

const DATE_TEXT = /^(\d{4})-(\d{2})-(\d{2})$/;

/** "2024-08-31" -> that calendar date as UTC midnight, or null when it is not a real date. */
export const parseExpiryDate = (text: string): Date | null => {
  const match = DATE_TEXT.exec(text.trim());
  if (!match) return null;
  const [, year, month, day] = match.map(Number) as [number, number, number, number];
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return null;
  return date;
};

type Issue = { path: string[]; message: string };

const readCurrency = (issues: Issue[], text: string): CurrencyCode | null => {
  const currency = text.trim().toUpperCase();
  if (isSupportedCurrency(currency)) return currency;
  issues.push({ path: ["currency"], message: "Choose a currency from the list" });
  return null;
};

const readAmount = (issues: Issue[], { text, currency }: { text: string; currency: CurrencyCode | null }) => {
  if (!currency) return null;
  const parsed = parseMoney(text, currency);
  if (parsed.ok) return parsed.minor;
  issues.push({ path: ["amount"], message: parsed.error });
  return null;
};

const memoText = (label: string) =>
  z.string().trim().max(WALLET_MEMO_MAX_LENGTH, `${label} can be at most ${WALLET_MEMO_MAX_LENGTH} characters`);

const customerId = z.string().trim().min(1, "Choose a customer");

// ---------------------------------------------------------------- top-up

const topUpFields = z.object({
  customerId,
  currency: z.string(),
  amount: z.string(),
  reason: z.enum(TOP_UP_REASONS, "Choose why the credit is given"),
  /** "YYYY-MM-DD" or empty: the last day the credit can be used, in the organisation's time zone. */
  expiresOn: z.string().optional(),
  /** Whole number 0-1000 or empty (100): lower is consumed first. */
  priority: z.string().optional(),
  memo: memoText("The memo").optional(),
  /** Made once when the form opens, so a double submit or a retry credits once. */
  idempotencyKey: z.uuid("Reload the page and try again: the form's key is missing"),
});

export type TopUpInput = {
  customerId: string;
  currency: CurrencyCode;
  amountMinor: bigint;
  reason: TopUpReason;
  /** A calendar date (UTC midnight); the service checks it is not past in the organisation's zone. */
  expiresOn: Date | null;
  priority: number;
  memo: string | null;
  idempotencyKey: string;
};

const readPriority = (issues: Issue[], text: string | undefined): number => {
  const value = text?.trim() ?? "";
  if (value === "") return DEFAULT_CREDIT_PRIORITY;
  if (!/^\d{1,4}$/.test(value) || Number(value) > MAX_CREDIT_PRIORITY) {
    issues.push({
      path: ["priority"],
      message: `Enter a whole number from 0 to ${MAX_CREDIT_PRIORITY}; lower is used first`,
    });
    return DEFAULT_CREDIT_PRIORITY;
  }
  return Number(value);
};

export const topUpSchema = topUpFields.transform((values, context): TopUpInput => {
  const issues: Issue[] = [];
  const currency = readCurrency(issues, values.currency);
  const amountMinor = readAmount(issues, { text: values.amount, currency });
  const expiresText = values.expiresOn?.trim() ?? "";
  const expiresOn = expiresText === "" ? null : parseExpiryDate(expiresText);
  if (expiresText !== "" && !expiresOn) issues.push({ path: ["expiresOn"], message: "Enter a date like 2024-08-31" });
  const priority = readPriority(issues, values.priority);
  if (issues.length > 0 || !currency || amountMinor === null) {
    for (const issue of issues) context.addIssue({ code: "custom", ...issue });
    return z.NEVER;
  }
  const memo = values.memo?.trim() ?? "";
  return {
    customerId: values.customerId,
    currency,
    amountMinor,
    reason: values.reason,
    expiresOn,
    priority,
    memo: memo === "" ? null : memo,
    idempotencyKey: values.idempotencyKey,
  };
});
export type TopUpValues = z.input<typeof topUpSchema>;
export const TOP_UP_FIELDS = [
  "customerId",
  "currency",
  "amount",
  "reason",
  "expiresOn",
  "priority",
  "memo",
] as const satisfies readonly (keyof TopUpValues)[];

// ---------------------------------------------------------------- manual debit

const manualDebitFields = z.object({
  customerId,
  currency: z.string(),
  amount: z.string(),
  memo: memoText("The reason").min(1, "Say why the credit is taken off"),
  /** Optional: a form that sends one debits once however often it is submitted. */
  idempotencyKey: z.uuid("Reload the page and try again: the form's key is not valid").optional(),
});

export type ManualDebitInput = {
  customerId: string;
  currency: CurrencyCode;
  amountMinor: bigint;
  memo: string;
  idempotencyKey: string | null;
};

export const manualDebitSchema = manualDebitFields.transform((values, context): ManualDebitInput => {
  const issues: Issue[] = [];
  const currency = readCurrency(issues, values.currency);
  const amountMinor = readAmount(issues, { text: values.amount, currency });
  if (issues.length > 0 || !currency || amountMinor === null) {
    for (const issue of issues) context.addIssue({ code: "custom", ...issue });
    return z.NEVER;
  }
  return {
    customerId: values.customerId,
    currency,
    amountMinor,
    memo: values.memo,
    idempotencyKey: values.idempotencyKey ?? null,
  };
});
export type ManualDebitValues = z.input<typeof manualDebitSchema>;
export const MANUAL_DEBIT_FIELDS = [
  "customerId",
  "currency",
  "amount",
  "memo",
] as const satisfies readonly (keyof ManualDebitValues)[];

// ---------------------------------------------------------------- applying credit to an invoice

/**
 * The amount stays text here: the service parses it in the invoice's currency, which it knows
 * (and places any error at "amount"), as recordPaymentSchema does.
 */
export const applyCreditSchema = z.object({
  invoiceId: z.string().trim().min(1, "Choose an invoice"),
  amount: z.string().trim().min(1, "Enter the amount of credit to apply"),
});
export type ApplyCreditValues = z.input<typeof applyCreditSchema>;
export type ApplyCreditInput = z.output<typeof applyCreditSchema>;
export const APPLY_CREDIT_FIELDS = ["amount"] as const satisfies readonly (keyof ApplyCreditValues)[];
