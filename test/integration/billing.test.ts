// Billing subscription periods against a real PostgreSQL: the period's draft goes to the payer with
// "usage by" the owner and the owner's usage priced through the tiers; the job run twice, or twice
// at once, bills a period once; the grace period holds the draft for late events, then it is
// recalculated and finalized; auto-apply draws the payer's wallet; Bill now; canceled subscriptions;
// periods turn at midnight on the organisation's calendar, across clock changes.
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { billNow, billSubscriptionPeriod } from "@/lib/billing/bill-period";
import { createDb, type Db } from "@/lib/db/client";
import { UserError } from "@/lib/errors";
import { deleteDraftInvoice } from "@/lib/invoices/service/draft";
import { voidInvoice } from "@/lib/invoices/service/lifecycle";
import type { InvoiceActor } from "@/lib/invoices/service/shared";
import { runSubscriptionBilling } from "@/lib/jobs/billing";
import { getWalletBalance } from "@/lib/wallets/queries";
import { addEvents, HOUR_MS, makeMeter, makePlan, makeSubscription, type EventSeed } from "./billing-fixtures";
import { createMigratedTestDatabase, type TestDatabase } from "./db";
import { auditActions, finalize, makeCustomer, makeOrganization, rejection } from "./invoice-fixtures";
import { credit, ledgerViolations } from "./wallet-fixtures";

// Runs log what they bill; the assertions say what matters.
vi.hoisted(() => {
  process.env.LOG_LEVEL = "error";
});

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

const JANUARY = { start: new Date("2025-01-01T00:00:00.000Z"), end: new Date("2025-02-01T00:00:00.000Z") };
const FEBRUARY = { start: JANUARY.end, end: new Date("2025-03-01T00:00:00.000Z") };
const at = (iso: string) => new Date(iso);
const run = (now: Date, client: Db = db) => runSubscriptionBilling({ db: client, now: () => now });

/**
 * An organisation, an owner on a plan invoiced to a delegated payer, and January's usage: 25 API
 * calls, 16.5 compute hours in the EU (plus 100 in the US, not metered), storage peaking at 150.5 GB.
 * The payer and a third customer send events too, which must not count.
 */
const delegatedSubscription = async ({ cancelAtPeriodEnd = false } = {}) => {
  const actor = await makeOrganization(db);
  const owner = await makeCustomer(db, actor, { name: "Umbrella Labs" });
  const payer = await makeCustomer(db, actor, { name: "Reseller Ltd" });
  const bystander = await makeCustomer(db, actor, { name: "Bystander Inc" });
  const api = await makeMeter(db, actor, { eventName: "api_call", aggregation: "count" });
  const compute = await makeMeter(db, actor, {
    eventName: "compute_job",
    aggregation: "sum",
    property: "hours",
    filters: { region: "eu" },
  });
  const storage = await makeMeter(db, actor, { eventName: "storage_snapshot", aggregation: "max", property: "gb" });
  const { planId, priceIds } = await makePlan(db, actor, {
    prices: [
      { type: "flat", description: "Platform fee", unitAmountMinor: 4900n }, // $49.00
      { type: "per_unit", description: "API calls", meterId: api.id, unitAmountMinor: 2n }, // $0.02 each
      {
        type: "tiered",
        description: "Compute hours",
        meterId: compute.id,
        mode: "graduated",
        tiers: [
          { upTo: "10", unitAmountMinor: 500n }, // $5.00
          { upTo: "100", unitAmountMinor: 300n, flatAmountMinor: 1000n }, // $3.00, $10.00 flat
          { upTo: null, unitAmountMinor: 100n },
        ],
      },
      {
        type: "tiered",
        description: "Storage",
        meterId: storage.id,
        mode: "volume",
        tiers: [
          { upTo: "100", unitAmountMinor: 10n },
          { upTo: null, unitAmountMinor: 5n, flatAmountMinor: 2500n }, // $0.05 per GB, $25.00 flat
        ],
      },
    ],
  });
  const subscription = await makeSubscription(db, actor, {
    planId,
    ownerId: owner.id,
    payerId: payer.id,
    period: JANUARY,
    cancelAtPeriodEnd,
  });
  const day = (date: number, hour = 12) => new Date(Date.UTC(2025, 0, date, hour));
  const events: EventSeed[] = [
    ...Array.from({ length: 25 }, (_, index) => ({
      customerId: owner.id,
      eventName: "api_call",
      timestamp: day(1 + index),
    })),
    { customerId: owner.id, eventName: "api_call", timestamp: JANUARY.end }, // February's
    { customerId: owner.id, eventName: "api_call", timestamp: new Date(JANUARY.start.getTime() - 1) },
    ...[8, 5.5, 3].map((hours) => ({
      customerId: owner.id,
      eventName: "compute_job",
      timestamp: day(10),
      properties: { hours, region: "eu" },
    })),
    { customerId: owner.id, eventName: "compute_job", timestamp: day(11), properties: { hours: 100, region: "us" } },
    ...[80, 150.5, 120].map((gb, index) => ({
      customerId: owner.id,
      eventName: "storage_snapshot",
      timestamp: day(5 + index),
      properties: { gb },
    })),
    // The payer's and a bystander's own usage: never the owner's.
    ...Array.from({ length: 40 }, (_, index) => ({
      customerId: index % 2 ? payer.id : bystander.id,
      eventName: "api_call",
      timestamp: day(3),
    })),
    { customerId: payer.id, eventName: "storage_snapshot", timestamp: day(4), properties: { gb: 9000 } },
  ];
  await addEvents(db, actor, events);
  return { actor, owner, payer, bystander, subscription, priceIds };
};

/** January's lines for the usage above, as a finance user reads them. Total $161.53. */
const januaryLines = (priceIds: string[]) => [
  { priceId: priceIds[0], description: "Platform fee", quantity: "1", unitAmountMinor: 4900n, amountMinor: 4900n },
  { priceId: priceIds[1], description: "API calls", quantity: "25", unitAmountMinor: 2n, amountMinor: 50n },
  {
    priceId: priceIds[2],
    description: "Compute hours (1–10)",
    quantity: "10",
    unitAmountMinor: 500n,
    amountMinor: 5000n,
  },
  {
    priceId: priceIds[2],
    description: "Compute hours (11–100)",
    quantity: "6.5",
    unitAmountMinor: 300n,
    amountMinor: 1950n,
  },
  {
    priceId: priceIds[2],
    description: "Compute hours (tier 2 flat fee)",
    quantity: "1",
    unitAmountMinor: 1000n,
    amountMinor: 1000n,
  },
  // 150.5 GB x $0.05 = $7.525, rounded half-up once on the line.
  { priceId: priceIds[3], description: "Storage", quantity: "150.5", unitAmountMinor: 5n, amountMinor: 753n },
  {
    priceId: priceIds[3],
    description: "Storage (flat fee)",
    quantity: "1",
    unitAmountMinor: 2500n,
    amountMinor: 2500n,
  },
];
const JANUARY_TOTAL = 16_153n; // $161.53

const invoicesOf = (subscriptionId: string) =>
  db.invoice.findMany({
    where: { subscriptionId },
    orderBy: { createdAt: "asc" },
    include: { lines: { orderBy: { position: "asc" } } },
  });

const linesOf = (invoice: Awaited<ReturnType<typeof invoicesOf>>[number]) =>
  invoice.lines.map((line) => ({
    priceId: line.priceId,
    description: line.description,
    quantity: line.quantity.toString(),
    unitAmountMinor: line.unitAmountMinor,
    amountMinor: line.amountMinor,
  }));

const setOrganization = (
  actor: InvoiceActor,
  data: { usageGraceHours?: number; autoFinalize?: boolean; autoApplyWallet?: boolean },
) => db.organization.update({ where: { id: actor.organizationId }, data });

describe("the billing job", () => {
  it("bills an ended period to the payer, usage by the owner, tiers applied to the owner's events only", async () => {
    const { actor, owner, payer, subscription, priceIds } = await delegatedSubscription();
    await run(at("2025-01-31T23:59:00.000Z")); // not ended yet
    expect(await invoicesOf(subscription.id)).toHaveLength(0);

    await run(at("2025-02-01T00:05:00.000Z"));
    const [invoice, ...others] = await invoicesOf(subscription.id);
    expect(others).toHaveLength(0);
    expect(invoice).toMatchObject({
      organizationId: actor.organizationId,
      type: "subscription",
      status: "draft",
      customerId: payer.id,
      usageOwnerId: owner.id,
      currency: "USD",
      periodStart: JANUARY.start,
      periodEnd: JANUARY.end,
      // The period ends at midnight UTC, which is midnight in London in winter; net 30.
      issueDate: at("2025-02-01T00:00:00.000Z"),
      dueDate: at("2025-03-03T00:00:00.000Z"),
      paymentTerms: "net_30",
      subtotalMinor: JANUARY_TOTAL,
      taxMinor: 0n,
      totalMinor: JANUARY_TOTAL,
      amountDueMinor: JANUARY_TOTAL,
      usageCalculatedAt: at("2025-02-01T00:05:00.000Z"),
      number: null,
    });
    expect(linesOf(invoice!)).toEqual(januaryLines(priceIds));
    expect(invoice!.lines.every((line) => line.periodStart?.getTime() === JANUARY.start.getTime())).toBe(true);
    expect(invoice!.lines.every((line) => line.periodEnd?.getTime() === JANUARY.end.getTime())).toBe(true);

    const entry = await db.auditEntry.findFirstOrThrow({ where: { entityType: "invoice", entityId: invoice!.id } });
    expect(entry).toMatchObject({
      action: "invoice.draft_created",
      actorType: "system",
      actorLabel: "Automatic billing",
    });
    expect(entry.summary).toContain("to Reseller Ltd, usage by Umbrella Labs: $161.53");

    // February is the current period now.
    const advanced = await db.subscription.findUniqueOrThrow({ where: { id: subscription.id } });
    expect([advanced.currentPeriodStart, advanced.currentPeriodEnd]).toEqual([FEBRUARY.start, FEBRUARY.end]);
    expect(advanced.status).toBe("active");
  });

  it("creates one invoice when run twice, and when two runs race for the same period", async () => {
    const first = await delegatedSubscription();
    const second = await delegatedSubscription();
    const now = at("2025-02-01T00:05:00.000Z");
    const other = createDb(database.url);
    try {
      await Promise.all([run(now), run(now, other), run(now, other)]);
    } finally {
      await other.$disconnect();
    }
    await run(now);
    for (const { subscription } of [first, second]) {
      const invoices = await invoicesOf(subscription.id);
      expect(invoices).toHaveLength(1);
      expect(invoices[0]!.totalMinor).toBe(JANUARY_TOTAL);
      const after = await db.subscription.findUniqueOrThrow({ where: { id: subscription.id } });
      expect(after.currentPeriodStart).toEqual(FEBRUARY.start); // advanced once, not twice
      const advances = await db.auditEntry.count({
        where: { entityId: subscription.id, action: "subscription.period_started" },
      });
      expect(advances).toBe(1);
    }
  });

  it("catches up on every ended period after downtime, each its own invoice", async () => {
    const { subscription } = await delegatedSubscription();
    await run(at("2025-04-15T00:00:00.000Z"));
    const invoices = await invoicesOf(subscription.id);
    expect(invoices.map((invoice) => invoice.periodStart?.toISOString())).toEqual([
      "2025-01-01T00:00:00.000Z",
      "2025-02-01T00:00:00.000Z",
      "2025-03-01T00:00:00.000Z",
    ]);
    // February: the flat fee and the one API call at its first instant; March: the flat fee alone,
    // its usage lines at quantity 0.
    expect(invoices[1]!.totalMinor).toBe(4902n);
    expect(invoices[2]!.totalMinor).toBe(4900n);
    expect(invoices[2]!.lines.map((line) => line.quantity.toString())).toEqual(["1", "0", "0", "0"]);
    // The organisation bills on London's calendar: March ends at midnight BST, 23:00 UTC on the 31st.
    expect(invoices[2]!.periodEnd).toEqual(at("2025-03-31T23:00:00.000Z"));
    const after = await db.subscription.findUniqueOrThrow({ where: { id: subscription.id } });
    expect(after.currentPeriodStart).toEqual(at("2025-03-31T23:00:00.000Z"));
  });

  it("leaves a failing subscription for the next run and bills the others", async () => {
    const failing = await delegatedSubscription();
    const healthy = await delegatedSubscription();
    await db.customer.update({ where: { id: failing.payer.id }, data: { status: "archived", archivedAt: new Date() } });
    const result = await run(at("2025-02-01T00:05:00.000Z"));
    expect(result.billed.failed).toBeGreaterThanOrEqual(1);
    expect(await invoicesOf(failing.subscription.id)).toHaveLength(0);
    expect(await invoicesOf(healthy.subscription.id)).toHaveLength(1);
    // Restored, the payer is billed on the next run.
    await db.customer.update({ where: { id: failing.payer.id }, data: { status: "active", archivedAt: null } });
    await run(at("2025-02-01T00:06:00.000Z"));
    expect(await invoicesOf(failing.subscription.id)).toHaveLength(1);
  });
});

describe("periods on the organisation's calendar", () => {
  const flatSubscription = async (timeZone: string, period: { start: Date; end: Date }, anchor: Date) => {
    const actor = await makeOrganization(db, { timeZone });
    const owner = await makeCustomer(db, actor, { name: "Umbrella Labs" });
    const { planId } = await makePlan(db, actor, {
      prices: [{ type: "flat", description: "Platform fee", unitAmountMinor: 4900n }], // $49.00
    });
    return makeSubscription(db, actor, { planId, ownerId: owner.id, period, anchor });
  };
  const periodOf = async (subscriptionId: string) => {
    const row = await db.subscription.findUniqueOrThrow({ where: { id: subscriptionId } });
    return [row.currentPeriodStart.toISOString(), row.currentPeriodEnd.toISOString()];
  };

  it("advances a London period across the October clock change to midnight GMT", async () => {
    // Anchored at midnight BST on 1 September; September runs 23:00 UTC to 23:00 UTC.
    const anchor = at("2025-08-31T23:00:00.000Z");
    const subscription = await flatSubscription(
      "Europe/London",
      { start: anchor, end: at("2025-09-30T23:00:00.000Z") },
      anchor,
    );
    await run(at("2025-09-30T23:05:00.000Z"));
    // October began at midnight BST and ends at midnight GMT (the clocks went back on the 26th).
    expect(await periodOf(subscription.id)).toEqual(["2025-09-30T23:00:00.000Z", "2025-11-01T00:00:00.000Z"]);

    // 23:30 UTC on 31 October is 23:30 in London: October has not ended, nothing is billed.
    await run(at("2025-10-31T23:30:00.000Z"));
    expect((await invoicesOf(subscription.id)).map((invoice) => invoice.periodEnd?.toISOString())).toEqual([
      "2025-09-30T23:00:00.000Z",
    ]);

    await run(at("2025-11-01T00:05:00.000Z"));
    const invoices = await invoicesOf(subscription.id);
    expect(invoices.map((invoice) => [invoice.periodStart?.toISOString(), invoice.periodEnd?.toISOString()])).toEqual([
      ["2025-08-31T23:00:00.000Z", "2025-09-30T23:00:00.000Z"],
      ["2025-09-30T23:00:00.000Z", "2025-11-01T00:00:00.000Z"],
    ]);
    // Dated the day after each period, on London's calendar.
    expect(invoices.map((invoice) => invoice.issueDate.toISOString().slice(0, 10))).toEqual([
      "2025-10-01",
      "2025-11-01",
    ]);
    expect(await periodOf(subscription.id)).toEqual(["2025-11-01T00:00:00.000Z", "2025-12-01T00:00:00.000Z"]);
    const started = await db.auditEntry.findMany({
      where: { entityId: subscription.id, action: "subscription.period_started" },
      orderBy: { createdAt: "asc" },
      select: { summary: true },
    });
    expect(started.map((entry) => entry.summary.replace(/[\u2009\u202f]/g, " "))).toEqual([
      "New billing period Oct 1 – 31, 2025",
      "New billing period Nov 1 – 30, 2025",
    ]);
  });

  it("turns a Singapore period at midnight there, 16:00 UTC", async () => {
    const anchor = at("2025-01-31T16:00:00.000Z"); // midnight, 1 February in Singapore
    const subscription = await flatSubscription(
      "Asia/Singapore",
      { start: anchor, end: at("2025-02-28T16:00:00.000Z") },
      anchor,
    );
    await run(at("2025-02-28T16:01:00.000Z"));
    expect(await periodOf(subscription.id)).toEqual(["2025-02-28T16:00:00.000Z", "2025-03-31T16:00:00.000Z"]);
    const [invoice] = await invoicesOf(subscription.id);
    expect(invoice!.issueDate).toEqual(at("2025-03-01T00:00:00.000Z"));
  });
});

describe("grace period and automatic finalization", () => {
  it("keeps the draft open for late events during the grace period, then recalculates and finalizes it", async () => {
    const { actor, owner, subscription } = await delegatedSubscription();
    await setOrganization(actor, { usageGraceHours: 24, autoFinalize: true });
    await run(at("2025-02-01T00:05:00.000Z"));
    const [draft] = await invoicesOf(subscription.id);

    // A late event for January arrives during the grace period.
    await addEvents(db, actor, [
      {
        customerId: owner.id,
        eventName: "api_call",
        timestamp: at("2025-01-31T22:00:00.000Z"),
        receivedAt: at("2025-02-01T10:00:00.000Z"),
      },
    ]);
    await run(at("2025-02-01T23:59:00.000Z")); // 24 hours are not over
    expect((await db.invoice.findUniqueOrThrow({ where: { id: draft!.id } })).status).toBe("draft");

    await run(at("2025-02-02T00:00:00.000Z"));
    const [finalized] = await invoicesOf(subscription.id);
    expect(finalized).toMatchObject({ id: draft!.id, status: "finalized", totalMinor: JANUARY_TOTAL + 2n });
    expect(finalized!.number).toMatch(/^INV-/);
    expect(linesOf(finalized!).find((line) => line.description === "API calls")?.quantity).toBe("26");
    expect(await auditActions(db, draft!.id)).toEqual([
      "invoice.draft_created",
      "invoice.recalculated",
      "invoice.finalized",
    ]);
    // Nothing more on later runs.
    await run(at("2025-02-03T00:00:00.000Z"));
    expect(await auditActions(db, draft!.id)).toHaveLength(3);
  });

  it("leaves drafts alone when auto-finalize is off", async () => {
    const { actor, subscription } = await delegatedSubscription();
    await setOrganization(actor, { usageGraceHours: 0, autoFinalize: false });
    await run(at("2025-02-01T00:05:00.000Z"));
    await run(at("2025-02-20T00:00:00.000Z"));
    const [invoice] = await invoicesOf(subscription.id);
    expect(invoice!.status).toBe("draft");
  });

  it("draws the payer's wallet, not the owner's, for as much as the balance and amount due allow", async () => {
    const { actor, owner, payer, subscription } = await delegatedSubscription();
    await setOrganization(actor, { usageGraceHours: 0, autoFinalize: true, autoApplyWallet: true });
    await credit(db, actor, { customerId: payer.id, amountMinor: 10_000n }); // $100.00
    await credit(db, actor, { customerId: owner.id, amountMinor: 50_000n }); // $500.00
    await run(at("2025-02-01T00:05:00.000Z"));
    const [invoice] = await invoicesOf(subscription.id);
    expect(invoice).toMatchObject({
      status: "finalized",
      paymentStatus: "partially_paid",
      walletAppliedMinor: 10_000n,
      amountDueMinor: JANUARY_TOTAL - 10_000n,
    });
    expect(await getWalletBalance(payer.id, "USD", db)).toBe(0n);
    expect(await getWalletBalance(owner.id, "USD", db)).toBe(50_000n);
    const payment = await db.payment.findFirstOrThrow({ where: { invoiceId: invoice!.id } });
    expect(payment).toMatchObject({ customerId: payer.id, method: "wallet", amountMinor: 10_000n });
    const wallets = await db.wallet.findMany({ where: { customerId: { in: [owner.id, payer.id] } } });
    expect(
      await ledgerViolations(
        db,
        wallets.map((wallet) => wallet.id),
      ),
    ).toEqual([]);
  });

  it("pays the invoice in full when the payer's credit covers it, and leaves credit over", async () => {
    const { actor, payer, subscription } = await delegatedSubscription();
    await setOrganization(actor, { usageGraceHours: 0, autoFinalize: true, autoApplyWallet: true });
    await credit(db, actor, { customerId: payer.id, amountMinor: 20_000n }); // $200.00
    await run(at("2025-02-01T00:05:00.000Z"));
    const [invoice] = await invoicesOf(subscription.id);
    expect(invoice).toMatchObject({ status: "paid", paymentStatus: "paid", amountDueMinor: 0n });
    expect(await getWalletBalance(payer.id, "USD", db)).toBe(20_000n - JANUARY_TOTAL);
  });
});

describe("Bill now", () => {
  it("bills the current period with the usage so far, once, and the job then only advances the period", async () => {
    const { actor, payer, subscription } = await delegatedSubscription();
    const now = at("2025-01-20T09:00:00.000Z");
    const billed = await db.$transaction((tx) => billNow(tx, { actor, subscriptionId: subscription.id, now }));
    expect(billed.created).toBe(true);
    const invoice = await db.invoice.findUniqueOrThrow({ where: { id: billed.invoiceId } });
    expect(invoice).toMatchObject({
      customerId: payer.id,
      periodStart: JANUARY.start,
      periodEnd: JANUARY.end,
      issueDate: at("2025-01-20T00:00:00.000Z"), // billed early: dated today
      totalMinor: JANUARY_TOTAL,
    });
    const again = await db.$transaction((tx) => billNow(tx, { actor, subscriptionId: subscription.id, now }));
    expect(again).toEqual({ invoiceId: billed.invoiceId, created: false });
    // Not ended: the period stays current.
    expect((await db.subscription.findUniqueOrThrow({ where: { id: subscription.id } })).currentPeriodStart).toEqual(
      JANUARY.start,
    );

    await run(at("2025-02-01T00:05:00.000Z"));
    expect((await invoicesOf(subscription.id)).map((row) => row.id)).toEqual([billed.invoiceId]);
    expect((await db.subscription.findUniqueOrThrow({ where: { id: subscription.id } })).currentPeriodStart).toEqual(
      FEBRUARY.start,
    );
    const entry = await db.auditEntry.findFirstOrThrow({ where: { entityId: billed.invoiceId } });
    expect(entry).toMatchObject({ actorType: "user", actorUserId: actor.id });
  });

  it("refuses another organisation's subscription, an archived payer, and a period that has not begun", async () => {
    const { actor, payer, subscription } = await delegatedSubscription();
    const stranger = await makeOrganization(db, { name: "Elsewhere" });
    const foreign = await rejection(
      db.$transaction((tx) => billNow(tx, { actor: stranger, subscriptionId: subscription.id })),
    );
    expect((foreign as Error).message).toBe("Subscription was not found.");

    const early = await rejection(
      db.$transaction((tx) =>
        billNow(tx, { actor, subscriptionId: subscription.id, now: at("2024-12-31T00:00:00.000Z") }),
      ),
    );
    expect(early).toBeInstanceOf(UserError);
    expect((early as Error).message).toBe(
      "The subscription's first period has not started yet: there is nothing to bill before it begins",
    );

    await db.customer.update({ where: { id: payer.id }, data: { status: "archived", archivedAt: new Date() } });
    const archived = await rejection(
      db.$transaction((tx) =>
        billNow(tx, { actor, subscriptionId: subscription.id, now: at("2025-01-20T00:00:00.000Z") }),
      ),
    );
    expect((archived as Error).message).toBe("Reseller Ltd is archived: restore the customer before invoicing");
    expect(await invoicesOf(subscription.id)).toHaveLength(0);
    // Restored, so the later tests' runs do not keep retrying it.
    await db.customer.update({ where: { id: payer.id }, data: { status: "active", archivedAt: null } });
  });
});

describe("usage quantities on lines", () => {
  it("bills at most 6 decimals (half-up) and never a negative quantity", async () => {
    const actor = await makeOrganization(db);
    const owner = await makeCustomer(db, actor);
    const gb = await makeMeter(db, actor, { eventName: "storage", aggregation: "sum", property: "gb" });
    const credits = await makeMeter(db, actor, { eventName: "adjustment", aggregation: "sum", property: "units" });
    const { planId } = await makePlan(db, actor, {
      prices: [
        { type: "per_unit", description: "Storage", meterId: gb.id, unitAmountMinor: 100_000n }, // $1,000.00 per GB
        { type: "per_unit", description: "Adjustments", meterId: credits.id, unitAmountMinor: 100n },
      ],
    });
    const subscription = await makeSubscription(db, actor, { planId, ownerId: owner.id, period: JANUARY });
    const inside = at("2025-01-10T00:00:00.000Z");
    await addEvents(db, actor, [
      { customerId: owner.id, eventName: "storage", timestamp: inside, properties: { gb: 0.0000005 } },
      { customerId: owner.id, eventName: "storage", timestamp: inside, properties: { gb: "1.25" } },
      { customerId: owner.id, eventName: "adjustment", timestamp: inside, properties: { units: -7 } },
    ]);
    await run(at("2025-02-01T00:05:00.000Z"));
    const [invoice] = await invoicesOf(subscription.id);
    // 1.2500005 GB is billed as 1.250001 GB: $1,250.001 rounds to $1,250.00.
    expect(linesOf(invoice!).map((line) => [line.description, line.quantity, line.amountMinor])).toEqual([
      ["Storage", "1.250001", 125_000n],
      ["Adjustments", "0", 0n],
    ]);
  });
});

describe("canceled subscriptions", () => {
  it("bills a subscription canceled mid-period for its short last period once, and never again", async () => {
    const { actor, owner, subscription } = await delegatedSubscription();
    // Canceled on 15 January at noon (as the subscriptions service does it: the period ends then).
    const canceledAt = at("2025-01-15T12:00:00.000Z");
    await db.subscription.update({
      where: { id: subscription.id },
      data: { status: "canceled", canceledAt, currentPeriodEnd: canceledAt },
    });
    await run(at("2025-01-15T12:01:00.000Z"));
    const [invoice, ...more] = await invoicesOf(subscription.id);
    expect(more).toHaveLength(0);
    expect(invoice).toMatchObject({ periodStart: JANUARY.start, periodEnd: canceledAt, usageOwnerId: owner.id });
    // API calls on 1–15 January only (the 15th's at noon is outside: the period ends at noon).
    expect(linesOf(invoice!).find((line) => line.description === "API calls")?.quantity).toBe("14");

    await run(at("2025-03-01T00:00:00.000Z"));
    expect(await invoicesOf(subscription.id)).toHaveLength(1);
    // Deleting the draft, or voiding the invoice, does not bring the period back to bill.
    await db.$transaction((tx) => deleteDraftInvoice(tx, { actor, invoiceId: invoice!.id }));
    await run(at("2025-03-01T00:01:00.000Z"));
    expect(await invoicesOf(subscription.id)).toHaveLength(0);
    const after = await db.subscription.findUniqueOrThrow({ where: { id: subscription.id } });
    expect(after).toMatchObject({
      status: "canceled",
      currentPeriodStart: JANUARY.start,
      currentPeriodEnd: canceledAt,
    });
  });

  it("cuts a canceled subscription's last period at the cancellation even when the period was left whole", async () => {
    const { actor, subscription } = await delegatedSubscription();
    const canceledAt = at("2025-01-10T00:00:00.000Z");
    await db.subscription.update({ where: { id: subscription.id }, data: { status: "canceled", canceledAt } });
    await run(at("2025-01-10T00:01:00.000Z"));
    const [invoice] = await invoicesOf(subscription.id);
    expect(invoice!.periodEnd).toEqual(canceledAt);
    const issued = await finalize(db, actor, invoice!.id);
    await db.$transaction((tx) => voidInvoice(tx, { actor, invoiceId: issued.invoiceId, reason: "Billed by mistake" }));
    await run(at("2025-02-10T00:00:00.000Z"));
    expect(await invoicesOf(subscription.id)).toHaveLength(1);
  });

  it("ends a subscription set to cancel at period end once its last period is billed", async () => {
    const { subscription } = await delegatedSubscription({ cancelAtPeriodEnd: true });
    await run(at("2025-02-01T00:05:00.000Z"));
    const after = await db.subscription.findUniqueOrThrow({ where: { id: subscription.id } });
    expect(after).toMatchObject({
      status: "canceled",
      canceledAt: JANUARY.end,
      cancelAtPeriodEnd: false,
      currentPeriodStart: JANUARY.start,
      currentPeriodEnd: JANUARY.end,
    });
    await run(at("2025-06-01T00:00:00.000Z"));
    const invoices = await invoicesOf(subscription.id);
    expect(invoices.map((invoice) => invoice.periodStart)).toEqual([JANUARY.start]);
  });

  it("bills a period through billSubscriptionPeriod only once even when asked with the same start again", async () => {
    const { actor, subscription } = await delegatedSubscription();
    const now = at("2025-02-01T00:05:00.000Z");
    const results = await Promise.all(
      Array.from({ length: 5 }, () =>
        db.$transaction((tx) =>
          billSubscriptionPeriod(tx, { actor, subscriptionId: subscription.id, period: JANUARY, now }),
        ),
      ),
    );
    expect(results.filter((result) => result.created)).toHaveLength(1);
    expect(new Set(results.map((result) => result.invoiceId)).size).toBe(1);
    expect(await invoicesOf(subscription.id)).toHaveLength(1);
    expect(HOUR_MS).toBe(3_600_000);
  });
});
