// Tier maths for usage prices: which invoice lines a flat, per-unit or tiered price produces for a
// period's quantity, and the validation a tier table must pass. Pure: no I/O, quantities as text.
import Decimal from "decimal.js";
import { formatQuantity } from "@/lib/money";

export type TierInput = { upTo: string | null; unitAmountMinor: bigint; flatAmountMinor: bigint }; // upTo: decimal text, inclusive; null = last tier
export type PriceInput =
  | { type: "flat"; description: string; unitAmountMinor: bigint }
  | { type: "per_unit"; description: string; unitAmountMinor: bigint }
  | { type: "tiered"; description: string; mode: "graduated" | "volume"; tiers: TierInput[] };
/** An invoice line to be: amount = quantity x unit price rounded half-up once (lib/invoices/totals
 *  computeLine), exactly like every other line. */
export type PricedLine = { description: string; quantity: string; unitAmountMinor: bigint };

export type TierProblem = { index: number; field: "upTo" | "unitAmount" | "flatAmount"; message: string };

// A private clone so no other library's Decimal settings can change these results; never prints
// exponents, so every result is plain decimal text.
const Quantity = Decimal.clone({ precision: 64, toExpNeg: -9e15, toExpPos: 9e15 });
type Quantity = InstanceType<typeof Quantity>;

const PLAIN_DECIMAL = /^\d+(?:\.\d+)?$/;

const readQuantity = (text: string, what: string): Quantity => {
  if (!PLAIN_DECIMAL.test(text)) throw new RangeError(`Not a non-negative decimal ${what}: "${text}"`);
  return new Quantity(text);
};

const text = (value: Quantity): string => value.toString();

/** "1000" -> "1,000": bounds are shown with en-US digit grouping on every invoice line. */
const bound = (value: Quantity): string => formatQuantity(text(value), "en-US");

/** The quantities a tier covers, for its line and for the catalogue: "1–1,000", "1,001 and above". */
export const tierRangeLabel = (tiers: readonly TierInput[], index: number): string => {
  const previous = index === 0 ? null : tiers[index - 1]?.upTo;
  const lower = new Quantity(previous ?? "0");
  const upTo = tiers[index]?.upTo ?? null;
  const upper = upTo === null ? null : new Quantity(upTo);
  // Whole-unit tables read "1,001–10,000"; a fractional bound has no "next unit", so say "above".
  if (lower.isInteger() && (upper === null || upper.gte(lower.plus(1)))) {
    const first = bound(lower.plus(1));
    if (upper === null) return `${first} and above`;
    return upper.eq(lower.plus(1)) ? first : `${first}–${bound(upper)}`;
  }
  if (upper === null) return `above ${bound(lower)}`;
  return lower.isZero() ? `up to ${bound(upper)}` : `above ${bound(lower)} up to ${bound(upper)}`;
};

const graduatedLines = (description: string, tiers: readonly TierInput[], quantity: Quantity): PricedLine[] => {
  const first = tiers[0];
  if (!first) throw new RangeError("A tiered price needs at least one tier");
  if (quantity.isZero()) {
    return [
      {
        description: `${description} (${tierRangeLabel(tiers, 0)})`,
        quantity: "0",
        unitAmountMinor: first.unitAmountMinor,
      },
    ];
  }
  const lines: PricedLine[] = [];
  let lower = new Quantity(0);
  for (const [index, tier] of tiers.entries()) {
    if (quantity.lte(lower)) break;
    const upper = tier.upTo === null ? quantity : Quantity.min(quantity, tier.upTo);
    const label = tierRangeLabel(tiers, index);
    lines.push({
      description: `${description} (${label})`,
      quantity: text(upper.minus(lower)),
      unitAmountMinor: tier.unitAmountMinor,
    });
    if (tier.flatAmountMinor !== 0n) {
      lines.push({
        description: `${description} (tier ${index + 1} flat fee)`,
        quantity: "1",
        unitAmountMinor: tier.flatAmountMinor,
      });
    }
    if (tier.upTo === null) break;
    lower = new Quantity(tier.upTo);
  }
  return lines;
};

const volumeLines = (description: string, tiers: readonly TierInput[], quantity: Quantity): PricedLine[] => {
  const tier = tiers.find((candidate) => candidate.upTo === null || quantity.lte(candidate.upTo)) ?? tiers.at(-1);
  if (!tier) throw new RangeError("A tiered price needs at least one tier");
  const lines: PricedLine[] = [{ description, quantity: text(quantity), unitAmountMinor: tier.unitAmountMinor }];
  // No usage, no tier reached: like graduated, a quantity of 0 charges no tier's flat fee.
  if (tier.flatAmountMinor !== 0n && !quantity.isZero()) {
    lines.push({ description: `${description} (flat fee)`, quantity: "1", unitAmountMinor: tier.flatAmountMinor });
  }
  return lines;
};

/** Lines for one price and one period's quantity (decimal text, >= 0; ignored for flat).
 *  flat: one line, quantity "1". per_unit: one line (also when quantity is 0).
 *  graduated: one line per tier the quantity reaches, "<description> (1–1,000)", "(1,001–10,000)",
 *  "(10,001 and above)" (en-US digit grouping of the bounds), plus one "<description> (tier N flat fee)"
 *  line, quantity "1", per reached tier with a flat fee; quantity 0 -> one line quantity "0" at the
 *  first tier's unit price.
 *  volume: one line, all units at the unit price of the tier the total falls in, plus one
 *  "<description> (flat fee)" line if that tier has a flat fee. */
export const priceLines = (price: PriceInput, quantity: string): PricedLine[] => {
  if (price.type === "flat") {
    return [{ description: price.description, quantity: "1", unitAmountMinor: price.unitAmountMinor }];
  }
  const amount = readQuantity(quantity, "quantity");
  switch (price.type) {
    case "per_unit":
      return [{ description: price.description, quantity: text(amount), unitAmountMinor: price.unitAmountMinor }];
    case "tiered":
      return price.mode === "graduated"
        ? graduatedLines(price.description, price.tiers, amount)
        : volumeLines(price.description, price.tiers, amount);
    default: {
      const unknown: never = price;
      throw new RangeError(`Unknown price type ${JSON.stringify(unknown)}`);
    }
  }
};

/** Validation shared by the catalogue form and the service: tiers ascending, only the last open,
 *  at least one tier; returns messages keyed by tier index, [] when fine. */
export const tierProblems = (tiers: TierInput[]): TierProblem[] => {
  if (tiers.length === 0) return [{ index: 0, field: "upTo", message: "Add at least one tier" }];
  const problems: TierProblem[] = [];
  let previous: Quantity | null = null;
  for (const [index, tier] of tiers.entries()) {
    const isLast = index === tiers.length - 1;
    const upTo = tier.upTo?.trim() ?? "";
    if (upTo === "") {
      if (!isLast)
        problems.push({
          index,
          field: "upTo",
          message: "Only the last tier can be open-ended: enter where this tier ends",
        });
    } else if (isLast) {
      problems.push({
        index,
        field: "upTo",
        message: "Leave the last tier open (blank) so every quantity has a price",
      });
    } else if (!PLAIN_DECIMAL.test(upTo)) {
      problems.push({ index, field: "upTo", message: "Enter a quantity like 1000 or 1000.5" });
    } else {
      const value = new Quantity(upTo);
      if (value.isZero()) {
        problems.push({ index, field: "upTo", message: "Must be greater than 0" });
      } else if (previous !== null && value.lte(previous)) {
        problems.push({ index, field: "upTo", message: `Must be greater than the previous tier's ${bound(previous)}` });
      }
      previous = previous === null || value.gt(previous) ? value : previous;
    }
    if (tier.unitAmountMinor < 0n)
      problems.push({ index, field: "unitAmount", message: "Unit price cannot be negative" });
    if (tier.flatAmountMinor < 0n)
      problems.push({ index, field: "flatAmount", message: "Flat fee cannot be negative" });
  }
  return problems;
};
