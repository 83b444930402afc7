// The recalculation benchmark behind `recalc_1m_s` and `raw_sum_1m_s` (npm run bench:usage): on an
// already migrated database, a subscription whose owner sent 1,000,000 events in one period across
// three meters (count, sum of a property, unique count of a property), billed as a draft, then
// 100,000 backfilled events. Timed: recalculating that draft as the invoice page does (the preview,
// then applying it), against the bare SQL aggregate of the same three meters over the same rows.
// Best of 3 each, after one warm-up.
import { performance } from "node:perf_hooks";
import pg from "pg";
import { billSubscriptionPeriod } from "../../lib/billing/bill-period";
import { applyRecalculation, previewRecalculation } from "../../lib/billing/recalculate";
import { createDb, type Db } from "../../lib/db/client";
import { newId } from "../../lib/ids";
import type { InvoiceActor } from "../../lib/invoices/service/shared";

export type RecalcMeasurement = {
  /** Preview + apply, best of 3. */
  recalcSeconds: number;
  /** The bare SQL aggregate of the three meters over the same events: the faster way of writing it, best of 3. */
  rawSumSeconds: number;
  /** Each way of writing it, best of 3: one aggregate statement, and grouped by the distinct values first. */
  rawSingleAggregateSeconds: number;
  rawGroupedSeconds: number;
  /** The two halves of the best recalculation run, for reading the figure. */
  previewSeconds: number;
  applySeconds: number;
};

const EVENTS = 1_000_000;
const BACKFILL = 100_000;
const RUNS = 3;
const PERIOD = { start: new Date("2025-03-01T00:00:00Z"), end: new Date("2025-04-01T00:00:00Z") };
const PERIOD_MS = PERIOD.end.getTime() - PERIOD.start.getTime();
const BILLED_AT = new Date(PERIOD.end.getTime() + 60 * 60 * 1000);

type Setup = { actor: InvoiceActor; ownerId: string; subscriptionId: string };

const createSubscription = async (db: Db): Promise<Setup> => {
  const organizationId = newId("organization");
  await db.organization.create({ data: { id: organizationId, name: "Bench Recalc Ltd" } });
  const userId = newId("user");
  const actor = {
    id: userId,
    organizationId,
    name: "Bench Finance",
    email: `bench-${userId.toLowerCase()}@example.test`,
  };
  await db.user.create({ data: { ...actor, passwordHash: "x", role: "finance" } });
  const ownerId = newId("customer");
  await db.customer.create({
    data: { id: ownerId, organizationId, externalId: "bench-owner", name: "Bench Owner", email: "owner@example.test" },
  });
  const meter = async (eventName: string, aggregation: "count" | "sum" | "unique_count", property: string | null) => {
    const id = newId("meter");
    await db.meter.create({ data: { id, organizationId, name: eventName, eventName, aggregation, property } });
    return id;
  };
  const calls = await meter("api_call", "count", null);
  const storage = await meter("storage", "sum", "gb");
  const users = await meter("active_user", "unique_count", "user_id");
  const planId = newId("plan");
  await db.plan.create({ data: { id: planId, organizationId, code: "bench", name: "Bench plan", currency: "USD" } });
  await db.price.createMany({
    data: [
      {
        id: newId("price"),
        planId,
        type: "per_unit",
        description: "API calls",
        meterId: calls,
        unitAmountMinor: 1n,
        position: 0,
      },
      {
        id: newId("price"),
        planId,
        type: "per_unit",
        description: "Storage (GB)",
        meterId: storage,
        unitAmountMinor: 25n,
        position: 1,
      },
    ],
  });
  const usersPriceId = newId("price");
  await db.price.create({
    data: {
      id: usersPriceId,
      planId,
      type: "tiered",
      tierMode: "graduated",
      description: "Active users",
      meterId: users,
      position: 2,
    },
  });
  await db.priceTier.createMany({
    data: [
      { id: newId("priceTier"), priceId: usersPriceId, position: 0, upTo: "1000", unitAmountMinor: 500n },
      { id: newId("priceTier"), priceId: usersPriceId, position: 1, upTo: null, unitAmountMinor: 300n },
    ],
  });
  const subscriptionId = newId("subscription");
  await db.subscription.create({
    data: {
      id: subscriptionId,
      organizationId,
      customerId: ownerId,
      invoicingCustomerId: ownerId,
      planId,
      startDate: PERIOD.start,
      billingAnchor: PERIOD.start,
      currentPeriodStart: PERIOD.start,
      currentPeriodEnd: PERIOD.end,
    },
  });
  return { actor, ownerId, subscriptionId };
};

/**
 * `count` of the owner's events, numbered from `first`, spread over the period and the three event
 * names in turn, written in one statement. Storage carries a decimal "gb", users one of ~5,000 ids.
 */
const insertEvents = (
  client: pg.Client,
  setup: Setup,
  { first, count, receivedAt }: { first: number; count: number; receivedAt: Date },
) =>
  client.query(
    `INSERT INTO "UsageEvent" ("id", "organizationId", "customerId", "eventName", "timestamp", "properties", "idempotencyKey", "receivedAt")
     SELECT 'evt_bench_' || g, $1, $2,
       (ARRAY['api_call', 'storage', 'active_user'])[1 + g % 3],
       $3::timestamptz + ((g * 7919) % $4::bigint) * interval '1 millisecond',
       CASE g % 3
         WHEN 0 THEN jsonb_build_object('endpoint', '/v1/items')
         WHEN 1 THEN jsonb_build_object('gb', ((g % 400) / 8.0))
         ELSE jsonb_build_object('user_id', 'user-' || (g % 5003))
       END,
       'bench-' || g, $5::timestamptz
     FROM generate_series($6::bigint, $7::bigint) AS g`,
    [setup.actor.organizationId, setup.ownerId, PERIOD.start, PERIOD_MS, receivedAt, first, first + count - 1],
  );

// The floor: the three meters' aggregates over the owner's events in the period as plain statements
// on the same rows, no application around them. Two ways to write it: the textbook single aggregate,
// and grouping by the distinct values first (parallel hash aggregation, as lib/usage/aggregate.ts
// does). The faster of the two is the floor.
const SCOPE = `"customerId" = $1 AND "eventName" IN ('api_call', 'storage', 'active_user')
    AND "timestamp" >= $2 AND "timestamp" < $3 AND "organizationId" = $4`;
const RAW_SUMS = [
  `SELECT COUNT(*) FILTER (WHERE "eventName" = 'api_call') AS calls,
          SUM(("properties" ->> 'gb')::numeric) FILTER (WHERE "eventName" = 'storage') AS gb,
          COUNT(DISTINCT "properties" ->> 'user_id') FILTER (WHERE "eventName" = 'active_user') AS users
   FROM "UsageEvent" WHERE ${SCOPE}`,
  `SELECT SUM(calls) AS calls, SUM(gb) AS gb, COUNT(DISTINCT user_id) AS users
   FROM (
     SELECT CASE WHEN "eventName" = 'active_user' THEN "properties" ->> 'user_id' END AS user_id,
            COUNT(*) FILTER (WHERE "eventName" = 'api_call') AS calls,
            SUM(("properties" ->> 'gb')::numeric) FILTER (WHERE "eventName" = 'storage') AS gb
     FROM "UsageEvent" WHERE ${SCOPE} GROUP BY 1
   ) grouped`,
];

const seconds = (from: number) => (performance.now() - from) / 1000;

export const measureRecalc = async ({ url }: { url: string }): Promise<RecalcMeasurement> => {
  const db = createDb(url, { poolSize: 2 });
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const setup = await createSubscription(db);
    await insertEvents(client, setup, { first: 1, count: EVENTS, receivedAt: PERIOD.end });
    await client.query(`ANALYZE "UsageEvent"`);
    const { invoiceId } = await db.$transaction(
      (tx) =>
        billSubscriptionPeriod(tx, {
          actor: setup.actor,
          subscriptionId: setup.subscriptionId,
          period: PERIOD,
          now: BILLED_AT,
        }),
      { timeout: 120_000 },
    );
    await insertEvents(client, setup, { first: EVENTS + 1, count: BACKFILL, receivedAt: new Date() });
    await client.query(`ANALYZE "UsageEvent"`);

    const values = [setup.ownerId, PERIOD.start, PERIOD.end, setup.actor.organizationId];
    const rawSums = RAW_SUMS.map((sql) => () => client.query(sql, values));
    // As the invoice page does: the preview in one request, then Apply with the total it showed.
    const recalculate = async () => {
      const started = performance.now();
      const preview = await db.$transaction((tx) => previewRecalculation(tx, { actor: setup.actor, invoiceId }), {
        timeout: 120_000,
      });
      const previewSeconds = seconds(started);
      const applyStarted = performance.now();
      const applied = await db.$transaction(
        (tx) => applyRecalculation(tx, { actor: setup.actor, invoiceId, expectedTotalMinor: preview.newTotalMinor }),
        { timeout: 120_000 },
      );
      if (!applied.changed) throw new Error("The benchmark's recalculation found nothing to change");
      return { recalcSeconds: seconds(started), previewSeconds, applySeconds: seconds(applyStarted) };
    };

    // Warm-up: the statements planned and the rows in cache once, untimed.
    for (const rawSum of rawSums) await rawSum();
    await db.$transaction((tx) => previewRecalculation(tx, { actor: setup.actor, invoiceId }), { timeout: 120_000 });

    let best = { recalcSeconds: Number.POSITIVE_INFINITY, previewSeconds: 0, applySeconds: 0 };
    for (let run = 0; run < RUNS; run++) {
      // Each run has something to apply: the backfill first, then a few more late events.
      if (run > 0)
        await insertEvents(client, setup, { first: EVENTS + BACKFILL + run * 10, count: 10, receivedAt: new Date() });
      const measured = await recalculate();
      if (measured.recalcSeconds < best.recalcSeconds) best = measured;
    }
    const rawSeconds = rawSums.map(() => Number.POSITIVE_INFINITY);
    for (let run = 0; run < RUNS; run++) {
      for (const [index, rawSum] of rawSums.entries()) {
        const started = performance.now();
        await rawSum();
        rawSeconds[index] = Math.min(rawSeconds[index]!, seconds(started));
      }
    }
    const [singleAggregateSeconds = Number.NaN, groupedSeconds = Number.NaN] = rawSeconds;
    return {
      ...best,
      rawSumSeconds: Math.min(...rawSeconds),
      rawSingleAggregateSeconds: singleAggregateSeconds,
      rawGroupedSeconds: groupedSeconds,
    };
  } finally {
    await client.end();
    await db.$disconnect();
  }
};
