// The demo's metered usage: two months of plausible events from a fixed-seed generator, the rows
// that store them, and each meter's reading over a period, aggregated as the app's SQL would.
import Decimal from "decimal.js";
import type { Prisma } from "@/lib/db/generated/client";
import { newId } from "@/lib/ids";
import { DEMO_ORG_ID } from "../demo";
import { addDays, DAY_MS, type Clock, type Period } from "./clock";
import { CUSTOMERS, METERS, type CustomerKey, type MeterKey } from "./fixtures";
import type { Ids } from "./rows";

// A fixed-seed generator (mulberry32): the demo's usage looks random but is the same on every run.
const createRandom = (seed: number) => {
  let state = seed >>> 0;
  const next = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const integer = (min: number, max: number): number => min + Math.floor(next() * (max - min + 1));
  const pick = <T>(items: readonly T[]): T => items[integer(0, items.length - 1)]!;
  return { next, integer, pick };
};
type Random = ReturnType<typeof createRandom>;

type UsageStream = {
  customer: CustomerKey;
  meter: MeterKey;
  eventsPerDay: [number, number];
  properties: (random: Random, dayIndex: number, sequence: number) => Record<string, string | number>;
};

const HOURS_PER_JOB = [0.25, 0.5, 0.75, 1, 1.25, 1.5, 2, 3.5] as const;

const USAGE_STREAMS: UsageStream[] = [
  {
    customer: "acme",
    meter: "apiCalls",
    eventsPerDay: [3, 6],
    properties: (random) => ({
      endpoint: random.pick(["/v1/reports", "/v1/dashboards", "/v1/exports", "/v1/queries"]),
      status: random.pick([200, 200, 200, 201, 429]),
    }),
  },
  {
    customer: "acme",
    meter: "storageGb",
    eventsPerDay: [1, 1],
    // Storage grows through the month, as a warehouse fills.
    properties: (random, dayIndex) => ({
      gb: (1800 + dayIndex * 12 + random.integer(0, 30)) / 10,
      bucket: "acme-warehouse",
    }),
  },
  {
    customer: "hooli",
    meter: "computeHours",
    eventsPerDay: [1, 2],
    properties: (random, _day, sequence) => ({
      hours: random.pick(HOURS_PER_JOB),
      job_id: `job-${sequence}`,
      region: "us-west-2",
    }),
  },
  {
    customer: "globex",
    meter: "activeUsers",
    eventsPerDay: [1, 3],
    properties: (random) => ({ user_id: `globex-user-${random.integer(1, 14)}`, app: "web" }),
  },
  {
    customer: "soylent",
    meter: "activeUsers",
    eventsPerDay: [1, 2],
    properties: (random) => ({ user_id: `soylent-user-${random.integer(1, 8)}`, app: "web" }),
  },
  {
    customer: "bluefin",
    meter: "computeHours",
    eventsPerDay: [0, 2],
    properties: (random, _day, sequence) => ({
      hours: random.pick(HOURS_PER_JOB),
      job_id: `bf-${sequence}`,
      region: "ap-southeast-1",
    }),
  },
  {
    customer: "merlion",
    meter: "computeHours",
    eventsPerDay: [0, 1],
    properties: (random, _day, sequence) => ({
      hours: random.pick(HOURS_PER_JOB),
      job_id: `ml-${sequence}`,
      region: "ap-southeast-1",
    }),
  },
];

export type UsageEventSeed = {
  customer: CustomerKey;
  eventName: string;
  timestamp: Date;
  properties: Record<string, string | number>;
};

/** Events for every stream from the start of the previous month up to now. */
export const generateUsage = (clock: Clock): UsageEventSeed[] => {
  const random = createRandom(20240628);
  const from = clock.month(1).start;
  const events: UsageEventSeed[] = [];
  for (const stream of USAGE_STREAMS) {
    let sequence = 0;
    for (let dayStart = from, dayIndex = 0; dayStart < clock.now; dayStart = addDays(dayStart, 1), dayIndex++) {
      const count = random.integer(...stream.eventsPerDay);
      for (let i = 0; i < count; i++) {
        const timestamp = new Date(dayStart.getTime() + Math.floor(random.next() * DAY_MS));
        sequence++;
        const properties = stream.properties(random, dayIndex, sequence);
        if (timestamp >= clock.now) continue;
        events.push({ customer: stream.customer, eventName: METERS[stream.meter].eventName, timestamp, properties });
      }
    }
  }
  return events.sort((a, b) => a.timestamp.getTime() - b.timestamp.getTime());
};

/** What a meter reads for one customer over a period, aggregated as the app's SQL would. */
export const meterQuantity = ({
  events,
  customer,
  meter,
  period,
}: {
  events: UsageEventSeed[];
  customer: CustomerKey;
  meter: MeterKey;
  period: Period;
}): string => {
  const { eventName, aggregation, property } = METERS[meter];
  const matching = events.filter(
    (event) =>
      event.customer === customer &&
      event.eventName === eventName &&
      event.timestamp >= period.start &&
      event.timestamp < period.end,
  );
  const values = matching.map((event) => (property ? String(event.properties[property]) : ""));
  switch (aggregation) {
    case "count":
      return String(matching.length);
    case "sum":
      return values.reduce((total, value) => total.plus(value), new Decimal(0)).toFixed();
    case "max":
      return values.reduce((max, value) => Decimal.max(max, value), new Decimal(0)).toFixed();
    case "unique_count":
      return String(new Set(values).size);
    default: {
      const unknown: never = aggregation;
      throw new Error(`Unhandled aggregation ${String(unknown)}`);
    }
  }
};

/** The events as rows, each with an idempotency key numbered per customer as a client would send it. */
export const usageEventRows = ({
  usage,
  ids,
  clock,
}: {
  usage: UsageEventSeed[];
  ids: Ids;
  clock: Clock;
}): Prisma.UsageEventCreateManyInput[] => {
  const usageSequence = new Map<CustomerKey, number>();
  return usage.map((event) => {
    const sequence = (usageSequence.get(event.customer) ?? 0) + 1;
    usageSequence.set(event.customer, sequence);
    return {
      id: newId("usageEvent"),
      organizationId: DEMO_ORG_ID,
      customerId: ids.customers[event.customer],
      eventName: event.eventName,
      timestamp: event.timestamp,
      properties: event.properties,
      idempotencyKey: `${CUSTOMERS[event.customer].externalId}-${event.eventName}-${String(sequence).padStart(5, "0")}`,
      receivedAt: clock.notAfterNow(new Date(event.timestamp.getTime() + 1500)),
    };
  });
};
