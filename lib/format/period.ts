// Billing periods as people read them, on screen and in documents. Periods turn at midnight on the
// organisation's calendar (lib/billing/periods takes its zone; subscriptions store midnight there),
// so a period is read in that zone and named by its first and last day ("Oct 1 – 31, 2026"): its end
// is exclusive, and "Oct 1 – Nov 1" would read as if November 1 were billed. A period cut short
// mid-day (a cancellation) shows the moment it ends.
import type { Period } from "@/lib/billing/periods";
import type { Locale } from "@/lib/format/date";
import { wallClockOf } from "@/lib/format/zone";

const DAY_MS = 24 * 60 * 60 * 1000;

// Building an Intl formatter costs far more than using one; a long invoice names a period per line.
const formatters = new Map<string, Intl.DateTimeFormat>();
const formatterFor = ({ locale, timeZone }: Locale, withTime: boolean): Intl.DateTimeFormat => {
  const key = `${locale}|${timeZone}|${withTime ? "time" : "date"}`;
  let formatter = formatters.get(key);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat(locale, {
      dateStyle: "medium",
      ...(withTime ? { timeStyle: "short" as const } : {}),
      timeZone,
    });
    formatters.set(key, formatter);
  }
  return formatter;
};

const isMidnightIn = (date: Date, timeZone: string): boolean => wallClockOf(date, timeZone).getTime() % DAY_MS === 0;

/** A moment in the zone: a date when it is midnight there ("Jun 1, 2026"), a date and time
 *  otherwise ("Nov 21, 2026, 2:30 PM"). */
export const formatMoment = (date: Date, format: Locale): string =>
  formatterFor(format, !isMidnightIn(date, format.timeZone)).format(date);

/** "Jan 31 – Feb 27, 2026" for [Jan 31, Feb 28) on the organisation's calendar: the last day
 *  billed, not the exclusive end. */
export const formatBillingPeriod = (period: Period, format: Locale): string => {
  const { start, end } = period;
  // An empty period (canceled before it began) is its one moment.
  if (end.getTime() <= start.getTime()) return formatMoment(start, format);
  if (!isMidnightIn(start, format.timeZone) || !isMidnightIn(end, format.timeZone)) {
    return `${formatMoment(start, format)} – ${formatMoment(end, format)}`;
  }
  // Any instant of the last day names it; a millisecond before the end is one on every calendar.
  return formatterFor(format, false).formatRange(start, new Date(end.getTime() - 1));
};
