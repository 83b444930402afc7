// Stored catalogue records back as the text their forms hold, so an edit form opens with exactly
// what is stored ("0.05", not 5) and saving it unchanged changes nothing.
import { formatMinorAsDecimal } from "@/lib/money";
import type { MeterDetail, PlanDetail } from "./queries";
import type { MeterFormValues, PlanFormValues, PriceFormValues, TierFormValues } from "./schemas";

export const EMPTY_TIER: TierFormValues = { upTo: "", unitPrice: "", flatFee: "" };

/** A new price: a flat fee, with two blank tiers ready should it become tiered. */
export const emptyPrice = (): PriceFormValues => ({
  type: "flat",
  description: "",
  meterId: "",
  unitPrice: "",
  tierMode: "graduated",
  tiers: [{ ...EMPTY_TIER }, { ...EMPTY_TIER }],
});

export const emptyPlan = (currency: string): PlanFormValues => ({
  code: "",
  name: "",
  currency,
  interval: "month",
  prices: [emptyPrice()],
});

export const meterFormValues = (meter: MeterDetail): MeterFormValues => ({
  name: meter.name,
  eventName: meter.eventName,
  aggregation: meter.aggregation,
  property: meter.property ?? "",
  filters: Object.entries(meter.filters ?? {}).map(([key, value]) => ({ key, value })),
});

export const planFormValues = (plan: PlanDetail): PlanFormValues => {
  const amount = (minor: bigint) => formatMinorAsDecimal(minor, plan.currency);
  return {
    code: plan.code,
    name: plan.name,
    currency: plan.currency,
    interval: plan.interval,
    prices: plan.prices.map((price) => ({
      type: price.type,
      description: price.description,
      meterId: price.meter?.id ?? "",
      unitPrice: price.unitAmountMinor === null ? "" : amount(price.unitAmountMinor),
      tierMode: price.tierMode ?? "graduated",
      tiers:
        price.type === "tiered"
          ? price.tiers.map((tier) => ({
              upTo: tier.upTo ?? "",
              unitPrice: amount(tier.unitAmountMinor),
              flatFee: tier.flatAmountMinor === 0n ? "" : amount(tier.flatAmountMinor),
            }))
          : emptyPrice().tiers,
    })),
  };
};
