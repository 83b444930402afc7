import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { SUPPORTED_CURRENCIES } from "./currencies";
import { formatMinorAsDecimal } from "./format";
import { parseMoney, parsePercent, parseQuantity } from "./parse";

const minor = (value: bigint) => ({ ok: true, minor: value });
const error = (message: string) => ({ ok: false, error: message });

describe("parseMoney", () => {
  it.each([
    ["1234.5", 123450n], // 1,234.50 EUR
    ["1,234.50", 123450n], // 1,234.50 EUR
    ["1234", 123400n], // 1,234.00 EUR
    [".5", 50n], // 0.50 EUR
    ["0.50", 50n], // 0.50 EUR
    ["0.01", 1n], // 0.01 EUR
    ["  42.10 \t", 4210n], // 42.10 EUR
    ["\u00a012.00\u00a0", 1200n], // 12.00 EUR, non-breaking spaces pasted from a formatted page
    ["7.", 700n], // 7.00 EUR
    ["+3.25", 325n], // 3.25 EUR
    ["1,234,567.89", 123456789n], // 1,234,567.89 EUR
    ["0001234.50", 123450n], // 1,234.50 EUR
    ["12.500", 1250n], // 12.50 EUR: the extra digit is a zero, so nothing is lost
    ["１２３４．５", 123450n], // 1,234.50 EUR typed with a Japanese input method
  ])("reads %j as EUR minor units", (input, expected) => {
    expect(parseMoney(input, "EUR")).toEqual(minor(expected));
  });

  it("reads JPY, which has no minor unit, one yen per unit", () => {
    expect(parseMoney("1,234", "JPY")).toEqual(minor(1234n)); // 1,234 JPY
    expect(parseMoney("1234.00", "JPY")).toEqual(minor(1234n)); // 1,234 JPY
  });

  it("reads KWD with three decimals", () => {
    expect(parseMoney("1,234.567", "KWD")).toEqual(minor(1234567n)); // 1,234.567 KWD
    expect(parseMoney("0.5", "KWD")).toEqual(minor(500n)); // 0.500 KWD
    expect(parseMoney("2.675", "KWD")).toEqual(minor(2675n)); // 2.675 KWD: 2.675 * 1000 is 2674.99.. as a float
  });

  it("reads amounts that are not exact as floats without drift", () => {
    expect(parseMoney("1.15", "USD")).toEqual(minor(115n)); // 1.15 USD: 1.15 * 100 = 114.99999999999999
    expect(parseMoney("4.35", "USD")).toEqual(minor(435n)); // 4.35 USD: 4.35 * 100 = 434.99999999999994
    expect(parseMoney("0.29", "USD")).toEqual(minor(29n)); // 0.29 USD: 0.29 * 100 = 28.999999999999996
  });

  it("reads amounts beyond 2^53 minor units exactly", () => {
    // 90,071,992,547,409.93 USD = 2^53 + 1 cents, which a float would turn into ...409.92
    expect(parseMoney("90,071,992,547,409.93", "USD")).toEqual(minor(9007199254740993n));
    // 999,999,999,999,999.999 KWD, the largest accepted amount in a three-decimal currency
    expect(parseMoney("999999999999999.999", "KWD")).toEqual(minor(999999999999999999n));
  });

  describe("with a decimal comma", () => {
    const comma = { decimalSeparator: "," } as const;

    it.each([
      ["1.234,50", 123450n], // 1.234,50 EUR
      ["1234,5", 123450n], // 1.234,50 EUR
      [",5", 50n], // 0,50 EUR
      ["1.234.567,89", 123456789n], // 1.234.567,89 EUR
    ])("reads %j", (input, expected) => {
      expect(parseMoney(input, "EUR", comma)).toEqual(minor(expected));
    });

    it("refuses the other convention instead of misreading it", () => {
      expect(parseMoney("1,234.50", "EUR", comma)).toEqual(error("Enter an amount like 1.234,50"));
      expect(parseMoney("1.23", "EUR", comma)).toEqual(error("Enter an amount like 1.234,50"));
    });
  });

  it.each(["", "   ", "\t\n"])("asks for an amount when given %j", (input) => {
    expect(parseMoney(input, "EUR")).toEqual(error("Enter an amount"));
  });

  it.each([
    "abc",
    "12abc",
    "$12.00",
    "€12",
    "12 EUR",
    "1 234.50",
    "1,23,4.00",
    "1,23",
    "1234,567.00",
    "12,3456",
    ",123",
    "0,500", // a European 0.5, not 500
    "1.2.3",
    "1..2",
    ".",
    "-",
    "--5",
    "- 5",
    "1e3",
    "0x10",
    "Infinity",
    "NaN",
    "(12.00)",
  ])("refuses malformed %j", (input) => {
    expect(parseMoney(input, "EUR")).toEqual(error("Enter an amount like 1,234.50"));
  });

  it("shows an example that fits the currency", () => {
    expect(parseMoney("abc", "JPY")).toEqual(error("Enter an amount like 1,234"));
    expect(parseMoney("abc", "KWD")).toEqual(error("Enter an amount like 1,234.500"));
    expect(parseMoney("abc", "JPY", { decimalSeparator: "," })).toEqual(error("Enter an amount like 1.234"));
  });

  it("names the currency when there are too many decimals", () => {
    expect(parseMoney("1.005", "EUR")).toEqual(error("EUR amounts have at most 2 decimals"));
    expect(parseMoney("2.675", "USD")).toEqual(error("USD amounts have at most 2 decimals"));
    expect(parseMoney("1234.5", "JPY")).toEqual(error("JPY amounts have no decimals"));
    expect(parseMoney("0.0001", "KWD")).toEqual(error("KWD amounts have at most 3 decimals"));
  });

  describe("sign and zero", () => {
    it("refuses negatives unless allowed", () => {
      expect(parseMoney("-5.00", "EUR")).toEqual(error("Amount cannot be negative"));
      expect(parseMoney("-5.00", "EUR", { allowNegative: true })).toEqual(minor(-500n)); // -5.00 EUR
      expect(parseMoney("-1,234.5", "EUR", { allowNegative: true })).toEqual(minor(-123450n)); // -1,234.50 EUR
      expect(parseMoney("\u22125", "JPY", { allowNegative: true })).toEqual(minor(-5n)); // -5 JPY, Unicode minus
      expect(parseMoney("-0.001", "KWD", { allowNegative: true })).toEqual(minor(-1n)); // -0.001 KWD
    });

    it("refuses zero unless allowed", () => {
      expect(parseMoney("0", "EUR")).toEqual(error("Amount must be greater than zero"));
      expect(parseMoney("0.00", "EUR")).toEqual(error("Amount must be greater than zero"));
      expect(parseMoney("0", "EUR", { allowNegative: true })).toEqual(error("Amount cannot be zero"));
      expect(parseMoney("0.00", "EUR", { allowZero: true })).toEqual(minor(0n));
    });

    it("treats minus zero as zero, not as a negative amount", () => {
      expect(parseMoney("-0", "EUR")).toEqual(error("Amount must be greater than zero"));
      expect(parseMoney("-0.00", "EUR", { allowZero: true })).toEqual(minor(0n));
    });
  });

  it("refuses amounts of 10^15 major units or more", () => {
    expect(parseMoney("999,999,999,999,999.99", "EUR")).toEqual(minor(99999999999999999n)); // 999,999,999,999,999.99 EUR
    expect(parseMoney("1,000,000,000,000,000", "EUR")).toEqual(error("Amount is too large"));
    expect(parseMoney("1000000000000000", "JPY")).toEqual(error("Amount is too large"));
    expect(parseMoney("-1000000000000000", "EUR", { allowNegative: true })).toEqual(error("Amount is too large"));
    expect(parseMoney("9".repeat(400), "EUR")).toEqual(error("Amount is too large"));
  });
});

describe("parseMoney and formatMinorAsDecimal", () => {
  it("give back the same minor units for any accepted amount in any currency and either separator", () => {
    fc.assert(
      fc.property(
        fc.bigInt({ min: -(10n ** 15n) + 1n, max: 10n ** 15n - 1n }),
        fc.constantFrom(...SUPPORTED_CURRENCIES),
        fc.constantFrom(".", ","),
        (amount, currency, decimalSeparator: "." | ",") => {
          const text = formatMinorAsDecimal(amount, currency, { decimalSeparator });
          const options = { allowNegative: true, allowZero: true, decimalSeparator };
          expect(parseMoney(text, currency, options)).toEqual({ ok: true, minor: amount });
        },
      ),
    );
  });
});

describe("parseQuantity", () => {
  it.each([
    ["1.5", "1.5"],
    ["0.333333", "0.333333"],
    ["  2 ", "2"],
    ["1,500", "1500"],
    ["007.2500", "7.25"],
    [".25", "0.25"],
    ["1000000", "1000000"],
  ])("reads %j as %j", (input, expected) => {
    expect(parseQuantity(input)).toEqual({ ok: true, quantity: expected });
  });

  it("reads a decimal comma", () => {
    expect(parseQuantity("1.500,75", { decimalSeparator: "," })).toEqual({
      ok: true,
      quantity: "1500.75",
    });
  });

  it("refuses more than six decimals by default, with the limit in the message", () => {
    expect(parseQuantity("0.3333333")).toEqual(error("Quantities have at most 6 decimals"));
    expect(parseQuantity("0.33", { maxDecimals: 1 })).toEqual(error("Quantities have at most 1 decimal"));
    expect(parseQuantity("2.5", { maxDecimals: 0 })).toEqual(error("Quantity must be a whole number"));
    expect(parseQuantity("0.123456789", { maxDecimals: 9 })).toEqual({
      ok: true,
      quantity: "0.123456789",
    });
  });

  it("explains empty, malformed, negative, zero and oversized quantities", () => {
    expect(parseQuantity(" ")).toEqual(error("Enter a quantity"));
    expect(parseQuantity("2 hours")).toEqual(error("Enter a quantity like 1.5"));
    expect(parseQuantity("1/3")).toEqual(error("Enter a quantity like 1.5"));
    expect(parseQuantity("abc", { decimalSeparator: "," })).toEqual(error("Enter a quantity like 1,5"));
    expect(parseQuantity("-1")).toEqual(error("Quantity cannot be negative"));
    expect(parseQuantity("0")).toEqual(error("Quantity must be greater than zero"));
    expect(parseQuantity("0.000")).toEqual(error("Quantity must be greater than zero"));
    expect(parseQuantity("1000000000000")).toEqual(error("Quantity is too large"));
  });

  it("accepts zero when allowed", () => {
    expect(parseQuantity("0.0", { allowZero: true })).toEqual({ ok: true, quantity: "0" });
    expect(parseQuantity("-0", { allowZero: true })).toEqual({ ok: true, quantity: "0" });
  });

  it("refuses a decimal limit that is not a small whole number", () => {
    expect(() => parseQuantity("1", { maxDecimals: 1.5 })).toThrow(RangeError);
    expect(() => parseQuantity("1", { maxDecimals: -1 })).toThrow(RangeError);
  });
});

describe("parsePercent", () => {
  it.each([
    ["20", "20"],
    ["7.5", "7.5"],
    ["8.875", "8.875"],
    ["8.8750", "8.875"],
    ["12.3456", "12.3456"],
    ["0", "0"],
    ["-0", "0"],
    ["100", "100"],
    ["100.00", "100"],
    ["20%", "20"],
    [" 19 % ", "19"],
    ["0.5", "0.5"],
  ])("reads %j as %j", (input, expected) => {
    expect(parsePercent(input)).toEqual({ ok: true, percent: expected });
  });

  it("reads a decimal comma", () => {
    expect(parsePercent("7,5 %", { decimalSeparator: "," })).toEqual({ ok: true, percent: "7.5" });
  });

  it("explains what is wrong", () => {
    expect(parsePercent("")).toEqual(error("Enter a percentage"));
    expect(parsePercent("%")).toEqual(error("Enter a percentage"));
    expect(parsePercent("seven")).toEqual(error("Enter a percentage like 7.5"));
    expect(parsePercent("7,5")).toEqual(error("Enter a percentage like 7.5"));
    expect(parsePercent("7.5", { decimalSeparator: "," })).toEqual(error("Enter a percentage like 7,5"));
    expect(parsePercent("12.34567")).toEqual(error("Percentages have at most 4 decimals"));
  });

  it.each(["100.0001", "101", "1000", "-0.5", "-20"])("refuses %j as out of range", (input) => {
    expect(parsePercent(input)).toEqual(error("Percentage must be between 0 and 100"));
  });
});
