// What Northwind sells and to whom: meters, plans with their prices and tiers, and the subscriptions
// (one of them paid for by a reseller) that the monthly invoices bill.
import type { Prisma } from "@/lib/db/generated/client";
import { newId } from "@/lib/ids";
import { DEMO_ORG_ID } from "../demo";
import { auditRow } from "./audit";
import type { Clock } from "./clock";
import {
  CUSTOMERS,
  METERS,
  PLANS,
  SUBSCRIPTIONS,
  type PlanKey,
  type PlanSeed,
  type SubscriptionKey,
  type SubscriptionSeed,
} from "./fixtures";
import { entriesOf, type DemoRows, type Ids } from "./rows";

/** When a demo subscription was canceled (mid-afternoon, London), or null for a live one. */
export const seededCancellation = (clock: Clock, subscription: SubscriptionSeed): Date | null =>
  subscription.canceledDaysAgo === undefined ? null : clock.ago(subscription.canceledDaysAgo, "15:30");

export const meterRows = ({ ids, createdAt }: { ids: Ids; createdAt: Date }): Prisma.MeterCreateManyInput[] =>
  entriesOf(METERS).map(([key, meter]) => ({
    id: ids.meters[key],
    organizationId: DEMO_ORG_ID,
    name: meter.name,
    eventName: meter.eventName,
    aggregation: meter.aggregation,
    property: meter.property,
    createdAt,
  }));

export const planRows = ({
  clock,
  ids,
  createdAt,
}: {
  clock: Clock;
  ids: Ids;
  createdAt: Date;
}): Pick<DemoRows, "plans" | "prices" | "priceTiers"> => {
  const out: Pick<DemoRows, "plans" | "prices" | "priceTiers"> = { plans: [], prices: [], priceTiers: [] };
  for (const [planKey, plan] of entriesOf<PlanKey, PlanSeed>(PLANS)) {
    out.plans.push({
      id: ids.plans[planKey],
      organizationId: DEMO_ORG_ID,
      code: plan.code,
      name: plan.name,
      currency: plan.currency,
      interval: "month",
      archivedAt: plan.archivedDaysAgo === undefined ? null : clock.ago(plan.archivedDaysAgo, "12:00"),
      createdAt,
    });
    plan.prices.forEach((price, position) => {
      const priceId = ids.prices[planKey][position]!;
      out.prices.push({
        id: priceId,
        planId: ids.plans[planKey],
        type: price.type,
        description: price.description,
        meterId: price.type === "flat" ? null : ids.meters[price.meter],
        unitAmountMinor: price.type === "tiered" ? null : price.unitAmountMinor,
        tierMode: price.type === "tiered" ? price.tierMode : null,
        position,
        createdAt,
      });
      if (price.type !== "tiered") return;
      price.tiers.forEach((tier, tierPosition) =>
        out.priceTiers.push({
          id: newId("priceTier"),
          priceId,
          position: tierPosition,
          upTo: tier.upTo === null ? null : String(tier.upTo),
          unitAmountMinor: tier.unitAmountMinor,
          flatAmountMinor: 0n,
        }),
      );
    });
  }
  return out;
};

export const subscriptionRows = ({
  clock,
  ids,
}: {
  clock: Clock;
  ids: Ids;
}): Pick<DemoRows, "subscriptions" | "auditEntries"> => {
  const auditEntries: Prisma.AuditEntryCreateManyInput[] = [];
  const currentMonth = clock.month(0);
  const subscriptions = entriesOf<SubscriptionKey, SubscriptionSeed>(SUBSCRIPTIONS).map(
    ([key, subscription]): Prisma.SubscriptionCreateManyInput => {
      const id = ids.subscriptions[key];
      const startDate = clock.month(subscription.startMonthsAgo).start;
      const canceledAt = seededCancellation(clock, subscription);
      // A canceled subscription's last period is the one it was canceled in.
      const lastPeriod = canceledAt ? clock.month(clock.monthsBack(canceledAt)) : currentMonth;
      const owner = CUSTOMERS[subscription.owner];
      const payer = subscription.payer ? CUSTOMERS[subscription.payer] : undefined;
      auditEntries.push(
        auditRow({
          at: startDate,
          action: "subscription.created",
          entityType: "subscription",
          entityId: id,
          summary: `Subscribed ${owner.name} to ${PLANS[subscription.plan].name}${payer ? `, invoiced to ${payer.name}` : ""}`,
        }),
      );
      if (canceledAt) {
        auditEntries.push(
          auditRow({
            at: canceledAt,
            action: "subscription.canceled",
            entityType: "subscription",
            entityId: id,
            summary: `Canceled ${owner.name}'s ${PLANS[subscription.plan].name} subscription`,
          }),
        );
      }
      return {
        id,
        organizationId: DEMO_ORG_ID,
        customerId: ids.customers[subscription.owner],
        invoicingCustomerId: ids.customers[subscription.payer ?? subscription.owner],
        planId: ids.plans[subscription.plan],
        status: canceledAt ? "canceled" : "active",
        startDate,
        billingAnchor: startDate,
        currentPeriodStart: lastPeriod.start,
        currentPeriodEnd: lastPeriod.end,
        cancelAtPeriodEnd: subscription.cancelAtPeriodEnd ?? false,
        canceledAt,
        createdAt: startDate,
      };
    },
  );
  return { subscriptions, auditEntries };
};
