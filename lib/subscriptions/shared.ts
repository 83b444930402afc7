// What the subscription services share: who acts, the row locks, and the audit entries written on
// the subscription and on the customers it concerns. Every read is scoped by the actor's organisation.
import { recordAudit, userActor } from "@/lib/audit/record";
import type { CurrentUser } from "@/lib/auth/session";
import type { Tx } from "@/lib/db/client";
import type { Prisma } from "@/lib/db/generated/client";
import type { BillingInterval, CustomerStatus } from "@/lib/db/generated/enums";
import { NotFoundError } from "@/lib/errors";
import { todayIn } from "@/lib/format/date";

/** Who acts: the signed-in user (tests pass a plain object of the same shape). */
export type SubscriptionActor = Pick<CurrentUser, "id" | "organizationId" | "name" | "email">;

export const SUBSCRIPTION_ENTITY = "subscription";

export type LockedCustomer = { id: string; name: string; status: CustomerStatus };

/**
 * Reads the customers under a share lock, in id order (two creates never wait on each other in a
 * cycle). An archive takes the row FOR UPDATE, so it cannot commit between this check and the
 * subscription's commit; one that committed first is seen here. Missing ids are simply absent.
 */
export const lockCustomersForShare = async (
  tx: Tx,
  { organizationId, customerIds }: { organizationId: string; customerIds: string[] },
): Promise<Map<string, LockedCustomer>> => {
  const ids = [...new Set(customerIds)].sort();
  const rows = await tx.$queryRaw<LockedCustomer[]>`
    SELECT "id", "name", "status"::text AS "status" FROM "Customer"
    WHERE "organizationId" = ${organizationId} AND "id" = ANY(${ids}::text[])
    ORDER BY "id" FOR SHARE`;
  return new Map(rows.map((row) => [row.id, row]));
};

export type LockedPlan = {
  id: string;
  name: string;
  currency: string;
  interval: BillingInterval;
  archivedAt: Date | null;
};

/** The plan under a share lock (an archive racing the subscription waits), or null. */
export const lockPlanForShare = async (
  tx: Tx,
  { organizationId, planId }: { organizationId: string; planId: string },
): Promise<LockedPlan | null> => {
  const rows = await tx.$queryRaw<LockedPlan[]>`
    SELECT "id", "name", "currency"::text AS "currency", "interval"::text AS "interval", "archivedAt" FROM "Plan"
    WHERE "organizationId" = ${organizationId} AND "id" = ${planId} FOR SHARE`;
  return rows[0] ?? null;
};

export const lockedSubscriptionSelect = {
  id: true,
  organizationId: true,
  status: true,
  customerId: true,
  invoicingCustomerId: true,
  planId: true,
  startDate: true,
  billingAnchor: true,
  currentPeriodStart: true,
  currentPeriodEnd: true,
  cancelAtPeriodEnd: true,
  canceledAt: true,
  customer: { select: { id: true, name: true } },
  invoicingCustomer: { select: { id: true, name: true } },
  plan: { select: { id: true, name: true, currency: true, interval: true } },
  // Periods turn, and the audit trail names days, on the organisation's calendar.
  organization: { select: { timeZone: true } },
} as const satisfies Prisma.SubscriptionSelect;

export type LockedSubscription = Prisma.SubscriptionGetPayload<{ select: typeof lockedSubscriptionSelect }>;

/** Locks the subscription row (changes, cancels and billing queue up on it) and reads it. */
export const lockSubscription = async (
  tx: Tx,
  { actor, subscriptionId }: { actor: Pick<SubscriptionActor, "organizationId">; subscriptionId: string },
): Promise<LockedSubscription> => {
  const locked = await tx.$queryRaw<{ id: string }[]>`
    SELECT "id" FROM "Subscription"
    WHERE "id" = ${subscriptionId} AND "organizationId" = ${actor.organizationId} FOR UPDATE`;
  if (locked.length === 0) throw new NotFoundError("Subscription");
  return tx.subscription.findUniqueOrThrow({ where: { id: subscriptionId }, select: lockedSubscriptionSelect });
};

export const isDelegated = (subscription: { customerId: string; invoicingCustomerId: string }): boolean =>
  subscription.customerId !== subscription.invoicingCustomerId;

/** "2026-11-21": the calendar day an instant falls on in the organisation's zone, where periods turn. */
export const dayIn = (date: Date, timeZone: string): string => todayIn(timeZone, date).toISOString().slice(0, 10);

type SubscriptionAudit = {
  actor: SubscriptionActor;
  subscription: { id: string; customerId: string; invoicingCustomerId: string };
  action: string;
  summary: string;
  changes?: Prisma.InputJsonValue;
  reason?: string | null;
  /** One line each for the owner's and the payer's histories; omitted: the subscription's only. */
  customerSummaries?: { owner: string; payer: string };
};

/** The entry on the subscription, and (when given) one on the owner and one on a delegated payer. */
export const recordSubscriptionAudit = async (tx: Tx, entry: SubscriptionAudit) => {
  const { actor, subscription } = entry;
  const base = { organizationId: actor.organizationId, actor: userActor(actor), reason: entry.reason ?? null };
  await recordAudit(tx, {
    ...base,
    action: entry.action,
    entityType: SUBSCRIPTION_ENTITY,
    entityId: subscription.id,
    summary: entry.summary,
    changes: entry.changes,
  });
  if (!entry.customerSummaries) return;
  const customerEntries = [{ customerId: subscription.customerId, summary: entry.customerSummaries.owner }];
  if (isDelegated(subscription)) {
    customerEntries.push({ customerId: subscription.invoicingCustomerId, summary: entry.customerSummaries.payer });
  }
  for (const customerEntry of customerEntries) {
    await recordAudit(tx, {
      ...base,
      action: entry.action,
      entityType: "customer",
      entityId: customerEntry.customerId,
      summary: customerEntry.summary,
    });
  }
};
