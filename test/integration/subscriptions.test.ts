// Subscriptions against a real PostgreSQL: the delegated payer must be active when the subscription
// is created (checked under a lock, so an archive racing the create is seen), cannot be the owner
// and cannot change afterwards; archived plans and owners are refused with nothing written; periods
// follow the billing anchor on the organisation's calendar (midnight in its zone, whatever the UTC
// offset); cancel now cuts the period short, cancel at period end can be undone.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDb, type Db } from "@/lib/db/client";
import type { BillingInterval } from "@/lib/db/generated/enums";
import { archiveCustomer } from "@/lib/customers/service";
import { UserError } from "@/lib/errors";
import { newId } from "@/lib/ids";
import { cancelSubscription, resumeSubscription } from "@/lib/subscriptions/cancel";
import {
  createSubscriptionSchema,
  PAYER_INACTIVE_MESSAGE,
  PAYER_LOCKED_MESSAGE,
  SAME_CUSTOMER_MESSAGE,
  type CreateSubscriptionValues,
} from "@/lib/subscriptions/schemas";
import { getSubscriptionDetail } from "@/lib/subscriptions/queries";
import { createSubscription, updateSubscription, type SubscriptionActor } from "@/lib/subscriptions/service";
import { getUsageSoFar } from "@/lib/subscriptions/usage";
import { createMigratedTestDatabase, type TestDatabase } from "./db";
import { makeCustomer, makeOrganization } from "./invoice-fixtures";

let database: TestDatabase;
let db: Db;

beforeAll(async () => {
  database = await createMigratedTestDatabase();
  db = createDb(database.url);
});

afterAll(async () => {
  await db?.$disconnect();
  await database?.drop();
});

const utc = (text: string) => new Date(`${text}T00:00:00.000Z`);

const makePlan = async (
  actor: SubscriptionActor,
  values: { name?: string; currency?: string; interval?: BillingInterval; archived?: boolean } = {},
) => {
  const id = newId("plan");
  const plan = await db.plan.create({
    data: {
      id,
      organizationId: actor.organizationId,
      code: `plan-${id.toLowerCase()}`,
      name: values.name ?? "Growth",
      currency: values.currency ?? "USD",
      interval: values.interval ?? "month",
      archivedAt: values.archived ? new Date() : null,
    },
  });
  await db.price.create({
    data: { id: newId("price"), planId: id, type: "flat", description: "Platform fee", unitAmountMinor: 29900n }, // $299.00
  });
  return plan;
};

/** An organisation with an owner, a reseller (the delegated payer) and a plan. */
const makeScene = async () => {
  const actor = await makeOrganization(db);
  const owner = await makeCustomer(db, actor, { name: "Bluefin Retail" });
  const reseller = await makeCustomer(db, actor, { name: "Sea Channel Partners" });
  const plan = await makePlan(actor);
  return { actor, owner, reseller, plan };
};

const input = (values: Partial<CreateSubscriptionValues> & { customerId: string; planId: string }) =>
  createSubscriptionSchema.parse({ startDate: "2026-01-31", billingAnchor: "", invoicingCustomerId: "", ...values });

const create = (actor: SubscriptionActor, values: Parameters<typeof input>[0]) =>
  db.$transaction((tx) => createSubscription(tx, { actor, input: input(values) }));

const rejection = async (promise: Promise<unknown>): Promise<UserError> => {
  try {
    await promise;
  } catch (error) {
    if (error instanceof UserError) return error;
    throw error;
  }
  throw new Error("expected the promise to reject");
};

/** Everything the organisation has written that a refused create must not have left behind. */
const footprint = async (organizationId: string) => ({
  subscriptions: await db.subscription.count({ where: { organizationId } }),
  auditEntries: await db.auditEntry.count({ where: { organizationId, action: { startsWith: "subscription." } } }),
});

describe("createSubscription", () => {
  it("bills a delegated payer for the owner's subscription and records it on all three", async () => {
    const { actor, owner, reseller, plan } = await makeScene();
    const subscription = await create(actor, {
      customerId: owner.id,
      planId: plan.id,
      invoicingCustomerId: reseller.id,
    });

    const row = await db.subscription.findUniqueOrThrow({ where: { id: subscription.id } });
    expect(row).toMatchObject({
      organizationId: actor.organizationId,
      customerId: owner.id,
      invoicingCustomerId: reseller.id,
      planId: plan.id,
      status: "active",
      startDate: utc("2026-01-31"),
      billingAnchor: utc("2026-01-31"),
      // Anchored on the 31st: February's period ends on its last day.
      currentPeriodStart: utc("2026-01-31"),
      currentPeriodEnd: utc("2026-02-28"),
      cancelAtPeriodEnd: false,
      canceledAt: null,
    });

    const entries = await db.auditEntry.findMany({
      where: { organizationId: actor.organizationId, action: "subscription.created" },
      select: { entityType: true, entityId: true, summary: true, actorUserId: true },
    });
    expect(entries).toHaveLength(3);
    expect(entries).toEqual(
      expect.arrayContaining([
        {
          entityType: "subscription",
          entityId: subscription.id,
          summary: "Subscribed Bluefin Retail to Growth, invoiced to Sea Channel Partners",
          actorUserId: actor.id,
        },
        {
          entityType: "customer",
          entityId: owner.id,
          summary: "Subscribed to Growth, invoiced to Sea Channel Partners",
          actorUserId: actor.id,
        },
        {
          entityType: "customer",
          entityId: reseller.id,
          summary: "Invoiced for Bluefin Retail's Growth subscription",
          actorUserId: actor.id,
        },
      ]),
    );
  });

  it("invoices the owner when no payer is given", async () => {
    const { actor, owner, plan } = await makeScene();
    const subscription = await create(actor, { customerId: owner.id, planId: plan.id });
    expect(subscription.invoicingCustomerId).toBe(owner.id);
    const entries = await db.auditEntry.count({ where: { organizationId: actor.organizationId } });
    expect(entries).toBe(2); // the subscription's and the owner's
  });

  it("refuses an archived payer with the exact message at the Invoice to field, writing nothing", async () => {
    const { actor, owner, plan } = await makeScene();
    const archived = await makeCustomer(db, actor, { name: "Pied Piper", archived: true });
    const error = await rejection(
      create(actor, { customerId: owner.id, planId: plan.id, invoicingCustomerId: archived.id }),
    );
    expect(error.message).toBe(PAYER_INACTIVE_MESSAGE);
    expect(error.message).toBe("invoicing customer is not active");
    expect(error.field).toBe("invoicingCustomerId");
    expect(await footprint(actor.organizationId)).toEqual({ subscriptions: 0, auditEntries: 0 });
  });

  it("sees an archive that commits while the create waits on the payer's row", async () => {
    const { actor, owner, reseller, plan } = await makeScene();
    let archiveHolds!: () => void;
    const archiveLocked = new Promise<void>((resolve) => (archiveHolds = resolve));
    let releaseArchive!: () => void;
    const archiveMayCommit = new Promise<void>((resolve) => (releaseArchive = resolve));

    const archiving = db.$transaction(async (tx) => {
      await archiveCustomer(tx, { actor, customerId: reseller.id });
      archiveHolds();
      await archiveMayCommit;
    });
    await archiveLocked;
    // The create blocks on the payer's row lock until the archive commits, then reads it archived.
    const creating = rejection(
      create(actor, { customerId: owner.id, planId: plan.id, invoicingCustomerId: reseller.id }),
    );
    await new Promise((resolve) => setTimeout(resolve, 200));
    releaseArchive();
    await archiving;
    const error = await creating;
    expect(error.message).toBe(PAYER_INACTIVE_MESSAGE);
    expect(error.field).toBe("invoicingCustomerId");
    expect(await db.subscription.count({ where: { organizationId: actor.organizationId } })).toBe(0);
  });

  it("refuses the owner as their own payer", async () => {
    const { actor, owner, plan } = await makeScene();
    // Past the form's schema (a crafted request): the service refuses on its own.
    const error = await rejection(
      db.$transaction((tx) =>
        createSubscription(tx, {
          actor,
          input: {
            customerId: owner.id,
            planId: plan.id,
            startDate: utc("2026-01-01"),
            billingAnchor: utc("2026-01-01"),
            invoicingCustomerId: owner.id,
          },
        }),
      ),
    );
    expect(error.message).toBe(SAME_CUSTOMER_MESSAGE);
    expect(error.field).toBe("invoicingCustomerId");
    expect(await footprint(actor.organizationId)).toEqual({ subscriptions: 0, auditEntries: 0 });
  });

  it("refuses an archived plan, an archived owner and another organisation's payer", async () => {
    const { actor, owner, reseller, plan } = await makeScene();
    const retired = await makePlan(actor, { name: "Basic (retired)", archived: true });
    const archivedPlan = await rejection(create(actor, { customerId: owner.id, planId: retired.id }));
    expect(archivedPlan).toMatchObject({
      message: "Basic (retired) is archived: choose an active plan",
      field: "planId",
    });

    const gone = await makeCustomer(db, actor, { name: "Gone Ltd", archived: true });
    const archivedOwner = await rejection(create(actor, { customerId: gone.id, planId: plan.id }));
    expect(archivedOwner).toMatchObject({ field: "customerId" });
    expect(archivedOwner.message).toMatch(/^Gone Ltd is archived/);

    const elsewhere = await makeOrganization(db, { name: "Elsewhere" });
    const stranger = await makeCustomer(db, elsewhere, { name: "Stranger" });
    const foreign = await rejection(
      create(actor, { customerId: owner.id, planId: plan.id, invoicingCustomerId: stranger.id }),
    );
    expect(foreign).toMatchObject({ field: "invoicingCustomerId" });

    expect(await footprint(actor.organizationId)).toEqual({ subscriptions: 0, auditEntries: 0 });
    // The scene's payer is still fine: the refusals were about the inputs, not the customers.
    await create(actor, { customerId: owner.id, planId: plan.id, invoicingCustomerId: reseller.id });
  });

  it("takes its first period from the billing anchor, at midnight in London (GMT or BST)", async () => {
    const { actor, owner } = await makeScene();
    const monthly = await makePlan(actor, { interval: "month" });
    const yearly = await makePlan(actor, { name: "Annual", interval: "year" });
    const periodOf = async (values: { plan: string; start: string; anchor: string }) => {
      const subscription = await create(actor, {
        customerId: owner.id,
        planId: values.plan,
        startDate: values.start,
        billingAnchor: values.anchor,
      });
      return [subscription.currentPeriodStart.toISOString(), subscription.currentPeriodEnd.toISOString()];
    };
    // Anchored on the 1st, started mid-month: a short first period up to the anchor day (winter: GMT).
    expect(await periodOf({ plan: monthly.id, start: "2026-01-15", anchor: "2026-02-01" })).toEqual([
      "2026-01-15T00:00:00.000Z",
      "2026-02-01T00:00:00.000Z",
    ]);
    // An anchor before the start: the anchor's cycle (the 31st, clamped to April's 30th), in BST.
    expect(await periodOf({ plan: monthly.id, start: "2026-04-10", anchor: "2025-12-31" })).toEqual([
      "2026-04-09T23:00:00.000Z",
      "2026-04-29T23:00:00.000Z",
    ]);
    // Leap day, yearly: the next year has no Feb 29.
    expect(await periodOf({ plan: yearly.id, start: "2024-02-29", anchor: "2024-02-29" })).toEqual([
      "2024-02-29T00:00:00.000Z",
      "2025-02-28T00:00:00.000Z",
    ]);
  });

  it("starts a London subscription made in summer at 23:00 UTC the day before, and says so in London days", async () => {
    const { actor, owner, plan } = await makeScene();
    const subscription = await create(actor, { customerId: owner.id, planId: plan.id, startDate: "2026-07-15" });
    const row = await db.subscription.findUniqueOrThrow({ where: { id: subscription.id } });
    expect(row).toMatchObject({
      startDate: new Date("2026-07-14T23:00:00.000Z"),
      billingAnchor: new Date("2026-07-14T23:00:00.000Z"),
      currentPeriodStart: new Date("2026-07-14T23:00:00.000Z"),
      currentPeriodEnd: new Date("2026-08-14T23:00:00.000Z"),
    });
    const entry = await db.auditEntry.findFirstOrThrow({
      where: { entityType: "subscription", entityId: subscription.id, action: "subscription.created" },
    });
    expect(entry.changes).toMatchObject({
      startDate: { from: null, to: "2026-07-15" },
      billingAnchor: { from: null, to: "2026-07-15" },
      currentPeriod: { from: null, to: "2026-07-15 – 2026-08-15 (Europe/London)" },
    });
  });

  it("starts a Singapore subscription at midnight there, 16:00 UTC the day before", async () => {
    const actor = await makeOrganization(db, { name: "Merlion", timeZone: "Asia/Singapore" });
    const owner = await makeCustomer(db, actor, { name: "Merlion Travel" });
    const plan = await makePlan(actor);
    const subscription = await create(actor, {
      customerId: owner.id,
      planId: plan.id,
      startDate: "2026-01-15",
      billingAnchor: "2026-02-01",
    });
    expect([subscription.startDate, subscription.billingAnchor]).toEqual([
      new Date("2026-01-14T16:00:00.000Z"),
      new Date("2026-01-31T16:00:00.000Z"),
    ]);
    expect([subscription.currentPeriodStart, subscription.currentPeriodEnd]).toEqual([
      new Date("2026-01-14T16:00:00.000Z"),
      new Date("2026-01-31T16:00:00.000Z"),
    ]);
  });
});

describe("updateSubscription", () => {
  const subscribe = async () => {
    const scene = await makeScene();
    const subscription = await create(scene.actor, {
      customerId: scene.owner.id,
      planId: scene.plan.id,
      invoicingCustomerId: scene.reseller.id,
    });
    return { ...scene, subscription };
  };

  it("refuses a request that changes the payer, and writes nothing", async () => {
    const { actor, owner, plan, subscription } = await subscribe();
    const other = await makeCustomer(db, actor, { name: "Central Finance" });
    const auditBefore = await db.auditEntry.count({ where: { organizationId: actor.organizationId } });
    for (const invoicingCustomerId of [other.id, owner.id, null]) {
      const error = await rejection(
        db.$transaction((tx) =>
          updateSubscription(tx, {
            actor,
            input: { subscriptionId: subscription.id, planId: plan.id, cancelAtPeriodEnd: true, invoicingCustomerId },
          }),
        ),
      );
      expect(error.message).toBe(PAYER_LOCKED_MESSAGE);
      expect(error.field).toBe("invoicingCustomerId");
    }
    const row = await db.subscription.findUniqueOrThrow({ where: { id: subscription.id } });
    expect(row.invoicingCustomerId).toBe(subscription.invoicingCustomerId);
    expect(row.cancelAtPeriodEnd).toBe(false);
    expect(await db.auditEntry.count({ where: { organizationId: actor.organizationId } })).toBe(auditBefore);
  });

  it("moves to another active plan billed the same way, and refuses one billed otherwise", async () => {
    const { actor, subscription } = await subscribe();
    const scale = await makePlan(actor, { name: "Scale" });
    const euro = await makePlan(actor, { name: "Team", currency: "EUR" });
    const annual = await makePlan(actor, { name: "Growth annual", interval: "year" });
    const update = (planId: string) =>
      db.$transaction((tx) =>
        updateSubscription(tx, {
          actor,
          // The unchanged payer may come along: it is not a change.
          input: {
            subscriptionId: subscription.id,
            planId,
            cancelAtPeriodEnd: false,
            invoicingCustomerId: subscription.invoicingCustomerId,
          },
        }),
      );

    expect(await rejection(update(euro.id))).toMatchObject({
      message: "Choose a plan billed in USD: Team is billed in EUR",
      field: "planId",
    });
    expect(await rejection(update(annual.id))).toMatchObject({
      message: "Choose a plan billed monthly: Growth annual is billed yearly",
      field: "planId",
    });

    await update(scale.id);
    const row = await db.subscription.findUniqueOrThrow({ where: { id: subscription.id } });
    expect(row.planId).toBe(scale.id);
    const entry = await db.auditEntry.findFirstOrThrow({
      where: { entityType: "subscription", entityId: subscription.id, action: "subscription.updated" },
    });
    expect(entry.summary).toBe("Changed Bluefin Retail's subscription: plan Growth → Scale");
    expect(entry.changes).toEqual({ plan: { from: "Growth", to: "Scale" } });
  });
});

describe("cancelSubscription", () => {
  const subscribed = async () => {
    const { actor, owner, reseller, plan } = await makeScene();
    const subscription = await create(actor, {
      customerId: owner.id,
      planId: plan.id,
      invoicingCustomerId: reseller.id,
      startDate: "2026-03-01",
    });
    return { actor, subscription };
  };

  it("cancels now: the current period ends at this moment, for the billing job to bill", async () => {
    const { actor, subscription } = await subscribed();
    const now = new Date("2026-03-10T14:30:00.000Z");
    await db.$transaction((tx) => cancelSubscription(tx, { actor, subscriptionId: subscription.id, when: "now", now }));
    const row = await db.subscription.findUniqueOrThrow({ where: { id: subscription.id } });
    expect(row).toMatchObject({
      status: "canceled",
      canceledAt: now,
      currentPeriodStart: utc("2026-03-01"),
      currentPeriodEnd: now,
      cancelAtPeriodEnd: false,
    });
    const entries = await db.auditEntry.findMany({
      where: { organizationId: actor.organizationId, action: "subscription.canceled" },
      select: { entityType: true },
    });
    expect(entries.map((entry) => entry.entityType).sort()).toEqual(["customer", "customer", "subscription"]);

    // Once canceled, nothing more: not again, not at period end, no edit.
    const again = await rejection(
      db.$transaction((tx) => cancelSubscription(tx, { actor, subscriptionId: subscription.id, when: "period_end" })),
    );
    expect(again.message).toBe("This subscription is already canceled.");
    const edit = await rejection(
      db.$transaction((tx) =>
        updateSubscription(tx, {
          actor,
          input: { subscriptionId: subscription.id, planId: subscription.planId, cancelAtPeriodEnd: true },
        }),
      ),
    );
    expect(edit.message).toBe("This subscription is canceled: it can no longer be changed.");
  });

  it("cancels at period end, and the choice can be undone", async () => {
    const { actor, subscription } = await subscribed();
    await db.$transaction((tx) =>
      cancelSubscription(tx, { actor, subscriptionId: subscription.id, when: "period_end" }),
    );
    let row = await db.subscription.findUniqueOrThrow({ where: { id: subscription.id } });
    expect(row).toMatchObject({ status: "active", cancelAtPeriodEnd: true, canceledAt: null });
    // Midnight on 1 April in London is already BST: 23:00 UTC on 31 March. The audit names London's day.
    expect(row.currentPeriodEnd).toEqual(new Date("2026-03-31T23:00:00.000Z"));
    const scheduled = await db.auditEntry.findFirstOrThrow({
      where: { entityType: "subscription", entityId: subscription.id, action: "subscription.cancel_scheduled" },
    });
    expect(scheduled.summary).toBe(
      "Set Bluefin Retail's Growth subscription to cancel at the end of the period (2026-04-01, Europe/London)",
    );

    const twice = await rejection(
      db.$transaction((tx) => cancelSubscription(tx, { actor, subscriptionId: subscription.id, when: "period_end" })),
    );
    expect(twice.message).toBe("This subscription already cancels at the end of the period (2026-04-01).");

    await db.$transaction((tx) => resumeSubscription(tx, { actor, subscriptionId: subscription.id }));
    row = await db.subscription.findUniqueOrThrow({ where: { id: subscription.id } });
    expect(row).toMatchObject({ status: "active", cancelAtPeriodEnd: false });
    const actions = await db.auditEntry.findMany({
      where: { entityType: "subscription", entityId: subscription.id },
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
      select: { action: true },
    });
    expect(actions.map((entry) => entry.action)).toEqual([
      "subscription.created",
      "subscription.cancel_scheduled",
      "subscription.cancel_undone",
    ]);
  });

  it("finds no subscription of another organisation", async () => {
    const { subscription } = await subscribed();
    const stranger = await makeOrganization(db, { name: "Elsewhere" });
    const error = await rejection(
      db.$transaction((tx) =>
        cancelSubscription(tx, { actor: stranger, subscriptionId: subscription.id, when: "now" }),
      ),
    );
    expect(error.message).toBe("Subscription was not found.");
    const row = await db.subscription.findUniqueOrThrow({ where: { id: subscription.id } });
    expect(row.status).toBe("active");
  });
});

describe("archiving a customer with subscriptions", () => {
  const archive = (actor: SubscriptionActor, customerId: string) =>
    db.$transaction((tx) => archiveCustomer(tx, { actor, customerId }));

  it("refuses while the customer uses or pays for a live subscription, and allows it once canceled", async () => {
    const { actor, owner, reseller, plan } = await makeScene();
    const subscription = await create(actor, {
      customerId: owner.id,
      planId: plan.id,
      invoicingCustomerId: reseller.id,
    });

    const asPayer = await rejection(archive(actor, reseller.id));
    expect(asPayer.message).toBe(
      "Sea Channel Partners still has a live subscription (Growth, paid for Bluefin Retail): cancel it first, so nothing is billed to an archived customer.",
    );
    const asOwner = await rejection(archive(actor, owner.id));
    expect(asOwner.message).toBe(
      "Bluefin Retail still has a live subscription (Growth): cancel it first, so nothing is billed to an archived customer.",
    );
    expect(await db.customer.count({ where: { id: { in: [owner.id, reseller.id] }, status: "archived" } })).toBe(0);

    await db.$transaction((tx) => cancelSubscription(tx, { actor, subscriptionId: subscription.id, when: "now" }));
    await archive(actor, reseller.id);
    expect((await db.customer.findUniqueOrThrow({ where: { id: reseller.id } })).status).toBe("archived");
  });

  it("names three live subscriptions and counts the rest", async () => {
    const { actor, reseller, plan } = await makeScene();
    for (const name of ["Store A", "Store B", "Store C", "Store D"]) {
      const store = await makeCustomer(db, actor, { name });
      await create(actor, { customerId: store.id, planId: plan.id, invoicingCustomerId: reseller.id });
    }
    const refused = await rejection(archive(actor, reseller.id));
    expect(refused.message).toBe(
      "Sea Channel Partners still has 4 live subscriptions (Growth, paid for Store A; Growth, paid for Store B; Growth, paid for Store C; and 1 more): cancel them first, so nothing is billed to an archived customer.",
    );
  });
});

describe("usage so far", () => {
  it("counts the owner's events in the current period up to now, never the payer's", async () => {
    const { actor, owner, reseller } = await makeScene();
    const meterId = newId("meter");
    await db.meter.create({
      data: {
        id: meterId,
        organizationId: actor.organizationId,
        name: "api_calls",
        eventName: "api_call",
        aggregation: "count",
      },
    });
    const plan = await makePlan(actor, { name: "Metered" });
    await db.price.create({
      data: {
        id: newId("price"),
        planId: plan.id,
        type: "per_unit",
        description: "API calls",
        meterId,
        unitAmountMinor: 5n,
        position: 1,
      }, // $0.05
    });
    const subscription = await create(actor, {
      customerId: owner.id,
      planId: plan.id,
      invoicingCustomerId: reseller.id,
      startDate: "2026-03-01",
    });
    const event = (customerId: string, timestamp: string) => ({
      id: newId("usageEvent"),
      organizationId: actor.organizationId,
      customerId,
      eventName: "api_call",
      timestamp: new Date(timestamp),
      idempotencyKey: newId("usageEvent"),
    });
    await db.usageEvent.createMany({
      data: [
        event(owner.id, "2026-03-01T00:00:00Z"), // the period's first moment: counted
        event(owner.id, "2026-03-05T10:00:00Z"),
        event(owner.id, "2026-03-09T23:59:59Z"),
        event(owner.id, "2026-03-12T00:00:00Z"), // after "now": not yet
        event(owner.id, "2026-02-28T23:59:59Z"), // before the period
        event(reseller.id, "2026-03-05T10:00:00Z"), // the payer's own usage is not this subscription's
      ],
    });

    const detail = await getSubscriptionDetail(
      { organizationId: actor.organizationId, subscriptionId: subscription.id },
      db,
    );
    const soFar = await getUsageSoFar(detail!.subscription, new Date("2026-03-10T00:00:00Z"), db);
    expect(soFar).toMatchObject({
      period: { start: utc("2026-03-01"), end: utc("2026-03-10") },
      periodEnded: false,
      rows: [{ description: "API calls", meterName: "api_calls", quantity: "3", amountMinor: 15n }],
      periodAmountMinor: 29915n, // $299.00 platform fee + 3 x $0.05
    });
    // Before the period begins there is nothing to show.
    expect(await getUsageSoFar(detail!.subscription, utc("2026-02-01"), db)).toBeNull();

    // Canceled with its period left whole (as the demo data has it): counted up to the cancellation,
    // as billing cuts it, not to the period's end.
    const canceledAt = new Date("2026-03-05T12:00:00Z");
    const canceled = { ...detail!.subscription, status: "canceled" as const, canceledAt };
    expect(await getUsageSoFar(canceled, new Date("2026-04-15T00:00:00Z"), db)).toMatchObject({
      period: { start: utc("2026-03-01"), end: canceledAt },
      periodEnded: true,
      rows: [{ quantity: "2", amountMinor: 10n }],
    });
  });
});
