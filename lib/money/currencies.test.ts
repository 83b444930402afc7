import { describe, expect, it } from "vitest";
import { SUPPORTED_CURRENCIES, currencyExponent, isSupportedCurrency, type CurrencyCode } from "./currencies";

const ZERO_DECIMAL = [
  "JPY",
  "KRW",
  "VND",
  "CLP",
  "ISK",
  "UGX",
  "XAF",
  "XOF",
  "XPF",
  "PYG",
  "RWF",
  "KMF",
  "GNF",
  "DJF",
  "BIF",
  "VUV",
] as const;
const THREE_DECIMAL = ["BHD", "IQD", "JOD", "KWD", "LYD", "OMR", "TND"] as const;
const COMMON_TWO_DECIMAL = [
  "USD",
  "EUR",
  "GBP",
  "INR",
  "SGD",
  "AUD",
  "CAD",
  "CHF",
  "CNY",
  "HKD",
  "NZD",
  "SEK",
  "NOK",
  "DKK",
  "PLN",
  "CZK",
  "HUF",
  "BRL",
  "MXN",
  "ZAR",
  "AED",
  "SAR",
  "IDR",
  "MYR",
  "THB",
  "PHP",
  "TRY",
  "ILS",
  "COP",
] as const;

describe("currencyExponent", () => {
  it.each(ZERO_DECIMAL)("%s has no minor unit digits", (code) => {
    expect(currencyExponent(code)).toBe(0);
  });

  it.each(THREE_DECIMAL)("%s has three minor unit digits", (code) => {
    expect(currencyExponent(code)).toBe(3);
  });

  it.each(COMMON_TWO_DECIMAL)("%s has two minor unit digits", (code) => {
    expect(currencyExponent(code)).toBe(2);
  });

  it("refuses a code that only pretends to be supported", () => {
    expect(() => currencyExponent("XXX" as CurrencyCode)).toThrow(RangeError);
    expect(() => currencyExponent("usd" as CurrencyCode)).toThrow("Unsupported currency: usd");
  });
});

describe("SUPPORTED_CURRENCIES", () => {
  it("lists every currency the app promises, each exactly once", () => {
    for (const code of [...ZERO_DECIMAL, ...THREE_DECIMAL, ...COMMON_TWO_DECIMAL]) {
      expect(SUPPORTED_CURRENCIES).toContain(code);
    }
    expect(new Set(SUPPORTED_CURRENCIES).size).toBe(SUPPORTED_CURRENCIES.length);
  });

  it("holds only codes the runtime's ISO 4217 data knows, so Intl can format each", () => {
    const known = new Set(Intl.supportedValuesOf("currency"));
    expect(SUPPORTED_CURRENCIES.filter((code) => !known.has(code))).toEqual([]);
  });

  it("cannot be changed at run time", () => {
    expect(Object.isFrozen(SUPPORTED_CURRENCIES)).toBe(true);
  });
});

describe("isSupportedCurrency", () => {
  it("accepts supported codes", () => {
    expect(isSupportedCurrency("EUR")).toBe(true);
    expect(isSupportedCurrency("KWD")).toBe(true);
  });

  it.each(["usd", "Eur", "XYZ", "", " USD", "toString", "constructor", "__proto__"])("refuses %j", (code) => {
    expect(isSupportedCurrency(code)).toBe(false);
  });
});
