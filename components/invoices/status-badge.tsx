import { Badge, type BadgeTone } from "@/components/ui/badge";
import type { PaymentStatus } from "@/lib/db/generated/enums";
import { PAYMENT_STATUS_LABELS, STATUS_LABELS, type DisplayStatus } from "@/lib/invoices/status";

const TONES: Record<DisplayStatus, BadgeTone> = {
  draft: "neutral",
  finalized: "info",
  paid: "success",
  void: "neutral",
  uncollectible: "warning",
  overdue: "danger",
};

export const InvoiceStatusBadge = ({ status }: { status: DisplayStatus }) => (
  <Badge tone={TONES[status]}>{STATUS_LABELS[status]}</Badge>
);

const PAYMENT_TONES: Record<PaymentStatus, BadgeTone> = {
  unpaid: "neutral",
  partially_paid: "warning",
  paid: "success",
  refunded: "neutral",
  partially_refunded: "warning",
};

export const PaymentStatusBadge = ({ status }: { status: PaymentStatus }) => (
  <Badge tone={PAYMENT_TONES[status]}>{PAYMENT_STATUS_LABELS[status]}</Badge>
);
