// Dates for people: calendar dates (stored as DATE, i.e. UTC midnight) shown as they are, and
// instants shown in the organisation's time zone, which is named where it decides something.

export type Locale = { locale: string; timeZone: string };

/** A DATE column's value (an invoice's issue or due date): no time zone shift. */
export const formatCalendarDate = (date: Date, locale: string): string =>
  new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeZone: "UTC" }).format(date);

/** An instant (an audit entry, a payment's recording time) in the organisation's time zone. */
export const formatDateTime = (date: Date, { locale, timeZone }: Locale): string =>
  new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeStyle: "short", timeZone }).format(date);

/** Today's calendar date in a time zone, as a UTC-midnight Date comparable with DATE columns. */
export const todayIn = (timeZone: string, now: Date = new Date()): Date => {
  const parts = new Intl.DateTimeFormat("en-CA", {
    timeZone,
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
  }).format(now);
  return new Date(`${parts}T00:00:00.000Z`);
};

/** The first day of the month that contains `today` (a UTC-midnight calendar date). */
export const startOfMonth = (today: Date): Date => new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), 1));
