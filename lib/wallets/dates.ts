// A credit's expiry date is a calendar date in the organisation's time zone ("expires on 31 Aug"):
// it can be used through that whole day there, so it expires at the next midnight in that zone.

const DAY_MS = 24 * 60 * 60 * 1000;

// How far the zone's wall clock is ahead of UTC at an instant, in milliseconds.
const zoneOffsetMs = (instant: Date, timeZone: string): number => {
  const parts = new Intl.DateTimeFormat("en-US", {
    timeZone,
    hourCycle: "h23",
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
    second: "2-digit",
  }).formatToParts(instant);
  const value = (type: Intl.DateTimeFormatPartTypes) => Number(parts.find((part) => part.type === type)?.value);
  const wallClock = Date.UTC(
    value("year"),
    value("month") - 1,
    value("day"),
    value("hour"),
    value("minute"),
    value("second"),
  );
  return wallClock - Math.floor(instant.getTime() / 1000) * 1000;
};

/** The instant a calendar day (UTC midnight, as DATE columns and forms give it) starts in a zone. */
export const startOfDayIn = (calendarDate: Date, timeZone: string): Date => {
  const wallMidnight = calendarDate.getTime();
  // Two passes settle a day whose offset differs from the guess's (a daylight-saving change).
  let instant = wallMidnight - zoneOffsetMs(new Date(wallMidnight), timeZone);
  instant = wallMidnight - zoneOffsetMs(new Date(instant), timeZone);
  return new Date(instant);
};

/** When credit that "expires on" a calendar date stops being usable: the end of that day in the zone. */
export const expiryInstant = (expiresOn: Date, timeZone: string): Date =>
  startOfDayIn(new Date(expiresOn.getTime() + DAY_MS), timeZone);
