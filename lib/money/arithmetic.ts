// Exact arithmetic on minor units: sums, unit price x fractional quantity, tax at a rate, and
// splitting an amount across lines. Each result is rounded once, to a whole minor unit.
import Decimal from "decimal.js";
import { PLAIN_DECIMAL } from "./decimal-text";

/** "half_up" rounds .5 away from zero (the billing default); "half_even" is banker's rounding. */
export type RoundingMode = "half_up" | "half_even";

export type QuantityProduct = {
  /** The line amount, rounded once to a whole minor unit. */
  amountMinor: bigint;
  /** The unrounded product in minor units, e.g. "3333.333333". */
  exact: string;
  /** amountMinor - exact, e.g. "-0.333333", so the line can show what rounding changed. */
  roundingMinor: string;
};

// A private clone: the global Decimal is shared with every other library in the process, and a
// change there would silently alter rounding here. 64 significant digits hold any product of a
// BIGINT amount and a quantity with up to 18 decimals exactly; larger inputs are refused below.
const ExactDecimal = Decimal.clone({
  precision: 64,
  rounding: Decimal.ROUND_HALF_UP,
  toExpNeg: -9e15,
  toExpPos: 9e15,
});
type ExactDecimal = InstanceType<typeof ExactDecimal>;

const ROUNDING: Record<RoundingMode, Decimal.Rounding> = {
  half_up: Decimal.ROUND_HALF_UP,
  half_even: Decimal.ROUND_HALF_EVEN,
};

const readPlainDecimal = (value: string, what: string): ExactDecimal => {
  // decimal.js would also accept "1e3", "0x10" and "Infinity"; none of those is a quantity.
  if (!PLAIN_DECIMAL.test(value)) throw new RangeError(`Not a plain decimal ${what}: "${value}"`);
  return new ExactDecimal(value);
};

const multiplyExactly = (a: ExactDecimal, b: ExactDecimal): ExactDecimal => {
  // A product has at most as many significant digits as its factors together; past the precision
  // decimal.js would round silently, which must never happen to money.
  if (a.sd() + b.sd() > ExactDecimal.precision) {
    throw new RangeError("Product exceeds the exact arithmetic precision");
  }
  return a.times(b);
};

const roundToMinor = (value: ExactDecimal, rounding: RoundingMode): bigint =>
  BigInt(value.toDecimalPlaces(0, ROUNDING[rounding]).toFixed(0));

export const sumMinor = (values: readonly bigint[]): bigint => values.reduce((total, value) => total + value, 0n);

/** Unit price x quantity for one line: 1/3 hour at 100.00 is 3333.333333 -> 3333 minor units. */
export const multiplyQuantity = ({
  unitAmountMinor,
  quantity,
  rounding = "half_up",
}: {
  unitAmountMinor: bigint;
  /** Canonical decimal text, as parseQuantity returns it. */
  quantity: string;
  rounding?: RoundingMode;
}): QuantityProduct => {
  const exact = multiplyExactly(new ExactDecimal(unitAmountMinor.toString()), readPlainDecimal(quantity, "quantity"));
  const amountMinor = roundToMinor(exact, rounding);
  return {
    amountMinor,
    exact: exact.toFixed(),
    roundingMinor: new ExactDecimal(amountMinor.toString()).minus(exact).toFixed(),
  };
};

/** Tax or discount at a rate in percent ("8.875"), rounded once to a whole minor unit. */
export const percentOf = ({
  amountMinor,
  percent,
  rounding = "half_up",
}: {
  amountMinor: bigint;
  percent: string;
  rounding?: RoundingMode;
}): bigint => {
  const rate = readPlainDecimal(percent, "percentage").dividedBy(100);
  return roundToMinor(multiplyExactly(new ExactDecimal(amountMinor.toString()), rate), rounding);
};

/**
 * Splits totalMinor across weights (e.g. a credit across invoice lines by line amount) so the
 * shares add up to exactly totalMinor: each gets its floor share, then the leftover minor units go
 * one each to the largest remainders, earlier lines first on ties. Shares carry totalMinor's sign.
 * When totalMinor does not exceed the sum of the weights, no share exceeds its weight.
 */
export const allocateProportionally = (totalMinor: bigint, weights: readonly bigint[]): bigint[] => {
  if (weights.some((weight) => weight < 0n)) {
    throw new RangeError("Allocation weights cannot be negative");
  }
  const weightSum = sumMinor(weights);
  if (weightSum === 0n) {
    if (totalMinor === 0n) return weights.map(() => 0n);
    throw new RangeError("Cannot allocate a non-zero amount across zero weights");
  }

  // Allocating the magnitude and restoring the sign keeps a credit of -10 the mirror of +10.
  const magnitude = totalMinor < 0n ? -totalMinor : totalMinor;
  const shares = weights.map((weight) => (magnitude * weight) / weightSum);
  const remainders = weights.map((weight) => (magnitude * weight) % weightSum);
  const leftover = magnitude - sumMinor(shares);

  const byLargestRemainder = weights
    .map((_, index) => index)
    .sort((a, b) => {
      const ra = remainders[a]!;
      const rb = remainders[b]!;
      if (ra !== rb) return rb > ra ? 1 : -1;
      return a - b;
    });
  // leftover is below the count of non-zero remainders, so zero-weight lines never get a unit.
  for (const index of byLargestRemainder.slice(0, Number(leftover))) {
    shares[index] = shares[index]! + 1n;
  }
  return totalMinor < 0n ? shares.map((share) => -share) : shares;
};
