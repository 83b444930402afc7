// Billing period arithmetic: which [start, end) a subscription anchored at a date is in. Every
// boundary is computed from the anchor itself, so a Jan 31 anchor bills Feb 28 and then Mar 31, on
// the organisation's calendar: a monthly period anchored at midnight on the 1st in London runs from
// midnight to midnight there, whatever daylight saving does to the UTC offset.
import { instantOfWallClock, wallClockOf } from "@/lib/format/zone";

export type BillingInterval = "month" | "year";
export type Period = { start: Date; end: Date }; // [start, end)

const MONTHS_PER: Record<BillingInterval, number> = { month: 1, year: 12 };

const daysInMonth = (year: number, monthIndex: number): number => {
  const lastDay = new Date(0);
  lastDay.setUTCFullYear(year, monthIndex + 1, 0);
  return lastDay.getUTCDate();
};

const assertValidDate = (date: Date, what: string): void => {
  if (Number.isNaN(date.getTime())) throw new RangeError(`${what} is not a valid date`);
};

/** anchor + count intervals (count may be negative), in the calendar of `timeZone` (UTC unless
 *  given), keeping the anchor's wall-clock time of day; the anchor's day of month is clamped to
 *  shorter months (Jan 31 -> Feb 28/29 -> Mar 31: always computed from the ANCHOR, so the day comes
 *  back). */
export const addIntervals = (anchor: Date, interval: BillingInterval, count: number, timeZone = "UTC"): Date => {
  assertValidDate(anchor, "Anchor");
  if (!Number.isSafeInteger(count)) throw new RangeError(`Interval count must be a whole number, got ${count}`);
  const wall = wallClockOf(anchor, timeZone);
  const monthsFromYearZero = wall.getUTCFullYear() * 12 + wall.getUTCMonth() + count * MONTHS_PER[interval];
  const year = Math.floor(monthsFromYearZero / 12);
  const monthIndex = monthsFromYearZero - year * 12;
  const day = Math.min(wall.getUTCDate(), daysInMonth(year, monthIndex));
  // setUTCFullYear rather than Date.UTC: Date.UTC reads the years 0-99 as 1900-1999.
  const result = new Date(wall.getTime());
  result.setUTCFullYear(year, monthIndex, day);
  return timeZone === "UTC" ? result : instantOfWallClock(result, timeZone);
};

/** The period of a subscription anchored at `anchor` that contains `at` (at >= start, at < end). */
export const periodContaining = (anchor: Date, interval: BillingInterval, at: Date, timeZone = "UTC"): Period => {
  assertValidDate(at, "Date");
  assertValidDate(anchor, "Anchor");
  const wallAt = wallClockOf(at, timeZone);
  const wallAnchor = wallClockOf(anchor, timeZone);
  const monthsApart =
    (wallAt.getUTCFullYear() - wallAnchor.getUTCFullYear()) * 12 + (wallAt.getUTCMonth() - wallAnchor.getUTCMonth());
  // The calendar estimate is off by at most one interval (day and time of day decide); correct it.
  let count = Math.floor(monthsApart / MONTHS_PER[interval]);
  while (addIntervals(anchor, interval, count, timeZone).getTime() > at.getTime()) count -= 1;
  while (addIntervals(anchor, interval, count + 1, timeZone).getTime() <= at.getTime()) count += 1;
  return {
    start: addIntervals(anchor, interval, count, timeZone),
    end: addIntervals(anchor, interval, count + 1, timeZone),
  };
};

/** The period right after `period` (period.end is its start). */
export const nextPeriod = (anchor: Date, interval: BillingInterval, period: Period, timeZone = "UTC"): Period => ({
  // When period.end is not on an anchor boundary (a period cut short), the next one still starts
  // there and runs to the next boundary, so no moment is billed twice or skipped.
  start: new Date(period.end.getTime()),
  end: periodContaining(anchor, interval, period.end, timeZone).end,
});
