// The lines one period of a subscription's plan produces: each price in position order, usage
// prices priced from the OWNER's events (aggregated in SQL, all meters in one pass) through the
// tier maths, so billing, "Bill now" and recalculation produce the same lines from the same events.
import Decimal from "decimal.js";
import type { Tx } from "@/lib/db/client";
import type { Prisma } from "@/lib/db/generated/client";
import { aggregateUsage, type MeterDefinition } from "@/lib/usage/aggregate";
import type { Period } from "./periods";
import { priceLines, type PriceInput } from "./tiers";

export type UsageLineDraft = {
  priceId: string;
  description: string;
  quantity: string;
  unitAmountMinor: bigint;
  taxRatePercent: string;
  periodStart: Date;
  periodEnd: Date;
};

// The schema has no per-customer tax rate yet: usage lines start untaxed, like a blank manual line.
const DEFAULT_TAX_RATE_PERCENT = "0";
// InvoiceLine.quantity is DECIMAL(20, 6): the line is priced on the quantity it will store.
const QUANTITY_SCALE = 6;

const priceSelect = {
  id: true,
  type: true,
  description: true,
  unitAmountMinor: true,
  tierMode: true,
  meter: { select: { id: true, eventName: true, aggregation: true, property: true, filters: true } },
  tiers: { orderBy: { position: "asc" }, select: { upTo: true, unitAmountMinor: true, flatAmountMinor: true } },
} as const satisfies Prisma.PriceSelect;

type PlanPrice = Prisma.PriceGetPayload<{ select: typeof priceSelect }>;
type PriceMeter = NonNullable<PlanPrice["meter"]>;

/** A meter row as the aggregation reads it; filter values compare as text. */
export const meterDefinition = (meter: PriceMeter): MeterDefinition => {
  const filters =
    meter.filters && typeof meter.filters === "object" && !Array.isArray(meter.filters)
      ? Object.fromEntries(Object.entries(meter.filters).map(([key, value]) => [key, String(value)]))
      : null;
  return {
    id: meter.id,
    eventName: meter.eventName,
    aggregation: meter.aggregation,
    property: meter.property,
    filters,
  };
};

const priceInput = (price: PlanPrice): PriceInput => {
  switch (price.type) {
    case "flat":
    case "per_unit":
      return { type: price.type, description: price.description, unitAmountMinor: price.unitAmountMinor ?? 0n };
    case "tiered":
      return {
        type: "tiered",
        description: price.description,
        mode: price.tierMode ?? "graduated",
        tiers: price.tiers.map((tier) => ({
          upTo: tier.upTo === null ? null : tier.upTo.toFixed(),
          unitAmountMinor: tier.unitAmountMinor,
          flatAmountMinor: tier.flatAmountMinor,
        })),
      };
    default: {
      const unknown: never = price.type;
      throw new Error(`Unknown price type ${String(unknown)}`);
    }
  }
};

/** A meter's quantity as a line can bill it: at most 6 decimals (half-up), never below zero (a sum
 *  of corrections can dip under it; nothing is billed for less than no usage). */
export const billableQuantity = (quantity: string): string => {
  const value = new Decimal(quantity).toDecimalPlaces(QUANTITY_SCALE, Decimal.ROUND_HALF_UP);
  return value.isNegative() ? "0" : value.toFixed();
};

/** All lines of one period of a subscription's plan, in price position order. */
export const subscriptionPeriodLines = async (
  tx: Tx,
  { subscriptionId, period }: { subscriptionId: string; period: Period },
): Promise<UsageLineDraft[]> => {
  const subscription = await tx.subscription.findUniqueOrThrow({
    where: { id: subscriptionId },
    select: {
      organizationId: true,
      customerId: true,
      plan: { select: { prices: { orderBy: [{ position: "asc" }, { createdAt: "asc" }], select: priceSelect } } },
    },
  });
  const prices = subscription.plan.prices;
  const meters = new Map<string, MeterDefinition>();
  for (const price of prices) {
    if (price.type === "flat") continue;
    if (!price.meter) throw new Error(`Usage price ${price.id} has no meter`);
    meters.set(price.meter.id, meterDefinition(price.meter));
  }
  const quantities = await aggregateUsage(tx, {
    organizationId: subscription.organizationId,
    customerId: subscription.customerId,
    meters: [...meters.values()],
    period,
  });
  return prices.flatMap((price) => {
    const quantity = price.meter ? billableQuantity(quantities.get(price.meter.id) ?? "0") : "1";
    return priceLines(priceInput(price), quantity).map((line) => ({
      priceId: price.id,
      description: line.description,
      quantity: line.quantity,
      unitAmountMinor: line.unitAmountMinor,
      taxRatePercent: DEFAULT_TAX_RATE_PERCENT,
      periodStart: period.start,
      periodEnd: period.end,
    }));
  });
};
