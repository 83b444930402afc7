// Creating and changing subscriptions. Each function runs inside the caller's transaction and
// writes its audit entries there. The delegated payer is fixed at creation: it must be an active
// customer at that moment (checked under a lock, so an archive cannot slip in), and no later
// change may touch it; to change it, cancel and recreate.
import type { Tx } from "@/lib/db/client";
import { UserError } from "@/lib/errors";
import { newId } from "@/lib/ids";
import { subscriptionStart } from "./first-period";
import {
  OWNER_LOCKED_MESSAGE,
  PAYER_INACTIVE_MESSAGE,
  PAYER_LOCKED_MESSAGE,
  SAME_CUSTOMER_MESSAGE,
  type CreateSubscriptionInput,
  type UpdateSubscriptionInput,
} from "./schemas";
import {
  lockCustomersForShare,
  lockPlanForShare,
  lockSubscription,
  lockedSubscriptionSelect,
  recordSubscriptionAudit,
  dayIn,
  type LockedPlan,
  type SubscriptionActor,
} from "./shared";

export type { SubscriptionActor } from "./shared";

const INTERVAL_WORDS = { month: "monthly", year: "yearly" } as const;

/** An active plan of the organisation, or the reason it cannot be chosen (at the plan field). */
const requireActivePlan = async (tx: Tx, organizationId: string, planId: string): Promise<LockedPlan> => {
  const plan = await lockPlanForShare(tx, { organizationId, planId });
  if (!plan) throw new UserError("Choose a plan from the list", { field: "planId" });
  if (plan.archivedAt) throw new UserError(`${plan.name} is archived: choose an active plan`, { field: "planId" });
  return plan;
};

// ---------------------------------------------------------------- create

export const createSubscription = async (
  tx: Tx,
  { actor, input }: { actor: SubscriptionActor; input: CreateSubscriptionInput },
) => {
  const { organizationId } = actor;
  const payerId = input.invoicingCustomerId ?? input.customerId;
  if (input.invoicingCustomerId === input.customerId) {
    throw new UserError(SAME_CUSTOMER_MESSAGE, { field: "invoicingCustomerId" });
  }

  const customers = await lockCustomersForShare(tx, { organizationId, customerIds: [input.customerId, payerId] });
  const owner = customers.get(input.customerId);
  if (!owner)
    throw new UserError("Choose the customer who uses the subscription from the list", { field: "customerId" });
  if (owner.status !== "active") {
    throw new UserError(`${owner.name} is archived: restore the customer before subscribing them`, {
      field: "customerId",
    });
  }
  const plan = await requireActivePlan(tx, organizationId, input.planId);
  const payer = customers.get(payerId);
  if (!payer) throw new UserError("Choose the invoicing customer from the list", { field: "invoicingCustomerId" });
  if (payer.status !== "active") throw new UserError(PAYER_INACTIVE_MESSAGE, { field: "invoicingCustomerId" });

  // The form's dates are days on the organisation's calendar: each starts at midnight in its zone.
  const { timeZone } = await tx.organization.findUniqueOrThrow({
    where: { id: organizationId },
    select: { timeZone: true },
  });
  const { startDate, billingAnchor, period } = subscriptionStart({
    startDate: input.startDate,
    billingAnchor: input.billingAnchor,
    interval: plan.interval,
    timeZone,
  });
  const subscription = await tx.subscription.create({
    data: {
      id: newId("subscription"),
      organizationId,
      customerId: owner.id,
      invoicingCustomerId: payer.id,
      planId: plan.id,
      status: "active",
      startDate,
      billingAnchor,
      currentPeriodStart: period.start,
      currentPeriodEnd: period.end,
    },
    select: lockedSubscriptionSelect,
  });

  const delegated = payer.id !== owner.id;
  await recordSubscriptionAudit(tx, {
    actor,
    subscription,
    action: "subscription.created",
    summary: `Subscribed ${owner.name} to ${plan.name}${delegated ? `, invoiced to ${payer.name}` : ""}`,
    changes: {
      owner: { from: null, to: owner.name },
      invoicingCustomer: { from: null, to: payer.name },
      plan: { from: null, to: `${plan.name} (${plan.currency}, ${INTERVAL_WORDS[plan.interval]})` },
      startDate: { from: null, to: dayIn(startDate, timeZone) },
      billingAnchor: { from: null, to: dayIn(billingAnchor, timeZone) },
      currentPeriod: {
        from: null,
        to: `${dayIn(period.start, timeZone)} – ${dayIn(period.end, timeZone)} (${timeZone})`,
      },
    },
    customerSummaries: {
      owner: `Subscribed to ${plan.name}${delegated ? `, invoiced to ${payer.name}` : ""}`,
      payer: `Invoiced for ${owner.name}'s ${plan.name} subscription`,
    },
  });
  return subscription;
};

// ---------------------------------------------------------------- edit

export const updateSubscription = async (
  tx: Tx,
  { actor, input }: { actor: SubscriptionActor; input: UpdateSubscriptionInput },
) => {
  const before = await lockSubscription(tx, { actor, subscriptionId: input.subscriptionId });
  // The payer and the owner are fixed: a request naming others is refused, never half-applied.
  if (input.invoicingCustomerId !== undefined) {
    const requested = input.invoicingCustomerId || before.customerId;
    if (requested !== before.invoicingCustomerId) {
      throw new UserError(PAYER_LOCKED_MESSAGE, { field: "invoicingCustomerId" });
    }
  }
  if (input.customerId !== undefined && input.customerId !== before.customerId) {
    throw new UserError(OWNER_LOCKED_MESSAGE, { field: "customerId" });
  }
  if (before.status === "canceled") throw new UserError("This subscription is canceled: it can no longer be changed.");

  const changes: Record<string, { from: string | boolean; to: string | boolean }> = {};
  let planName = before.plan.name;
  if (input.planId !== before.planId) {
    const plan = await requireActivePlan(tx, actor.organizationId, input.planId);
    if (plan.currency !== before.plan.currency) {
      throw new UserError(
        `Choose a plan billed in ${before.plan.currency}: ${plan.name} is billed in ${plan.currency}`,
        {
          field: "planId",
        },
      );
    }
    if (plan.interval !== before.plan.interval) {
      throw new UserError(
        `Choose a plan billed ${INTERVAL_WORDS[before.plan.interval]}: ${plan.name} is billed ${INTERVAL_WORDS[plan.interval]}`,
        { field: "planId" },
      );
    }
    changes.plan = { from: before.plan.name, to: plan.name };
    planName = plan.name;
  }
  if (input.cancelAtPeriodEnd !== before.cancelAtPeriodEnd) {
    changes.cancelAtPeriodEnd = { from: before.cancelAtPeriodEnd, to: input.cancelAtPeriodEnd };
  }
  if (Object.keys(changes).length === 0) return before;

  const subscription = await tx.subscription.update({
    where: { id: before.id },
    data: { planId: input.planId, cancelAtPeriodEnd: input.cancelAtPeriodEnd },
    select: lockedSubscriptionSelect,
  });
  const said: string[] = [];
  if (changes.plan) said.push(`plan ${before.plan.name} → ${planName}`);
  if (changes.cancelAtPeriodEnd) {
    said.push(
      input.cancelAtPeriodEnd
        ? `cancels at the end of the period (${dayIn(before.currentPeriodEnd, before.organization.timeZone)})`
        : "no longer cancels at period end",
    );
  }
  await recordSubscriptionAudit(tx, {
    actor,
    subscription,
    action: "subscription.updated",
    summary: `Changed ${before.customer.name}'s subscription: ${said.join("; ")}`,
    changes,
  });
  return subscription;
};
