import { Badge, type BadgeTone } from "@/components/ui/badge";
import type { SubscriptionStatus } from "@/lib/db/generated/enums";
import {
  displayStatusOf,
  SUBSCRIPTION_STATUS_LABELS,
  type SubscriptionDisplayStatus,
} from "@/lib/subscriptions/status";

const TONES: Record<SubscriptionDisplayStatus, BadgeTone> = {
  active: "success",
  canceling: "warning",
  canceled: "neutral",
};

export const SubscriptionStatusBadge = ({
  subscription,
}: {
  subscription: { status: SubscriptionStatus; cancelAtPeriodEnd: boolean };
}) => {
  const status = displayStatusOf(subscription);
  return <Badge tone={TONES[status]}>{SUBSCRIPTION_STATUS_LABELS[status]}</Badge>;
};
