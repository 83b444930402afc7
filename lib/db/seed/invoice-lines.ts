// Line maths for the demo's documents: a plan's period priced into lines (flat, per unit, volume and
// graduated tiers), each line's amount and tax rounded as the app rounds them, and document totals.
import Decimal from "decimal.js";
import { newId } from "@/lib/ids";
import { multiplyQuantity, percentOf, sumMinor } from "@/lib/money";
import type { Period } from "./clock";
import { ORG_LOCALE, type MeterKey, type PlanSeed } from "./fixtures";

export type LineSeed = {
  description: string;
  quantity: string;
  unitAmountMinor: bigint;
  taxRatePercent?: string;
  priceId?: string;
  period?: Period;
};

/** Lines one period of a plan produces for given meter quantities, priced as the plan says. */
export const subscriptionLines = ({
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

export type PricedLine = LineSeed & { id: string; amountMinor: bigint; taxMinor: bigint };

/** A line's amount (quantity times unit price) and the tax on it, in minor units. */
export const lineAmounts = ({
  unitAmountMinor,
  quantity,
  taxRatePercent,
}: {
  unitAmountMinor: bigint;
  quantity: string;
  taxRatePercent: string;
}): { amountMinor: bigint; taxMinor: bigint } => {
  const { amountMinor } = multiplyQuantity({ unitAmountMinor, quantity });
  return { amountMinor, taxMinor: percentOf({ amountMinor, percent: taxRatePercent }) };
};

export const priceLine = (line: LineSeed): PricedLine => ({
  ...line,
  id: newId("invoiceLine"),
  ...lineAmounts({ ...line, taxRatePercent: line.taxRatePercent ?? "0" }),
});

/** Subtotal, tax and total of an invoice's or a credit note's lines. */
export const totalsOf = (
  lines: readonly { amountMinor: bigint; taxMinor: bigint }[],
): { subtotalMinor: bigint; taxMinor: bigint; totalMinor: bigint } => {
  const subtotalMinor = sumMinor(lines.map((line) => line.amountMinor));
  const taxMinor = sumMinor(lines.map((line) => line.taxMinor));
  return { subtotalMinor, taxMinor, totalMinor: subtotalMinor + taxMinor };
};
