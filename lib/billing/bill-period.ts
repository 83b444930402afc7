// Billing one period of a subscription: a normal draft invoice (type "subscription") for the
// INVOICING customer, its lines priced from the OWNER's usage, under the subscription's row lock so
// a period is billed once however many runs (job, "Bill now", a retry) reach it at the same time.
import { recordAudit, type AuditActor } from "@/lib/audit/record";
import type { Tx } from "@/lib/db/client";
import { NotFoundError, UserError } from "@/lib/errors";
import { todayIn } from "@/lib/format/date";
import { newId, newPublicToken } from "@/lib/ids";
import { dueDateFor } from "@/lib/invoices/schemas";
import { activeInvoicingCustomer, INVOICE_ENTITY } from "@/lib/invoices/service/shared";
import { computeInvoiceTotals, computeLine } from "@/lib/invoices/totals";
import { formatMoney } from "@/lib/money";
import { subscriptionPeriodLines, type UsageLineDraft } from "./lines";
import { formatBillingPeriod } from "@/lib/format/period";
import { nextPeriod, type Period } from "./periods";

/** Who bills: a signed-in user (id, name, email) or, without an id, the billing job. */
export type BillingActor = { organizationId: string; id?: string | null; name?: string; email?: string };

export const SYSTEM_BILLING_LABEL = "Automatic billing";

export const billingAuditActor = (actor: BillingActor): AuditActor =>
  actor.id
    ? {
        type: "user",
        userId: actor.id,
        label: actor.email ? `${actor.name ?? actor.email} <${actor.email}>` : actor.id,
      }
    : { type: "system", label: actor.name ?? SYSTEM_BILLING_LABEL };

export const SUBSCRIPTION_ENTITY = "subscription";
export const LAST_PERIOD_BILLED = "subscription.last_period_billed";

const lockedSubscriptionSelect = {
  id: true,
  organizationId: true,
  customerId: true,
  invoicingCustomerId: true,
  status: true,
  billingAnchor: true,
  currentPeriodStart: true,
  currentPeriodEnd: true,
  cancelAtPeriodEnd: true,
  canceledAt: true,
  customer: { select: { name: true } },
  plan: { select: { name: true, currency: true, interval: true } },
  organization: { select: { locale: true, timeZone: true, paymentTerms: true } },
} as const;

/** Locks the subscription row until commit (every billing of it queues here) and reads it. */
export const lockSubscription = async (
  tx: Tx,
  { organizationId, subscriptionId }: { organizationId: string; subscriptionId: string },
) => {
  const locked = await tx.$queryRaw<{ id: string }[]>`
    SELECT "id" FROM "Subscription" WHERE "id" = ${subscriptionId} AND "organizationId" = ${organizationId} FOR UPDATE`;
  if (locked.length === 0) throw new NotFoundError("Subscription");
  return tx.subscription.findUniqueOrThrow({ where: { id: subscriptionId }, select: lockedSubscriptionSelect });
};

export type LockedSubscription = Awaited<ReturnType<typeof lockSubscription>>;

/**
 * The period billing would bill next: a live subscription's current period; a canceled one's last,
 * cut short at the cancellation (null when it ended before that period began).
 */
export const billablePeriod = (subscription: LockedSubscription): Period | null => {
  const { currentPeriodStart: start, currentPeriodEnd, canceledAt } = subscription;
  if (subscription.status === "active") return { start, end: currentPeriodEnd };
  const end = canceledAt && canceledAt < currentPeriodEnd ? canceledAt : currentPeriodEnd;
  return end > start ? { start, end } : null;
};

const billedInvoice = (tx: Tx, { subscriptionId, periodStart }: { subscriptionId: string; periodStart: Date }) =>
  tx.invoice.findFirst({
    where: { subscriptionId, periodStart, status: { not: "void" } },
    orderBy: { createdAt: "asc" },
    select: { id: true },
  });

/** "Jan 1 – 31, 2025": the period as the pages show it, in the organisation's zone. */
const periodText = (subscription: LockedSubscription, period: Period) =>
  formatBillingPeriod(period, subscription.organization);

const amounts = (line: UsageLineDraft) => {
  const { amountMinor, taxMinor } = computeLine(line);
  return { amountMinor, taxMinor };
};

const writeLines = (tx: Tx, { invoiceId, lines }: { invoiceId: string; lines: readonly UsageLineDraft[] }) =>
  tx.invoiceLine.createMany({
    data: lines.map((line, position) => ({ id: newId("invoiceLine"), invoiceId, position, ...line, ...amounts(line) })),
  });

const createPeriodInvoice = async (
  tx: Tx,
  {
    actor,
    subscription,
    period,
    now,
  }: { actor: BillingActor; subscription: LockedSubscription; period: Period; now: Date },
): Promise<string> => {
  const { organizationId, plan, organization } = subscription;
  const payer = await activeInvoicingCustomer(tx, { organizationId, customerId: subscription.invoicingCustomerId });
  const lines = await subscriptionPeriodLines(tx, { subscriptionId: subscription.id, period });
  if (lines.length === 0) throw new UserError(`The plan ${plan.name} has no prices: add one before billing it`);
  const totals = computeInvoiceTotals(lines);
  // Dated when the period ends, in the organisation's zone; a period billed early ("Bill now"), today.
  const issueDate = todayIn(organization.timeZone, period.end < now ? period.end : now);
  const invoiceId = newId("invoice");
  await tx.invoice.create({
    data: {
      id: invoiceId,
      organizationId,
      type: "subscription",
      status: "draft",
      publicToken: newPublicToken(),
      customerId: payer.id,
      usageOwnerId: subscription.customerId,
      subscriptionId: subscription.id,
      currency: plan.currency,
      issueDate,
      dueDate: dueDateFor(issueDate, organization.paymentTerms),
      paymentTerms: organization.paymentTerms,
      periodStart: period.start,
      periodEnd: period.end,
      subtotalMinor: totals.subtotalMinor,
      taxMinor: totals.taxMinor,
      totalMinor: totals.totalMinor,
      amountDueMinor: totals.totalMinor,
      usageCalculatedAt: now,
    },
    select: { id: true },
  });
  await writeLines(tx, { invoiceId, lines });

  const delegated = payer.id !== subscription.customerId ? `, usage by ${subscription.customer.name}` : "";
  const total = formatMoney(totals.totalMinor, plan.currency, { locale: organization.locale });
  await recordAudit(tx, {
    organizationId,
    actor: billingAuditActor(actor),
    action: "invoice.draft_created",
    entityType: INVOICE_ENTITY,
    entityId: invoiceId,
    summary: `Billed ${plan.name} for ${periodText(subscription, period)} to ${payer.name}${delegated}: ${total}`,
    changes: {
      subscriptionId: subscription.id,
      customer: payer.name,
      usageOwner: subscription.customer.name,
      periodStart: period.start.toISOString(),
      periodEnd: period.end.toISOString(),
      currency: plan.currency,
      lines: lines.length,
      totalMinor: totals.totalMinor.toString(),
    },
  });
  return invoiceId;
};

/**
 * After the current period is billed and has ended: the next period begins, or, for a subscription
 * set to cancel at period end, the subscription ends with it (the period stays its last).
 */
const closeEndedPeriod = async (
  tx: Tx,
  { actor, subscription }: { actor: BillingActor; subscription: LockedSubscription },
) => {
  const current = { start: subscription.currentPeriodStart, end: subscription.currentPeriodEnd };
  const audit = (action: string, summary: string, changes: Record<string, string | null>) =>
    recordAudit(tx, {
      organizationId: subscription.organizationId,
      actor: billingAuditActor(actor),
      action,
      entityType: SUBSCRIPTION_ENTITY,
      entityId: subscription.id,
      summary,
      changes,
    });
  if (subscription.cancelAtPeriodEnd) {
    await tx.subscription.update({
      where: { id: subscription.id },
      data: { status: "canceled", canceledAt: current.end, cancelAtPeriodEnd: false },
      select: { id: true },
    });
    await audit(
      "subscription.canceled",
      `${subscription.customer.name}'s ${subscription.plan.name} subscription ended with its last period (${periodText(subscription, current)})`,
      { status: "canceled", canceledAt: current.end.toISOString() },
    );
    return;
  }
  // On the organisation's calendar: a London month ends at midnight there, whatever the UTC offset.
  const next = nextPeriod(
    subscription.billingAnchor,
    subscription.plan.interval,
    current,
    subscription.organization.timeZone,
  );
  await tx.subscription.update({
    where: { id: subscription.id },
    data: { currentPeriodStart: next.start, currentPeriodEnd: next.end },
    select: { id: true },
  });
  await audit("subscription.period_started", `New billing period ${periodText(subscription, next)}`, {
    currentPeriodStart: next.start.toISOString(),
    currentPeriodEnd: next.end.toISOString(),
  });
};

/**
 * Creates the draft invoice of a subscription's period for its invoicing customer, or returns the
 * one already billed (created: false). Advances the subscription's current period when the billed
 * period is the current one and has ended.
 */
export const billSubscriptionPeriod = async (
  tx: Tx,
  {
    actor,
    subscriptionId,
    period,
    now = new Date(),
  }: { actor: BillingActor; subscriptionId: string; period: Period; now?: Date },
): Promise<{ invoiceId: string; created: boolean }> => {
  if (!(period.start < period.end)) throw new UserError("A billing period must end after it starts");
  const subscription = await lockSubscription(tx, { organizationId: actor.organizationId, subscriptionId });
  const existing = await billedInvoice(tx, { subscriptionId, periodStart: period.start });
  const invoiceId = existing?.id ?? (await createPeriodInvoice(tx, { actor, subscription, period, now }));
  const isCurrent = period.start.getTime() === subscription.currentPeriodStart.getTime();
  if (subscription.status === "active" && isCurrent && subscription.currentPeriodEnd <= now) {
    await closeEndedPeriod(tx, { actor, subscription });
  }
  if (subscription.status === "canceled" && isCurrent && !existing) {
    // The mark the job goes by: a canceled subscription's last period is billed once, even if
    // finance later deletes or voids that invoice.
    await recordAudit(tx, {
      organizationId: subscription.organizationId,
      actor: billingAuditActor(actor),
      action: LAST_PERIOD_BILLED,
      entityType: SUBSCRIPTION_ENTITY,
      entityId: subscription.id,
      summary: `Billed the last period of ${subscription.customer.name}'s canceled ${subscription.plan.name} subscription (${periodText(subscription, period)})`,
      changes: { invoiceId, periodStart: period.start.toISOString(), periodEnd: period.end.toISOString() },
    });
  }
  return { invoiceId, created: existing === null };
};

/** "Bill now": the subscription's current period (a canceled one's last), with the usage up to now. */
export const billNow = async (
  tx: Tx,
  { actor, subscriptionId, now = new Date() }: { actor: BillingActor; subscriptionId: string; now?: Date },
): Promise<{ invoiceId: string; created: boolean }> => {
  const subscription = await lockSubscription(tx, { organizationId: actor.organizationId, subscriptionId });
  const period = billablePeriod(subscription);
  if (!period)
    throw new UserError("This subscription was canceled before its last period began: there is nothing to bill");
  if (period.start > now)
    throw new UserError(
      "The subscription's first period has not started yet: there is nothing to bill before it begins",
    );
  return billSubscriptionPeriod(tx, { actor, subscriptionId, period, now });
};
