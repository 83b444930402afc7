import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { sumMinor } from "@/lib/money";
import { computeInvoiceTotals, computeLine, type LineInput } from "./totals";

const line = (quantity: string, unitAmountMinor: bigint, taxRatePercent = "0"): LineInput => ({
  quantity,
  unitAmountMinor,
  taxRatePercent,
});

describe("computeLine", () => {
  it("multiplies a whole quantity without rounding", () => {
    expect(computeLine(line("3", 4999n, "20"))).toEqual({
      amountMinor: 14997n, // 3 x 49.99 = 149.97
      taxMinor: 2999n, // 20% of 149.97 = 29.994 -> 29.99
      exactMinor: "14997",
      roundingMinor: "0",
    });
  });

  it("bills 7.5 hours at a fractional product and rounds half-up once", () => {
    // 7.5 h x 33.33 = 249.975 -> 249.98
    expect(computeLine(line("7.5", 3333n))).toEqual({
      amountMinor: 24998n,
      taxMinor: 0n,
      exactMinor: "24997.5",
      roundingMinor: "0.5",
    });
  });

  it("rounds a third of an hour and shows what rounding changed", () => {
    // 0.333333 h x 100.00 = 33.3333 -> 33.33
    expect(computeLine(line("0.333333", 10000n))).toEqual({
      amountMinor: 3333n,
      taxMinor: 0n,
      exactMinor: "3333.33",
      roundingMinor: "-0.33",
    });
  });

  it("rounds the tax half-up per line", () => {
    // 10% of 0.05 = 0.005 -> 0.01
    expect(computeLine(line("1", 5n, "10")).taxMinor).toBe(1n);
    // 10% of 0.04 = 0.004 -> 0.00
    expect(computeLine(line("1", 4n, "10")).taxMinor).toBe(0n);
  });

  it("applies a rate with three decimals (New York City 8.875%)", () => {
    // 8.875% of 200.00 = 17.75 exactly
    expect(computeLine(line("1", 20000n, "8.875")).taxMinor).toBe(1775n);
    // 8.875% of 123.45 = 10.9561875 -> 10.96
    expect(computeLine(line("1", 12345n, "8.875")).taxMinor).toBe(1096n);
  });

  it("works in a currency without decimals (JPY)", () => {
    // 2.5 x ¥1,333 = ¥3,332.5 -> ¥3,333; 10% = ¥333.3 -> ¥333
    expect(computeLine(line("2.5", 1333n, "10"))).toMatchObject({ amountMinor: 3333n, taxMinor: 333n });
  });

  it("works in a currency with three decimals (KWD)", () => {
    // 1.5 x 12.345 KWD = 18.5175 -> 18.518 KWD (18518 fils); 5% = 0.9259 -> 0.926 KWD
    expect(computeLine(line("1.5", 12345n, "5"))).toMatchObject({ amountMinor: 18518n, taxMinor: 926n });
  });

  it("rounds a negative (discount) line away from zero, mirroring a positive one", () => {
    // 0.5 x -0.05 = -0.025 -> -0.03
    expect(computeLine(line("0.5", -5n)).amountMinor).toBe(-3n);
  });
});

describe("computeInvoiceTotals", () => {
  it("is zero with no lines", () => {
    expect(computeInvoiceTotals([])).toEqual({ subtotalMinor: 0n, taxMinor: 0n, totalMinor: 0n, taxes: [] });
  });

  it("sums rounded lines, never re-rounding the total", () => {
    // Three lines of 1/3 hour at 100.00: each 33.33, so 99.99, not 100.00.
    const totals = computeInvoiceTotals([line("0.333333", 10000n), line("0.333333", 10000n), line("0.333333", 10000n)]);
    expect(totals.subtotalMinor).toBe(9999n);
    expect(totals.totalMinor).toBe(9999n);
  });

  it("groups tax per rate, sorted by rate, with the tax of each line rounded separately", () => {
    const totals = computeInvoiceTotals([
      line("1", 5n, "20"), // 0.05, tax 0.01
      line("1", 5n, "20.0000"), // the same rate as the database prints it
      line("2", 10000n, "8.875"), // 200.00, tax 17.75
      line("1", 5000n, "0"), // 50.00 untaxed
      line("1", 1000n, "5"), // 10.00, tax 0.50
    ]);
    expect(totals.taxes).toEqual([
      { ratePercent: "0", baseMinor: 5000n, taxMinor: 0n },
      { ratePercent: "5", baseMinor: 1000n, taxMinor: 50n },
      { ratePercent: "8.875", baseMinor: 20000n, taxMinor: 1775n },
      { ratePercent: "20", baseMinor: 10n, taxMinor: 2n },
    ]);
    expect(totals.subtotalMinor).toBe(26010n); // 260.10
    expect(totals.taxMinor).toBe(1827n); // 18.27
    expect(totals.totalMinor).toBe(27837n); // 278.37
  });

  it("keeps per-line tax rounding even where a rate-level sum would differ", () => {
    // Three lines of 0.05 at 10%: each tax 0.005 -> 0.01, so 0.03; 10% of 0.15 would be 0.02.
    const totals = computeInvoiceTotals([line("1", 5n, "10"), line("1", 5n, "10"), line("1", 5n, "10")]);
    expect(totals.taxMinor).toBe(3n);
    expect(totals.taxes).toEqual([{ ratePercent: "10", baseMinor: 15n, taxMinor: 3n }]);
  });

  it("orders rates by value, not as text", () => {
    const rates = computeInvoiceTotals([line("1", 100n, "100"), line("1", 100n, "9.5"), line("1", 100n, "10")]).taxes;
    expect(rates.map((group) => group.ratePercent)).toEqual(["9.5", "10", "100"]);
  });

  it("always equals the sum of its lines (any quantities, prices and rates)", () => {
    const quantity = fc
      .tuple(fc.integer({ min: 0, max: 100_000 }), fc.integer({ min: 0, max: 999_999 }))
      .map(([whole, fraction]) => `${whole}.${String(fraction).padStart(6, "0")}`);
    const rate = fc.constantFrom("0", "5", "7.5", "8.875", "20", "21");
    const lineArbitrary = fc.record({
      quantity,
      unitAmountMinor: fc.bigInt({ min: 0n, max: 10_000_000_00n }),
      taxRatePercent: rate,
    });
    fc.assert(
      fc.property(fc.array(lineArbitrary, { maxLength: 20 }), (lines) => {
        const totals = computeInvoiceTotals(lines);
        const computed = lines.map(computeLine);
        expect(totals.subtotalMinor).toBe(sumMinor(computed.map((each) => each.amountMinor)));
        expect(totals.taxMinor).toBe(sumMinor(computed.map((each) => each.taxMinor)));
        expect(totals.totalMinor).toBe(totals.subtotalMinor + totals.taxMinor);
        expect(sumMinor(totals.taxes.map((group) => group.baseMinor))).toBe(totals.subtotalMinor);
        expect(sumMinor(totals.taxes.map((group) => group.taxMinor))).toBe(totals.taxMinor);
      }),
    );
  });
});
