// Wall clocks in a time zone: the organisation bills, dates and expires credit by its own calendar.

const formatters = new Map<string, Intl.DateTimeFormat>();

const formatterFor = (timeZone: string): Intl.DateTimeFormat => {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat("en-US", {
      timeZone,
      hourCycle: "h23",
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      second: "2-digit",
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
};

/** How far the zone's wall clock is ahead of UTC at an instant, in milliseconds. */
export const zoneOffsetMs = (instant: Date, timeZone: string): number => {
  const parts = formatterFor(timeZone).formatToParts(instant);
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

/** The zone's wall clock at an instant, as a Date whose UTC fields read that wall clock. */
export const wallClockOf = (instant: Date, timeZone: string): Date =>
  new Date(instant.getTime() + zoneOffsetMs(instant, timeZone));

/**
 * The instant the zone's wall clock reads `wallClock` (a Date whose UTC fields are the wall time).
 * Two passes settle a time whose offset differs from the first guess's (a daylight-saving change);
 * a wall time skipped by a change lands just after it.
 */
export const instantOfWallClock = (wallClock: Date, timeZone: string): Date => {
  const wall = wallClock.getTime();
  let instant = wall - zoneOffsetMs(new Date(wall), timeZone);
  instant = wall - zoneOffsetMs(new Date(instant), timeZone);
  return new Date(instant);
};
