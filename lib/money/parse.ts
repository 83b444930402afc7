// Turns what a finance user types into a form (amounts, quantities, tax rates) into exact values:
// integer minor units for money, canonical decimal text for quantities and percentages.
import { currencyExponent } from "./currencies";
import { canonicalDecimal, isZero, readDecimal, type DecimalParts, type DecimalSeparator } from "./decimal-text";

export type { DecimalSeparator };

type ParseFailure = { ok: false; error: string };

export type ParseMoneyOptions = {
  /** Credits and adjustments may be negative; prices and payments may not. Default false. */
  allowNegative?: boolean;
  /** Default false: a zero payment or top-up is almost always a slip. */
  allowZero?: boolean;
  /** "." reads "1,234.50"; "," reads "1.234,50". Default ".". */
  decimalSeparator?: DecimalSeparator;
};

export type ParseMoneyResult = { ok: true; minor: bigint } | ParseFailure;

export type ParseQuantityOptions = {
  /** Default 6, enough for per-second usage and 1/3 hour as 0.333333. */
  maxDecimals?: number;
  allowZero?: boolean;
  decimalSeparator?: DecimalSeparator;
};

export type ParseQuantityResult = { ok: true; quantity: string } | ParseFailure;

export type ParsePercentOptions = { decimalSeparator?: DecimalSeparator };

export type ParsePercentResult = { ok: true; percent: string } | ParseFailure;

// Below 10^15 major units every amount fits a PostgreSQL BIGINT in minor units even with three
// decimals (10^18 < 2^63), and no real invoice comes near it.
const MAX_AMOUNT_INTEGER_DIGITS = 15;
// Keeps unit price x quantity well inside the precision arithmetic.ts works with.
const MAX_QUANTITY_INTEGER_DIGITS = 12;
const DEFAULT_QUANTITY_DECIMALS = 6;
const PERCENT_DECIMALS = 4;

const fail = (error: string): ParseFailure => ({ ok: false, error });

const decimalsLabel = (count: number): string => `${count} decimal${count === 1 ? "" : "s"}`;

const amountExample = (exponent: number, decimalSeparator: DecimalSeparator): string => {
  const group = decimalSeparator === "." ? "," : ".";
  const fraction = exponent === 0 ? "" : `${decimalSeparator}${"50".padEnd(exponent, "0")}`;
  return `1${group}234${fraction}`;
};

export const parseMoney = (input: string, currency: string, options: ParseMoneyOptions = {}): ParseMoneyResult => {
  const { allowNegative = false, allowZero = false, decimalSeparator = "." } = options;
  const exponent = currencyExponent(currency);
  if (input.trim() === "") return fail("Enter an amount");

  const parts = readDecimal(input, { decimalSeparator, allowGrouping: true });
  if (!parts) return fail(`Enter an amount like ${amountExample(exponent, decimalSeparator)}`);

  // Trailing zeros are already dropped, so "1234.00" JPY is accepted: no value is lost.
  if (parts.fractionDigits.length > exponent) {
    return fail(
      exponent === 0
        ? `${currency} amounts have no decimals`
        : `${currency} amounts have at most ${decimalsLabel(exponent)}`,
    );
  }
  if (isZero(parts)) {
    if (allowZero) return { ok: true, minor: 0n };
    return fail(allowNegative ? "Amount cannot be zero" : "Amount must be greater than zero");
  }
  if (parts.negative && !allowNegative) return fail("Amount cannot be negative");
  if (parts.integerDigits.length > MAX_AMOUNT_INTEGER_DIGITS) return fail("Amount is too large");

  const magnitude = BigInt(`${parts.integerDigits}${parts.fractionDigits.padEnd(exponent, "0")}`);
  return { ok: true, minor: parts.negative ? -magnitude : magnitude };
};

export const parseQuantity = (input: string, options: ParseQuantityOptions = {}): ParseQuantityResult => {
  const { maxDecimals = DEFAULT_QUANTITY_DECIMALS, allowZero = false, decimalSeparator = "." } = options;
  if (!Number.isInteger(maxDecimals) || maxDecimals < 0 || maxDecimals > 18) {
    throw new RangeError(`maxDecimals must be a whole number from 0 to 18, got ${maxDecimals}`);
  }
  if (input.trim() === "") return fail("Enter a quantity");

  const parts = readDecimal(input, { decimalSeparator, allowGrouping: true });
  if (!parts) {
    const example = maxDecimals === 0 ? "1" : `1${decimalSeparator}5`;
    return fail(`Enter a quantity like ${example}`);
  }
  if (parts.fractionDigits.length > maxDecimals) {
    return fail(
      maxDecimals === 0 ? "Quantity must be a whole number" : `Quantities have at most ${decimalsLabel(maxDecimals)}`,
    );
  }
  if (isZero(parts)) {
    return allowZero ? { ok: true, quantity: "0" } : fail("Quantity must be greater than zero");
  }
  if (parts.negative) return fail("Quantity cannot be negative");
  if (parts.integerDigits.length > MAX_QUANTITY_INTEGER_DIGITS) {
    return fail("Quantity is too large");
  }
  return { ok: true, quantity: canonicalDecimal(parts) };
};

const isAboveHundred = (parts: DecimalParts): boolean => {
  if (parts.integerDigits.length !== 3) return parts.integerDigits.length > 3;
  return parts.integerDigits !== "100" || parts.fractionDigits !== "";
};

/** A tax or discount rate as typed ("20", "7.5", "8.875 %"), returned as canonical text. */
export const parsePercent = (input: string, options: ParsePercentOptions = {}): ParsePercentResult => {
  const { decimalSeparator = "." } = options;
  // A trailing percent sign is what people write; it changes nothing.
  const text = input.trim().replace(/\s*[%\uFF05]$/, "");
  if (text === "") return fail("Enter a percentage");

  // No grouping: no rate reaches 1,000, and "7,5" typed with "." expected should be refused.
  const parts = readDecimal(text, { decimalSeparator, allowGrouping: false });
  if (!parts) return fail(`Enter a percentage like 7${decimalSeparator}5`);
  if (parts.fractionDigits.length > PERCENT_DECIMALS) {
    return fail(`Percentages have at most ${decimalsLabel(PERCENT_DECIMALS)}`);
  }
  if ((parts.negative && !isZero(parts)) || isAboveHundred(parts)) {
    return fail("Percentage must be between 0 and 100");
  }
  return { ok: true, percent: canonicalDecimal({ ...parts, negative: false }) };
};
