// The billing job's first half: every subscription whose period has ended gets that period billed,
// each period in its own transaction, so one failing subscription (an archived payer, say) is
// logged and retried next run while the others are billed.
import type { Db, Tx } from "@/lib/db/client";
import { log } from "@/lib/log";
import {
  billablePeriod,
  billSubscriptionPeriod,
  LAST_PERIOD_BILLED,
  lockSubscription,
  SUBSCRIPTION_ENTITY,
  SYSTEM_BILLING_LABEL,
  type BillingActor,
} from "./bill-period";

// A backlog (after downtime) drains run after run; a subscription catches up a year per run.
const SUBSCRIPTIONS_PER_RUN = 500;
const PERIODS_PER_SUBSCRIPTION = 12;

export const systemBillingActor = (organizationId: string): BillingActor => ({
  organizationId,
  name: SYSTEM_BILLING_LABEL,
});

/**
 * Bills the period of this subscription that has ended and is not billed yet, under its lock; null
 * when there is none (not ended, or a canceled subscription's last period already billed: a
 * canceled subscription is billed once, even if that invoice was voided or deleted since).
 */
export const billEndedPeriod = async (
  tx: Tx,
  { organizationId, subscriptionId, now }: { organizationId: string; subscriptionId: string; now: Date },
) => {
  const subscription = await lockSubscription(tx, { organizationId, subscriptionId });
  const period = billablePeriod(subscription);
  if (!period || period.end > now) return null;
  if (subscription.status === "canceled") {
    const invoiced = await tx.invoice.count({ where: { subscriptionId, periodStart: period.start } });
    const marked = await tx.auditEntry.count({
      where: { entityType: SUBSCRIPTION_ENTITY, entityId: subscriptionId, action: LAST_PERIOD_BILLED },
    });
    if (invoiced + marked > 0) return null;
  }
  return billSubscriptionPeriod(tx, { actor: systemBillingActor(organizationId), subscriptionId, period, now });
};

/** Subscriptions with a period to bill: live ones past their period's end, canceled ones not yet billed. */
const dueSubscriptions = (db: Db, now: Date) =>
  db.$queryRaw<{ id: string; organizationId: string }[]>`
    SELECT s."id", s."organizationId"
    FROM "Subscription" s
    WHERE (s."status" = 'active' AND s."currentPeriodEnd" <= ${now})
       OR (s."status" = 'canceled'
           AND LEAST(s."canceledAt", s."currentPeriodEnd") > s."currentPeriodStart"
           AND NOT EXISTS (
             SELECT 1 FROM "Invoice" i WHERE i."subscriptionId" = s."id" AND i."periodStart" = s."currentPeriodStart")
           AND NOT EXISTS (
             SELECT 1 FROM "AuditEntry" a
             WHERE a."entityType" = ${SUBSCRIPTION_ENTITY} AND a."entityId" = s."id" AND a."action" = ${LAST_PERIOD_BILLED}))
    ORDER BY s."currentPeriodEnd", s."id"
    LIMIT ${SUBSCRIPTIONS_PER_RUN}`;

export type BillingRunResult = { invoicesCreated: number; periodsClosed: number; failed: number };

export const billEndedPeriods = async ({ db, now }: { db: Db; now: Date }): Promise<BillingRunResult> => {
  const result: BillingRunResult = { invoicesCreated: 0, periodsClosed: 0, failed: 0 };
  for (const subscription of await dueSubscriptions(db, now)) {
    try {
      for (let period = 0; period < PERIODS_PER_SUBSCRIPTION; period++) {
        const billed = await db.$transaction((tx) =>
          billEndedPeriod(tx, { organizationId: subscription.organizationId, subscriptionId: subscription.id, now }),
        );
        if (!billed) break;
        result.periodsClosed += 1;
        if (billed.created) result.invoicesCreated += 1;
      }
    } catch (error) {
      result.failed += 1;
      log.error("subscription period not billed; retried next run", { subscriptionId: subscription.id, error });
    }
  }
  return result;
};
