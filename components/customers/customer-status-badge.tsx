import { Badge, type BadgeTone } from "@/components/ui/badge";
import type { CustomerStatus } from "@/lib/db/generated/enums";
import { CUSTOMER_STATUS_LABELS } from "@/lib/customers/labels";

const TONES: Record<CustomerStatus, BadgeTone> = { active: "success", archived: "neutral" };

export const CustomerStatusBadge = ({ status }: { status: CustomerStatus }) => (
  <Badge tone={TONES[status]}>{CUSTOMER_STATUS_LABELS[status]}</Badge>
);
