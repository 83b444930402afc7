import { describe, expect, it } from "vitest";
import { formatMinorAsDecimal, formatMoney, formatPercent, formatQuantity } from "./format";

// ICU separates the amount from a trailing symbol with a non-breaking space (U+00A0), and fr-FR
// groups with a narrow non-breaking space (U+202F); a plain space here would be a different string.
const NBSP = "\u00a0";
const NNBSP = "\u202f";

describe("formatMoney", () => {
  it("formats each currency with its own number of decimals", () => {
    expect(formatMoney(123450n, "USD")).toBe("$1,234.50"); // 1,234.50 USD
    expect(formatMoney(1234n, "JPY")).toBe("¥1,234"); // 1,234 JPY
    expect(formatMoney(1234567n, "KWD")).toBe(`KWD${NBSP}1,234.567`); // 1,234.567 KWD
    expect(formatMoney(5n, "EUR")).toBe("€0.05"); // 0.05 EUR
    expect(formatMoney(0n, "GBP")).toBe("£0.00"); // 0.00 GBP
  });

  it("shows the ISO minor unit even where CLDR would hide it", () => {
    // CLDR formats these with no decimals by default, which would print 1,235 for 1,234.56.
    expect(formatMoney(123456n, "HUF")).toBe(`HUF${NBSP}1,234.56`); // 1,234.56 HUF
    expect(formatMoney(123456n, "IDR")).toBe(`IDR${NBSP}1,234.56`); // 1,234.56 IDR
    expect(formatMoney(1234567n, "IQD")).toBe(`IQD${NBSP}1,234.567`); // 1,234.567 IQD
    expect(formatMoney(123400n, "HUF")).toBe(`HUF${NBSP}1,234.00`); // 1,234.00 HUF
    expect(formatMoney(1000n, "IQD")).toBe(`IQD${NBSP}1.000`); // 1.000 IQD
  });

  describe("per locale", () => {
    const amount = 123456750n; // 1,234,567.50 in a two-decimal currency
    const yen = 1234567n; // 1,234,567 JPY

    it("en-US", () => {
      expect(formatMoney(amount, "EUR", { locale: "en-US" })).toBe("€1,234,567.50");
      expect(formatMoney(amount, "GBP", { locale: "en-US" })).toBe("£1,234,567.50");
      expect(formatMoney(yen, "JPY", { locale: "en-US" })).toBe("¥1,234,567");
      expect(formatMoney(amount, "INR", { locale: "en-US" })).toBe("₹1,234,567.50");
    });

    it("de-DE puts the symbol after a non-breaking space and swaps the separators", () => {
      expect(formatMoney(amount, "EUR", { locale: "de-DE" })).toBe(`1.234.567,50${NBSP}€`);
      expect(formatMoney(amount, "GBP", { locale: "de-DE" })).toBe(`1.234.567,50${NBSP}£`);
      expect(formatMoney(yen, "JPY", { locale: "de-DE" })).toBe(`1.234.567${NBSP}¥`);
      expect(formatMoney(amount, "INR", { locale: "de-DE" })).toBe(`1.234.567,50${NBSP}₹`);
    });

    it("en-IN groups in lakhs and crores", () => {
      expect(formatMoney(amount, "INR", { locale: "en-IN" })).toBe("₹12,34,567.50");
      expect(formatMoney(amount, "EUR", { locale: "en-IN" })).toBe("€12,34,567.50");
      expect(formatMoney(amount, "GBP", { locale: "en-IN" })).toBe("£12,34,567.50");
      expect(formatMoney(yen, "JPY", { locale: "en-IN" })).toBe("JP¥12,34,567");
      expect(formatMoney(1000000000n, "INR", { locale: "en-IN" })).toBe("₹1,00,00,000.00"); // 1 crore INR
    });

    it("ja-JP uses the full-width yen sign", () => {
      expect(formatMoney(yen, "JPY", { locale: "ja-JP" })).toBe("\uffe51,234,567");
      expect(formatMoney(amount, "EUR", { locale: "ja-JP" })).toBe("€1,234,567.50");
      expect(formatMoney(amount, "GBP", { locale: "ja-JP" })).toBe("£1,234,567.50");
      expect(formatMoney(amount, "INR", { locale: "ja-JP" })).toBe("₹1,234,567.50");
    });

    it("fr-FR groups with a narrow non-breaking space", () => {
      expect(formatMoney(amount, "EUR", { locale: "fr-FR" })).toBe(`1${NNBSP}234${NNBSP}567,50${NBSP}€`);
    });
  });

  it("formats amounts beyond 2^53 exactly", () => {
    // 2^53 + 1 cents; as a float this prints $90,071,992,547,409.92
    expect(formatMoney(9007199254740993n, "USD")).toBe("$90,071,992,547,409.93");
    // 2^63 - 1, the largest PostgreSQL BIGINT, in KWD fils
    expect(formatMoney(9223372036854775807n, "KWD")).toBe(`KWD${NBSP}9,223,372,036,854,775.807`);
    expect(formatMoney(-9223372036854775807n, "JPY")).toBe("-¥9,223,372,036,854,775,807");
  });

  describe("signs", () => {
    it("shows negatives with a minus by default", () => {
      expect(formatMoney(-123450n, "USD")).toBe("-$1,234.50"); // -1,234.50 USD
      expect(formatMoney(-1n, "USD")).toBe("-$0.01"); // -0.01 USD
      expect(formatMoney(-5n, "JPY", { locale: "de-DE" })).toBe(`-5${NBSP}¥`); // -5 JPY
    });

    it("honours signDisplay and the accounting style", () => {
      expect(formatMoney(123450n, "USD", { signDisplay: "always" })).toBe("+$1,234.50");
      expect(formatMoney(0n, "USD", { signDisplay: "exceptZero" })).toBe("$0.00");
      expect(formatMoney(-123450n, "USD", { signDisplay: "never" })).toBe("$1,234.50");
      expect(formatMoney(-123450n, "USD", { currencySign: "accounting" })).toBe("($1,234.50)");
    });

    it("honours currencyDisplay", () => {
      expect(formatMoney(123450n, "USD", { currencyDisplay: "code" })).toBe(`USD${NBSP}1,234.50`);
      expect(formatMoney(100n, "EUR", { currencyDisplay: "name" })).toBe("1.00 euros");
    });
  });

  it("does not reuse a formatter built for other options", () => {
    expect(formatMoney(100n, "USD", { locale: "de-DE" })).toBe(`1,00${NBSP}$`);
    expect(formatMoney(100n, "USD")).toBe("$1.00");
    expect(formatMoney(100n, "EUR")).toBe("€1.00");
  });
});

describe("formatMinorAsDecimal", () => {
  it.each([
    [123450n, "EUR", "1234.50"], // 1,234.50 EUR
    [5n, "EUR", "0.05"], // 0.05 EUR
    [-5n, "EUR", "-0.05"], // -0.05 EUR
    [0n, "EUR", "0.00"], // 0.00 EUR
    [1234n, "JPY", "1234"], // 1,234 JPY
    [-1234n, "JPY", "-1234"], // -1,234 JPY
    [1n, "KWD", "0.001"], // 0.001 KWD
    [1234567n, "KWD", "1234.567"], // 1,234.567 KWD
    [9007199254740993n, "USD", "90071992547409.93"], // 90,071,992,547,409.93 USD
  ] as const)("formats %s %s as %j", (amount, currency, expected) => {
    expect(formatMinorAsDecimal(amount, currency)).toBe(expected);
  });

  it("writes a decimal comma when asked", () => {
    expect(formatMinorAsDecimal(123450n, "EUR", { decimalSeparator: "," })).toBe("1234,50"); // 1,234.50 EUR
  });
});

describe("formatQuantity", () => {
  it("shows every decimal the quantity has, grouped per locale", () => {
    expect(formatQuantity("1.333333")).toBe("1.333333");
    expect(formatQuantity("1500")).toBe("1,500");
    expect(formatQuantity("1500.25", "de-DE")).toBe("1.500,25");
    expect(formatQuantity("1234567.5", "en-IN")).toBe("12,34,567.5");
    expect(formatQuantity("0.000001")).toBe("0.000001");
  });

  it("keeps digits a float would lose", () => {
    expect(formatQuantity("123456789012.123456")).toBe("123,456,789,012.123456");
  });

  it.each(["1e3", "abc", "", "1,5", "0x10"])("refuses %j, which is not a plain decimal", (q) => {
    expect(() => formatQuantity(q)).toThrow(RangeError);
  });
});

describe("formatPercent", () => {
  it("formats a rate given in percent", () => {
    expect(formatPercent("8.875")).toBe("8.875%");
    expect(formatPercent("20")).toBe("20%");
    expect(formatPercent("0")).toBe("0%");
    expect(formatPercent("100")).toBe("100%");
    expect(formatPercent("19", "de-DE")).toBe(`19${NBSP}%`);
    expect(formatPercent("7.5", "de-DE")).toBe(`7,5${NBSP}%`);
  });

  it("refuses text that is not a plain decimal", () => {
    expect(() => formatPercent("20%")).toThrow(RangeError);
  });
});
