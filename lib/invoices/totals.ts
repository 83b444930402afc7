// An invoice's money from its lines: each line rounded once (quantity x unit price, then its tax),
// and the invoice's totals as exact sums of those lines. Pure: the form's live totals and the
// services that store them compute the same numbers here.
import { multiplyQuantity, percentOf, sumMinor } from "@/lib/money";

export type LineInput = {
  /** Normalized decimal text, as parseQuantity returns it ("7.5", "0.333333"). */
  quantity: string;
  unitAmountMinor: bigint;
  /** Decimal text in percent: "20", "8.875", "0". */
  taxRatePercent: string;
};

export type LineAmounts = {
  /** quantity x unit price, rounded half-up once to a whole minor unit. */
  amountMinor: bigint;
  /** The line's tax, amountMinor x rate rounded half-up, per line. */
  taxMinor: bigint;
  /** The unrounded product in minor units ("3333.333333"), so the line can show the rounding. */
  exactMinor: string;
  /** amountMinor - exactMinor ("-0.333333"). */
  roundingMinor: string;
};

export type TaxGroup = { ratePercent: string; baseMinor: bigint; taxMinor: bigint };

export type InvoiceTotals = {
  subtotalMinor: bigint;
  taxMinor: bigint;
  totalMinor: bigint;
  /** One entry per distinct rate (zero included), lowest rate first. */
  taxes: TaxGroup[];
};

export const computeLine = (line: LineInput): LineAmounts => {
  const product = multiplyQuantity({ unitAmountMinor: line.unitAmountMinor, quantity: line.quantity });
  return {
    amountMinor: product.amountMinor,
    taxMinor: percentOf({ amountMinor: product.amountMinor, percent: line.taxRatePercent }),
    exactMinor: product.exact,
    roundingMinor: product.roundingMinor,
  };
};

// The database returns rates as "20.0000" and forms send "20": both must land in one tax group.
const canonicalRate = (rate: string): string => {
  const text = rate.trim();
  if (!text.includes(".")) return text.replace(/^0+(?=\d)/, "");
  return text.replace(/^0+(?=\d)/, "").replace(/\.?0+$/, "");
};

// Rates are decimal text; comparing them as floats would be the one float in the money path.
const compareRates = (a: string, b: string): number => {
  const [aInteger = "", aFraction = ""] = a.split(".");
  const [bInteger = "", bFraction = ""] = b.split(".");
  if (aInteger.length !== bInteger.length) return aInteger.length - bInteger.length;
  if (aInteger !== bInteger) return aInteger < bInteger ? -1 : 1;
  const width = Math.max(aFraction.length, bFraction.length);
  const aPadded = aFraction.padEnd(width, "0");
  const bPadded = bFraction.padEnd(width, "0");
  if (aPadded === bPadded) return 0;
  return aPadded < bPadded ? -1 : 1;
};

/** The invoice's totals: subtotal and tax are the sums of the rounded lines, never re-rounded. */
export const computeInvoiceTotals = (lines: readonly LineInput[]): InvoiceTotals => {
  const computed = lines.map((line) => ({ rate: canonicalRate(line.taxRatePercent), ...computeLine(line) }));
  const subtotalMinor = sumMinor(computed.map((line) => line.amountMinor));
  const taxMinor = sumMinor(computed.map((line) => line.taxMinor));

  const groups = new Map<string, TaxGroup>();
  for (const line of computed) {
    const group = groups.get(line.rate) ?? { ratePercent: line.rate, baseMinor: 0n, taxMinor: 0n };
    group.baseMinor += line.amountMinor;
    group.taxMinor += line.taxMinor;
    groups.set(line.rate, group);
  }
  const taxes = [...groups.values()].sort((a, b) => compareRates(a.ratePercent, b.ratePercent));

  return { subtotalMinor, taxMinor, totalMinor: subtotalMinor + taxMinor, taxes };
};
