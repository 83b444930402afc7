// What the credit note forms send and the credit note actions accept, shared by the browser
// (zodResolver) and the server. Amounts stay text until the invoice's currency is known: the form
// checks them against the invoice it shows (issueCreditNoteFormSchema), the service against the
// invoice it has locked, both through evaluateCreditNote, so both refuse in the same words.
import type { Path } from "react-hook-form";
import { z } from "zod";
import type { CreditNoteReason, CreditNoteStatus } from "@/lib/db/generated/enums";
import { formatMoney, parseMoney, sumMinor } from "@/lib/money";
import {
  previewCreditNote,
  type CreditNoteIssue,
  type CreditNotePreview,
  type CreditNotePreviewInvoice,
} from "./preview";

export const CREDIT_NOTE_REASONS = [
  "duplicate",
  "fraudulent",
  "order_change",
  "product_unsatisfactory",
  "service_issue",
  "billing_error",
  "other",
] as const satisfies readonly CreditNoteReason[];

export const CREDIT_NOTE_REASON_LABELS: Record<CreditNoteReason, string> = {
  duplicate: "Duplicate",
  fraudulent: "Fraudulent",
  order_change: "Order change",
  product_unsatisfactory: "Product unsatisfactory",
  service_issue: "Service issue",
  billing_error: "Billing error",
  other: "Other",
};

export const CREDIT_NOTE_STATUS_LABELS: Record<CreditNoteStatus, string> = { issued: "Issued", void: "Void" };

export const CREDIT_NOTE_MODES = ["lines", "amount"] as const;
export type CreditNoteMode = (typeof CREDIT_NOTE_MODES)[number];

export const CREDIT_NOTE_MEMO_MAX_LENGTH = 1000;
const VOID_REASON_MAX_LENGTH = 500;
// An invoice has at most 500 lines (MAX_INVOICE_LINES); a credit note names each at most once.
const MAX_CREDITED_LINES = 500;

// ---------------------------------------------------------------- the issue form

const creditedLineSchema = z.object({
  invoiceLineId: z.string().trim(),
  /** As typed; blank leaves the line out. */
  quantity: z.string(),
});

const amountFields = {
  invoiceId: z.string().trim().min(1, "Choose an invoice"),
  mode: z.enum(CREDIT_NOTE_MODES, "Choose whether to credit lines or an amount"),
  lines: z.array(creditedLineSchema).max(MAX_CREDITED_LINES, "Too many lines").default([]),
  amount: z.string().trim().default(""),
  // Only used when the credit exceeds the amount due; blank is zero.
  refund: z.string().trim().default(""),
  walletCredit: z.string().trim().default(""),
  outOfBand: z.string().trim().default(""),
};

/** The preview action's input: the money part of the form, without reason and memo. */
export const previewCreditNoteSchema = z.object(amountFields);
export type PreviewCreditNoteValues = z.input<typeof previewCreditNoteSchema>;

/**
 * The issue form as the action accepts it. Checks that need the invoice (quantities left, amounts
 * in its currency, the split adding up) are in evaluateCreditNote, which the form runs through
 * issueCreditNoteFormSchema and the service runs on the locked invoice.
 */
export const issueCreditNoteSchema = z.object({
  ...amountFields,
  reason: z.enum(CREDIT_NOTE_REASONS, "Choose a reason"),
  memo: z
    .string()
    .trim()
    .min(1, "Write a memo: why is this credited?")
    .max(CREDIT_NOTE_MEMO_MAX_LENGTH, `A memo can be at most ${CREDIT_NOTE_MEMO_MAX_LENGTH} characters`),
});
export type IssueCreditNoteValues = z.input<typeof issueCreditNoteSchema>;
export type IssueCreditNoteInput = z.output<typeof issueCreditNoteSchema>;

// ---------------------------------------------------------------- checks against the invoice

export type CreditNoteSplit = { refundMinor: bigint; walletCreditMinor: bigint; outOfBandMinor: bigint };

export type CreditNoteEvaluation = {
  preview: CreditNotePreview;
  /** Where the part beyond the amount due goes; all zero when nothing was paid beyond it. */
  split: CreditNoteSplit;
  /** Every problem, at its field; empty when the credit note can be issued. */
  issues: CreditNoteIssue[];
};

/** The invoice as the form and the service see it: the preview's view plus its currency. */
export type CreditNoteInvoiceContext = CreditNotePreviewInvoice & { currency: string };

const SPLIT_FIELDS = ["refund", "walletCredit", "outOfBand"] as const;
type SplitField = (typeof SPLIT_FIELDS)[number];

const readSplit = (
  values: Record<SplitField, string>,
  { currency, issues }: { currency: string; issues: CreditNoteIssue[] },
): Record<SplitField, bigint> | null => {
  const parts: Partial<Record<SplitField, bigint>> = {};
  for (const field of SPLIT_FIELDS) {
    const text = values[field].trim();
    if (text === "") {
      parts[field] = 0n;
      continue;
    }
    const parsed = parseMoney(text, currency, { allowZero: true });
    if (parsed.ok) parts[field] = parsed.minor;
    else issues.push({ path: field, message: parsed.error });
  }
  return SPLIT_FIELDS.every((field) => parts[field] !== undefined) ? (parts as Record<SplitField, bigint>) : null;
};

/**
 * The credit note the values describe on this invoice, and what is wrong with them. The part beyond
 * the amount due must be split exactly into refund, wallet credit and out of band; when the sum is
 * off, the error sits at the first part filled in (the refund when none is).
 */
export const evaluateCreditNote = ({
  values,
  invoice,
  locale,
}: {
  values: Pick<IssueCreditNoteInput, "mode" | "lines" | "amount" | SplitField>;
  invoice: CreditNoteInvoiceContext;
  locale?: string;
}): CreditNoteEvaluation => {
  const issues: CreditNoteIssue[] = [];
  const money = (minor: bigint) => formatMoney(minor, invoice.currency, { locale });

  let amountMinor = 0n;
  if (values.mode === "amount") {
    const parsed = parseMoney(values.amount, invoice.currency);
    if (parsed.ok) amountMinor = parsed.minor;
    else
      issues.push({
        path: "amount",
        message: values.amount.trim() === "" ? "Enter the amount to credit" : parsed.error,
      });
  }
  const preview = previewCreditNote({
    invoice,
    input: values.mode === "lines" ? { mode: "lines", lines: values.lines } : { mode: "amount", amountMinor },
    locale,
  });
  // A refused amount already has its message; the preview's "greater than zero" would repeat it.
  for (const issue of preview.issues) {
    if (!issues.some((existing) => existing.path === issue.path)) issues.push(issue);
  }

  const split: CreditNoteSplit = { refundMinor: 0n, walletCreditMinor: 0n, outOfBandMinor: 0n };
  // Fields for the remainder are shown only when there is one; stale values in hidden fields are
  // ignored. A credit note the preview refuses has no remainder worth splitting yet.
  if (preview.remainderMinor === 0n || preview.issues.length > 0) return { preview, split, issues };

  const parts = readSplit(values, { currency: invoice.currency, issues });
  if (!parts) return { preview, split, issues };
  split.refundMinor = parts.refund;
  split.walletCreditMinor = parts.walletCredit;
  split.outOfBandMinor = parts.outOfBand;

  if (parts.refund > preview.refundableMinor) {
    issues.push({
      path: "refund",
      message:
        preview.refundableMinor === 0n
          ? "Nothing was paid that could be refunded: credit the wallet or record it out of band"
          : `At most ${money(preview.refundableMinor)} can be refunded: that is what was paid and not yet refunded`,
    });
  }
  const sum = sumMinor(SPLIT_FIELDS.map((field) => parts[field]));
  if (sum !== preview.remainderMinor) {
    const off = SPLIT_FIELDS.find((field) => parts[field] > 0n) ?? "refund";
    if (!issues.some((issue) => issue.path === off)) {
      issues.push({
        path: off,
        message: `Refund, wallet credit and out of band must add up to ${money(preview.remainderMinor)}; they add up to ${money(sum)}`,
      });
    }
  }
  return { preview, split, issues };
};

const issuePath = (path: string): (string | number)[] =>
  path.split(".").map((part) => (/^\d+$/.test(part) ? Number(part) : part));

/**
 * The issue form's schema in the browser: issueCreditNoteSchema plus every check against the
 * invoice the form shows, so errors appear at their field before anything is sent.
 */
export const issueCreditNoteFormSchema = ({
  invoice,
  locale,
}: {
  invoice: CreditNoteInvoiceContext;
  locale?: string;
}) =>
  issueCreditNoteSchema.superRefine((values, context) => {
    for (const issue of evaluateCreditNote({ values, invoice, locale }).issues) {
      context.addIssue({ code: "custom", path: issuePath(issue.path), message: issue.message });
    }
  });

const SCALAR_FIELDS = [
  "mode",
  "lines",
  "amount",
  "reason",
  "memo",
  "refund",
  "walletCredit",
  "outOfBand",
] as const satisfies readonly Path<IssueCreditNoteValues>[];

/** Every field path an error may land on, for applyServerErrors: "memo", "lines.2.quantity", ... */
export const issueCreditNoteFieldPaths = (lineCount: number): Path<IssueCreditNoteValues>[] => [
  ...SCALAR_FIELDS,
  ...Array.from({ length: lineCount }, (_, index) => `lines.${index}.quantity` as const),
];

// ---------------------------------------------------------------- void

export const voidCreditNoteSchema = z.object({
  creditNoteId: z.string().trim().min(1, "Choose a credit note"),
  reason: z
    .string()
    .trim()
    .min(1, "Say why the credit note is void")
    .max(VOID_REASON_MAX_LENGTH, `A reason can be at most ${VOID_REASON_MAX_LENGTH} characters`),
});
export type VoidCreditNoteValues = z.input<typeof voidCreditNoteSchema>;
