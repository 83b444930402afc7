// Meter aggregation against a real PostgreSQL: for every aggregation (count, sum, max, unique count),
// with and without filters, over events with non-numeric values, outside the period and of other
// customers, aggregateUsage (one statement, FILTER clauses) equals a reference computed another way:
// one query per meter, filters through jsonb_each_text, numbers picked by a UNION of the two shapes.
import DecimalBase from "decimal.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDb, type Db } from "@/lib/db/client";
import { Prisma } from "@/lib/db/generated/client";
import type { MeterAggregation } from "@/lib/db/generated/enums";
import {
  aggregateUsage,
  aggregateUsageByCustomer,
  aggregateUsageSeries,
  countEventsReceivedSince,
  type MeterDefinition,
} from "@/lib/usage/aggregate";
import { addEvents, makeMeter, type EventSeed } from "./billing-fixtures";
import { createMigratedTestDatabase, type TestDatabase } from "./db";
import { makeCustomer, makeOrganization } from "./invoice-fixtures";

// Sums of 30-digit values: exact, unlike the default 20 significant digits.
const Decimal = DecimalBase.clone({ precision: 200 });

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

const period = { start: new Date("2025-03-01T05:00:00.000Z"), end: new Date("2025-04-01T04:00:00.000Z") };

/** The reference: one meter at a time, in SQL shaped unlike the implementation's. */
const reference = async (
  meter: MeterDefinition,
  { organizationId, customerId }: { organizationId: string; customerId: string },
): Promise<string> => {
  const filters = Object.entries(meter.filters ?? {}).map(
    ([key, value]) =>
      Prisma.sql`AND EXISTS (SELECT 1 FROM jsonb_each_text(e."properties") kv WHERE kv.key = ${key} AND kv.value = ${value})`,
  );
  const scoped = Prisma.sql`
    SELECT e."properties" AS p FROM "UsageEvent" e
    WHERE e."organizationId" = ${organizationId} AND e."customerId" = ${customerId} AND e."eventName" = ${meter.eventName}
      AND tstzrange(${period.start}::timestamptz, ${period.end}::timestamptz, '[)') @> e."timestamp"
      ${filters.length > 0 ? Prisma.join(filters, " ") : Prisma.empty}`;
  const property = meter.property ?? "";
  const numbers = Prisma.sql`
    SELECT (p ->> ${property})::numeric AS n FROM scoped WHERE jsonb_typeof(p -> ${property}) = 'number'
    UNION ALL
    SELECT (p ->> ${property})::numeric FROM scoped
    WHERE jsonb_typeof(p -> ${property}) = 'string' AND (p ->> ${property}) ~ '^-?\\d{1,30}(\\.\\d{1,30})?$'`;
  const aggregate: Record<MeterAggregation, Prisma.Sql> = {
    count: Prisma.sql`SELECT COUNT(*)::text AS q FROM scoped`,
    sum: Prisma.sql`SELECT COALESCE(SUM(n), 0)::text AS q FROM numbers`,
    max: Prisma.sql`SELECT COALESCE(MAX(n), 0)::text AS q FROM numbers`,
    unique_count: Prisma.sql`SELECT COUNT(*)::text AS q FROM (SELECT DISTINCT p ->> ${property} FROM scoped WHERE p ->> ${property} IS NOT NULL) d`,
  };
  const [row] = await db.$queryRaw<{ q: string }[]>`
    WITH scoped AS (${scoped}), numbers AS (${numbers}) ${aggregate[meter.aggregation]}`;
  return canonical(row!.q);
};

/** "4.50" and "4.5" are one quantity: compare numerically, exactly. */
const canonical = (text: string) => {
  if (!text.includes(".")) return text.replace(/^(-?)0+(?=\d)/, "$1");
  return text.replace(/0+$/, "").replace(/\.$/, "");
};

// A small deterministic generator: the same events every run, so a failure can be replayed.
const random = (seed: number) => () => {
  seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
  return seed / 2_147_483_648;
};

const GB_VALUES: unknown[] = [
  1,
  2.5,
  0.125,
  -3,
  1000000.000001,
  "7",
  "12.75",
  "-0.5",
  "123456789012345678901234567890.5",
  "12abc",
  "",
  " 5",
  "1e3",
  "NaN",
  null,
  true,
  { nested: 1 },
  [1, 2],
];
const USER_VALUES: unknown[] = ["u1", "u2", "u3", "U1", 1, "1", null, { id: "u1" }, ""];

const generateEvents = (customers: string[], count: number): EventSeed[] => {
  const next = random(20250301);
  const pick = <T>(values: readonly T[]) => values[Math.floor(next() * values.length)]!;
  const span = period.end.getTime() - period.start.getTime() + 4 * 24 * 3600_000;
  const events: EventSeed[] = [];
  for (let index = 0; index < count; index++) {
    const properties: Record<string, unknown> = {};
    const region = pick(["eu", "us", "eu", undefined]);
    if (region) properties.region = region;
    const tier = pick([1, "1", "2", undefined]);
    if (tier !== undefined) properties.tier = tier;
    if (next() < 0.9) properties.gb = pick(GB_VALUES);
    if (next() < 0.9) properties.user_id = pick(USER_VALUES);
    events.push({
      customerId: pick(customers),
      eventName: pick(["api_call", "storage", "storage", "other"]),
      timestamp: new Date(period.start.getTime() - 2 * 24 * 3600_000 + Math.floor(next() * span)),
      properties,
    });
  }
  // The edges: the first instant is in, the last millisecond is in, the end is out.
  for (const customerId of customers) {
    for (const timestamp of [period.start, new Date(period.end.getTime() - 1), period.end]) {
      events.push({
        customerId,
        eventName: "storage",
        timestamp,
        properties: { gb: 100, region: "eu", tier: "1", user_id: "edge" },
      });
    }
  }
  return events;
};

const METER_SHAPES: { aggregation: MeterAggregation; property?: string }[] = [
  { aggregation: "count" },
  { aggregation: "sum", property: "gb" },
  { aggregation: "max", property: "gb" },
  { aggregation: "unique_count", property: "user_id" },
  { aggregation: "unique_count", property: "gb" },
];
const FILTERS: (Record<string, string> | undefined)[] = [undefined, { region: "eu" }, { region: "eu", tier: "1" }];

describe("aggregateUsage", () => {
  it("equals the reference for every aggregation, filter and edge, all meters in one statement", async () => {
    const actor = await makeOrganization(db);
    const customers = await Promise.all(["Owner", "Other", "Third"].map((name) => makeCustomer(db, actor, { name })));
    const ids = customers.map((customer) => customer.id);
    await addEvents(db, actor, generateEvents(ids, 3000));

    const meters: MeterDefinition[] = [];
    for (const eventName of ["storage", "api_call"]) {
      for (const shape of METER_SHAPES) {
        for (const filters of FILTERS) meters.push(await makeMeter(db, actor, { eventName, ...shape, filters }));
      }
    }
    for (const customerId of ids) {
      const scope = { organizationId: actor.organizationId, customerId };
      const together = await aggregateUsage(db, { ...scope, meters, period });
      expect(together.size).toBe(meters.length);
      for (const meter of meters) {
        const expected = await reference(meter, scope);
        expect({
          meter: meter.aggregation,
          filters: meter.filters,
          quantity: canonical(together.get(meter.id)!),
        }).toEqual({
          meter: meter.aggregation,
          filters: meter.filters,
          quantity: expected,
        });
        // One meter alone gives what it gave among the others.
        const alone = await aggregateUsage(db, { ...scope, meters: [meter], period });
        expect(alone.get(meter.id)).toBe(together.get(meter.id));
      }
    }
  });

  it("sums and maxes numbers, ignores what is not one, and counts only the owner's events in the period", async () => {
    const actor = await makeOrganization(db);
    const owner = await makeCustomer(db, actor, { name: "Owner" });
    const other = await makeCustomer(db, actor, { name: "Other" });
    const inside = new Date("2025-03-15T12:00:00.000Z");
    const event = (properties: Record<string, unknown>, values: Partial<EventSeed> = {}): EventSeed => ({
      customerId: owner.id,
      eventName: "tokens",
      timestamp: inside,
      properties,
      ...values,
    });
    await addEvents(db, actor, [
      event({ n: 10, user: "a", region: "eu" }),
      event({ n: 2.5, user: "b", region: "eu" }),
      event({ n: "7", user: "a", region: "us" }), // a number as text counts
      event({ n: "abc", user: "c" }), // not a number: ignored by sum and max, still an event
      event({ n: null, user: null }),
      event({ user: "d" }), // no property
      event({ n: { value: 99 } }),
      event({ n: 1000 }, { timestamp: period.end }), // the period's end is outside it
      event({ n: 1000 }, { timestamp: new Date(period.start.getTime() - 1) }),
      event({ n: 1000, user: "z" }, { customerId: other.id }), // another customer's usage
      event({ n: 1000 }, { eventName: "other" }),
    ]);
    const meter = (aggregation: MeterAggregation, property?: string, filters?: Record<string, string>) =>
      makeMeter(db, actor, { eventName: "tokens", aggregation, property, filters });
    const meters = [
      await meter("count"),
      await meter("sum", "n"),
      await meter("max", "n"),
      await meter("unique_count", "user"),
      await meter("sum", "n", { region: "eu" }),
      await meter("count", undefined, { region: "apac" }),
      await meter("max", "missing"),
    ];
    const quantities = await aggregateUsage(db, {
      organizationId: actor.organizationId,
      customerId: owner.id,
      meters,
      period,
    });
    // users a, b, c, d (null is no user); eu events: 10 + 2.5; nobody in apac; no "missing" property.
    expect(meters.map((m) => quantities.get(m.id))).toEqual(["7", "19.5", "10", "4", "12.5", "0", "0"]);
  });

  it("returns an empty map for no meters and zeros for a customer without events", async () => {
    const actor = await makeOrganization(db);
    const customer = await makeCustomer(db, actor);
    const scope = { organizationId: actor.organizationId, customerId: customer.id, period };
    expect((await aggregateUsage(db, { ...scope, meters: [] })).size).toBe(0);
    const meters = [
      await makeMeter(db, actor, { eventName: "x", aggregation: "count" }),
      await makeMeter(db, actor, { eventName: "x", aggregation: "sum", property: "n" }),
    ];
    expect([...(await aggregateUsage(db, { ...scope, meters })).values()]).toEqual(["0", "0"]);
  });

  it("reads the customer's events through the (customerId, eventName, timestamp) index", async () => {
    const actor = await makeOrganization(db);
    const customer = await makeCustomer(db, actor);
    // Enough rows that a sequential scan would be the planner's choice were the index unusable.
    const other = await makeCustomer(db, actor, { name: "Busy" });
    await addEvents(
      db,
      actor,
      Array.from({ length: 5000 }, (_, index) => ({
        customerId: index % 50 === 0 ? customer.id : other.id,
        eventName: "storage",
        timestamp: new Date(period.start.getTime() + index * 60_000),
        properties: { gb: index },
      })),
    );
    await db.$executeRaw`ANALYZE "UsageEvent"`;
    const meter = await makeMeter(db, actor, { eventName: "storage", aggregation: "sum", property: "gb" });
    // Capture the statement aggregateUsage sends, then ask PostgreSQL how it would run it.
    let captured: Prisma.Sql | undefined;
    const spy = new Proxy(db, {
      get: (target, property) => {
        if (property !== "$queryRaw") return Reflect.get(target, property, target) as unknown;
        return (query: Prisma.Sql | TemplateStringsArray, ...values: unknown[]) => {
          captured = query instanceof Prisma.Sql ? query : Prisma.sql(query, ...values);
          return target.$queryRaw(captured);
        };
      },
    });
    await aggregateUsage(spy, {
      organizationId: actor.organizationId,
      customerId: customer.id,
      meters: [meter],
      period,
    });
    expect(captured).toBeDefined();
    const plan = await db.$queryRawUnsafe<{ "QUERY PLAN": string }[]>(`EXPLAIN ${captured!.text}`, ...captured!.values);
    expect(plan.map((row) => row["QUERY PLAN"]).join("\n")).toMatch(/UsageEvent_customerId_eventName_timestamp_idx/);
  });
});

describe("aggregateUsageSeries and aggregateUsageByCustomer", () => {
  it("splits a meter by day in the organisation's zone and by customer, adding up to the period's totals", async () => {
    const actor = await makeOrganization(db);
    const customers = await Promise.all(["Owner", "Other", "Third"].map((name) => makeCustomer(db, actor, { name })));
    const ids = customers.map((customer) => customer.id);
    await addEvents(db, actor, generateEvents(ids, 1500));
    const timeZone = "America/New_York"; // the period crosses the start of daylight saving time
    for (const shape of [{ aggregation: "count" as const }, { aggregation: "sum" as const, property: "gb" }]) {
      const meter = await makeMeter(db, actor, { eventName: "storage", ...shape, filters: { region: "eu" } });
      const scope = { organizationId: actor.organizationId, meter, period };
      const byCustomer = await aggregateUsageByCustomer(db, scope);
      let total = new Decimal(0);
      for (const customerId of ids) {
        const series = await aggregateUsageSeries(db, { ...scope, timeZone, customerId });
        expect(series.map((day) => day.day)).toEqual(
          Array.from({ length: 31 }, (_, index) => `2025-03-${String(index + 1).padStart(2, "0")}`),
        );
        const periodQuantity = (await aggregateUsage(db, { ...scope, customerId, meters: [meter] })).get(meter.id)!;
        const daySum = series.reduce((sum, day) => sum.plus(day.quantity), new Decimal(0));
        expect(daySum.toFixed()).toBe(periodQuantity);
        // Each day equals the reference restricted to that local day.
        const reference = await db.$queryRaw<{ day: string; q: string }[]>`
          SELECT (e."timestamp" AT TIME ZONE ${timeZone})::date::text AS day,
                 ${meter.aggregation === "count" ? Prisma.sql`COUNT(*)` : Prisma.sql`SUM(CASE WHEN jsonb_typeof(e."properties" -> 'gb') = 'number' OR (e."properties" ->> 'gb') ~ '^-?\\d{1,30}(\\.\\d{1,30})?$' THEN (e."properties" ->> 'gb')::numeric END)`}::text AS q
          FROM "UsageEvent" e
          WHERE e."customerId" = ${customerId} AND e."eventName" = 'storage' AND e."properties" ->> 'region' = 'eu'
            AND e."timestamp" >= ${period.start} AND e."timestamp" < ${period.end}
          GROUP BY 1`;
        const expected = new Map(reference.map((row) => [row.day, canonical(row.q ?? "0")]));
        for (const day of series)
          expect([day.day, canonical(day.quantity)]).toEqual([day.day, expected.get(day.day) ?? "0"]);
        const row = byCustomer.find((entry) => entry.customerId === customerId);
        expect(row?.quantity ?? "0").toBe(periodQuantity);
        total = total.plus(periodQuantity);
      }
      const allCustomers = await aggregateUsageSeries(db, { ...scope, timeZone });
      expect(allCustomers.reduce((sum, day) => sum.plus(day.quantity), new Decimal(0)).toFixed()).toBe(total.toFixed());
      // Largest first, and events counted per customer.
      const quantities = byCustomer.map((row) => new Decimal(row.quantity));
      expect(quantities.every((quantity, index) => index === 0 || quantity.lte(quantities[index - 1]!))).toBe(true);
      expect(byCustomer.every((row) => row.events > 0)).toBe(true);
    }
  });
});

describe("countEventsReceivedSince", () => {
  it("counts the owner's events of the meters' names in the period that arrived after the given moment", async () => {
    const actor = await makeOrganization(db);
    const owner = await makeCustomer(db, actor);
    const other = await makeCustomer(db, actor, { name: "Other" });
    const calculatedAt = new Date("2025-04-02T00:00:00.000Z");
    const late = new Date("2025-04-02T06:00:00.000Z");
    const inside = new Date("2025-03-20T00:00:00.000Z");
    await addEvents(db, actor, [
      {
        customerId: owner.id,
        eventName: "api_call",
        timestamp: inside,
        receivedAt: new Date("2025-03-20T00:00:01.000Z"),
      },
      { customerId: owner.id, eventName: "api_call", timestamp: inside, receivedAt: late },
      { customerId: owner.id, eventName: "storage", timestamp: inside, receivedAt: late },
      { customerId: owner.id, eventName: "ignored", timestamp: inside, receivedAt: late },
      { customerId: owner.id, eventName: "api_call", timestamp: period.end, receivedAt: late },
      { customerId: other.id, eventName: "api_call", timestamp: inside, receivedAt: late },
    ]);
    const input = { organizationId: actor.organizationId, customerId: owner.id, period, since: calculatedAt };
    expect(await countEventsReceivedSince(db, { ...input, eventNames: ["api_call", "storage"] })).toBe(2);
    expect(await countEventsReceivedSince(db, { ...input, eventNames: [] })).toBe(0);
    expect(await countEventsReceivedSince(db, { ...input, eventNames: ["api_call"], since: new Date(0) })).toBe(2);
  });
});
