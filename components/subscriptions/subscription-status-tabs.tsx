// All / Active / Cancels at period end / Canceled, as links so the filter lives in the address.
import Link from "next/link";
import { cn } from "@/lib/cn";
import {
  SUBSCRIPTION_STATUS_FILTER_LABELS,
  SUBSCRIPTION_STATUS_FILTERS,
  subscriptionListHref,
  type SubscriptionStatusFilter,
} from "@/lib/subscriptions/schemas";

export const SubscriptionStatusTabs = ({ status }: { status: SubscriptionStatusFilter }) => (
  <nav aria-label="Filter by status" className="flex flex-wrap gap-2">
    {SUBSCRIPTION_STATUS_FILTERS.map((value) => (
      <Link
        key={value}
        href={subscriptionListHref({ status: value })}
        aria-current={status === value ? "page" : undefined}
        className={cn(
          "rounded-full border px-3 py-1 text-sm",
          status === value
            ? "border-brand-600 bg-brand-50 text-brand-800"
            : "border-ink-200 bg-white text-ink-700 hover:bg-ink-50",
        )}
      >
        {SUBSCRIPTION_STATUS_FILTER_LABELS[value]}
      </Link>
    ))}
  </nav>
);
