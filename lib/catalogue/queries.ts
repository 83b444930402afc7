// Reads for Settings > Catalogue, scoped to the signed-in user's organisation: meters with the plans
// that use them, plans with their prices in order, and one plan's history.
import type { TierInput } from "@/lib/billing/tiers";
import { db, type Tx } from "@/lib/db/client";
import type { Prisma } from "@/lib/db/generated/client";
import type { BillingInterval, MeterAggregation, PriceType, TierMode } from "@/lib/db/generated/enums";
import { readMeterFilters } from "./meters";
import { pricesLockReason } from "./plans";
import { decimalText } from "./price-drafts";

/** A read-only client: the app's `db` or a transaction (tests pass their own). */
type Reader = Tx;

/** Whose catalogue to read, and with which client (the app's `db` unless given). */
type Scope = { organizationId: string; client?: Reader };

export type MeterSummary = {
  id: string;
  name: string;
  eventName: string;
  aggregation: MeterAggregation;
  property: string | null;
};

export type MeterListRow = MeterSummary & {
  filters: Record<string, string> | null;
  /** Plans whose prices use the meter, by name. */
  planNames: string[];
};

export type PriceView = {
  id: string;
  type: PriceType;
  description: string;
  meter: MeterSummary | null;
  unitAmountMinor: bigint | null;
  tierMode: TierMode | null;
  tiers: TierInput[];
};

export type PlanListRow = {
  id: string;
  code: string;
  name: string;
  currency: string;
  interval: BillingInterval;
  archivedAt: Date | null;
  prices: PriceView[];
  activeSubscriptions: number;
};

const METER_SUMMARY = { id: true, name: true, eventName: true, aggregation: true, property: true } as const;

/** A meter as the list and its page show it: with its filters and the plans whose prices use it. */
const METER_ROW_SELECT = {
  ...METER_SUMMARY,
  filters: true,
  prices: { select: { plan: { select: { name: true } } } },
} as const;

const PRICE_SELECT = {
  id: true,
  type: true,
  description: true,
  unitAmountMinor: true,
  tierMode: true,
  meter: { select: METER_SUMMARY },
  tiers: {
    orderBy: { position: "asc" },
    select: { upTo: true, unitAmountMinor: true, flatAmountMinor: true },
  },
} as const;

const PLAN_SELECT = {
  id: true,
  code: true,
  name: true,
  currency: true,
  interval: true,
  archivedAt: true,
  prices: { select: PRICE_SELECT, orderBy: [{ position: "asc" }, { id: "asc" }] },
} satisfies Prisma.PlanSelect;

type PriceRecord = {
  id: string;
  type: PriceType;
  description: string;
  unitAmountMinor: bigint | null;
  tierMode: TierMode | null;
  meter: MeterSummary | null;
  tiers: { upTo: { toFixed: () => string } | null; unitAmountMinor: bigint; flatAmountMinor: bigint }[];
};

const toPriceView = (price: PriceRecord): PriceView => ({
  ...price,
  tiers: price.tiers.map((tier) => ({
    upTo: tier.upTo === null ? null : decimalText(tier.upTo),
    unitAmountMinor: tier.unitAmountMinor,
    flatAmountMinor: tier.flatAmountMinor,
  })),
});

type MeterRowRecord = MeterSummary & {
  filters: Parameters<typeof readMeterFilters>[0];
  prices: { plan: { name: string } }[];
};

const toMeterListRow = ({ prices, filters, ...meter }: MeterRowRecord): MeterListRow => ({
  ...meter,
  filters: readMeterFilters(filters),
  planNames: [...new Set(prices.map((price) => price.plan.name))].sort((a, b) => a.localeCompare(b)),
});

export const listMeters = async ({ organizationId, client = db }: Scope): Promise<MeterListRow[]> => {
  const meters = await client.meter.findMany({
    where: { organizationId },
    select: METER_ROW_SELECT,
    orderBy: [{ name: "asc" }, { id: "asc" }],
  });
  return meters.map(toMeterListRow);
};

/** Meters to pick from in the plan form. */
export const listMeterOptions = ({ organizationId, client = db }: Scope) =>
  client.meter.findMany({
    where: { organizationId },
    select: METER_SUMMARY,
    orderBy: [{ name: "asc" }, { id: "asc" }],
  });

/** Every plan, active ones first, then by name. */
export const listPlans = async ({ organizationId, client = db }: Scope): Promise<PlanListRow[]> => {
  const plans = await client.plan.findMany({
    where: { organizationId },
    select: {
      ...PLAN_SELECT,
      _count: { select: { subscriptions: { where: { status: "active" } } } },
    },
    orderBy: [{ name: "asc" }, { id: "asc" }],
  });
  return plans
    .map(({ _count, prices, ...plan }) => ({
      ...plan,
      prices: prices.map(toPriceView),
      activeSubscriptions: _count.subscriptions,
    }))
    .sort((a, b) => Number(a.archivedAt !== null) - Number(b.archivedAt !== null));
};

export type MeterDetail = MeterListRow;

export const getMeter = async ({
  organizationId,
  meterId,
  client = db,
}: Scope & { meterId: string }): Promise<MeterDetail | null> => {
  const meter = await client.meter.findFirst({ where: { id: meterId, organizationId }, select: METER_ROW_SELECT });
  return meter ? toMeterListRow(meter) : null;
};

export type HistoryEntry = {
  id: string;
  summary: string;
  actorType: string;
  actorLabel: string;
  reason: string | null;
  createdAt: Date;
};

export type PlanDetail = PlanListRow & {
  subscriptions: number;
  /** Why currency, interval and prices cannot change, or null. */
  pricesLockReason: string | null;
  history: HistoryEntry[];
};

export const getPlan = async ({
  organizationId,
  planId,
  client = db,
}: Scope & { planId: string }): Promise<PlanDetail | null> => {
  const plan = await client.plan.findFirst({
    where: { id: planId, organizationId },
    select: {
      ...PLAN_SELECT,
    },
  });
  if (!plan) return null;
  const [activeSubscriptions, subscriptions, lockReason, history] = await Promise.all([
    client.subscription.count({ where: { planId, status: "active" } }),
    client.subscription.count({ where: { planId } }),
    pricesLockReason(client, planId),
    client.auditEntry.findMany({
      where: { organizationId, entityType: "plan", entityId: planId },
      select: { id: true, summary: true, actorType: true, actorLabel: true, reason: true, createdAt: true },
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    }),
  ]);
  return {
    ...plan,
    prices: plan.prices.map(toPriceView),
    activeSubscriptions,
    subscriptions,
    pricesLockReason: lockReason,
    history,
  };
};
