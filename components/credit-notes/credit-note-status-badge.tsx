import { Badge } from "@/components/ui/badge";
import { CREDIT_NOTE_STATUS_LABELS } from "@/lib/credit-notes/schemas";
import type { CreditNoteStatus } from "@/lib/db/generated/enums";

export const CreditNoteStatusBadge = ({ status }: { status: CreditNoteStatus }) => (
  <Badge tone={status === "issued" ? "info" : "neutral"}>{CREDIT_NOTE_STATUS_LABELS[status]}</Badge>
);
