// A credit's expiry date is a calendar date in the organisation's time zone ("expires on 31 Aug"):
// it can be used through that whole day there, so it expires at the next midnight in that zone.

import { instantOfWallClock } from "@/lib/format/zone";

const DAY_MS = 24 * 60 * 60 * 1000;

/** The instant a calendar day (UTC midnight, as DATE columns and forms give it) starts in a zone. */
export const startOfDayIn = (calendarDate: Date, timeZone: string): Date => instantOfWallClock(calendarDate, timeZone);

/** When credit that "expires on" a calendar date stops being usable: the end of that day in the zone. */
export const expiryInstant = (expiresOn: Date, timeZone: string): Date =>
  startOfDayIn(new Date(expiresOn.getTime() + DAY_MS), timeZone);
