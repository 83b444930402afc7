// The currencies Billfold bills in and how many minor-unit digits each has (ISO 4217), so every
// other money function knows that 1 JPY is 1 minor unit, 1 EUR is 100 and 1 KWD is 1000.

export type CurrencyExponent = 0 | 2 | 3;

// ISO 4217 exponents, not CLDR's display digits: CLDR shows IQD with 0 decimals and HUF/COP cash
// with 0, but invoices are denominated in the ISO minor unit.
const CURRENCY_EXPONENTS = {
  // Exponent 0: the major unit is the smallest unit.
  JPY: 0,
  KRW: 0,
  VND: 0,
  CLP: 0,
  ISK: 0,
  UGX: 0,
  XAF: 0,
  XOF: 0,
  XPF: 0,
  PYG: 0,
  RWF: 0,
  KMF: 0,
  GNF: 0,
  DJF: 0,
  BIF: 0,
  VUV: 0,
  // Exponent 3: fils, baisa and millimes.
  BHD: 3,
  IQD: 3,
  JOD: 3,
  KWD: 3,
  LYD: 3,
  OMR: 3,
  TND: 3,
  // Exponent 2.
  USD: 2,
  EUR: 2,
  GBP: 2,
  INR: 2,
  SGD: 2,
  AUD: 2,
  CAD: 2,
  CHF: 2,
  CNY: 2,
  HKD: 2,
  NZD: 2,
  SEK: 2,
  NOK: 2,
  DKK: 2,
  PLN: 2,
  CZK: 2,
  HUF: 2,
  RON: 2,
  BRL: 2,
  MXN: 2,
  ARS: 2,
  COP: 2,
  PEN: 2,
  ZAR: 2,
  NGN: 2,
  KES: 2,
  EGP: 2,
  AED: 2,
  SAR: 2,
  QAR: 2,
  ILS: 2,
  TRY: 2,
  IDR: 2,
  MYR: 2,
  THB: 2,
  PHP: 2,
  TWD: 2,
  PKR: 2,
  BDT: 2,
} as const satisfies Record<string, CurrencyExponent>;

export type CurrencyCode = keyof typeof CURRENCY_EXPONENTS;

export const SUPPORTED_CURRENCIES: readonly CurrencyCode[] = Object.freeze(
  Object.keys(CURRENCY_EXPONENTS) as CurrencyCode[],
);

/** Exact, case-sensitive match: "usd" is not a code, so stored values stay canonical. */
export const isSupportedCurrency = (code: string): code is CurrencyCode => Object.hasOwn(CURRENCY_EXPONENTS, code);

// Takes a plain string: stored documents hold currency as text; an unknown code throws below.
export const currencyExponent = (currency: string): CurrencyExponent => {
  // Currency codes often come from the database or a request as plain strings cast to
  // CurrencyCode; a wrong exponent would silently scale every amount, so refuse instead.
  if (!isSupportedCurrency(currency)) {
    throw new RangeError(`Unsupported currency: ${String(currency)}`);
  }
  return CURRENCY_EXPONENTS[currency];
};
