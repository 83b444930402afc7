// The cells every subscription table shares: the plan (linking to the subscription, with its currency
// and interval), and the status and current period (on the organisation's calendar, where periods turn).
import Link from "next/link";
import { Td } from "@/components/ui/table";
import type { SubscriptionStatus } from "@/lib/db/generated/enums";
import type { Locale } from "@/lib/format/date";
import { PeriodCell } from "./period-cell";
import { INTERVAL_LABELS } from "./plan-label";
import { SubscriptionStatusBadge } from "./subscription-status-badge";

type RowSubscription = {
  id: string;
  status: SubscriptionStatus;
  cancelAtPeriodEnd: boolean;
  currentPeriodStart: Date;
  currentPeriodEnd: Date;
  canceledAt: Date | null;
  plan: { name: string; currency: string; interval: keyof typeof INTERVAL_LABELS };
};

export const SubscriptionPlanCell = ({ subscription }: { subscription: RowSubscription }) => (
  <Td>
    <Link className="font-medium text-brand-700 hover:underline" href={`/subscriptions/${subscription.id}`}>
      {subscription.plan.name}
    </Link>
    <span className="block text-xs text-ink-600">
      {subscription.plan.currency} · {INTERVAL_LABELS[subscription.plan.interval]}
    </span>
  </Td>
);

/** The status and current-period cells, the last two of a subscription row. */
export const SubscriptionStateCells = ({ subscription, format }: { subscription: RowSubscription; format: Locale }) => (
  <>
    <Td className="whitespace-nowrap">
      <SubscriptionStatusBadge subscription={subscription} />
    </Td>
    <Td className="tabular">
      <PeriodCell subscription={subscription} locale={format.locale} timeZone={format.timeZone} />
    </Td>
  </>
);
