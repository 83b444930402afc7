// Demo data, so a newcomer's first sign-in shows a living billing console: Northwind Analytics with
// customers, plans, usage, invoices in every state, payments, credit notes, wallets and an audit trail.
// Built in memory first (every amount computed like the app would), then written in one transaction.
import Decimal from "decimal.js";
import { hashPassword } from "@/lib/auth/password";
import type { Db, Tx } from "@/lib/db/client";
import type { Prisma } from "@/lib/db/generated/client";
import type {
  CreditNoteReason,
  InvoiceStatus,
  MeterAggregation,
  PaymentMethod,
  PaymentStatus,
  PaymentTerms,
  TierMode,
  WalletTransactionReason,
} from "@/lib/db/generated/enums";
import { newId, newPublicToken } from "@/lib/ids";
import { formatMoney, multiplyQuantity, percentOf, sumMinor, type CurrencyCode } from "@/lib/money";
import { formatSeriesNumber, zonedDateParts } from "@/lib/numbering/format";
import { DEMO_ORG_ID, DEMO_ORG_NAME, DEMO_USERS } from "./demo";

export type SeedOptions = {
  /** The moment the demo is built around: overdue and "this month" figures are relative to it. */
  now?: Date;
  log?: (line: string) => void;
};

// Any fixed number works; it only has to be the same for every process seeding this database.
const SEED_LOCK_KEY = 7_270_012_024n;
const ORG_TIME_ZONE = "Europe/London";
const ORG_LOCALE = "en-US";
const MINUTE_MS = 60_000;
const HOUR_MS = 60 * MINUTE_MS;
const DAY_MS = 24 * HOUR_MS;

const TERMS_DAYS: Record<PaymentTerms, number> = { due_on_receipt: 0, net_15: 15, net_30: 30, net_60: 60 };

// ---------------------------------------------------------------- time, relative to `now`

type CalendarParts = { year: number; month: number; day: number };

const wallClockFormatter = new Intl.DateTimeFormat("en-US", {
  timeZone: ORG_TIME_ZONE,
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
  hour: "2-digit",
  minute: "2-digit",
  second: "2-digit",
  hourCycle: "h23",
});

const wallClockAsUtc = (instant: Date): number => {
  const parts = wallClockFormatter.formatToParts(instant);
  const read = (type: Intl.DateTimeFormatPartTypes) => Number(parts.find((part) => part.type === type)?.value);
  return Date.UTC(read("year"), read("month") - 1, read("day"), read("hour"), read("minute"), read("second"));
};

/** A wall-clock time in the organisation's zone as an instant; out-of-range months and days roll over. */
const zonedTime = ({
  year,
  month,
  day,
  hour = 0,
  minute = 0,
}: CalendarParts & { hour?: number; minute?: number }): Date => {
  const target = Date.UTC(year, month - 1, day, hour, minute);
  let guess = target;
  // Two corrections settle any offset, including a day whose offset differs from its neighbour's.
  for (let step = 0; step < 2; step++) guess += target - wallClockAsUtc(new Date(guess));
  return new Date(guess);
};

/** The calendar date (a DATE column's UTC midnight) an instant falls on in the organisation's zone. */
const calendarDate = (instant: Date): Date => {
  const { year, month, day } = zonedDateParts(instant, ORG_TIME_ZONE);
  return new Date(Date.UTC(year, month - 1, day));
};

const addDays = (date: Date, days: number): Date => new Date(date.getTime() + days * DAY_MS);
const addHours = (date: Date, hours: number): Date => new Date(date.getTime() + hours * HOUR_MS);

type Period = { start: Date; end: Date };

type Clock = {
  now: Date;
  /** A time of day ("14:20", London) on the calendar day `days` days before today. */
  ago: (days: number, time: `${number}:${number}`) => Date;
  /** The instant, or now if it would lie in the future (a period that only just ended). */
  notAfterNow: (instant: Date) => Date;
  /** The organisation's calendar month `monthsBack` months before the current one. */
  month: (monthsBack: number) => Period;
  /** How many calendar months before the current one the instant falls in. */
  monthsBack: (instant: Date) => number;
};

const createClock = (now: Date): Clock => {
  const { year, month, day } = zonedDateParts(now, ORG_TIME_ZONE);
  return {
    now,
    ago: (days, time) => {
      const [hour, minute] = time.split(":").map(Number);
      return zonedTime({ year, month, day: day - days, hour, minute });
    },
    notAfterNow: (instant) => (instant.getTime() > now.getTime() ? now : instant),
    month: (monthsBack) => ({
      start: zonedTime({ year, month: month - monthsBack, day: 1 }),
      end: zonedTime({ year, month: month - monthsBack + 1, day: 1 }),
    }),
    monthsBack: (instant) => {
      const then = zonedDateParts(instant, ORG_TIME_ZONE);
      return year * 12 + month - (then.year * 12 + then.month);
    },
  };
};

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

// ---------------------------------------------------------------- catalogue of the demo

type CustomerSeed = {
  externalId: string;
  name: string;
  email: string;
  addressLine1: string;
  addressLine2?: string;
  city: string;
  postalCode: string;
  country: string;
  taxId?: string;
  currency: CurrencyCode;
  createdDaysAgo: number;
  archivedDaysAgo?: number;
  series?: InvoiceSeriesKey;
};

const CUSTOMERS = {
  acme: {
    externalId: "acme-corp",
    name: "Acme Corporation",
    email: "ap@acme-corp.example",
    addressLine1: "500 Howard Street",
    addressLine2: "Suite 400",
    city: "San Francisco",
    postalCode: "94105",
    country: "US",
    taxId: "94-3126710",
    currency: "USD",
    createdDaysAgo: 240,
  },
  globex: {
    externalId: "globex-gmbh",
    name: "Globex GmbH",
    email: "rechnungen@globex.example",
    addressLine1: "Friedrichstraße 68",
    city: "Berlin",
    postalCode: "10117",
    country: "DE",
    taxId: "DE811907980",
    currency: "EUR",
    createdDaysAgo: 260,
  },
  initech: {
    externalId: "initech-uk",
    name: "Initech Ltd",
    email: "accounts.payable@initech.example",
    addressLine1: "4 Piccadilly Place",
    city: "Manchester",
    postalCode: "M1 3BN",
    country: "GB",
    taxId: "GB902341876",
    currency: "GBP",
    createdDaysAgo: 120,
  },
  umbrella: {
    externalId: "umbrella-sg",
    name: "Umbrella Biotech Pte Ltd",
    email: "finance@umbrella-bio.example",
    addressLine1: "1 Fusionopolis Way",
    addressLine2: "#12-05 Connexis",
    city: "Singapore",
    postalCode: "138632",
    country: "SG",
    taxId: "201934567K",
    currency: "SGD",
    createdDaysAgo: 90,
    series: "singapore",
  },
  kaizen: {
    externalId: "kaizen-robotics",
    name: "Kaizen Robotics K.K.",
    email: "keiri@kaizen-robotics.example",
    addressLine1: "2-4-1 Shibakoen",
    addressLine2: "Minato-ku",
    city: "Tokyo",
    postalCode: "105-0011",
    country: "JP",
    taxId: "T4010401098765",
    currency: "JPY",
    createdDaysAgo: 30,
  },
  lakshmi: {
    externalId: "lakshmi-software",
    name: "Lakshmi Software Pvt Ltd",
    email: "payables@lakshmi-software.example",
    addressLine1: "Embassy Golf Links, Tower B",
    addressLine2: "Koramangala Intermediate Ring Road",
    city: "Bengaluru",
    postalCode: "560071",
    country: "IN",
    taxId: "29AAGCL4821K1Z7",
    currency: "INR",
    createdDaysAgo: 80,
  },
  hooli: {
    externalId: "hooli",
    name: "Hooli Inc",
    email: "billing@hooli.example",
    addressLine1: "1401 N Shoreline Blvd",
    city: "Mountain View",
    postalCode: "94043",
    country: "US",
    currency: "USD",
    createdDaysAgo: 200,
  },
  soylent: {
    externalId: "soylent-foods",
    name: "Soylent Foods B.V.",
    email: "crediteuren@soylent-foods.example",
    addressLine1: "Herengracht 182",
    city: "Amsterdam",
    postalCode: "1016 BR",
    country: "NL",
    taxId: "NL859123456B01",
    currency: "EUR",
    createdDaysAgo: 150,
  },
  stark: {
    externalId: "stark-logistics",
    name: "Stark Logistics Inc",
    email: "ap@stark-logistics.example",
    addressLine1: "200 Park Avenue",
    addressLine2: "Floor 17",
    city: "New York",
    postalCode: "10166",
    country: "US",
    currency: "USD",
    createdDaysAgo: 65,
  },
  seaChannel: {
    externalId: "sea-channel-partners",
    name: "Sea Channel Partners Pte Ltd",
    email: "billing@seachannel.example",
    addressLine1: "80 Robinson Road",
    addressLine2: "#08-01",
    city: "Singapore",
    postalCode: "068898",
    country: "SG",
    taxId: "201812345W",
    currency: "SGD",
    createdDaysAgo: 150,
    series: "reseller",
  },
  bluefin: {
    externalId: "bluefin-retail",
    name: "Bluefin Retail Pte Ltd",
    email: "it@bluefin-retail.example",
    addressLine1: "391 Orchard Road",
    addressLine2: "#15-01 Ngee Ann City",
    city: "Singapore",
    postalCode: "238872",
    country: "SG",
    currency: "SGD",
    createdDaysAgo: 140,
  },
  merlion: {
    externalId: "merlion-travel",
    name: "Merlion Travel Pte Ltd",
    email: "ops@merlion-travel.example",
    addressLine1: "3 Temasek Avenue",
    addressLine2: "#21-00 Centennial Tower",
    city: "Singapore",
    postalCode: "039190",
    country: "SG",
    currency: "SGD",
    createdDaysAgo: 135,
  },
  piedPiper: {
    externalId: "pied-piper",
    name: "Pied Piper Inc",
    email: "finance@piedpiper.example",
    addressLine1: "5230 Newell Road",
    city: "Palo Alto",
    postalCode: "94303",
    country: "US",
    currency: "USD",
    createdDaysAgo: 300,
    archivedDaysAgo: 35,
  },
} as const satisfies Record<string, CustomerSeed>;
type CustomerKey = keyof typeof CUSTOMERS;

type InvoiceSeriesKey = "default" | "singapore" | "reseller";
type SeriesKey = InvoiceSeriesKey | "receipt";

const SERIES: Record<SeriesKey, { kind: "invoice" | "receipt"; name: string; format: string; isDefault: boolean }> = {
  default: { kind: "invoice", name: "Default", format: "INV-{YYYY}{MM}-{NNNN}", isDefault: true },
  singapore: { kind: "invoice", name: "Singapore", format: "SG-INV-{YYYY}{MM}{DD}-{NNN}", isDefault: false },
  reseller: { kind: "invoice", name: "Reseller: Sea Channel", format: "RS-SEA-{YYYY}-{NNNN}", isDefault: false },
  receipt: { kind: "receipt", name: "Receipts", format: "RCP-{YYYY}-{NNNNN}", isDefault: true },
};

const METERS = {
  apiCalls: { name: "api_calls", eventName: "api_call", aggregation: "count", property: null },
  storageGb: { name: "storage_gb", eventName: "storage_snapshot", aggregation: "max", property: "gb" },
  computeHours: { name: "compute_hours", eventName: "compute_job", aggregation: "sum", property: "hours" },
  activeUsers: { name: "active_users", eventName: "user_active", aggregation: "unique_count", property: "user_id" },
} as const satisfies Record<
  string,
  { name: string; eventName: string; aggregation: MeterAggregation; property: string | null }
>;
type MeterKey = keyof typeof METERS;

type PriceSeed =
  | { type: "flat"; description: string; unitAmountMinor: bigint }
  | { type: "per_unit"; description: string; meter: MeterKey; unitAmountMinor: bigint }
  | {
      type: "tiered";
      description: string;
      meter: MeterKey;
      tierMode: TierMode;
      /** upTo is the inclusive upper bound; null for the open last tier. */
      tiers: { upTo: number | null; unitAmountMinor: bigint }[];
    };

type PlanSeed = { code: string; name: string; currency: CurrencyCode; prices: PriceSeed[]; archivedDaysAgo?: number };

const PLANS = {
  starter: {
    code: "starter-usd",
    name: "Starter",
    currency: "USD",
    prices: [
      { type: "flat", description: "Starter platform fee", unitAmountMinor: 4900n }, // $49.00
      { type: "per_unit", description: "Compute hours", meter: "computeHours", unitAmountMinor: 40n }, // $0.40
    ],
  },
  growth: {
    code: "growth-usd",
    name: "Growth",
    currency: "USD",
    prices: [
      { type: "flat", description: "Growth platform fee", unitAmountMinor: 29900n }, // $299.00
      {
        type: "tiered",
        description: "API calls",
        meter: "apiCalls",
        tierMode: "graduated",
        tiers: [
          { upTo: 50, unitAmountMinor: 0n },
          { upTo: 100, unitAmountMinor: 5n }, // $0.05
          { upTo: null, unitAmountMinor: 3n }, // $0.03
        ],
      },
      { type: "per_unit", description: "Storage (peak GB)", meter: "storageGb", unitAmountMinor: 25n }, // $0.25
    ],
  },
  team: {
    code: "team-eur",
    name: "Team",
    currency: "EUR",
    prices: [
      { type: "flat", description: "Team workspace fee", unitAmountMinor: 19900n }, // €199.00
      {
        type: "tiered",
        description: "Active users",
        meter: "activeUsers",
        tierMode: "volume",
        tiers: [
          { upTo: 10, unitAmountMinor: 1200n }, // €12.00
          { upTo: 50, unitAmountMinor: 1000n }, // €10.00
          { upTo: null, unitAmountMinor: 800n }, // €8.00
        ],
      },
    ],
  },
  partner: {
    code: "partner-starter-sgd",
    name: "Partner Starter",
    currency: "SGD",
    prices: [
      { type: "flat", description: "Partner platform fee", unitAmountMinor: 6500n }, // S$65.00
      { type: "per_unit", description: "Compute hours", meter: "computeHours", unitAmountMinor: 55n }, // S$0.55
    ],
  },
  legacy: {
    code: "basic-2023-usd",
    name: "Basic (2023, retired)",
    currency: "USD",
    archivedDaysAgo: 90,
    prices: [{ type: "flat", description: "Basic platform fee", unitAmountMinor: 1900n }], // $19.00
  },
} as const satisfies Record<string, PlanSeed>;
type PlanKey = keyof typeof PLANS;

type SubscriptionSeed = {
  owner: CustomerKey;
  /** The delegated payer; the owner pays when absent. */
  payer?: CustomerKey;
  plan: PlanKey;
  startMonthsAgo: number;
  cancelAtPeriodEnd?: boolean;
  canceledDaysAgo?: number;
};

const SUBSCRIPTIONS = {
  acmeGrowth: { owner: "acme", plan: "growth", startMonthsAgo: 5 },
  hooliStarter: { owner: "hooli", plan: "starter", startMonthsAgo: 4 },
  globexTeam: { owner: "globex", plan: "team", startMonthsAgo: 6 },
  soylentTeam: { owner: "soylent", plan: "team", startMonthsAgo: 3, cancelAtPeriodEnd: true },
  bluefinPartner: { owner: "bluefin", payer: "seaChannel", plan: "partner", startMonthsAgo: 3 },
  merlionPartner: { owner: "merlion", payer: "seaChannel", plan: "partner", startMonthsAgo: 3 },
  piedPiperStarter: { owner: "piedPiper", plan: "starter", startMonthsAgo: 8, canceledDaysAgo: 60 },
} as const satisfies Record<string, SubscriptionSeed>;
type SubscriptionKey = keyof typeof SUBSCRIPTIONS;

// ---------------------------------------------------------------- rows to write

type DemoRows = {
  organization: Prisma.OrganizationCreateManyInput;
  users: Prisma.UserCreateManyInput[];
  series: Prisma.NumberSeriesCreateManyInput[];
  customers: Prisma.CustomerCreateManyInput[];
  meters: Prisma.MeterCreateManyInput[];
  plans: Prisma.PlanCreateManyInput[];
  prices: Prisma.PriceCreateManyInput[];
  priceTiers: Prisma.PriceTierCreateManyInput[];
  subscriptions: Prisma.SubscriptionCreateManyInput[];
  usageEvents: Prisma.UsageEventCreateManyInput[];
  /** Inserted as drafts with their lines, then finalized by `finalizations`, as the app does. */
  invoices: Prisma.InvoiceCreateManyInput[];
  invoiceLines: Prisma.InvoiceLineCreateManyInput[];
  finalizations: { id: string; data: Prisma.InvoiceUncheckedUpdateInput }[];
  creditNotes: Prisma.CreditNoteCreateManyInput[];
  creditNoteLines: Prisma.CreditNoteLineCreateManyInput[];
  payments: Prisma.PaymentCreateManyInput[];
  receipts: Prisma.ReceiptCreateManyInput[];
  wallets: Prisma.WalletCreateManyInput[];
  walletTransactions: Prisma.WalletTransactionCreateManyInput[];
  walletAllocations: Prisma.WalletAllocationCreateManyInput[];
  auditEntries: Prisma.AuditEntryCreateManyInput[];
};

type Ids = {
  customers: Record<CustomerKey, string>;
  series: Record<SeriesKey, string>;
  meters: Record<MeterKey, string>;
  plans: Record<PlanKey, string>;
  /** Price ids per plan, in the plan's price order. */
  prices: Record<PlanKey, string[]>;
  subscriptions: Record<SubscriptionKey, string>;
};

const mapValues = <K extends string, V, R>(record: Record<K, V>, map: (value: V, key: K) => R): Record<K, R> =>
  Object.fromEntries(Object.entries(record).map(([key, value]) => [key, map(value as V, key as K)])) as Record<K, R>;

const money = (minor: bigint, currency: string): string =>
  formatMoney(minor, currency as CurrencyCode, { locale: ORG_LOCALE });

const calendarLabel = (date: Date): string =>
  new Intl.DateTimeFormat(ORG_LOCALE, { dateStyle: "medium", timeZone: "UTC" }).format(date);

type AuditSeed = {
  at: Date;
  action: string;
  entityType: string;
  entityId: string;
  summary: string;
  reason?: string;
  changes?: Prisma.InputJsonValue;
};

const auditRow = (entry: AuditSeed): Prisma.AuditEntryCreateManyInput => ({
  id: newId("auditEntry"),
  organizationId: DEMO_ORG_ID,
  actorUserId: null,
  actorType: "system",
  actorLabel: "Demo data",
  action: entry.action,
  entityType: entry.entityType,
  entityId: entry.entityId,
  summary: entry.summary,
  reason: entry.reason ?? null,
  changes: entry.changes,
  createdAt: entry.at,
});

// ---------------------------------------------------------------- usage

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

type UsageEventSeed = {
  customer: CustomerKey;
  eventName: string;
  timestamp: Date;
  properties: Record<string, string | number>;
};

/** Events for every stream from the start of the previous month up to now. */
const generateUsage = (clock: Clock): UsageEventSeed[] => {
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
const meterQuantity = ({
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

// ---------------------------------------------------------------- invoices

type LineSeed = {
  description: string;
  quantity: string;
  unitAmountMinor: bigint;
  taxRatePercent?: string;
  priceId?: string;
  period?: Period;
};

type PaymentSeed = { at: Date; method: PaymentMethod; reference: string; amountMinor?: bigint };

type CreditNoteSeed = {
  at: Date;
  reason: CreditNoteReason;
  memo: string;
  /** Which invoice lines (by index) and how much of each quantity is credited. */
  lines: { line: number; quantity: string }[];
};

type InvoiceSeed = {
  key?: string;
  customer: CustomerKey;
  subscription?: SubscriptionKey;
  period?: Period;
  series?: InvoiceSeriesKey;
  customNumber?: string;
  paymentTerms: PaymentTerms;
  createdAt: Date;
  /** Absent for a draft. */
  finalizedAt?: Date;
  memo?: string;
  lines: LineSeed[];
  /** Applies up to this much wallet credit at finalization. */
  walletApplyMaxMinor?: bigint;
  payments?: PaymentSeed[];
  creditNotes?: CreditNoteSeed[];
  voided?: { at: Date; reason: string };
  uncollectibleAt?: Date;
  replacesKey?: string;
};

/** Lines one period of a plan produces for given meter quantities, priced as the plan says. */
const subscriptionLines = ({
  plan,
  priceIds,
  quantities,
  taxRatePercent,
  period,
}: {
  plan: PlanSeed;
  priceIds: string[];
  quantities: Partial<Record<MeterKey, string>>;
  taxRatePercent: string;
  period: Period;
}): LineSeed[] =>
  plan.prices.flatMap((price, index): LineSeed[] => {
    const base = { priceId: priceIds[index]!, taxRatePercent, period };
    if (price.type === "flat") {
      return [{ ...base, description: price.description, quantity: "1", unitAmountMinor: price.unitAmountMinor }];
    }
    const quantity = new Decimal(quantities[price.meter] ?? "0");
    if (price.type === "per_unit") {
      return [
        {
          ...base,
          description: price.description,
          quantity: quantity.toFixed(),
          unitAmountMinor: price.unitAmountMinor,
        },
      ];
    }
    if (price.tierMode === "volume") {
      // Volume: every unit at the rate of the tier the whole quantity falls in.
      const tier =
        price.tiers.find((candidate) => candidate.upTo === null || quantity.lte(candidate.upTo)) ?? price.tiers.at(-1)!;
      return [
        {
          ...base,
          description: price.description,
          quantity: quantity.toFixed(),
          unitAmountMinor: tier.unitAmountMinor,
        },
      ];
    }
    // Graduated: each tier's slice at that tier's rate, one line per tier used.
    let lowerBound = new Decimal(0);
    return price.tiers.flatMap((tier) => {
      const upper = tier.upTo === null ? quantity : Decimal.min(quantity, tier.upTo);
      const slice = upper.minus(lowerBound);
      const from = lowerBound.plus(1).toNumber().toLocaleString(ORG_LOCALE);
      const range = tier.upTo === null ? `${from} and above` : `${from}–${tier.upTo.toLocaleString(ORG_LOCALE)}`;
      lowerBound = tier.upTo === null ? quantity : new Decimal(tier.upTo);
      if (slice.lte(0)) return [];
      return [
        {
          ...base,
          description: `${price.description} (${range})`,
          quantity: slice.toFixed(),
          unitAmountMinor: tier.unitAmountMinor,
        },
      ];
    });
  });

type PricedLine = LineSeed & { id: string; amountMinor: bigint; taxMinor: bigint };

const priceLine = (line: LineSeed): PricedLine => {
  const { amountMinor } = multiplyQuantity({ unitAmountMinor: line.unitAmountMinor, quantity: line.quantity });
  const taxMinor = percentOf({ amountMinor, percent: line.taxRatePercent ?? "0" });
  return { ...line, id: newId("invoiceLine"), amountMinor, taxMinor };
};

type WalletApplication = {
  invoiceId: string;
  number: string;
  customer: CustomerKey;
  currency: string;
  amountMinor: bigint;
  at: Date;
};

type InvoiceLedger = {
  creditedMinor: bigint;
  walletAppliedMinor: bigint;
  paidMinor: bigint;
  refundedMinor: bigint;
  paidAt: Date | null;
};

const amountDue = (totalMinor: bigint, ledger: InvoiceLedger): bigint =>
  totalMinor - ledger.creditedMinor - ledger.walletAppliedMinor - ledger.paidMinor + ledger.refundedMinor;

const paymentStatusOf = (totalMinor: bigint, ledger: InvoiceLedger): PaymentStatus => {
  if (ledger.refundedMinor > 0n) return ledger.refundedMinor >= ledger.paidMinor ? "refunded" : "partially_refunded";
  if (amountDue(totalMinor, ledger) === 0n) return "paid";
  return ledger.paidMinor > 0n ? "partially_paid" : "unpaid";
};

const billTo = (customer: CustomerSeed) => ({
  name: customer.name,
  email: customer.email,
  addressLine1: customer.addressLine1,
  addressLine2: customer.addressLine2 ?? null,
  city: customer.city,
  postalCode: customer.postalCode,
  country: customer.country,
  taxId: customer.taxId ?? null,
});

/** Gives every finalized invoice its number: per series, in order of finalization, from 1. */
const assignInvoiceNumbers = (seeds: InvoiceSeed[]) => {
  const numbers = new Map<InvoiceSeed, string>();
  const issued: Record<InvoiceSeriesKey, number> = { default: 0, singapore: 0, reseller: 0 };
  const finalized = seeds
    .filter((seed) => seed.finalizedAt && !seed.customNumber)
    .sort((a, b) => a.finalizedAt!.getTime() - b.finalizedAt!.getTime());
  for (const seed of finalized) {
    const series = seed.series ?? "default";
    issued[series] += 1;
    numbers.set(
      seed,
      formatSeriesNumber({
        format: SERIES[series].format,
        counter: issued[series],
        date: seed.finalizedAt!,
        timeZone: ORG_TIME_ZONE,
      }),
    );
  }
  return { numbers, issued };
};

type PendingReceipt = { payment: Prisma.PaymentCreateManyInput; at: Date; amountRemainingMinor: bigint };

type BuiltInvoices = Pick<
  DemoRows,
  | "invoices"
  | "invoiceLines"
  | "finalizations"
  | "creditNotes"
  | "creditNoteLines"
  | "payments"
  | "receipts"
  | "auditEntries"
> & { walletApplications: WalletApplication[]; seriesIssued: Record<SeriesKey, number> };

const buildInvoices = (seeds: InvoiceSeed[], ids: Ids): BuiltInvoices => {
  const { numbers, issued } = assignInvoiceNumbers(seeds);
  const built: BuiltInvoices = {
    invoices: [],
    invoiceLines: [],
    finalizations: [],
    creditNotes: [],
    creditNoteLines: [],
    payments: [],
    receipts: [],
    auditEntries: [],
    walletApplications: [],
    seriesIssued: { ...issued, receipt: 0 },
  };
  const idsByKey = new Map<string, string>();
  const pendingReceipts: PendingReceipt[] = [];

  for (const seed of seeds) {
    const id = newId("invoice");
    if (seed.key) idsByKey.set(seed.key, id);
    const customer: CustomerSeed = CUSTOMERS[seed.customer];
    const currency = customer.currency;
    const subscription: SubscriptionSeed | undefined = seed.subscription ? SUBSCRIPTIONS[seed.subscription] : undefined;
    const lines = seed.lines.map(priceLine);
    const subtotalMinor = sumMinor(lines.map((line) => line.amountMinor));
    const taxMinor = sumMinor(lines.map((line) => line.taxMinor));
    const totalMinor = subtotalMinor + taxMinor;
    const issueDate = calendarDate(seed.finalizedAt ?? seed.createdAt);
    const dueDate = addDays(issueDate, TERMS_DAYS[seed.paymentTerms]);
    const number = seed.customNumber ?? numbers.get(seed) ?? null;
    const usageOwnerId = subscription?.payer ? ids.customers[subscription.owner] : null;

    built.invoices.push({
      id,
      organizationId: DEMO_ORG_ID,
      type: seed.subscription ? "subscription" : "one_off",
      status: "draft",
      paymentStatus: "unpaid",
      number: seed.customNumber ?? null,
      customNumber: Boolean(seed.customNumber),
      currency,
      issueDate,
      dueDate,
      paymentTerms: seed.paymentTerms,
      periodStart: seed.period?.start ?? null,
      periodEnd: seed.period?.end ?? null,
      customerId: ids.customers[seed.customer],
      usageOwnerId,
      subscriptionId: seed.subscription ? ids.subscriptions[seed.subscription] : null,
      subtotalMinor,
      taxMinor,
      totalMinor,
      amountDueMinor: totalMinor,
      memo: seed.memo ?? null,
      publicToken: newPublicToken(),
      usageCalculatedAt: seed.subscription ? seed.createdAt : null,
      replacesInvoiceId: seed.replacesKey ? (idsByKey.get(seed.replacesKey) ?? null) : null,
      createdAt: seed.createdAt,
    });
    built.invoiceLines.push(
      ...lines.map((line, position) => ({
        id: line.id,
        invoiceId: id,
        position: position + 1,
        description: line.description,
        quantity: line.quantity,
        unitAmountMinor: line.unitAmountMinor,
        amountMinor: line.amountMinor,
        taxRatePercent: line.taxRatePercent ?? "0",
        taxMinor: line.taxMinor,
        priceId: line.priceId ?? null,
        periodStart: line.period?.start ?? null,
        periodEnd: line.period?.end ?? null,
        createdAt: seed.createdAt,
      })),
    );
    const ownerNote = usageOwnerId && subscription ? ` (usage by ${CUSTOMERS[subscription.owner].name})` : "";
    built.auditEntries.push(
      auditRow({
        at: seed.createdAt,
        action: "invoice.created",
        entityType: "invoice",
        entityId: id,
        summary: `Created a draft invoice for ${customer.name}${ownerNote}: ${money(totalMinor, currency)}`,
      }),
    );

    if (!seed.finalizedAt || !number) continue;
    const finalizedAt = seed.finalizedAt;
    built.auditEntries.push(
      auditRow({
        at: finalizedAt,
        action: "invoice.finalized",
        entityType: "invoice",
        entityId: id,
        summary: `Finalized ${number}: ${money(totalMinor, currency)} due ${calendarLabel(dueDate)}`,
        changes: { number, totalMinor: totalMinor.toString() },
      }),
    );

    // Replays the invoice's money events in time order, so every receipt and credit note sees
    // the amount due as it stood at that moment.
    const ledger: InvoiceLedger = {
      creditedMinor: 0n,
      walletAppliedMinor: 0n,
      paidMinor: 0n,
      refundedMinor: 0n,
      paidAt: null,
    };
    type MoneyEvent =
      | { at: Date; kind: "wallet"; maxMinor: bigint }
      | { at: Date; kind: "payment"; payment: PaymentSeed }
      | { at: Date; kind: "credit_note"; creditNote: CreditNoteSeed; sequence: number };
    const events: MoneyEvent[] = [
      ...(seed.walletApplyMaxMinor
        ? [{ at: finalizedAt, kind: "wallet" as const, maxMinor: seed.walletApplyMaxMinor }]
        : []),
      ...(seed.payments ?? []).map((payment) => ({ at: payment.at, kind: "payment" as const, payment })),
      ...(seed.creditNotes ?? []).map((creditNote, index) => ({
        at: creditNote.at,
        kind: "credit_note" as const,
        creditNote,
        sequence: index + 1,
      })),
    ].sort((a, b) => a.at.getTime() - b.at.getTime());

    for (const event of events) {
      const due = amountDue(totalMinor, ledger);
      switch (event.kind) {
        case "wallet": {
          const applied = due < event.maxMinor ? due : event.maxMinor;
          ledger.walletAppliedMinor += applied;
          built.walletApplications.push({
            invoiceId: id,
            number,
            customer: seed.customer,
            currency,
            amountMinor: applied,
            at: event.at,
          });
          built.auditEntries.push(
            auditRow({
              at: event.at,
              action: "invoice.wallet_applied",
              entityType: "invoice",
              entityId: id,
              summary: `Applied ${money(applied, currency)} of wallet credit to ${number}; ${money(due - applied, currency)} still due`,
            }),
          );
          break;
        }
        case "payment": {
          const amountMinor = event.payment.amountMinor ?? due;
          ledger.paidMinor += amountMinor;
          const remaining = amountDue(totalMinor, ledger);
          if (remaining === 0n) ledger.paidAt = event.at;
          const payment: Prisma.PaymentCreateManyInput = {
            id: newId("payment"),
            organizationId: DEMO_ORG_ID,
            invoiceId: id,
            customerId: ids.customers[seed.customer],
            kind: "payment",
            method: event.payment.method,
            status: "succeeded",
            currency,
            amountMinor,
            receivedOn: calendarDate(event.at),
            reference: event.payment.reference,
            createdAt: event.at,
          };
          built.payments.push(payment);
          pendingReceipts.push({ payment, at: event.at, amountRemainingMinor: remaining });
          built.auditEntries.push(
            auditRow({
              at: event.at,
              action: "invoice.payment_recorded",
              entityType: "invoice",
              entityId: id,
              summary: `Recorded ${money(amountMinor, currency)} by ${event.payment.method.replaceAll("_", " ")} (${event.payment.reference}); ${money(remaining, currency)} still due`,
            }),
          );
          break;
        }
        case "credit_note": {
          const creditNoteId = newId("creditNote");
          const creditLines = event.creditNote.lines.map((credited) => {
            const invoiceLine = lines[credited.line]!;
            const { amountMinor } = multiplyQuantity({
              unitAmountMinor: invoiceLine.unitAmountMinor,
              quantity: credited.quantity,
            });
            const rate = invoiceLine.taxRatePercent ?? "0";
            return {
              id: newId("creditNoteLine"),
              creditNoteId,
              invoiceLineId: invoiceLine.id,
              description: invoiceLine.description,
              quantity: credited.quantity,
              unitAmountMinor: invoiceLine.unitAmountMinor,
              amountMinor,
              taxRatePercent: rate,
              taxMinor: percentOf({ amountMinor, percent: rate }),
            };
          });
          const cnSubtotal = sumMinor(creditLines.map((line) => line.amountMinor));
          const cnTax = sumMinor(creditLines.map((line) => line.taxMinor));
          const cnTotal = cnSubtotal + cnTax;
          // Before payment a credit lowers what is due; what exceeds the amount due was paid, so it goes back as a refund.
          const creditedToDueMinor = due < cnTotal ? due : cnTotal;
          const refundMinor = cnTotal - creditedToDueMinor;
          ledger.creditedMinor += cnTotal;
          ledger.refundedMinor += refundMinor;
          const creditNoteNumber = `${number}-CN${String(event.sequence).padStart(2, "0")}`;
          built.creditNotes.push({
            id: creditNoteId,
            organizationId: DEMO_ORG_ID,
            invoiceId: id,
            customerId: ids.customers[seed.customer],
            number: creditNoteNumber,
            sequence: event.sequence,
            status: "issued",
            reason: event.creditNote.reason,
            memo: event.creditNote.memo,
            currency,
            subtotalMinor: cnSubtotal,
            taxMinor: cnTax,
            totalMinor: cnTotal,
            creditedToDueMinor,
            refundMinor,
            publicToken: newPublicToken(),
            issuedAt: event.at,
            createdAt: event.at,
          });
          built.creditNoteLines.push(...creditLines);
          built.auditEntries.push(
            auditRow({
              at: event.at,
              action: "invoice.credit_note_issued",
              entityType: "invoice",
              entityId: id,
              summary: `Issued credit note ${creditNoteNumber} for ${money(cnTotal, currency)} (${event.creditNote.reason.replaceAll("_", " ")})`,
              reason: event.creditNote.memo,
              changes: { creditNoteId, creditNoteNumber },
            }),
          );
          if (refundMinor > 0n) {
            const refundAt = addHours(event.at, 2);
            built.payments.push({
              id: newId("payment"),
              organizationId: DEMO_ORG_ID,
              invoiceId: id,
              customerId: ids.customers[seed.customer],
              kind: "refund",
              method: "bank_transfer",
              status: "succeeded",
              currency,
              amountMinor: refundMinor,
              receivedOn: calendarDate(refundAt),
              reference: `Refund for ${creditNoteNumber}`,
              creditNoteId,
              createdAt: refundAt,
            });
            built.auditEntries.push(
              auditRow({
                at: refundAt,
                action: "invoice.refunded",
                entityType: "invoice",
                entityId: id,
                summary: `Refunded ${money(refundMinor, currency)} by bank transfer for ${creditNoteNumber}`,
              }),
            );
          }
          break;
        }
        default: {
          const unknown: never = event;
          throw new Error(`Unhandled invoice event ${JSON.stringify(unknown)}`);
        }
      }
    }

    const amountDueMinor = amountDue(totalMinor, ledger);
    const status: InvoiceStatus = seed.voided
      ? "void"
      : seed.uncollectibleAt
        ? "uncollectible"
        : amountDueMinor === 0n
          ? "paid"
          : "finalized";
    if (seed.voided) {
      built.auditEntries.push(
        auditRow({
          at: seed.voided.at,
          action: "invoice.voided",
          entityType: "invoice",
          entityId: id,
          summary: `Voided ${number}; its number stays used`,
          reason: seed.voided.reason,
        }),
      );
    }
    if (seed.uncollectibleAt) {
      built.auditEntries.push(
        auditRow({
          at: seed.uncollectibleAt,
          action: "invoice.marked_uncollectible",
          entityType: "invoice",
          entityId: id,
          summary: `Marked ${number} uncollectible: ${money(amountDueMinor, currency)} written off`,
          reason: "Customer ceased trading; no reply to three reminders",
        }),
      );
    }
    built.finalizations.push({
      id,
      data: {
        status,
        paymentStatus: paymentStatusOf(totalMinor, ledger),
        number,
        seriesId: seed.customNumber ? null : ids.series[seed.series ?? "default"],
        billToSnapshot: billTo(customer),
        finalizedAt,
        creditedMinor: ledger.creditedMinor,
        walletAppliedMinor: ledger.walletAppliedMinor,
        paidMinor: ledger.paidMinor,
        refundedMinor: ledger.refundedMinor,
        amountDueMinor,
        paidAt: status === "paid" ? ledger.paidAt : null,
        voidedAt: seed.voided?.at ?? null,
        voidReason: seed.voided?.reason ?? null,
        uncollectibleAt: seed.uncollectibleAt ?? null,
      },
    });
  }

  // Receipts are numbered in the order the payments arrived, across all invoices.
  pendingReceipts.sort((a, b) => a.at.getTime() - b.at.getTime());
  for (const pending of pendingReceipts) {
    built.seriesIssued.receipt += 1;
    built.receipts.push({
      id: newId("receipt"),
      organizationId: DEMO_ORG_ID,
      paymentId: pending.payment.id,
      seriesId: ids.series.receipt,
      number: formatSeriesNumber({
        format: SERIES.receipt.format,
        counter: built.seriesIssued.receipt,
        date: pending.at,
        timeZone: ORG_TIME_ZONE,
      }),
      amountMinor: pending.payment.amountMinor,
      currency: pending.payment.currency,
      amountRemainingMinor: pending.amountRemainingMinor,
      publicToken: newPublicToken(),
      issuedAt: pending.at,
    });
  }
  return built;
};

/** The demo's invoices: drafts, open, overdue, partly and fully paid, refunded, void and written off. */
const invoiceSeeds = (clock: Clock, ids: Ids, usage: UsageEventSeed[]): InvoiceSeed[] => {
  const { ago } = clock;
  const lastMonth = clock.month(1);
  const monthBefore = clock.month(2);
  // Subscription drafts appear when a period ends and are finalized after the usage grace period.
  const draftedAt = (period: Period) => clock.notAfterNow(addHours(period.end, 0.1));
  const finalizedAfterGrace = (period: Period) => clock.notAfterNow(addHours(period.end, 33));

  const subscriptionInvoice = ({
    subscription,
    period,
    quantities,
    taxRatePercent = "0",
  }: {
    subscription: SubscriptionKey;
    period: Period;
    quantities?: Partial<Record<MeterKey, string>>;
    taxRatePercent?: string;
  }): Pick<InvoiceSeed, "customer" | "subscription" | "period" | "lines" | "createdAt"> => {
    const seed: SubscriptionSeed = SUBSCRIPTIONS[subscription];
    const plan: PlanSeed = PLANS[seed.plan];
    const measured =
      quantities ??
      Object.fromEntries(
        plan.prices.flatMap((price) =>
          price.type === "flat"
            ? []
            : [[price.meter, meterQuantity({ events: usage, customer: seed.owner, meter: price.meter, period })]],
        ),
      );
    return {
      customer: seed.payer ?? seed.owner,
      subscription,
      period,
      createdAt: draftedAt(period),
      lines: subscriptionLines({ plan, priceIds: ids.prices[seed.plan], quantities: measured, taxRatePercent, period }),
    };
  };

  const reverseCharge =
    "Reverse charge: VAT to be accounted for by the recipient (Article 196, Directive 2006/112/EC).";

  return [
    // ---- the month before last: subscriptions settled
    {
      ...subscriptionInvoice({
        subscription: "acmeGrowth",
        period: monthBefore,
        quantities: { apiCalls: "121", storageGb: "188.5" },
      }),
      paymentTerms: "net_30",
      finalizedAt: finalizedAfterGrace(monthBefore),
      payments: [
        { at: addDays(finalizedAfterGrace(monthBefore), 12), method: "bank_transfer", reference: "ACME-REMIT-77104" },
      ],
    },
    {
      ...subscriptionInvoice({
        subscription: "hooliStarter",
        period: monthBefore,
        quantities: { computeHours: "26.75" },
      }),
      paymentTerms: "net_30",
      finalizedAt: finalizedAfterGrace(monthBefore),
      payments: [{ at: addHours(finalizedAfterGrace(monthBefore), 2), method: "card", reference: "Visa ending 4242" }],
    },
    {
      ...subscriptionInvoice({ subscription: "globexTeam", period: monthBefore, quantities: { activeUsers: "13" } }),
      paymentTerms: "net_30",
      finalizedAt: finalizedAfterGrace(monthBefore),
      memo: reverseCharge,
      payments: [
        {
          at: addDays(finalizedAfterGrace(monthBefore), 10),
          method: "bank_transfer",
          reference: "GLOBEX SEPA 2231",
          amountMinor: 20000n,
        },
        { at: addDays(finalizedAfterGrace(monthBefore), 20), method: "bank_transfer", reference: "GLOBEX SEPA 2290" },
      ],
    },
    {
      ...subscriptionInvoice({ subscription: "soylentTeam", period: monthBefore, quantities: { activeUsers: "7" } }),
      paymentTerms: "net_30",
      finalizedAt: finalizedAfterGrace(monthBefore),
      memo: reverseCharge,
      payments: [
        { at: addDays(finalizedAfterGrace(monthBefore), 7), method: "bank_transfer", reference: "SOYLENT-88213" },
      ],
    },
    {
      ...subscriptionInvoice({
        subscription: "bluefinPartner",
        period: monthBefore,
        quantities: { computeHours: "18.5" },
        taxRatePercent: "9",
      }),
      series: "reseller",
      paymentTerms: "net_30",
      finalizedAt: finalizedAfterGrace(monthBefore),
      payments: [
        { at: addDays(finalizedAfterGrace(monthBefore), 14), method: "bank_transfer", reference: "SCP PAYNOW 55120" },
      ],
    },
    {
      ...subscriptionInvoice({
        subscription: "merlionPartner",
        period: monthBefore,
        quantities: { computeHours: "9.25" },
        taxRatePercent: "9",
      }),
      series: "reseller",
      paymentTerms: "net_30",
      finalizedAt: addHours(finalizedAfterGrace(monthBefore), 0.5),
      payments: [
        { at: addDays(finalizedAfterGrace(monthBefore), 14), method: "bank_transfer", reference: "SCP PAYNOW 55121" },
      ],
    },

    // ---- last month: measured from the usage events above
    {
      ...subscriptionInvoice({ subscription: "acmeGrowth", period: lastMonth }),
      paymentTerms: "net_30",
      finalizedAt: finalizedAfterGrace(lastMonth),
      walletApplyMaxMinor: 30000n, // $300.00 of prepaid and promotional credit
    },
    {
      ...subscriptionInvoice({ subscription: "hooliStarter", period: lastMonth }),
      paymentTerms: "net_30",
      finalizedAt: finalizedAfterGrace(lastMonth),
      creditNotes: [
        {
          at: clock.notAfterNow(addHours(finalizedAfterGrace(lastMonth), 5)),
          reason: "service_issue",
          memo: "SLA credit: 3-hour compute outage in us-west-2 last month",
          lines: [{ line: 0, quantity: "0.3" }],
        },
      ],
    },
    {
      ...subscriptionInvoice({ subscription: "globexTeam", period: lastMonth }),
      paymentTerms: "net_30",
      finalizedAt: finalizedAfterGrace(lastMonth),
      memo: reverseCharge,
    },
    // Waiting for review before it goes out: the customer cancels at the end of this period.
    {
      ...subscriptionInvoice({ subscription: "soylentTeam", period: lastMonth }),
      paymentTerms: "net_30",
      memo: reverseCharge,
    },
    {
      ...subscriptionInvoice({ subscription: "bluefinPartner", period: lastMonth, taxRatePercent: "9" }),
      series: "reseller",
      paymentTerms: "net_30",
      finalizedAt: finalizedAfterGrace(lastMonth),
    },
    {
      ...subscriptionInvoice({ subscription: "merlionPartner", period: lastMonth, taxRatePercent: "9" }),
      paymentTerms: "net_30",
    },

    // ---- one-off work: implementation, training, paid support
    {
      customer: "stark",
      paymentTerms: "net_15",
      createdAt: ago(2, "09:30"),
      lines: [
        { description: "Onboarding workshop (remote, half day)", quantity: "1", unitAmountMinor: 250000n }, // $2,500.00
        { description: "Data migration, hours", quantity: "12.5", unitAmountMinor: 18000n }, // $180.00 / hour
      ],
    },
    {
      customer: "initech",
      paymentTerms: "net_30",
      createdAt: ago(1, "09:30"),
      memo: "PO 4500021877",
      lines: [
        {
          description: "Custom dashboard development, hours",
          quantity: "7.5",
          unitAmountMinor: 14500n,
          taxRatePercent: "20",
        }, // £145.00
        { description: "Priority support retainer", quantity: "1", unitAmountMinor: 35000n, taxRatePercent: "20" }, // £350.00
        { description: "Travel to Manchester", quantity: "1", unitAmountMinor: 18640n, taxRatePercent: "20" }, // £186.40
      ],
    },
    {
      customer: "kaizen",
      customNumber: "CUSTOM-SEQ-001",
      paymentTerms: "net_60",
      createdAt: ago(6, "09:30"),
      finalizedAt: ago(6, "10:15"),
      memo: "Numbered in the customer's purchasing sequence, as agreed. PO 4500018812.",
      lines: [
        { description: "Implementation fee", quantity: "1", unitAmountMinor: 450000n }, // ¥450,000
        { description: "On-site training in Tokyo, days", quantity: "2", unitAmountMinor: 180000n }, // ¥180,000 / day
      ],
    },
    {
      customer: "lakshmi",
      paymentTerms: "net_30",
      createdAt: ago(47, "09:30"),
      finalizedAt: ago(47, "10:15"),
      lines: [
        { description: "Analyst training (remote), days", quantity: "2", unitAmountMinor: 8500000n }, // ₹85,000.00 / day
        { description: "Training workbooks", quantity: "14", unitAmountMinor: 120000n }, // ₹1,200.00 each
      ],
    },
    {
      customer: "globex",
      paymentTerms: "net_30",
      createdAt: ago(41, "09:30"),
      finalizedAt: ago(41, "10:15"),
      memo: reverseCharge,
      lines: [{ description: "Paid support: incident response, hours", quantity: "6.25", unitAmountMinor: 16000n }], // €160.00 / hour
    },
    {
      customer: "initech",
      paymentTerms: "net_30",
      createdAt: ago(5, "09:30"),
      finalizedAt: ago(5, "10:15"),
      memo: "PO 4500021544",
      lines: [
        { description: "Implementation fee, phase 2", quantity: "1", unitAmountMinor: 480000n, taxRatePercent: "20" }, // £4,800.00
        // 7.25 h x £132.50 = £960.625, shown rounded half-up to £960.63.
        { description: "Solution architect, hours", quantity: "7.25", unitAmountMinor: 13250n, taxRatePercent: "20" },
      ],
    },
    {
      customer: "acme",
      paymentTerms: "net_30",
      createdAt: ago(22, "09:30"),
      finalizedAt: ago(22, "10:15"),
      lines: [
        { description: "Implementation fee", quantity: "1", unitAmountMinor: 1200000n }, // $12,000.00
        { description: "Solution architect, hours", quantity: "7.5", unitAmountMinor: 22000n }, // $220.00 / hour
      ],
      payments: [{ at: ago(9, "14:20"), method: "bank_transfer", reference: "ACME-REMIT-77812", amountMinor: 600000n }], // $6,000.00
    },
    {
      customer: "umbrella",
      series: "singapore",
      paymentTerms: "net_30",
      createdAt: ago(36, "09:30"),
      finalizedAt: ago(36, "10:15"),
      lines: [
        {
          description: "Training workshop (on-site, Singapore)",
          quantity: "1",
          unitAmountMinor: 320000n,
          taxRatePercent: "9",
        }, // S$3,200.00
        { description: "Travel and accommodation", quantity: "1", unitAmountMinor: 84560n, taxRatePercent: "9" }, // S$845.60
      ],
      payments: [{ at: ago(21, "14:20"), method: "bank_transfer", reference: "UMB-PAYNOW-30917" }],
    },
    {
      customer: "umbrella",
      series: "singapore",
      paymentTerms: "net_30",
      createdAt: ago(3, "09:30"),
      finalizedAt: ago(3, "10:15"),
      lines: [
        { description: "Premium support, quarterly", quantity: "1", unitAmountMinor: 150000n, taxRatePercent: "9" },
      ], // S$1,500.00
    },
    {
      key: "soylent-voided",
      customer: "soylent",
      paymentTerms: "net_30",
      createdAt: ago(26, "09:30"),
      finalizedAt: ago(26, "10:15"),
      lines: [{ description: "Implementation fee", quantity: "1", unitAmountMinor: 600000n, taxRatePercent: "21" }], // €6,000.00
      voided: {
        at: ago(25, "09:05"),
        reason: "Charged Dutch VAT to a business customer; reissued under the reverse charge",
      },
    },
    {
      customer: "soylent",
      replacesKey: "soylent-voided",
      paymentTerms: "net_30",
      createdAt: ago(25, "09:30"),
      finalizedAt: ago(25, "10:15"),
      memo: reverseCharge,
      lines: [{ description: "Implementation fee", quantity: "1", unitAmountMinor: 600000n }],
    },
    {
      customer: "piedPiper",
      paymentTerms: "net_30",
      createdAt: ago(130, "09:30"),
      finalizedAt: ago(130, "10:15"),
      lines: [{ description: "Premium support, annual", quantity: "1", unitAmountMinor: 480000n }], // $4,800.00
      uncollectibleAt: ago(40, "16:40"),
    },
    {
      customer: "stark",
      paymentTerms: "net_15",
      createdAt: ago(56, "09:30"),
      finalizedAt: ago(56, "10:15"),
      lines: [{ description: "Data migration package", quantity: "1", unitAmountMinor: 240000n }], // $2,400.00
      payments: [{ at: ago(49, "14:20"), method: "bank_transfer", reference: "STARK-ACH-11873" }],
    },
    {
      customer: "stark",
      paymentTerms: "net_15",
      createdAt: ago(55, "09:30"),
      finalizedAt: ago(55, "10:15"),
      lines: [{ description: "Reporting masterclass, seats", quantity: "3", unitAmountMinor: 60000n }], // $600.00 / seat
      payments: [{ at: ago(48, "14:20"), method: "bank_transfer", reference: "STARK-ACH-11902" }],
      creditNotes: [
        {
          at: ago(44, "11:10"),
          reason: "order_change",
          memo: "One attendee withdrew before the course",
          lines: [{ line: 0, quantity: "1" }],
        },
      ],
    },
    {
      customer: "stark",
      paymentTerms: "net_15",
      createdAt: ago(54, "09:30"),
      finalizedAt: ago(54, "10:15"),
      memo: "Raised twice in error for the same data migration package.",
      lines: [{ description: "Data migration package", quantity: "1", unitAmountMinor: 240000n }],
      payments: [{ at: ago(47, "14:20"), method: "bank_transfer", reference: "STARK-ACH-11931" }],
      creditNotes: [
        {
          at: ago(43, "11:10"),
          reason: "duplicate",
          memo: "Duplicate of the earlier data migration invoice; paid twice",
          lines: [{ line: 0, quantity: "1" }],
        },
      ],
    },
  ];
};

// ---------------------------------------------------------------- wallets

type WalletCreditSeed = {
  reason: WalletTransactionReason;
  amountMinor: bigint;
  at: Date;
  expiresAt?: Date;
  priority: number;
  idempotencyKey?: string;
  memo: string;
};

type WalletSeed = { customer: CustomerKey; currency: CurrencyCode; credits: WalletCreditSeed[] };

const walletSeeds = (clock: Clock): WalletSeed[] => [
  {
    customer: "acme",
    currency: "USD",
    credits: [
      {
        reason: "free_trial",
        amountMinor: 5000n,
        at: clock.ago(100, "10:00"),
        expiresAt: clock.ago(70, "00:00"),
        priority: 10,
        memo: "Trial credit",
      },
      {
        reason: "purchased",
        amountMinor: 50000n, // $500.00
        at: clock.ago(60, "15:45"),
        priority: 100,
        idempotencyKey: "acme-topup-0001",
        memo: "Prepaid credit, paid by bank transfer ACME-REMIT-75530",
      },
      {
        reason: "promotional",
        amountMinor: 20000n, // $200.00
        at: clock.ago(40, "12:00"),
        expiresAt: addDays(clock.now, 20),
        priority: 50,
        memo: "Growth plan launch promotion",
      },
      {
        reason: "goodwill",
        amountMinor: 15000n,
        at: clock.ago(15, "17:10"),
        priority: 50,
        memo: "Goodwill for the delayed SSO rollout",
      }, // $150.00
    ],
  },
  {
    customer: "seaChannel",
    currency: "SGD",
    credits: [
      {
        reason: "purchased",
        amountMinor: 100000n, // S$1,000.00
        at: clock.ago(20, "11:30"),
        priority: 100,
        idempotencyKey: "scp-topup-0001",
        memo: "Prepaid partner credit",
      },
    ],
  },
];

type LiveCredit = { row: Prisma.WalletTransactionCreateManyInput; seed: WalletCreditSeed; remaining: bigint };

/** Replays each wallet's ledger in time order: credits, expiries and invoice drawdowns. */
const buildWallets = ({
  seeds,
  applications,
  ids,
  clock,
}: {
  seeds: WalletSeed[];
  applications: WalletApplication[];
  ids: Ids;
  clock: Clock;
}): Pick<DemoRows, "wallets" | "walletTransactions" | "walletAllocations" | "auditEntries"> => {
  const out: Pick<DemoRows, "wallets" | "walletTransactions" | "walletAllocations" | "auditEntries"> = {
    wallets: [],
    walletTransactions: [],
    walletAllocations: [],
    auditEntries: [],
  };
  for (const seed of seeds) {
    const walletId = newId("wallet");
    type LedgerEvent =
      | { at: Date; kind: "credit"; credit: WalletCreditSeed }
      | { at: Date; kind: "expiry"; credit: WalletCreditSeed }
      | { at: Date; kind: "invoice"; application: WalletApplication };
    const events: LedgerEvent[] = [
      ...seed.credits.map((credit) => ({ at: credit.at, kind: "credit" as const, credit })),
      ...seed.credits
        .filter((credit) => credit.expiresAt && credit.expiresAt <= clock.now)
        .map((credit) => ({ at: credit.expiresAt!, kind: "expiry" as const, credit })),
      ...applications
        .filter((application) => application.customer === seed.customer && application.currency === seed.currency)
        .map((application) => ({ at: application.at, kind: "invoice" as const, application })),
    ].sort((a, b) => a.at.getTime() - b.at.getTime());

    let balance = 0n;
    const live: LiveCredit[] = [];
    const debit = ({
      at,
      amountMinor,
      reason,
      from,
      extra,
    }: {
      at: Date;
      amountMinor: bigint;
      reason: WalletTransactionReason;
      from: LiveCredit[];
      extra: Partial<Prisma.WalletTransactionCreateManyInput>;
    }) => {
      balance -= amountMinor;
      const debitId = newId("walletTransaction");
      out.walletTransactions.push({
        id: debitId,
        walletId,
        type: "debit",
        reason,
        amountMinor,
        balanceAfterMinor: balance,
        createdAt: at,
        ...extra,
      });
      let left = amountMinor;
      for (const credit of from) {
        if (left === 0n) break;
        const take = credit.remaining < left ? credit.remaining : left;
        if (take === 0n) continue;
        credit.remaining -= take;
        left -= take;
        out.walletAllocations.push({
          id: newId("walletAllocation"),
          debitId,
          creditId: credit.row.id,
          amountMinor: take,
          createdAt: at,
        });
      }
      if (left !== 0n) throw new Error(`Demo wallet for ${seed.customer} would be overdrawn`);
    };

    for (const event of events) {
      switch (event.kind) {
        case "credit": {
          balance += event.credit.amountMinor;
          const row: Prisma.WalletTransactionCreateManyInput = {
            id: newId("walletTransaction"),
            walletId,
            type: "credit",
            reason: event.credit.reason,
            amountMinor: event.credit.amountMinor,
            remainingMinor: event.credit.amountMinor,
            balanceAfterMinor: balance,
            expiresAt: event.credit.expiresAt ?? null,
            priority: event.credit.priority,
            idempotencyKey: event.credit.idempotencyKey ?? null,
            memo: event.credit.memo,
            createdAt: event.at,
          };
          out.walletTransactions.push(row);
          live.push({ row, seed: event.credit, remaining: event.credit.amountMinor });
          out.auditEntries.push(
            auditRow({
              at: event.at,
              action: "wallet.credited",
              entityType: "wallet",
              entityId: walletId,
              summary: `Added ${money(event.credit.amountMinor, seed.currency)} of ${event.credit.reason.replaceAll("_", " ")} credit`,
              reason: event.credit.memo,
            }),
          );
          break;
        }
        case "expiry": {
          const credit = live.find((candidate) => candidate.seed === event.credit)!;
          if (credit.remaining === 0n) break;
          const amountMinor = credit.remaining;
          debit({
            at: event.at,
            amountMinor,
            reason: "expiry",
            from: [credit],
            extra: { expiredCreditId: credit.row.id, memo: "Credit expired" },
          });
          out.auditEntries.push(
            auditRow({
              at: event.at,
              action: "wallet.credit_expired",
              entityType: "wallet",
              entityId: walletId,
              summary: `${money(amountMinor, seed.currency)} of ${credit.seed.reason.replaceAll("_", " ")} credit expired`,
            }),
          );
          break;
        }
        case "invoice": {
          // The domain's drawdown order: lowest priority first, then earliest expiry, then oldest.
          const order = live
            .filter((credit) => credit.remaining > 0n && (!credit.seed.expiresAt || credit.seed.expiresAt > event.at))
            .sort(
              (a, b) =>
                a.seed.priority - b.seed.priority ||
                (a.seed.expiresAt?.getTime() ?? Infinity) - (b.seed.expiresAt?.getTime() ?? Infinity) ||
                a.seed.at.getTime() - b.seed.at.getTime(),
            );
          const { application } = event;
          debit({
            at: event.at,
            amountMinor: application.amountMinor,
            reason: "invoice_payment",
            from: order,
            extra: { invoiceId: application.invoiceId, memo: `Applied to ${application.number}` },
          });
          out.auditEntries.push(
            auditRow({
              at: event.at,
              action: "wallet.debited",
              entityType: "wallet",
              entityId: walletId,
              summary: `Applied ${money(application.amountMinor, seed.currency)} to ${application.number}`,
            }),
          );
          break;
        }
        default: {
          const unknown: never = event;
          throw new Error(`Unhandled wallet event ${JSON.stringify(unknown)}`);
        }
      }
    }
    // Credits were pushed with their full amount; what the debits consumed comes off now.
    for (const credit of live) credit.row.remainingMinor = credit.remaining;
    out.wallets.push({
      id: walletId,
      customerId: ids.customers[seed.customer],
      currency: seed.currency,
      balanceMinor: balance,
      createdAt: seed.credits[0]!.at,
    });
  }
  return out;
};

// ---------------------------------------------------------------- the whole demo

const buildDemoRows = ({ now, passwordHashes }: { now: Date; passwordHashes: string[] }): DemoRows => {
  const clock = createClock(now);
  const orgCreatedAt = clock.ago(320, "09:00");
  const ids: Ids = {
    customers: mapValues(CUSTOMERS, () => newId("customer")),
    series: mapValues(SERIES, () => newId("numberSeries")),
    meters: mapValues(METERS, () => newId("meter")),
    plans: mapValues(PLANS, () => newId("plan")),
    prices: mapValues(PLANS, (plan: PlanSeed) => plan.prices.map(() => newId("price"))),
    subscriptions: mapValues(SUBSCRIPTIONS, () => newId("subscription")),
  };
  const auditEntries: Prisma.AuditEntryCreateManyInput[] = [];

  const organization: Prisma.OrganizationCreateManyInput = {
    id: DEMO_ORG_ID,
    name: DEMO_ORG_NAME,
    legalName: "Northwind Analytics Limited",
    email: "billing@northwind-analytics.example",
    addressLine1: "221 Shoreditch High Street",
    addressLine2: "Floor 4",
    city: "London",
    postalCode: "E1 6PJ",
    country: "GB",
    taxId: "GB284193756",
    defaultCurrency: "USD",
    paymentTerms: "net_30",
    locale: ORG_LOCALE,
    timeZone: ORG_TIME_ZONE,
    paymentInstructions: [
      "Pay by bank transfer to Northwind Analytics Ltd.",
      "Barclays Bank UK PLC, 1 Churchill Place, London E14 5HP",
      "Sort code 20-00-00, account 43917285",
      "IBAN GB29 BARC 2000 0043 9172 85, BIC BARCGB22",
      "Quote the invoice number as the payment reference.",
    ].join("\n"),
    invoiceFooter:
      "Northwind Analytics Ltd, registered in England and Wales no. 09876543. Registered office: 221 Shoreditch High Street, London E1 6PJ. VAT GB284193756.",
    createdAt: orgCreatedAt,
  };

  const users: Prisma.UserCreateManyInput[] = DEMO_USERS.map((user, index) => ({
    id: newId("user"),
    organizationId: DEMO_ORG_ID,
    email: user.email,
    name: user.name,
    passwordHash: passwordHashes[index]!,
    role: user.role,
    createdAt: orgCreatedAt,
  }));

  const customers: Prisma.CustomerCreateManyInput[] = Object.entries(CUSTOMERS).map(([key, value]) => {
    const customer: CustomerSeed = value;
    const createdAt = clock.ago(customer.createdDaysAgo, "11:20");
    const archivedAt = customer.archivedDaysAgo === undefined ? null : clock.ago(customer.archivedDaysAgo, "16:05");
    const id = ids.customers[key as CustomerKey];
    auditEntries.push(
      auditRow({
        at: createdAt,
        action: "customer.created",
        entityType: "customer",
        entityId: id,
        summary: `Created customer ${customer.name} (${customer.externalId}), billed in ${customer.currency}`,
      }),
    );
    if (archivedAt) {
      auditEntries.push(
        auditRow({
          at: archivedAt,
          action: "customer.archived",
          entityType: "customer",
          entityId: id,
          summary: `Archived customer ${customer.name}`,
          reason: "Ceased trading",
        }),
      );
    }
    return {
      id,
      organizationId: DEMO_ORG_ID,
      externalId: customer.externalId,
      name: customer.name,
      email: customer.email,
      addressLine1: customer.addressLine1,
      addressLine2: customer.addressLine2 ?? null,
      city: customer.city,
      postalCode: customer.postalCode,
      country: customer.country,
      taxId: customer.taxId ?? null,
      currency: customer.currency,
      status: archivedAt ? "archived" : "active",
      archivedAt,
      defaultInvoiceSeriesId: customer.series ? ids.series[customer.series] : null,
      createdAt,
    };
  });

  const meters: Prisma.MeterCreateManyInput[] = Object.entries(METERS).map(([key, meter]) => ({
    id: ids.meters[key as MeterKey],
    organizationId: DEMO_ORG_ID,
    name: meter.name,
    eventName: meter.eventName,
    aggregation: meter.aggregation,
    property: meter.property,
    createdAt: orgCreatedAt,
  }));

  const plans: Prisma.PlanCreateManyInput[] = [];
  const prices: Prisma.PriceCreateManyInput[] = [];
  const priceTiers: Prisma.PriceTierCreateManyInput[] = [];
  for (const [key, value] of Object.entries(PLANS)) {
    const planKey = key as PlanKey;
    const plan: PlanSeed = value;
    plans.push({
      id: ids.plans[planKey],
      organizationId: DEMO_ORG_ID,
      code: plan.code,
      name: plan.name,
      currency: plan.currency,
      interval: "month",
      archivedAt: plan.archivedDaysAgo === undefined ? null : clock.ago(plan.archivedDaysAgo, "12:00"),
      createdAt: orgCreatedAt,
    });
    plan.prices.forEach((price, position) => {
      const priceId = ids.prices[planKey][position]!;
      prices.push({
        id: priceId,
        planId: ids.plans[planKey],
        type: price.type,
        description: price.description,
        meterId: price.type === "flat" ? null : ids.meters[price.meter],
        unitAmountMinor: price.type === "tiered" ? null : price.unitAmountMinor,
        tierMode: price.type === "tiered" ? price.tierMode : null,
        position,
        createdAt: orgCreatedAt,
      });
      if (price.type !== "tiered") return;
      price.tiers.forEach((tier, tierPosition) =>
        priceTiers.push({
          id: newId("priceTier"),
          priceId,
          position: tierPosition,
          upTo: tier.upTo === null ? null : String(tier.upTo),
          unitAmountMinor: tier.unitAmountMinor,
          flatAmountMinor: 0n,
        }),
      );
    });
  }

  const currentMonth = clock.month(0);
  const subscriptions: Prisma.SubscriptionCreateManyInput[] = Object.entries(SUBSCRIPTIONS).map(([key, value]) => {
    const subscription: SubscriptionSeed = value;
    const id = ids.subscriptions[key as SubscriptionKey];
    const startDate = clock.month(subscription.startMonthsAgo).start;
    const canceledAt =
      subscription.canceledDaysAgo === undefined ? null : clock.ago(subscription.canceledDaysAgo, "15:30");
    // A canceled subscription's last period is the one it was canceled in.
    const lastPeriod = canceledAt ? clock.month(clock.monthsBack(canceledAt)) : currentMonth;
    const owner = CUSTOMERS[subscription.owner];
    const payer = subscription.payer ? CUSTOMERS[subscription.payer] : undefined;
    auditEntries.push(
      auditRow({
        at: startDate,
        action: "subscription.created",
        entityType: "subscription",
        entityId: id,
        summary: `Subscribed ${owner.name} to ${PLANS[subscription.plan].name}${payer ? `, invoiced to ${payer.name}` : ""}`,
      }),
    );
    if (canceledAt) {
      auditEntries.push(
        auditRow({
          at: canceledAt,
          action: "subscription.canceled",
          entityType: "subscription",
          entityId: id,
          summary: `Canceled ${owner.name}'s ${PLANS[subscription.plan].name} subscription`,
        }),
      );
    }
    return {
      id,
      organizationId: DEMO_ORG_ID,
      customerId: ids.customers[subscription.owner],
      invoicingCustomerId: ids.customers[subscription.payer ?? subscription.owner],
      planId: ids.plans[subscription.plan],
      status: canceledAt ? "canceled" : "active",
      startDate,
      billingAnchor: startDate,
      currentPeriodStart: lastPeriod.start,
      currentPeriodEnd: lastPeriod.end,
      cancelAtPeriodEnd: subscription.cancelAtPeriodEnd ?? false,
      canceledAt,
      createdAt: startDate,
    };
  });

  const usage = generateUsage(clock);
  const usageSequence = new Map<CustomerKey, number>();
  const usageEvents: Prisma.UsageEventCreateManyInput[] = usage.map((event) => {
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

  const invoices = buildInvoices(invoiceSeeds(clock, ids, usage), ids);
  const wallets = buildWallets({ seeds: walletSeeds(clock), applications: invoices.walletApplications, ids, clock });

  const series: Prisma.NumberSeriesCreateManyInput[] = Object.entries(SERIES).map(([key, value]) => ({
    id: ids.series[key as SeriesKey],
    organizationId: DEMO_ORG_ID,
    kind: value.kind,
    name: value.name,
    format: value.format,
    // Past every number the demo issued, as finalizing them would have left it.
    nextNumber: invoices.seriesIssued[key as SeriesKey] + 1,
    isDefault: value.isDefault,
    createdAt: orgCreatedAt,
  }));

  return {
    organization,
    users,
    series,
    customers,
    meters,
    plans,
    prices,
    priceTiers,
    subscriptions,
    usageEvents,
    invoices: invoices.invoices,
    invoiceLines: invoices.invoiceLines,
    finalizations: invoices.finalizations,
    creditNotes: invoices.creditNotes,
    creditNoteLines: invoices.creditNoteLines,
    payments: invoices.payments,
    receipts: invoices.receipts,
    wallets: wallets.wallets,
    walletTransactions: wallets.walletTransactions,
    walletAllocations: wallets.walletAllocations,
    auditEntries: [...auditEntries, ...invoices.auditEntries, ...wallets.auditEntries].sort(
      (a, b) => (a.createdAt as Date).getTime() - (b.createdAt as Date).getTime(),
    ),
  };
};

const writeDemoRows = async (tx: Tx, rows: DemoRows) => {
  await tx.organization.create({ data: rows.organization });
  await tx.user.createMany({ data: rows.users });
  await tx.numberSeries.createMany({ data: rows.series });
  await tx.customer.createMany({ data: rows.customers });
  await tx.meter.createMany({ data: rows.meters });
  await tx.plan.createMany({ data: rows.plans });
  await tx.price.createMany({ data: rows.prices });
  await tx.priceTier.createMany({ data: rows.priceTiers });
  await tx.subscription.createMany({ data: rows.subscriptions });
  await tx.usageEvent.createMany({ data: rows.usageEvents });
  // Lines may only be written while their invoice is a draft (a database trigger enforces it), so
  // every invoice starts as one and is finalized afterwards, as the app itself does.
  await tx.invoice.createMany({ data: rows.invoices });
  await tx.invoiceLine.createMany({ data: rows.invoiceLines });
  for (const { id, data } of rows.finalizations) await tx.invoice.update({ where: { id }, data });
  await tx.creditNote.createMany({ data: rows.creditNotes });
  await tx.creditNoteLine.createMany({ data: rows.creditNoteLines });
  await tx.payment.createMany({ data: rows.payments });
  await tx.receipt.createMany({ data: rows.receipts });
  await tx.wallet.createMany({ data: rows.wallets });
  await tx.walletTransaction.createMany({ data: rows.walletTransactions });
  await tx.walletAllocation.createMany({ data: rows.walletAllocations });
  await tx.auditEntry.createMany({ data: rows.auditEntries });
};

const demoOrganizationExists = async (client: Db | Tx): Promise<boolean> =>
  (await client.organization.findUnique({ where: { id: DEMO_ORG_ID }, select: { id: true } })) !== null;

/**
 * Adds the demo organisation and everything in it, once. Safe to run again and from two processes
 * at once: an advisory lock serialises seeders and the second finds the demo already there.
 */
export const seedDemoData = async (db: Db, options: SeedOptions = {}): Promise<{ seeded: boolean }> => {
  const log = options.log ?? (() => undefined);
  if (await demoOrganizationExists(db)) return { seeded: false };
  // bcrypt is slow on purpose; hashing before the transaction keeps the transaction short.
  const passwordHashes = await Promise.all(DEMO_USERS.map((user) => hashPassword(user.password)));
  const rows = buildDemoRows({ now: options.now ?? new Date(), passwordHashes });

  const seeded = await db.$transaction(
    async (tx) => {
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(${SEED_LOCK_KEY})`;
      if (await demoOrganizationExists(tx)) return false;
      await writeDemoRows(tx, rows);
      return true;
    },
    { timeout: 60_000, maxWait: 10_000 },
  );
  if (!seeded) return { seeded: false };
  log(
    `Seeded ${DEMO_ORG_NAME}: ${rows.customers.length} customers, ${rows.subscriptions.length} subscriptions, ` +
      `${rows.usageEvents.length} usage events, ${rows.invoices.length} invoices, ${rows.payments.length} payments, ` +
      `${rows.creditNotes.length} credit notes, ${rows.wallets.length} wallets.`,
  );
  return { seeded: true };
};
