// A delegated subscription with usage, for the recalculation tests: an owner (Bluefin) whose usage is
// billed to a payer (Southwind), a plan with a flat fee and three usage prices on three meters
// (count, sum of a property, unique count of a property), June 2024 as the period, and usage
// events written as the ingest API stores them (receivedAt says when each arrived).
import type { Db } from "@/lib/db/client";
import type { MeterAggregation } from "@/lib/db/generated/enums";
import { billSubscriptionPeriod } from "@/lib/billing/bill-period";
import { newId } from "@/lib/ids";
import type { InvoiceActor } from "@/lib/invoices/service/shared";
import { computeInvoiceTotals, computeLine } from "@/lib/invoices/totals";
import { makeCustomer, makeOrganization } from "./invoice-fixtures";

export const JUNE = { start: new Date("2024-06-01T00:00:00Z"), end: new Date("2024-07-01T00:00:00Z") };
/** When the period was billed: after it ended. */
export const BILLED_AT = new Date("2024-07-01T01:00:00Z");
/** When the tests recalculate: two hours after June was billed. */
export const RECALCULATED_AT = new Date("2024-07-01T03:00:00Z");
/** When the first events arrived (before billing) and when the backfill did (after). */
export const FIRST_RECEIVED = new Date("2024-06-30T12:00:00Z");
export const BACKFILL_RECEIVED = new Date("2024-07-01T02:00:00Z");

const makeMeter = (
  db: Db,
  actor: InvoiceActor,
  values: { name: string; eventName: string; aggregation: MeterAggregation; property?: string },
) =>
  db.meter.create({
    data: {
      id: newId("meter"),
      organizationId: actor.organizationId,
      name: values.name,
      eventName: values.eventName,
      aggregation: values.aggregation,
      property: values.property ?? null,
    },
  });

export type UsageSetup = Awaited<ReturnType<typeof delegatedSubscription>>;

/**
 * Prices: Platform fee $49.00 flat; API calls $0.10 each (count of api_call); Storage $0.25 per GB
 * (sum of storage.gb); Active users graduated, $10.00 each for the first 2, $8.00 from the 3rd
 * (unique count of active_user.user_id).
 */
export const delegatedSubscription = async (db: Db) => {
  const actor = await makeOrganization(db);
  const owner = await makeCustomer(db, actor, { name: "Bluefin Retail Pte Ltd", email: "ops@bluefin.example" });
  const payer = await makeCustomer(db, actor, { name: "Southwind Partners", email: "ap@southwind.example" });
  const apiCalls = await makeMeter(db, actor, { name: "API calls", eventName: "api_call", aggregation: "count" });
  const storage = await makeMeter(db, actor, {
    name: "Storage",
    eventName: "storage",
    aggregation: "sum",
    property: "gb",
  });
  const users = await makeMeter(db, actor, {
    name: "Active users",
    eventName: "active_user",
    aggregation: "unique_count",
    property: "user_id",
  });
  const planId = newId("plan");
  await db.plan.create({
    data: {
      id: planId,
      organizationId: actor.organizationId,
      code: `growth-${planId}`,
      name: "Growth",
      currency: "USD",
    },
  });
  const price = (values: {
    type: "flat" | "per_unit" | "tiered";
    description: string;
    position: number;
    meterId?: string;
    unitAmountMinor?: bigint;
  }) =>
    db.price.create({
      data: {
        id: newId("price"),
        planId,
        type: values.type,
        description: values.description,
        position: values.position,
        meterId: values.meterId ?? null,
        unitAmountMinor: values.unitAmountMinor ?? null,
        tierMode: values.type === "tiered" ? "graduated" : null,
      },
    });
  await price({ type: "flat", description: "Platform fee", position: 0, unitAmountMinor: 4900n }); // $49.00
  await price({ type: "per_unit", description: "API calls", position: 1, meterId: apiCalls.id, unitAmountMinor: 10n }); // $0.10
  await price({
    type: "per_unit",
    description: "Storage (GB)",
    position: 2,
    meterId: storage.id,
    unitAmountMinor: 25n,
  }); // $0.25
  const usersPrice = await price({ type: "tiered", description: "Active users", position: 3, meterId: users.id });
  await db.priceTier.createMany({
    data: [
      { id: newId("priceTier"), priceId: usersPrice.id, position: 0, upTo: "2", unitAmountMinor: 1000n }, // $10.00
      { id: newId("priceTier"), priceId: usersPrice.id, position: 1, upTo: null, unitAmountMinor: 800n }, // $8.00
    ],
  });
  const subscriptionId = newId("subscription");
  await db.subscription.create({
    data: {
      id: subscriptionId,
      organizationId: actor.organizationId,
      customerId: owner.id,
      invoicingCustomerId: payer.id,
      planId,
      startDate: JUNE.start,
      billingAnchor: JUNE.start,
      currentPeriodStart: JUNE.start,
      currentPeriodEnd: JUNE.end,
    },
  });
  return { actor, owner, payer, subscriptionId };
};

export type EventSeed = { name: string; at: string; properties?: Record<string, unknown>; customerId?: string };

/** Stores events for the owner (or the customer named), arrived at `receivedAt`. */
export const storeEvents = (db: Db, setup: UsageSetup, events: EventSeed[], receivedAt: Date) =>
  db.usageEvent.createMany({
    data: events.map((event) => ({
      id: newId("usageEvent"),
      organizationId: setup.actor.organizationId,
      customerId: event.customerId ?? setup.owner.id,
      eventName: event.name,
      timestamp: new Date(event.at),
      properties: (event.properties ?? {}) as object,
      idempotencyKey: newId("usageEvent"),
      receivedAt,
    })),
  });

const times = (count: number, event: (index: number) => EventSeed): EventSeed[] =>
  Array.from({ length: count }, (_, index) => event(index));

/**
 * June as first measured: 120 API calls, 37.75 GB stored (10 + 20.5 + "7.25"), users u1, u2, u3 (u1
 * twice). Also what must not count: the payer's own calls, and the owner's calls either side of June.
 */
export const firstUsage = (setup: UsageSetup): EventSeed[] => [
  ...times(120, (index) => ({
    name: "api_call",
    at: `2024-06-${String(1 + (index % 29)).padStart(2, "0")}T10:00:00Z`,
  })),
  { name: "storage", at: "2024-06-05T00:00:00Z", properties: { gb: 10 } },
  { name: "storage", at: "2024-06-15T00:00:00Z", properties: { gb: 20.5 } },
  { name: "storage", at: "2024-06-25T00:00:00Z", properties: { gb: "7.25" } },
  { name: "active_user", at: "2024-06-10T09:00:00Z", properties: { user_id: "u1" } },
  { name: "active_user", at: "2024-06-11T09:00:00Z", properties: { user_id: "u2" } },
  { name: "active_user", at: "2024-06-12T09:00:00Z", properties: { user_id: "u3" } },
  { name: "active_user", at: "2024-06-20T09:00:00Z", properties: { user_id: "u1" } },
  ...times(50, () => ({ name: "api_call", at: "2024-06-15T10:00:00Z", customerId: setup.payer.id })),
  { name: "api_call", at: "2024-05-31T23:59:59.999Z" },
  { name: "api_call", at: "2024-07-01T00:00:00Z" },
];

/**
 * Late and out of order (timestamps before the first events'): 30 more API calls, 12.25 GB, users u4
 * (new) and u2 (already counted) — 33 events in June for the owner. And a late call of the payer's
 * and one of the owner's in July, which this period does not count.
 */
export const backfill = (setup: UsageSetup): EventSeed[] => [
  ...times(30, (index) => ({ name: "api_call", at: `2024-06-0${1 + (index % 3)}T08:00:00Z` })),
  { name: "storage", at: "2024-06-03T00:00:00Z", properties: { gb: 12.25 } },
  { name: "active_user", at: "2024-06-02T09:00:00Z", properties: { user_id: "u4" } },
  { name: "active_user", at: "2024-06-01T09:00:00Z", properties: { user_id: "u2" } },
  { name: "api_call", at: "2024-06-02T08:00:00Z", customerId: setup.payer.id },
  { name: "api_call", at: "2024-07-02T08:00:00Z" },
];

/** June billed once the first usage is in: the draft invoice for the payer. */
export const billJune = async (db: Db, setup: UsageSetup) => {
  await storeEvents(db, setup, firstUsage(setup), FIRST_RECEIVED);
  const { invoiceId } = await db.$transaction((tx) =>
    billSubscriptionPeriod(tx, {
      actor: setup.actor,
      subscriptionId: setup.subscriptionId,
      period: JUNE,
      now: BILLED_AT,
    }),
  );
  return invoiceId;
};

/** A line finance added by hand to the draft (no price), totals kept in step as the draft form would. */
export const addManualLine = async (
  db: Db,
  invoiceId: string,
  line: { description: string; quantity: string; unitAmountMinor: bigint; taxRatePercent?: string },
) =>
  db.$transaction(async (tx) => {
    const position = await tx.invoiceLine.count({ where: { invoiceId } });
    const taxRatePercent = line.taxRatePercent ?? "0";
    const { amountMinor, taxMinor } = computeLine({ ...line, taxRatePercent });
    await tx.invoiceLine.create({
      data: { id: newId("invoiceLine"), invoiceId, position, ...line, taxRatePercent, amountMinor, taxMinor },
    });
    const lines = await tx.invoiceLine.findMany({ where: { invoiceId } });
    const totals = computeInvoiceTotals(
      lines.map((each) => ({
        quantity: each.quantity.toString(),
        unitAmountMinor: each.unitAmountMinor,
        taxRatePercent: each.taxRatePercent.toString(),
      })),
    );
    await tx.invoice.update({
      where: { id: invoiceId },
      data: {
        subtotalMinor: totals.subtotalMinor,
        taxMinor: totals.taxMinor,
        totalMinor: totals.totalMinor,
        amountDueMinor: totals.totalMinor,
      },
    });
  });

/** The invoice's lines as a reader checks them: description, quantity, amount, price or manual. */
export const linesOf = async (db: Db, invoiceId: string) =>
  (await db.invoiceLine.findMany({ where: { invoiceId }, orderBy: { position: "asc" } })).map((line) => ({
    position: line.position,
    description: line.description,
    quantity: line.quantity.toString(),
    amountMinor: line.amountMinor,
    manual: line.priceId === null,
  }));
