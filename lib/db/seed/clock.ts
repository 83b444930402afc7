// Time in the demo, relative to the `now` it is built around: wall-clock times in the organisation's
// zone, calendar months and DATE columns, so the demo reads the same whatever day it is seeded.
import { zonedDateParts } from "@/lib/numbering/format";
import { ORG_TIME_ZONE } from "./fixtures";

const MINUTE_MS = 60_000;
const HOUR_MS = 60 * MINUTE_MS;
export const DAY_MS = 24 * HOUR_MS;

type CalendarParts = { year: number; month: number; day: number };

const wallClockFormatter = new Intl.DateTimeFormat("en-US", {
  timeZone: ORG_TIME_ZONE,
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
  hour: "2-digit",
  minute: "2-digit",
  second: "2-digit",
  hourCycle: "h23",
});

const wallClockAsUtc = (instant: Date): number => {
  const parts = wallClockFormatter.formatToParts(instant);
  const read = (type: Intl.DateTimeFormatPartTypes) => Number(parts.find((part) => part.type === type)?.value);
  return Date.UTC(read("year"), read("month") - 1, read("day"), read("hour"), read("minute"), read("second"));
};

/** A wall-clock time in the organisation's zone as an instant; out-of-range months and days roll over. */
const zonedTime = ({
  year,
  month,
  day,
  hour = 0,
  minute = 0,
}: CalendarParts & { hour?: number; minute?: number }): Date => {
  const target = Date.UTC(year, month - 1, day, hour, minute);
  let guess = target;
  // Two corrections settle any offset, including a day whose offset differs from its neighbour's.
  for (let step = 0; step < 2; step++) guess += target - wallClockAsUtc(new Date(guess));
  return new Date(guess);
};

/** The calendar date (a DATE column's UTC midnight) an instant falls on in the organisation's zone. */
export const calendarDate = (instant: Date): Date => {
  const { year, month, day } = zonedDateParts(instant, ORG_TIME_ZONE);
  return new Date(Date.UTC(year, month - 1, day));
};

export const addDays = (date: Date, days: number): Date => new Date(date.getTime() + days * DAY_MS);
export const addHours = (date: Date, hours: number): Date => new Date(date.getTime() + hours * HOUR_MS);

export type Period = { start: Date; end: Date };

export type Clock = {
  now: Date;
  /** A time of day ("14:20", London) on the calendar day `days` days before today. */
  ago: (days: number, time: `${number}:${number}`) => Date;
  /** The instant, or now if it would lie in the future (a period that only just ended). */
  notAfterNow: (instant: Date) => Date;
  /** The organisation's calendar month `monthsBack` months before the current one. */
  month: (monthsBack: number) => Period;
  /** How many calendar months before the current one the instant falls in. */
  monthsBack: (instant: Date) => number;
};

export const createClock = (now: Date): Clock => {
  const { year, month, day } = zonedDateParts(now, ORG_TIME_ZONE);
  return {
    now,
    ago: (days, time) => {
      const [hour, minute] = time.split(":").map(Number);
      return zonedTime({ year, month, day: day - days, hour, minute });
    },
    notAfterNow: (instant) => (instant.getTime() > now.getTime() ? now : instant),
    month: (monthsBack) => ({
      start: zonedTime({ year, month: month - monthsBack, day: 1 }),
      end: zonedTime({ year, month: month - monthsBack + 1, day: 1 }),
    }),
    monthsBack: (instant) => {
      const then = zonedDateParts(instant, ORG_TIME_ZONE);
      return year * 12 + month - (then.year * 12 + then.month);
    },
  };
};

/** Orders events by when they happened; sort is stable, so simultaneous events keep their order. */
export const byTime = (a: { at: Date }, b: { at: Date }): number => a.at.getTime() - b.at.getTime();
