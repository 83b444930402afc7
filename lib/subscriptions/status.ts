// A subscription's state as people read it: active, set to cancel at the period's end, or canceled.
import type { SubscriptionStatus } from "@/lib/db/generated/enums";

export type SubscriptionDisplayStatus = "active" | "canceling" | "canceled";

export const displayStatusOf = (subscription: {
  status: SubscriptionStatus;
  cancelAtPeriodEnd: boolean;
}): SubscriptionDisplayStatus => {
  if (subscription.status === "canceled") return "canceled";
  return subscription.cancelAtPeriodEnd ? "canceling" : "active";
};

export const SUBSCRIPTION_STATUS_LABELS: Record<SubscriptionDisplayStatus, string> = {
  active: "Active",
  canceling: "Cancels at period end",
  canceled: "Canceled",
};
