// Usage so far in a subscription's current period: each usage price's meter aggregated in SQL over
// the OWNER's events from the period's start up to now, and what billing the period now would
// charge (the same lines "Bill now" produces), before tax.
import { subscriptionPeriodLines, meterDefinition } from "@/lib/billing/lines";
import type { Period } from "@/lib/billing/periods";
import { db, type Tx } from "@/lib/db/client";
import { computeLine } from "@/lib/invoices/totals";
import { sumMinor } from "@/lib/money";
import { aggregateUsage, type MeterDefinition } from "@/lib/usage/aggregate";
import type { SubscriptionDetail } from "./queries";

export type UsageSoFarRow = {
  priceId: string;
  description: string;
  meterName: string;
  quantity: string;
  /** What the price's lines come to on that quantity, before tax. */
  amountMinor: bigint;
};

export type UsageSoFar = {
  /** From the period's start to now (or to the period's end, when that is sooner). */
  period: Period;
  /** True when the whole period lies in the past (a canceled subscription's last one, say). */
  periodEnded: boolean;
  rows: UsageSoFarRow[];
  /** Every line of the period so far, flat fees included, before tax. */
  periodAmountMinor: bigint;
};

/** Where the current period stops counting: its end, or the cancellation when that came first (as billing cuts it). */
const countedUntil = (subscription: { currentPeriodEnd: Date; canceledAt: Date | null }): number =>
  Math.min(subscription.currentPeriodEnd.getTime(), subscription.canceledAt?.getTime() ?? Infinity);

/** The stretch of the current period that has happened; null when it has not begun. */
export const elapsedPeriod = (
  subscription: { currentPeriodStart: Date; currentPeriodEnd: Date; canceledAt: Date | null },
  now: Date,
): Period | null => {
  if (now.getTime() <= subscription.currentPeriodStart.getTime()) return null;
  // A subscription canceled before its period began counts nothing: an empty stretch at its start.
  const end = Math.max(Math.min(now.getTime(), countedUntil(subscription)), subscription.currentPeriodStart.getTime());
  return { start: subscription.currentPeriodStart, end: new Date(end) };
};

export const getUsageSoFar = async (
  subscription: SubscriptionDetail["subscription"],
  now: Date,
  client: Tx = db,
): Promise<UsageSoFar | null> => {
  const period = elapsedPeriod(subscription, now);
  if (!period) return null;
  const usagePrices = subscription.plan.prices.filter((price) => price.meter !== null);
  const meters = new Map<string, MeterDefinition>();
  for (const price of usagePrices) if (price.meter) meters.set(price.meter.id, meterDefinition(price.meter));
  const [quantities, lines] = await Promise.all([
    aggregateUsage(client, {
      organizationId: subscription.organizationId,
      customerId: subscription.customer.id,
      meters: [...meters.values()],
      period,
    }),
    subscriptionPeriodLines(client, { subscriptionId: subscription.id, period }),
  ]);
  const amountOf = (priceId: string) =>
    sumMinor(lines.filter((line) => line.priceId === priceId).map((line) => computeLine(line).amountMinor));
  return {
    period,
    periodEnded: period.end.getTime() === countedUntil(subscription),
    rows: usagePrices.map((price) => ({
      priceId: price.id,
      description: price.description,
      meterName: price.meter?.name ?? "",
      quantity: quantities.get(price.meter?.id ?? "") ?? "0",
      amountMinor: amountOf(price.id),
    })),
    periodAmountMinor: sumMinor(lines.map((line) => computeLine(line).amountMinor)),
  };
};
