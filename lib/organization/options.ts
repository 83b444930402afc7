// The choices the organisation form offers (countries, currencies, locales, time zones), named in
// English by Intl. Built on the server and handed to the form, so the browser's own Intl data
// cannot make the server and client render different lists.
import { SUPPORTED_CURRENCIES } from "@/lib/money";
import { COUNTRY_CODES } from "./countries";

export type Option = { value: string; label: string };

// Where finance teams using Billfold usually invoice from; any other valid locale already stored
// is kept and offered too.
// prettier-ignore
const COMMON_LOCALES = [
  "en-US", "en-GB", "en-AU", "en-CA", "en-IE", "en-IN", "en-NZ", "en-SG", "en-ZA",
  "de-DE", "de-AT", "de-CH", "fr-FR", "fr-BE", "fr-CA", "fr-CH", "it-IT", "nl-NL", "nl-BE",
  "es-ES", "es-MX", "es-AR", "es-CO", "pt-BR", "pt-PT", "sv-SE", "da-DK", "nb-NO", "fi-FI",
  "pl-PL", "cs-CZ", "hu-HU", "ro-RO", "tr-TR", "ja-JP", "ko-KR", "zh-CN", "zh-HK", "zh-TW",
  "id-ID", "ms-MY", "th-TH", "vi-VN", "hi-IN", "ar-AE", "ar-SA", "he-IL",
];

const DISPLAY_LANGUAGE = "en";

const withCurrent = (options: Option[], current: string | null | undefined, label: (value: string) => string) =>
  current && !options.some((option) => option.value === current)
    ? [{ value: current, label: label(current) }, ...options]
    : options;

export const countryOptions = (current?: string | null): Option[] => {
  const names = new Intl.DisplayNames([DISPLAY_LANGUAGE], { type: "region" });
  const options = COUNTRY_CODES.map((code) => ({ value: code, label: names.of(code) ?? code })).sort((a, b) =>
    a.label.localeCompare(b.label, DISPLAY_LANGUAGE),
  );
  return withCurrent(options, current, (code) => code);
};

export const currencyOptions = (current?: string | null): Option[] => {
  const names = new Intl.DisplayNames([DISPLAY_LANGUAGE], { type: "currency" });
  const options = [...SUPPORTED_CURRENCIES]
    .sort()
    .map((code) => ({ value: code, label: `${code} — ${names.of(code) ?? code}` }));
  return withCurrent(options, current, (code) => code);
};

/** A locale's name with a sample amount and date, so the admin sees what invoices will look like. */
export const describeLocale = (locale: string): string => {
  const name =
    new Intl.DisplayNames([DISPLAY_LANGUAGE], { type: "language", languageDisplay: "standard" }).of(locale) ?? locale;
  const sampleNumber = new Intl.NumberFormat(locale, { minimumFractionDigits: 2 }).format(1234.5);
  const sampleDate = new Intl.DateTimeFormat(locale, { dateStyle: "short", timeZone: "UTC" }).format(
    Date.UTC(2025, 0, 31),
  );
  return `${name} · ${locale} · ${sampleNumber} · ${sampleDate}`;
};

export const localeOptions = (current?: string | null): Option[] =>
  withCurrent(
    COMMON_LOCALES.map((locale) => ({ value: locale, label: describeLocale(locale) })),
    current,
    describeLocale,
  );

const utcOffset = (timeZone: string, at: Date): string => {
  const parts = new Intl.DateTimeFormat("en-US", { timeZone, timeZoneName: "longOffset" }).formatToParts(at);
  return parts.find((part) => part.type === "timeZoneName")?.value ?? "";
};

const timeZoneLabel = (zone: string, at: Date) => `${zone.replaceAll("_", " ")} (${utcOffset(zone, at)})`;

// Some 400 formatters take tens of milliseconds: build the list once an hour, not per request.
let timeZoneCache: { hour: number; options: Option[] } | undefined;

/** Every zone the runtime knows, with its offset now (offsets move with daylight saving). */
export const timeZoneOptions = (current?: string | null, at: Date = new Date()): Option[] => {
  const hour = Math.floor(at.getTime() / 3_600_000);
  if (timeZoneCache?.hour !== hour) {
    const zones = ["UTC", ...Intl.supportedValuesOf("timeZone").filter((zone) => zone !== "UTC")];
    timeZoneCache = { hour, options: zones.map((zone) => ({ value: zone, label: timeZoneLabel(zone, at) })) };
  }
  return withCurrent(timeZoneCache.options, current, (zone) => timeZoneLabel(zone, at));
};

/** The stored codes in words, for the read-only settings view. */
export const describeSettings = (settings: { country: string | null; defaultCurrency: string; locale: string }) => ({
  country: settings.country
    ? `${new Intl.DisplayNames([DISPLAY_LANGUAGE], { type: "region" }).of(settings.country) ?? settings.country} (${settings.country})`
    : null,
  currency: `${settings.defaultCurrency} — ${new Intl.DisplayNames([DISPLAY_LANGUAGE], { type: "currency" }).of(settings.defaultCurrency) ?? settings.defaultCurrency}`,
  locale: describeLocale(settings.locale),
});
