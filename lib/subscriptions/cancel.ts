// Ending a subscription: now (its current period is cut short at this moment, so the billing job
// bills the last short period), or at the end of the current period (which can be undone until then).
import type { Tx } from "@/lib/db/client";
import { UserError } from "@/lib/errors";
import type { CancelWhen } from "./schemas";
import {
  lockSubscription,
  lockedSubscriptionSelect,
  recordSubscriptionAudit,
  dayIn,
  type SubscriptionActor,
} from "./shared";

export const cancelSubscription = async (
  tx: Tx,
  {
    actor,
    subscriptionId,
    when,
    now = new Date(),
  }: { actor: SubscriptionActor; subscriptionId: string; when: CancelWhen; now?: Date },
) => {
  const before = await lockSubscription(tx, { actor, subscriptionId });
  if (before.status === "canceled") throw new UserError("This subscription is already canceled.");
  const label = `${before.customer.name}'s ${before.plan.name} subscription`;
  // Days as the organisation's calendar names them: a period ending at midnight in London ends "on" that day there.
  const { timeZone } = before.organization;
  const periodEndDay = dayIn(before.currentPeriodEnd, timeZone);

  if (when === "period_end") {
    if (before.cancelAtPeriodEnd) {
      throw new UserError(`This subscription already cancels at the end of the period (${periodEndDay}).`);
    }
    const subscription = await tx.subscription.update({
      where: { id: before.id },
      data: { cancelAtPeriodEnd: true },
      select: lockedSubscriptionSelect,
    });
    await recordSubscriptionAudit(tx, {
      actor,
      subscription,
      action: "subscription.cancel_scheduled",
      summary: `Set ${label} to cancel at the end of the period (${periodEndDay}, ${timeZone})`,
      changes: { cancelAtPeriodEnd: { from: false, to: true } },
      customerSummaries: {
        owner: `${before.plan.name} subscription set to cancel on ${periodEndDay}`,
        payer: `${label} set to cancel on ${periodEndDay}`,
      },
    });
    return subscription;
  }

  // The period ends now; one that has not begun yet (a future start) ends where it would have begun.
  const periodEnd = now.getTime() < before.currentPeriodStart.getTime() ? before.currentPeriodStart : now;
  const subscription = await tx.subscription.update({
    where: { id: before.id },
    data: { status: "canceled", canceledAt: now, currentPeriodEnd: periodEnd, cancelAtPeriodEnd: false },
    select: lockedSubscriptionSelect,
  });
  await recordSubscriptionAudit(tx, {
    actor,
    subscription,
    action: "subscription.canceled",
    summary: `Canceled ${label}; its last period runs ${dayIn(before.currentPeriodStart, timeZone)} to now`,
    changes: {
      status: { from: "active", to: "canceled" },
      canceledAt: { from: null, to: now.toISOString() },
      currentPeriodEnd: { from: before.currentPeriodEnd.toISOString(), to: periodEnd.toISOString() },
    },
    customerSummaries: { owner: `Canceled the ${before.plan.name} subscription`, payer: `Canceled ${label}` },
  });
  return subscription;
};

/** Undoes "cancel at period end" while the subscription is still active. */
export const resumeSubscription = async (
  tx: Tx,
  { actor, subscriptionId }: { actor: SubscriptionActor; subscriptionId: string },
) => {
  const before = await lockSubscription(tx, { actor, subscriptionId });
  if (before.status === "canceled") {
    throw new UserError("This subscription is canceled and cannot be resumed: create a new one.");
  }
  if (!before.cancelAtPeriodEnd) throw new UserError("This subscription is not set to cancel.");
  const subscription = await tx.subscription.update({
    where: { id: before.id },
    data: { cancelAtPeriodEnd: false },
    select: lockedSubscriptionSelect,
  });
  const label = `${before.customer.name}'s ${before.plan.name} subscription`;
  await recordSubscriptionAudit(tx, {
    actor,
    subscription,
    action: "subscription.cancel_undone",
    summary: `Kept ${label}: it no longer cancels at period end`,
    changes: { cancelAtPeriodEnd: { from: true, to: false } },
    customerSummaries: {
      owner: `${before.plan.name} subscription no longer cancels at period end`,
      payer: `${label} no longer cancels at period end`,
    },
  });
  return subscription;
};
