import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { allocateProportionally, multiplyQuantity, percentOf, sumMinor } from "./arithmetic";

describe("sumMinor", () => {
  it("adds minor units exactly", () => {
    expect(sumMinor([])).toBe(0n);
    expect(sumMinor([10n, 20n])).toBe(30n); // 0.10 + 0.20 EUR = 0.30 EUR, not 0.30000000000000004
    expect(sumMinor([123450n, -23450n, 1n])).toBe(100001n); // 1,234.50 - 234.50 + 0.01 EUR
  });

  it("keeps every digit beyond 2^53", () => {
    // 90,071,992,547,409.92 + 0.01 + 0.01 USD; as floats the two cents vanish
    expect(sumMinor([9007199254740992n, 1n, 1n])).toBe(9007199254740994n);
  });
});

describe("multiplyQuantity", () => {
  it("multiplies without rounding when the product is whole", () => {
    expect(multiplyQuantity({ unitAmountMinor: 12000n, quantity: "2.5" })).toEqual({
      amountMinor: 30000n, // 120.00 EUR x 2.5 = 300.00 EUR
      exact: "30000",
      roundingMinor: "0",
    });
  });

  it("rounds a third of an hour once and reports the rounding", () => {
    // 150.00 EUR per hour x 0.333333 h = 49.99995 EUR -> 50.00 EUR
    expect(multiplyQuantity({ unitAmountMinor: 15000n, quantity: "0.333333" })).toEqual({
      amountMinor: 5000n,
      exact: "4999.995",
      roundingMinor: "0.005",
    });
    // 100.00 EUR per hour x 0.333333 h = 33.33333 EUR -> 33.33 EUR
    expect(multiplyQuantity({ unitAmountMinor: 10000n, quantity: "0.333333" })).toEqual({
      amountMinor: 3333n,
      exact: "3333.33",
      roundingMinor: "-0.33",
    });
  });

  it("rounds exactly half a minor unit away from zero by default", () => {
    // 1.00 EUR x 2.675 = 2.675 EUR -> 2.68 EUR; the float 2.675 * 100 is 267.49999999999997
    expect(multiplyQuantity({ unitAmountMinor: 100n, quantity: "2.675" })).toEqual({
      amountMinor: 268n,
      exact: "267.5",
      roundingMinor: "0.5",
    });
    // 0.01 EUR x 0.5 = 0.005 EUR -> 0.01 EUR
    expect(multiplyQuantity({ unitAmountMinor: 1n, quantity: "0.5" }).amountMinor).toBe(1n);
    // -0.01 EUR x 0.5 = -0.005 EUR -> -0.01 EUR, the mirror image, not toward +infinity
    expect(multiplyQuantity({ unitAmountMinor: -1n, quantity: "0.5" })).toEqual({
      amountMinor: -1n,
      exact: "-0.5",
      roundingMinor: "-0.5",
    });
    // -1.00 EUR x 2.665 = -2.665 EUR -> -2.67 EUR
    expect(multiplyQuantity({ unitAmountMinor: -100n, quantity: "2.665" }).amountMinor).toBe(-267n);
  });

  it("rounds half to even when asked", () => {
    const halfEven = (unitAmountMinor: bigint, quantity: string) =>
      multiplyQuantity({ unitAmountMinor, quantity, rounding: "half_even" }).amountMinor;
    expect(halfEven(100n, "2.665")).toBe(266n); // 2.665 EUR -> 2.66 EUR (6 is even)
    expect(halfEven(100n, "2.675")).toBe(268n); // 2.675 EUR -> 2.68 EUR (8 is even)
    expect(halfEven(1n, "0.5")).toBe(0n); // 0.005 EUR -> 0.00 EUR
    expect(halfEven(1n, "1.5")).toBe(2n); // 0.015 EUR -> 0.02 EUR
    expect(halfEven(-1n, "2.5")).toBe(-2n); // -0.025 EUR -> -0.02 EUR
    expect(halfEven(100n, "2.6651")).toBe(267n); // 2.66651 EUR: past the half, so up
  });

  it("rounds just under and just over half the way a person would", () => {
    expect(multiplyQuantity({ unitAmountMinor: 1n, quantity: "0.499999" }).amountMinor).toBe(0n);
    expect(multiplyQuantity({ unitAmountMinor: 1n, quantity: "0.500001" }).amountMinor).toBe(1n);
    expect(multiplyQuantity({ unitAmountMinor: -1n, quantity: "0.499999" })).toEqual({
      amountMinor: 0n,
      exact: "-0.499999",
      roundingMinor: "0.499999",
    });
  });

  it("works in zero- and three-decimal currencies, where the minor unit is the yen or the fils", () => {
    // 1,000 JPY x 1.3335 = 1,333.5 JPY -> 1,334 JPY
    expect(multiplyQuantity({ unitAmountMinor: 1000n, quantity: "1.3335" }).amountMinor).toBe(1334n);
    // 1.250 KWD x 0.333333 = 0.41666625 KWD -> 0.417 KWD
    expect(multiplyQuantity({ unitAmountMinor: 1250n, quantity: "0.333333" })).toEqual({
      amountMinor: 417n,
      exact: "416.66625",
      roundingMinor: "0.33375",
    });
  });

  it("stays exact far beyond 2^53", () => {
    // 9,223,372,036,854,775.807 KWD (2^63 - 1 fils) x 999,999,999,999.999999
    const result = multiplyQuantity({
      unitAmountMinor: 9223372036854775807n,
      quantity: "999999999999.999999",
    });
    // = 2^63 - 1 times 10^12, less 9,223,372,036,854.775807 minor units
    expect(result.exact).toBe("9223372036854775797776627963145.224193");
    expect(result.amountMinor).toBe(9223372036854775797776627963145n);
    expect(result.roundingMinor).toBe("-0.224193");
  });

  it("agrees with integer arithmetic on any six-decimal quantity", () => {
    const scale = 1_000_000n;
    fc.assert(
      fc.property(
        fc.bigInt({ min: -(10n ** 18n), max: 10n ** 18n }),
        fc.bigInt({ min: 0n, max: 10n ** 18n }),
        (unitAmountMinor, quantityMicros) => {
          const quantity = `${quantityMicros / scale}.${(quantityMicros % scale).toString().padStart(6, "0")}`;
          const product = unitAmountMinor * quantityMicros;
          const magnitude = product < 0n ? -product : product;
          // Half-up on the magnitude: add half the divisor, then truncate.
          const rounded = (magnitude + scale / 2n) / scale;
          const expected = product < 0n ? -rounded : rounded;
          expect(multiplyQuantity({ unitAmountMinor, quantity }).amountMinor).toBe(expected);
        },
      ),
    );
  });

  it.each(["1e3", "0x10", "Infinity", "NaN", "", "1,5", " 1", "1/3", ".5"])(
    "refuses quantity %j, which is not canonical decimal text",
    (quantity) => {
      expect(() => multiplyQuantity({ unitAmountMinor: 100n, quantity })).toThrow(RangeError);
    },
  );

  it("refuses a product it could not hold exactly rather than rounding it silently", () => {
    expect(() => multiplyQuantity({ unitAmountMinor: 10n ** 40n + 1n, quantity: `0.${"1".repeat(30)}` })).toThrow(
      "Product exceeds the exact arithmetic precision",
    );
  });
});

describe("percentOf", () => {
  it("computes tax and rounds once", () => {
    expect(percentOf({ amountMinor: 10000n, percent: "20" })).toBe(2000n); // 20% of 100.00 EUR = 20.00 EUR
    expect(percentOf({ amountMinor: 1999n, percent: "8.875" })).toBe(177n); // 8.875% of 19.99 USD = 1.7741125 -> 1.77 USD
    expect(percentOf({ amountMinor: 1000n, percent: "0" })).toBe(0n); // 0% of 10.00 EUR
    expect(percentOf({ amountMinor: 1000n, percent: "100" })).toBe(1000n); // 100% of 10.00 EUR
  });

  it("rounds a half minor unit away from zero, or to even when asked", () => {
    expect(percentOf({ amountMinor: 50n, percent: "5" })).toBe(3n); // 5% of 0.50 EUR = 0.025 -> 0.03 EUR
    expect(percentOf({ amountMinor: -50n, percent: "5" })).toBe(-3n); // 5% of -0.50 EUR = -0.025 -> -0.03 EUR
    expect(percentOf({ amountMinor: 50n, percent: "5", rounding: "half_even" })).toBe(2n); // 0.025 -> 0.02 EUR
    expect(percentOf({ amountMinor: 70n, percent: "5", rounding: "half_even" })).toBe(4n); // 0.035 -> 0.04 EUR
  });

  it("avoids the float trap at 1.005", () => {
    // 1.005 x 100 is 100.49999999999999 as a float; 0.5% of 201.00 EUR is exactly 1.005 EUR -> 1.01 EUR
    expect(percentOf({ amountMinor: 20100n, percent: "0.5" })).toBe(101n);
  });

  it("works in zero- and three-decimal currencies", () => {
    expect(percentOf({ amountMinor: 1234n, percent: "10" })).toBe(123n); // 10% of 1,234 JPY = 123.4 -> 123 JPY
    expect(percentOf({ amountMinor: 1235n, percent: "10" })).toBe(124n); // 10% of 1,235 JPY = 123.5 -> 124 JPY
    expect(percentOf({ amountMinor: 12345n, percent: "5" })).toBe(617n); // 5% of 12.345 KWD = 0.61725 -> 0.617 KWD
  });

  it("stays exact beyond 2^53", () => {
    // 10% of 90,071,992,547,409.93 USD = 9,007,199,254,740.993 -> 9,007,199,254,740.99 USD
    expect(percentOf({ amountMinor: 9007199254740993n, percent: "10" })).toBe(900719925474099n);
    // 50% of 90,071,992,547,409.95 USD = 45,035,996,273,704.975 -> ...704.98 USD
    expect(percentOf({ amountMinor: 9007199254740995n, percent: "50" })).toBe(4503599627370498n);
  });

  it("refuses a rate that is not canonical decimal text", () => {
    expect(() => percentOf({ amountMinor: 100n, percent: "20%" })).toThrow(RangeError);
    expect(() => percentOf({ amountMinor: 100n, percent: "2e1" })).toThrow(RangeError);
  });
});

describe("allocateProportionally", () => {
  it("splits evenly when it can", () => {
    expect(allocateProportionally(900n, [1n, 1n, 1n])).toEqual([300n, 300n, 300n]); // 9.00 EUR in three
  });

  it("gives the leftover cent to the largest remainder, earlier lines first on a tie", () => {
    expect(allocateProportionally(100n, [1n, 1n, 1n])).toEqual([34n, 33n, 33n]); // 1.00 EUR in three
    expect(allocateProportionally(200n, [1n, 1n, 1n])).toEqual([67n, 67n, 66n]); // 2.00 EUR in three
    // 10.00 EUR across lines of 30.00, 20.00 and 50.00: shares 3.00, 2.00, 5.00
    expect(allocateProportionally(1000n, [3000n, 2000n, 5000n])).toEqual([300n, 200n, 500n]);
    // 1.00 EUR across 1:2:3: exact shares 16.67, 33.33, 50.00 cents -> the first gets the cent
    expect(allocateProportionally(100n, [1n, 2n, 3n])).toEqual([17n, 33n, 50n]);
    // 0.10 EUR across 3:3:4 of which 0.03, 0.03, 0.04 is exact
    expect(allocateProportionally(10n, [3n, 3n, 4n])).toEqual([3n, 3n, 4n]);
    // 0.05 EUR across 1:3: exact 1.25 and 3.75 cents -> 1 and 4
    expect(allocateProportionally(5n, [1n, 3n])).toEqual([1n, 4n]);
  });

  it("mirrors a negative total", () => {
    expect(allocateProportionally(-100n, [1n, 1n, 1n])).toEqual([-34n, -33n, -33n]); // -1.00 EUR in three
  });

  it("gives nothing to zero-weight lines", () => {
    expect(allocateProportionally(101n, [0n, 1n, 0n, 1n])).toEqual([0n, 51n, 0n, 50n]); // 1.01 EUR
  });

  it("handles zero totals and rejects impossible splits", () => {
    expect(allocateProportionally(0n, [5n, 7n])).toEqual([0n, 0n]);
    expect(allocateProportionally(0n, [])).toEqual([]);
    expect(allocateProportionally(0n, [0n, 0n])).toEqual([0n, 0n]);
    expect(() => allocateProportionally(100n, [])).toThrow(RangeError);
    expect(() => allocateProportionally(100n, [0n, 0n])).toThrow(RangeError);
    expect(() => allocateProportionally(100n, [5n, -1n])).toThrow("cannot be negative");
  });

  it("splits amounts beyond 2^53 exactly", () => {
    // 90,071,992,547,409.93 USD across three equal lines
    expect(allocateProportionally(9007199254740993n, [1n, 1n, 1n])).toEqual([
      3002399751580331n,
      3002399751580331n,
      3002399751580331n,
    ]);
  });

  it("always sums to the total and never credits a line more than its amount", () => {
    fc.assert(
      fc.property(
        fc.array(fc.bigInt({ min: 0n, max: 10n ** 15n }), { minLength: 1, maxLength: 20 }),
        fc.bigInt({ min: 0n, max: 10n ** 6n }),
        fc.boolean(),
        (weights, permille, negative) => {
          const weightSum = weights.reduce((a, b) => a + b, 0n);
          fc.pre(weightSum > 0n);
          // A credit of up to the whole invoice, positive or negative.
          const magnitude = (weightSum * permille) / 10n ** 6n;
          const total = negative ? -magnitude : magnitude;
          const shares = allocateProportionally(total, weights);
          expect(shares).toHaveLength(weights.length);
          expect(shares.reduce((a, b) => a + b, 0n)).toBe(total);
          shares.forEach((share, index) => {
            const size = share < 0n ? -share : share;
            expect(size <= weights[index]!).toBe(true);
            // Largest remainder never moves a share more than one unit from its exact value.
            const exactTimesSum = magnitude * weights[index]!;
            expect(size * weightSum >= exactTimesSum - weightSum).toBe(true);
            expect(size * weightSum <= exactTimesSum + weightSum).toBe(true);
          });
        },
      ),
    );
  });
});
