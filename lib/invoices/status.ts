// An invoice's state as people read it: the stored lifecycle status, and "overdue" derived from
// it (finalized, money still due, due date passed), never stored.
import type { InvoiceStatus, PaymentStatus } from "@/lib/db/generated/enums";

export type DisplayStatus = InvoiceStatus | "overdue";

export const isOverdue = (
  invoice: { status: InvoiceStatus; amountDueMinor: bigint; dueDate: Date },
  today: Date,
): boolean =>
  invoice.status === "finalized" && invoice.amountDueMinor > 0n && invoice.dueDate.getTime() < today.getTime();

export const displayStatus = (
  invoice: { status: InvoiceStatus; amountDueMinor: bigint; dueDate: Date },
  today: Date,
): DisplayStatus => (isOverdue(invoice, today) ? "overdue" : invoice.status);

export const STATUS_LABELS: Record<DisplayStatus, string> = {
  draft: "Draft",
  finalized: "Open",
  paid: "Paid",
  void: "Void",
  uncollectible: "Uncollectible",
  overdue: "Overdue",
};

export const PAYMENT_STATUS_LABELS: Record<PaymentStatus, string> = {
  unpaid: "Unpaid",
  partially_paid: "Partially paid",
  paid: "Paid",
  refunded: "Refunded",
  partially_refunded: "Partially refunded",
};
