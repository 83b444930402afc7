// The first billing period the chosen plan, start date and anchor give, shown before saving so the
// anchor's effect is visible (a short first period when the anchor comes after the start). Worked out
// exactly as the service will, on the organisation's calendar.
import { cn } from "@/lib/cn";
import type { Locale } from "@/lib/format/date";
import { formatBillingPeriod } from "@/lib/format/period";
import { parseCalendarDate } from "@/lib/forms/calendar-date";
import { subscriptionStart } from "@/lib/subscriptions/first-period";
import type { PlanOption } from "@/lib/subscriptions/queries";

type FirstPeriodPreviewProps = {
  plan: PlanOption | null;
  startDate: string;
  billingAnchor: string;
  format: Locale;
  className?: string;
};

export const FirstPeriodPreview = ({ plan, startDate, billingAnchor, format, className }: FirstPeriodPreviewProps) => {
  const start = parseCalendarDate(startDate);
  const anchor = parseCalendarDate(billingAnchor);
  const period =
    plan && start && anchor
      ? subscriptionStart({
          startDate: start,
          billingAnchor: anchor,
          interval: plan.interval,
          timeZone: format.timeZone,
        }).period
      : null;
  return (
    <p aria-live="polite" className={cn("text-sm text-ink-700", className)}>
      {period
        ? `First period: ${formatBillingPeriod(period, format)} (${format.timeZone}), then ${plan?.interval === "year" ? "yearly" : "monthly"} from the anchor.`
        : "Choose a plan and dates to see the first billing period."}
    </p>
  );
};
