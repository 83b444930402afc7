// Turns exact values back into text: minor units into "€1,234.50" for people and "1234.50" for
// form inputs, quantities and rates per locale. Intl receives decimal strings, never floats.
import { currencyExponent } from "./currencies";
import { minorToDecimalText, PLAIN_DECIMAL, type DecimalSeparator } from "./decimal-text";

export type FormatMoneyOptions = {
  /** Default "en-US": a fixed default keeps server and browser output identical. */
  locale?: string;
  signDisplay?: NonNullable<Intl.NumberFormatOptions["signDisplay"]>;
  currencyDisplay?: NonNullable<Intl.NumberFormatOptions["currencyDisplay"]>;
  /** "accounting" shows negatives as ($1,234.50) where the locale does so. */
  currencySign?: NonNullable<Intl.NumberFormatOptions["currencySign"]>;
};

const DEFAULT_LOCALE = "en-US";
// Node 20's Intl refuses more fraction digits than this.
const MAX_INTL_FRACTION_DIGITS = 20;

// Building an Intl.NumberFormat costs far more than formatting with one; tables format thousands.
const formatters = new Map<string, Intl.NumberFormat>();
const formatter = (locale: string, options: Intl.NumberFormatOptions): Intl.NumberFormat => {
  const key = `${locale}|${JSON.stringify(options)}`;
  const cached = formatters.get(key);
  if (cached) return cached;
  const created = new Intl.NumberFormat(locale, options);
  formatters.set(key, created);
  return created;
};

// Intl reads decimal strings as exact mathematical values (ECMA-402 ToIntlMathematicalValue), so
// amounts beyond 2^53 keep every digit. The cast is needed because TypeScript types the accepted
// strings as `${number}`, which a computed string cannot be shown to satisfy.
const exactly = (text: string): Intl.StringNumericLiteral => text as Intl.StringNumericLiteral;

const assertPlainDecimal = (value: string, what: string): void => {
  if (!PLAIN_DECIMAL.test(value)) throw new RangeError(`Not a plain decimal ${what}: "${value}"`);
};

const fractionLength = (value: string): number => value.split(".")[1]?.length ?? 0;

export const formatMoney = (minor: bigint, currency: string, options: FormatMoneyOptions = {}): string => {
  const { locale = DEFAULT_LOCALE, ...display } = options;
  const exponent = currencyExponent(currency);
  // Always the ISO exponent: CLDR would show HUF, IDR, COP and IQD with no decimals by default and
  // so hide minor units that are really on the invoice.
  return formatter(locale, {
    style: "currency",
    currency,
    minimumFractionDigits: exponent,
    maximumFractionDigits: exponent,
    ...display,
  }).format(exactly(minorToDecimalText(minor, exponent)));
};

/** 123450n EUR -> "1234.50": no grouping and no symbol, the value a form input is filled with. */
export const formatMinorAsDecimal = (
  minor: bigint,
  currency: string,
  options: { decimalSeparator?: DecimalSeparator } = {},
): string => {
  const text = minorToDecimalText(minor, currencyExponent(currency));
  return options.decimalSeparator === "," ? text.replace(".", ",") : text;
};

/** A canonical quantity ("1.333333") shown with every decimal it has, grouped per locale. */
export const formatQuantity = (quantity: string, locale: string = DEFAULT_LOCALE): string => {
  assertPlainDecimal(quantity, "quantity");
  const decimals = fractionLength(quantity);
  if (decimals > MAX_INTL_FRACTION_DIGITS) {
    throw new RangeError(`Quantity has more than ${MAX_INTL_FRACTION_DIGITS} decimals`);
  }
  return formatter(locale, { maximumFractionDigits: decimals }).format(exactly(quantity));
};

/** A rate in percent as parsePercent returns it ("8.875") -> "8.875%" per locale. */
export const formatPercent = (percent: string, locale: string = DEFAULT_LOCALE): string => {
  assertPlainDecimal(percent, "percentage");
  const decimals = fractionLength(percent);
  if (decimals > MAX_INTL_FRACTION_DIGITS) {
    throw new RangeError(`Percentage has more than ${MAX_INTL_FRACTION_DIGITS} decimals`);
  }
  // Style "percent" multiplies by 100; the exponent form divides first without any float.
  return formatter(locale, { style: "percent", maximumFractionDigits: decimals }).format(exactly(`${percent}e-2`));
};
