// Adding, changing, archiving and unarchiving plans. A plan that has subscriptions keeps its
// currency, interval and prices (invoices were billed from them; change them by a new plan), and
// an archived plan takes no new subscriptions. Every write holds the plan row and the catalogue
// lock, writes its audit entry in the caller's transaction, and is all or nothing.
import { recordAudit, userActor } from "@/lib/audit/record";
import { tierProblems } from "@/lib/billing/tiers";
import type { Tx } from "@/lib/db/client";
import type { Prisma } from "@/lib/db/generated/client";
import type { BillingInterval } from "@/lib/db/generated/enums";
import { NotFoundError, UserError } from "@/lib/errors";
import { newId } from "@/lib/ids";
import { canonicalPrices, storedPriceDrafts, type CanonicalPrice } from "./price-drafts";
import type { PlanInput, PriceDraft, UpdatePlanInput } from "./schemas";
import { lockCatalogue, plural, writeHoldingUnique, type CatalogueActor } from "./shared";

const ENTITY_TYPE = "plan";

export type PlanRow = {
  id: string;
  code: string;
  name: string;
  currency: string;
  interval: BillingInterval;
  archivedAt: Date | null;
};

const PLAN_COLUMNS = { id: true, code: true, name: true, currency: true, interval: true, archivedAt: true } as const;
const TIER_FIELD = { upTo: "upTo", unitAmount: "unitPrice", flatAmount: "flatFee" } as const;

const codeTaken = (code: string) => new UserError(`There is already a plan with the code ${code}`, { field: "code" });

// The schema checks all this for the form; the service checks again for every other caller.
const assertPricesValid = async (
  tx: Tx,
  { organizationId, prices }: { organizationId: string; prices: PriceDraft[] },
) => {
  if (prices.length === 0) throw new UserError("Add at least one price", { field: "prices" });
  for (const [at, price] of prices.entries()) {
    if (price.type === "tiered") {
      const [problem] = tierProblems(price.tiers);
      if (problem) {
        const field =
          price.tiers.length === 0
            ? `prices.${at}.tiers`
            : `prices.${at}.tiers.${problem.index}.${TIER_FIELD[problem.field]}`;
        throw new UserError(problem.message, { field });
      }
    } else if (price.unitAmountMinor <= 0n) {
      throw new UserError("Amount must be greater than zero", { field: `prices.${at}.unitPrice` });
    }
  }
  const meterIds = [...new Set(prices.flatMap((price) => (price.type === "flat" ? [] : [price.meterId])))];
  const found = await tx.meter.findMany({ where: { organizationId, id: { in: meterIds } }, select: { id: true } });
  const known = new Set(found.map((meter) => meter.id));
  const missing = prices.findIndex((price) => price.type !== "flat" && !known.has(price.meterId));
  if (missing >= 0) throw new UserError("Choose a meter from the list", { field: `prices.${missing}.meterId` });
};

// Case differences would read as one plan in a list, so the check ignores case.
const assertCodeFree = async (
  tx: Tx,
  { organizationId, code, exceptId }: { organizationId: string; code: string; exceptId?: string },
) => {
  const clash = await tx.plan.findFirst({
    where: {
      organizationId,
      code: { equals: code, mode: "insensitive" },
      ...(exceptId ? { id: { not: exceptId } } : {}),
    },
    select: { code: true },
  });
  if (clash) throw codeTaken(clash.code);
};

const writePrices = async (tx: Tx, { planId, prices }: { planId: string; prices: PriceDraft[] }) => {
  for (const [position, price] of prices.entries()) {
    await tx.price.create({
      data: {
        id: newId("price"),
        planId,
        type: price.type,
        description: price.description,
        meterId: price.type === "flat" ? null : price.meterId,
        unitAmountMinor: price.type === "tiered" ? null : price.unitAmountMinor,
        tierMode: price.type === "tiered" ? price.mode : null,
        position,
        tiers:
          price.type === "tiered"
            ? {
                create: price.tiers.map((tier, tierPosition) => ({
                  id: newId("priceTier"),
                  position: tierPosition,
                  upTo: tier.upTo,
                  unitAmountMinor: tier.unitAmountMinor,
                  flatAmountMinor: tier.flatAmountMinor,
                })),
              }
            : undefined,
      },
    });
  }
};

/** Locks the plan row (a subscription being created on it holds it FOR SHARE) and reads it. */
const lockPlan = async (
  tx: Tx,
  { organizationId, planId }: { organizationId: string; planId: string },
): Promise<PlanRow> => {
  const locked = await tx.$queryRaw<{ id: string }[]>`
    SELECT "id" FROM "Plan" WHERE "id" = ${planId} AND "organizationId" = ${organizationId} FOR UPDATE`;
  // Another organisation's plan is as good as absent: never confirm it exists.
  if (locked.length === 0) throw new NotFoundError("Plan");
  return tx.plan.findUniqueOrThrow({ where: { id: planId }, select: PLAN_COLUMNS });
};

/** Why a plan's prices cannot change, or null when they can: subscriptions, or invoice lines billed from them. */
export const pricesLockReason = async (tx: Tx, planId: string): Promise<string | null> => {
  const [subscriptions, billedLines] = await Promise.all([
    tx.subscription.count({ where: { planId } }),
    tx.invoiceLine.count({ where: { price: { planId } } }),
  ]);
  if (subscriptions > 0) {
    return `This plan has ${plural(subscriptions, "subscription")}, so its currency, interval and prices are locked: invoices are billed from them. To charge differently, add a new plan and archive this one.`;
  }
  if (billedLines > 0) {
    return "Invoices were billed from this plan's prices, so its currency, interval and prices are locked. To charge differently, add a new plan and archive this one.";
  }
  return null;
};

const priceSummary = (prices: CanonicalPrice[]) => prices.map((price) => `${price.type}: ${price.description}`);

export const createPlan = async (
  tx: Tx,
  { actor, input }: { actor: CatalogueActor; input: PlanInput },
): Promise<PlanRow> => {
  const { organizationId } = actor;
  await lockCatalogue(tx, organizationId);
  await assertPricesValid(tx, { organizationId, prices: input.prices });
  await assertCodeFree(tx, { organizationId, code: input.code });
  const planId = newId("plan");
  const plan = await writeHoldingUnique(
    tx,
    () => codeTaken(input.code),
    () =>
      tx.plan.create({
        data: {
          id: planId,
          organizationId,
          code: input.code,
          name: input.name,
          currency: input.currency,
          interval: input.interval,
        },
        select: PLAN_COLUMNS,
      }),
  );
  await writePrices(tx, { planId, prices: input.prices });
  await recordAudit(tx, {
    organizationId,
    actor: userActor(actor),
    action: "plan.created",
    entityType: ENTITY_TYPE,
    entityId: planId,
    summary: `Added plan ${input.name} (${input.code}), billed ${input.interval === "month" ? "monthly" : "yearly"} in ${input.currency}, with ${plural(input.prices.length, "price")}`,
    changes: { prices: priceSummary(canonicalPrices(input.prices)) },
  });
  return plan;
};

export const updatePlan = async (
  tx: Tx,
  { actor, input }: { actor: CatalogueActor; input: UpdatePlanInput },
): Promise<PlanRow> => {
  const { organizationId } = actor;
  await lockCatalogue(tx, organizationId);
  const before = await lockPlan(tx, { organizationId, planId: input.planId });
  const beforePrices = canonicalPrices(await storedPriceDrafts(tx, before.id));
  const nextPrices = canonicalPrices(input.prices);
  const changed = {
    code: before.code !== input.code,
    name: before.name !== input.name,
    currency: before.currency !== input.currency,
    interval: before.interval !== input.interval,
    prices: JSON.stringify(beforePrices) !== JSON.stringify(nextPrices),
  };
  const billingField = (["currency", "interval", "prices"] as const).find((field) => changed[field]);
  if (billingField) {
    const lockReason = await pricesLockReason(tx, before.id);
    if (lockReason) throw new UserError(lockReason, { field: billingField });
    await assertPricesValid(tx, { organizationId, prices: input.prices });
  }
  const changedFields = (Object.keys(changed) as (keyof typeof changed)[]).filter((field) => changed[field]);
  if (changedFields.length === 0) return before;

  if (changed.code) await assertCodeFree(tx, { organizationId, code: input.code, exceptId: before.id });
  const plan = await writeHoldingUnique(
    tx,
    () => codeTaken(input.code),
    () =>
      tx.plan.update({
        where: { id: before.id },
        data: { code: input.code, name: input.name, currency: input.currency, interval: input.interval },
        select: PLAN_COLUMNS,
      }),
  );
  if (changed.prices || changed.currency) {
    // Nothing refers to these rows (the plan has no subscriptions or billed lines): replace them whole.
    await tx.price.deleteMany({ where: { planId: before.id } });
    await writePrices(tx, { planId: before.id, prices: input.prices });
  }
  const changes: Record<string, Prisma.InputJsonValue> = {};
  for (const field of ["code", "name", "currency", "interval"] as const) {
    if (changed[field]) changes[field] = { from: before[field], to: input[field] };
  }
  if (changed.prices) changes.prices = { from: priceSummary(beforePrices), to: priceSummary(nextPrices) };
  await recordAudit(tx, {
    organizationId,
    actor: userActor(actor),
    action: "plan.updated",
    entityType: ENTITY_TYPE,
    entityId: before.id,
    summary: `Changed plan ${input.name}: ${changedFields.join(", ")}`,
    changes,
  });
  return plan;
};

const setArchived = async (
  tx: Tx,
  { actor, planId, archived }: { actor: CatalogueActor; planId: string; archived: boolean },
): Promise<PlanRow> => {
  const { organizationId } = actor;
  const before = await lockPlan(tx, { organizationId, planId });
  if (archived === (before.archivedAt !== null)) {
    throw new UserError(archived ? `${before.name} is already archived` : `${before.name} is not archived`);
  }
  const plan = await tx.plan.update({
    where: { id: before.id },
    data: { archivedAt: archived ? new Date() : null },
    select: PLAN_COLUMNS,
  });
  await recordAudit(tx, {
    organizationId,
    actor: userActor(actor),
    action: archived ? "plan.archived" : "plan.unarchived",
    entityType: ENTITY_TYPE,
    entityId: before.id,
    summary: archived
      ? `Archived plan ${before.name}: existing subscriptions continue, no new ones can start`
      : `Unarchived plan ${before.name}: new subscriptions can start on it again`,
  });
  return plan;
};

export const archivePlan = (tx: Tx, input: { actor: CatalogueActor; planId: string }) =>
  setArchived(tx, { ...input, archived: true });

export const unarchivePlan = (tx: Tx, input: { actor: CatalogueActor; planId: string }) =>
  setArchived(tx, { ...input, archived: false });
