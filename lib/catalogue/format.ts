// How catalogue prices read to a person: "$49.00 per month", "$0.40 per hours", and a tier table
// with the same ranges the invoice lines print. Pure, so pages and tests share it.
import { tierRangeLabel, type TierInput } from "@/lib/billing/tiers";
import type { BillingInterval, MeterAggregation, TierMode } from "@/lib/db/generated/enums";
import { formatMoney } from "@/lib/money";

type MeterUnit = { eventName: string; aggregation: MeterAggregation; property: string | null };

/** What one unit of a meter is: an event for a count, a unit of the property otherwise. */
export const usageUnit = (meter: MeterUnit): string => {
  switch (meter.aggregation) {
    case "count":
      return meter.eventName;
    case "sum":
    case "max":
      return meter.property ?? meter.eventName;
    case "unique_count":
      return `unique ${meter.property ?? "value"}`;
    default: {
      const unknown: never = meter.aggregation;
      throw new Error(`Unknown aggregation ${String(unknown)}`);
    }
  }
};

export type PriceToDescribe = {
  type: "flat" | "per_unit" | "tiered";
  unitAmountMinor: bigint | null;
  tierMode: TierMode | null;
  tiers: readonly TierInput[];
  meter: MeterUnit | null;
};

const INTERVAL_NOUN: Record<BillingInterval, string> = { month: "month", year: "year" };

/** One line on what a price charges, in the plan's currency and the organisation's locale. */
export const describePrice = (
  price: PriceToDescribe,
  { currency, interval, locale }: { currency: string; interval: BillingInterval; locale: string },
): string => {
  const money = (minor: bigint) => formatMoney(minor, currency, { locale });
  switch (price.type) {
    case "flat":
      return `${money(price.unitAmountMinor ?? 0n)} per ${INTERVAL_NOUN[interval]}`;
    case "per_unit":
      return `${money(price.unitAmountMinor ?? 0n)} per ${price.meter ? usageUnit(price.meter) : "unit"}`;
    case "tiered": {
      const mode = price.tierMode === "volume" ? "Volume" : "Graduated";
      const count = price.tiers.length;
      return `${mode} tiers (${count} ${count === 1 ? "tier" : "tiers"})${price.meter ? ` per ${usageUnit(price.meter)}` : ""}`;
    }
    default: {
      const unknown: never = price.type;
      throw new Error(`Unknown price type ${String(unknown)}`);
    }
  }
};

export type TierRow = { range: string; unitPrice: string; flatFee: string | null };

/** The tier table: "1–1,000 · $0.10 · —". */
export const tierRows = (
  tiers: readonly TierInput[],
  { currency, locale }: { currency: string; locale: string },
): TierRow[] =>
  tiers.map((tier, index) => ({
    range: tierRangeLabel(tiers, index),
    unitPrice: formatMoney(tier.unitAmountMinor, currency, { locale }),
    flatFee: tier.flatAmountMinor === 0n ? null : formatMoney(tier.flatAmountMinor, currency, { locale }),
  }));
