// The period column of subscription tables: the current period, or when a canceled one ended, read on
// the organisation's calendar (periods turn at midnight in its zone).
import { formatBillingPeriod, formatMoment } from "@/lib/format/period";

export const PeriodCell = ({
  subscription,
  locale,
  timeZone = "UTC",
}: {
  subscription: { status: string; currentPeriodStart: Date; currentPeriodEnd: Date; canceledAt: Date | null };
  locale: string;
  /** The organisation's zone. Without it the cell reads UTC, so its column must then say "(UTC)". */
  timeZone?: string;
}) => {
  const format = { locale, timeZone };
  return subscription.status === "canceled" && subscription.canceledAt ? (
    <>Canceled {formatMoment(subscription.canceledAt, format)}</>
  ) : (
    <>{formatBillingPeriod({ start: subscription.currentPeriodStart, end: subscription.currentPeriodEnd }, format)}</>
  );
};
