// The demo's metered usage: plausible events from fixed-seed generators for every period the demo
// bills (the month before last, last month, the current month so far, and a canceled subscription's
// last, short period), the rows that store them, and each meter's reading over a period, aggregated
// as the app's SQL would, so every seeded subscription invoice is what recalculating it would give.
import Decimal from "decimal.js";
import type { Prisma } from "@/lib/db/generated/client";
import { newId } from "@/lib/ids";
import { DEMO_ORG_ID } from "../demo";
import { seededCancellation } from "./catalogue";
import { addDays, DAY_MS, type Clock, type Period } from "./clock";
import { CUSTOMERS, METERS, SUBSCRIPTIONS, type CustomerKey, type MeterKey, type SubscriptionKey } from "./fixtures";
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

// Last month and since draw from one generator, the months before from another: each stretch of
// the demo reads the same whatever the other holds.
const RECENT_SEED = 20240628;
const EARLIER_SEED = 20240527;

/** A day of usage: days since the start of last month (negative before it), and whether it lies before. */
type UsageDay = { index: number; earlier: boolean };

type UsageStream = {
  /** The subscription whose owner sends the events; none arrive after it was canceled. */
  subscription: SubscriptionKey;
  meter: MeterKey;
  /** How many events a day, one of these picked at random: from last month on ... */
  eventsPerDay: readonly number[];
  /** ... and in the months before, when the customer used the product less. */
  earlierEventsPerDay: readonly number[];
  properties: (random: Random, day: UsageDay, sequence: number) => Record<string, string | number>;
};

const HOURS_PER_JOB = [0.25, 0.5, 0.75, 1, 1.25, 1.5, 2, 3.5] as const;

const USAGE_STREAMS: UsageStream[] = [
  {
    subscription: "acmeGrowth",
    meter: "apiCalls",
    eventsPerDay: [3, 4, 5, 6],
    earlierEventsPerDay: [3, 4, 5],
    properties: (random) => ({
      endpoint: random.pick(["/v1/reports", "/v1/dashboards", "/v1/exports", "/v1/queries"]),
      status: random.pick([200, 200, 200, 201, 429]),
    }),
  },
  {
    subscription: "acmeGrowth",
    meter: "storageGb",
    eventsPerDay: [1],
    earlierEventsPerDay: [1],
    // Storage grows day by day, as a warehouse fills: about 1.2 GB a day, 180 GB as last month began.
    properties: (random, day) => ({
      gb: (1800 + day.index * 12 + random.integer(0, 30)) / 10,
      bucket: "acme-warehouse",
    }),
  },
  {
    subscription: "hooliStarter",
    meter: "computeHours",
    eventsPerDay: [1, 2],
    earlierEventsPerDay: [0, 1, 1],
    properties: (random, _day, sequence) => ({
      hours: random.pick(HOURS_PER_JOB),
      job_id: `job-${sequence}`,
      region: "us-west-2",
    }),
  },
  {
    subscription: "globexTeam",
    meter: "activeUsers",
    eventsPerDay: [1, 2, 3],
    earlierEventsPerDay: [1, 2, 3],
    // The team had 13 people before its 14th joined last month.
    properties: (random, day) => ({ user_id: `globex-user-${random.integer(1, day.earlier ? 13 : 14)}`, app: "web" }),
  },
  {
    subscription: "soylentTeam",
    meter: "activeUsers",
    eventsPerDay: [1, 2],
    earlierEventsPerDay: [1, 2],
    properties: (random, day) => ({ user_id: `soylent-user-${random.integer(1, day.earlier ? 7 : 8)}`, app: "web" }),
  },
  {
    subscription: "bluefinPartner",
    meter: "computeHours",
    eventsPerDay: [0, 1, 2],
    earlierEventsPerDay: [0, 1],
    properties: (random, _day, sequence) => ({
      hours: random.pick(HOURS_PER_JOB),
      job_id: `bf-${sequence}`,
      region: "ap-southeast-1",
    }),
  },
  {
    subscription: "merlionPartner",
    meter: "computeHours",
    eventsPerDay: [0, 1],
    earlierEventsPerDay: [0, 0, 0, 1],
    properties: (random, _day, sequence) => ({
      hours: random.pick(HOURS_PER_JOB),
      job_id: `ml-${sequence}`,
      region: "ap-southeast-1",
    }),
  },
  {
    subscription: "piedPiperStarter",
    meter: "computeHours",
    eventsPerDay: [0, 1],
    earlierEventsPerDay: [0, 0, 1],
    properties: (random, _day, sequence) => ({
      hours: random.pick(HOURS_PER_JOB),
      job_id: `pp-${sequence}`,
      region: "us-west-1",
    }),
  },
];

export type UsageEventSeed = {
  customer: CustomerKey;
  eventName: string;
  timestamp: Date;
  properties: Record<string, string | number>;
};

/** When a stream's events run: from the first period the demo bills (the month before last, or an
 *  earlier month a canceled subscription's last period lies in) until it was canceled, or now. */
const streamSpan = (clock: Clock, stream: UsageStream): Period => {
  const canceledAt = seededCancellation(clock, SUBSCRIPTIONS[stream.subscription]);
  const firstBilled = canceledAt ? Math.max(clock.monthsBack(canceledAt), 2) : 2;
  const end = canceledAt && canceledAt < clock.now ? canceledAt : clock.now;
  return { start: clock.month(firstBilled).start, end };
};

/** One stream's events over [from, until), day by day, numbered on from `sequence`. */
const streamEvents = ({
  stream,
  random,
  from,
  until,
  lastMonthStart,
  sequence,
}: {
  stream: UsageStream;
  random: Random;
  from: Date;
  until: Date;
  lastMonthStart: Date;
  sequence: number;
}): { events: UsageEventSeed[]; sequence: number } => {
  const customer = SUBSCRIPTIONS[stream.subscription].owner;
  const earlier = from < lastMonthStart;
  const perDay = earlier ? stream.earlierEventsPerDay : stream.eventsPerDay;
  const events: UsageEventSeed[] = [];
  for (let dayStart = from; dayStart < until; dayStart = addDays(dayStart, 1)) {
    const day = { index: Math.round((dayStart.getTime() - lastMonthStart.getTime()) / DAY_MS), earlier };
    const count = random.pick(perDay);
    for (let i = 0; i < count; i++) {
      const timestamp = new Date(dayStart.getTime() + Math.floor(random.next() * DAY_MS));
      sequence++;
      const properties = stream.properties(random, day, sequence);
      if (timestamp >= until) continue;
      events.push({ customer, eventName: METERS[stream.meter].eventName, timestamp, properties });
    }
  }
  return { events, sequence };
};

/** Events for every stream over every period the demo bills, up to now. */
export const generateUsage = (clock: Clock): UsageEventSeed[] => {
  const lastMonthStart = clock.month(1).start;
  const earlierRandom = createRandom(EARLIER_SEED);
  const recentRandom = createRandom(RECENT_SEED);
  const events: UsageEventSeed[] = [];
  for (const stream of USAGE_STREAMS) {
    const span = streamSpan(clock, stream);
    const splitAt = span.end < lastMonthStart ? span.end : lastMonthStart;
    const before = streamEvents({
      stream,
      random: earlierRandom,
      from: span.start,
      until: splitAt,
      lastMonthStart,
      sequence: 0,
    });
    const since = streamEvents({
      stream,
      random: recentRandom,
      from: lastMonthStart,
      until: span.end,
      lastMonthStart,
      sequence: before.sequence,
    });
    events.push(...before.events, ...since.events);
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
