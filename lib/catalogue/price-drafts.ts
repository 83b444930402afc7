// A plan's prices in one comparable shape, whether they come from the form or from the database:
// how the service tells "prices changed" from "only the name changed".
import type { TierInput } from "@/lib/billing/tiers";
import type { Tx } from "@/lib/db/client";
import type { PriceDraft } from "./schemas";

export type CanonicalPrice = {
  type: PriceDraft["type"];
  description: string;
  meterId: string | null;
  unitAmountMinor: string | null;
  mode: string | null;
  tiers: { upTo: string | null; unitAmountMinor: string; flatAmountMinor: string }[];
};

/** "1000.000000" (a DECIMAL(20, 6) column) -> "1000"; "0.500000" -> "0.5". */
export const decimalText = (value: { toFixed: () => string }): string => {
  const text = value.toFixed();
  return text.includes(".") ? text.replace(/\.?0+$/, "") : text;
};

export const canonicalPrices = (prices: PriceDraft[]): CanonicalPrice[] =>
  prices.map((price) => ({
    type: price.type,
    description: price.description,
    meterId: price.type === "flat" ? null : price.meterId,
    unitAmountMinor: price.type === "tiered" ? null : price.unitAmountMinor.toString(),
    mode: price.type === "tiered" ? price.mode : null,
    tiers:
      price.type === "tiered"
        ? price.tiers.map((tier) => ({
            upTo: tier.upTo,
            unitAmountMinor: tier.unitAmountMinor.toString(),
            flatAmountMinor: tier.flatAmountMinor.toString(),
          }))
        : [],
  }));

/** The plan's stored prices, in position order, as the form would submit them. */
export const storedPriceDrafts = async (tx: Tx, planId: string): Promise<PriceDraft[]> => {
  const prices = await tx.price.findMany({
    where: { planId },
    orderBy: [{ position: "asc" }, { id: "asc" }],
    select: {
      type: true,
      description: true,
      meterId: true,
      unitAmountMinor: true,
      tierMode: true,
      tiers: { orderBy: { position: "asc" }, select: { upTo: true, unitAmountMinor: true, flatAmountMinor: true } },
    },
  });
  return prices.map((price): PriceDraft => {
    if (price.type === "tiered") {
      const tiers: TierInput[] = price.tiers.map((tier) => ({
        upTo: tier.upTo === null ? null : decimalText(tier.upTo),
        unitAmountMinor: tier.unitAmountMinor,
        flatAmountMinor: tier.flatAmountMinor,
      }));
      return {
        type: "tiered",
        description: price.description,
        meterId: price.meterId ?? "",
        mode: price.tierMode ?? "graduated",
        tiers,
      };
    }
    if (price.type === "per_unit") {
      return {
        type: "per_unit",
        description: price.description,
        meterId: price.meterId ?? "",
        unitAmountMinor: price.unitAmountMinor ?? 0n,
      };
    }
    return { type: "flat", description: price.description, unitAmountMinor: price.unitAmountMinor ?? 0n };
  });
};
