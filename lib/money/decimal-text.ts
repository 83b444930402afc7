// Reading and writing plain decimal text ("1,234.50", "-0.005") digit by digit, so amounts never
// pass through a float. Internal to lib/money: the rest of the app uses parse.ts and format.ts.

export type DecimalSeparator = "." | ",";

export type DecimalParts = {
  negative: boolean;
  /** Digits before the separator, grouping removed, leading zeros removed ("" for zero). */
  integerDigits: string;
  /** Digits after the separator, trailing zeros removed ("" for none). */
  fractionDigits: string;
};

// Japanese and Chinese input methods type full-width digits and punctuation; they mean the same
// number. Only these forms are mapped: a broad NFKC pass would turn "10²" into "102".
const FULL_WIDTH = /[\uFF0B\uFF0C\uFF0D\uFF0E\uFF10-\uFF19]/g;
const toAscii = (text: string): string =>
  text.replace(FULL_WIDTH, (char) => String.fromCharCode(char.charCodeAt(0) - 0xfee0));

const patternCache = new Map<string, RegExp>();

const decimalPattern = (decimalSeparator: DecimalSeparator, allowGrouping: boolean): RegExp => {
  const key = `${decimalSeparator}${allowGrouping}`;
  const cached = patternCache.get(key);
  if (cached) return cached;
  const decimal = decimalSeparator === "." ? "\\." : ",";
  const group = decimalSeparator === "." ? "," : "\\.";
  // Groups are exactly three digits after a first group of one to three, so "1,23,4.00" and
  // "1234,567" are refused rather than guessed at. U+2212 is the minus sign some locales print.
  const integer = allowGrouping ? `(\\d{1,3}(?:${group}\\d{3})+|\\d*)` : "(\\d*)";
  const pattern = new RegExp(`^([+\\-\\u2212]?)${integer}(?:${decimal}(\\d*))?$`);
  patternCache.set(key, pattern);
  return pattern;
};

/**
 * Splits user-typed decimal text into sign and digits, or returns null when it is not a number
 * written with the given separators. Surrounding whitespace is ignored; anything else (letters,
 * currency symbols, spaces inside, exponents) is refused.
 */
export const readDecimal = (
  input: string,
  options: { decimalSeparator: DecimalSeparator; allowGrouping: boolean },
): DecimalParts | null => {
  const text = toAscii(input.trim());
  const match = decimalPattern(options.decimalSeparator, options.allowGrouping).exec(text);
  if (!match) return null;
  const [, sign = "", integerText = "", fractionText = ""] = match;
  if (integerText === "" && fractionText === "") return null;
  const grouped = /[.,]/.test(integerText);
  // "0,500" with "." as the decimal separator is far more likely a European 0.5 than 500.
  if (grouped && integerText.startsWith("0")) return null;
  return {
    negative: sign !== "" && sign !== "+",
    integerDigits: integerText.replace(/\D/g, "").replace(/^0+/, ""),
    fractionDigits: fractionText.replace(/0+$/, ""),
  };
};

export const isZero = (parts: DecimalParts): boolean => parts.integerDigits === "" && parts.fractionDigits === "";

/** Canonical text for storage and decimal.js: "-1234.5", "0.25", "0"; never "-0". */
export const canonicalDecimal = (parts: DecimalParts): string => {
  if (isZero(parts)) return "0";
  const integer = parts.integerDigits === "" ? "0" : parts.integerDigits;
  const fraction = parts.fractionDigits === "" ? "" : `.${parts.fractionDigits}`;
  return `${parts.negative ? "-" : ""}${integer}${fraction}`;
};

/** Canonical decimal text as produced by canonicalDecimal, or any plain decimal like "1.50". */
export const PLAIN_DECIMAL = /^-?\d+(?:\.\d+)?$/;

/** 123450n with exponent 2 -> "1234.50"; exact for any size. */
export const minorToDecimalText = (minor: bigint, exponent: number): string => {
  const negative = minor < 0n;
  const digits = (negative ? -minor : minor).toString().padStart(exponent + 1, "0");
  const integer = digits.slice(0, digits.length - exponent);
  const fraction = exponent === 0 ? "" : `.${digits.slice(digits.length - exponent)}`;
  return `${negative ? "-" : ""}${integer}${fraction}`;
};
