// The first billing period of a new subscription: the anchor's period that holds the start date,
// begun no earlier than the start (usage and fees before the subscription existed are not its own).
// The form's dates are calendar dates on the organisation's calendar: each stands for midnight there.
import { periodContaining, type BillingInterval, type Period } from "@/lib/billing/periods";
import { startOfDayIn } from "@/lib/wallets/dates";

export const firstPeriod = ({
  startDate,
  billingAnchor,
  interval,
  timeZone,
}: {
  startDate: Date;
  billingAnchor: Date;
  interval: BillingInterval;
  /** The organisation's zone: periods turn at midnight there. */
  timeZone: string;
}): Period => {
  const period = periodContaining(billingAnchor, interval, startDate, timeZone);
  // With the anchor after the start (Jan 15 start, Feb 1 anchor), the anchor's period holding the
  // start began before it (Jan 1): the first period is then the short stretch from the start.
  const start = period.start.getTime() < startDate.getTime() ? new Date(startDate.getTime()) : period.start;
  return { start, end: period.end };
};

/**
 * What a subscription's calendar dates (UTC midnights, as the form's schema gives them) stand for in
 * the organisation's zone: the instants its start and anchor are stored as, and its first period.
 * The service and the form's preview both use it, so what the form shows is what gets saved.
 */
export const subscriptionStart = ({
  startDate,
  billingAnchor,
  interval,
  timeZone,
}: {
  startDate: Date;
  billingAnchor: Date;
  interval: BillingInterval;
  timeZone: string;
}): { startDate: Date; billingAnchor: Date; period: Period } => {
  const start = startOfDayIn(startDate, timeZone);
  const anchor = startOfDayIn(billingAnchor, timeZone);
  return {
    startDate: start,
    billingAnchor: anchor,
    period: firstPeriod({ startDate: start, billingAnchor: anchor, interval, timeZone }),
  };
};
