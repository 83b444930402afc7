// Line maths for the demo's documents: a plan's period priced into lines (flat, per unit, volume and
// graduated tiers), each line's amount and tax rounded as the app rounds them, and document totals.
import { priceLines, type PriceInput } from "@/lib/billing/tiers";
import { newId } from "@/lib/ids";
import { multiplyQuantity, percentOf, sumMinor } from "@/lib/money";
import type { Period } from "./clock";
import type { MeterKey, PlanSeed, PriceSeed } from "./fixtures";

export type LineSeed = {
  description: string;
  quantity: string;
  unitAmountMinor: bigint;
  taxRatePercent?: string;
  priceId?: string;
  period?: Period;
};

/** A plan's price as the app's tier maths reads it. */
const priceInput = (price: PriceSeed): PriceInput =>
  price.type === "tiered"
    ? {
        type: "tiered",
        description: price.description,
        mode: price.tierMode,
        tiers: price.tiers.map((tier) => ({
          upTo: tier.upTo === null ? null : String(tier.upTo),
          unitAmountMinor: tier.unitAmountMinor,
          flatAmountMinor: 0n,
        })),
      }
    : { type: price.type, description: price.description, unitAmountMinor: price.unitAmountMinor };

/** Lines one period of a plan produces for given meter quantities, priced by the same tier maths
 *  (lib/billing/tiers) that billing and recalculation use, so the lines are the ones they would write. */
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
    const quantity = price.type === "flat" ? "1" : (quantities[price.meter] ?? "0");
    return priceLines(priceInput(price), quantity).map((line) => ({
      ...line,
      priceId: priceIds[index]!,
      taxRatePercent,
      period,
    }));
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
