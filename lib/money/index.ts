// The one money module: form text <-> integer minor units (bigint), formatting per currency and
// locale, and exact arithmetic. Import from "@/lib/money", not from the files inside.
export {
  SUPPORTED_CURRENCIES,
  currencyExponent,
  isSupportedCurrency,
  type CurrencyCode,
  type CurrencyExponent,
} from "./currencies";
export {
  parseMoney,
  parsePercent,
  parseQuantity,
  type DecimalSeparator,
  type ParseMoneyOptions,
  type ParseMoneyResult,
  type ParsePercentOptions,
  type ParsePercentResult,
  type ParseQuantityOptions,
  type ParseQuantityResult,
} from "./parse";
export { formatMinorAsDecimal, formatMoney, formatPercent, formatQuantity, type FormatMoneyOptions } from "./format";
export {
  allocateProportionally,
  multiplyQuantity,
  percentOf,
  sumMinor,
  type QuantityProduct,
  type RoundingMode,
} from "./arithmetic";
