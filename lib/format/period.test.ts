import { describe, expect, it } from "vitest";
import { periodContaining } from "@/lib/billing/periods";
import { formatBillingPeriod, formatMoment } from "./period";

const at = (iso: string) => new Date(iso);
// Intl puts thin and narrow no-break spaces around range dashes and before AM/PM; compare words.
const plain = (text: string) => text.replace(/[\u2009\u202f\u00a0]/g, " ");

const LONDON = { locale: "en-US", timeZone: "Europe/London" };
const SINGAPORE = { locale: "en-US", timeZone: "Asia/Singapore" };
const NEW_YORK = { locale: "en-US", timeZone: "America/New_York" };
const UTC = { locale: "en-US", timeZone: "UTC" };

describe("formatBillingPeriod", () => {
  it("names London's winter month by its first and last day, not the exclusive end", () => {
    // GMT: midnight in London is midnight UTC.
    const january = { start: at("2026-01-01T00:00:00Z"), end: at("2026-02-01T00:00:00Z") };
    expect(plain(formatBillingPeriod(january, LONDON))).toBe("Jan 1 – 31, 2026");
    expect(plain(formatBillingPeriod(january, { locale: "en-GB", timeZone: "Europe/London" }))).toBe("1 – 31 Jan 2026");
  });

  it("names London's summer month, which runs from 23:00 UTC to 23:00 UTC", () => {
    const july = { start: at("2026-06-30T23:00:00Z"), end: at("2026-07-31T23:00:00Z") };
    expect(plain(formatBillingPeriod(july, LONDON))).toBe("Jul 1 – 31, 2026");
  });

  it("names the months the clocks change in by their days", () => {
    // Oct 1 00:00 BST to Nov 1 00:00 GMT, and Mar 1 00:00 GMT to Apr 1 00:00 BST.
    expect(
      plain(formatBillingPeriod({ start: at("2026-09-30T23:00:00Z"), end: at("2026-11-01T00:00:00Z") }, LONDON)),
    ).toBe("Oct 1 – 31, 2026");
    expect(
      plain(formatBillingPeriod({ start: at("2026-03-01T00:00:00Z"), end: at("2026-03-31T23:00:00Z") }, LONDON)),
    ).toBe("Mar 1 – 31, 2026");
  });

  it("reads Singapore's month on its own midnights, 16:00 UTC the day before", () => {
    const february = { start: at("2026-01-31T16:00:00Z"), end: at("2026-02-28T16:00:00Z") };
    expect(plain(formatBillingPeriod(february, SINGAPORE))).toBe("Feb 1 – 28, 2026");
    expect(plain(formatBillingPeriod(february, { locale: "en-SG", timeZone: "Asia/Singapore" }))).toBe("1–28 Feb 2026");
  });

  it("names the periods lib/billing/periods computes on the organisation's calendar by whole days", () => {
    // A Jan 31 anchor in Singapore: Feb is clamped to the 28th, March comes back to the 31st.
    const anchor = at("2026-01-30T16:00:00Z");
    const february = periodContaining(anchor, "month", at("2026-02-10T00:00:00Z"), "Asia/Singapore");
    expect(plain(formatBillingPeriod(february, SINGAPORE))).toBe("Jan 31 – Feb 27, 2026");
    const march = periodContaining(anchor, "month", at("2026-03-10T00:00:00Z"), "Asia/Singapore");
    expect(plain(formatBillingPeriod(march, SINGAPORE))).toBe("Feb 28 – Mar 30, 2026");
    // New York, west of UTC: midnight there is 05:00 UTC in winter.
    const newYork = periodContaining(
      at("2026-01-01T05:00:00Z"),
      "month",
      at("2026-01-20T12:00:00Z"),
      NEW_YORK.timeZone,
    );
    expect(plain(formatBillingPeriod(newYork, NEW_YORK))).toBe("Jan 1 – 31, 2026");
  });

  it("names a yearly period by its first and last day, across both clock changes", () => {
    const anchor = at("2026-06-30T23:00:00Z"); // Jul 1, 2026 00:00 in London (BST)
    const year = periodContaining(anchor, "year", at("2026-12-25T12:00:00Z"), LONDON.timeZone);
    expect(year).toEqual({ start: anchor, end: at("2027-06-30T23:00:00Z") });
    expect(plain(formatBillingPeriod(year, LONDON))).toBe("Jul 1, 2026 – Jun 30, 2027");
    const winterAnchor = { start: at("2026-03-15T00:00:00Z"), end: at("2027-03-15T00:00:00Z") };
    expect(plain(formatBillingPeriod(winterAnchor, LONDON))).toBe("Mar 15, 2026 – Mar 14, 2027");
  });

  it("shows the moment a period cut short mid-day ends, in the organisation's zone", () => {
    // Canceled at 14:30 UTC in July: 15:30 in London.
    const canceled = { start: at("2026-06-30T23:00:00Z"), end: at("2026-07-10T14:30:00Z") };
    expect(plain(formatBillingPeriod(canceled, LONDON))).toBe("Jul 1, 2026 – Jul 10, 2026, 3:30 PM");
    // 06:15 UTC is 14:15 in Singapore.
    const singapore = { start: at("2026-01-31T16:00:00Z"), end: at("2026-02-10T06:15:00Z") };
    expect(plain(formatBillingPeriod(singapore, SINGAPORE))).toBe("Feb 1, 2026 – Feb 10, 2026, 2:15 PM");
  });

  it("does not pass UTC midnights off as days where they are not midnight", () => {
    // In London's summer, 00:00 UTC is 01:00: not a period boundary there, so shown as the moments.
    const utcJune = { start: at("2026-06-01T00:00:00Z"), end: at("2026-07-01T00:00:00Z") };
    expect(plain(formatBillingPeriod(utcJune, LONDON))).toBe("Jun 1, 2026, 1:00 AM – Jul 1, 2026, 1:00 AM");
    expect(plain(formatBillingPeriod(utcJune, UTC))).toBe("Jun 1 – 30, 2026");
  });

  it("names a one-day period by its day, and an empty one by its moment", () => {
    expect(
      plain(formatBillingPeriod({ start: at("2026-06-30T23:00:00Z"), end: at("2026-07-01T23:00:00Z") }, LONDON)),
    ).toBe("Jul 1, 2026");
    expect(
      plain(formatBillingPeriod({ start: at("2026-06-30T23:00:00Z"), end: at("2026-06-30T23:00:00Z") }, LONDON)),
    ).toBe("Jul 1, 2026");
  });
});

describe("formatMoment", () => {
  it("writes a date at midnight in the zone, a date and time otherwise", () => {
    expect(plain(formatMoment(at("2026-05-31T23:00:00Z"), LONDON))).toBe("Jun 1, 2026");
    expect(plain(formatMoment(at("2026-05-31T23:00:00Z"), UTC))).toBe("May 31, 2026, 11:00 PM");
    expect(plain(formatMoment(at("2026-06-01T00:00:00Z"), LONDON))).toBe("Jun 1, 2026, 1:00 AM");
    expect(plain(formatMoment(at("2026-01-15T00:00:00Z"), LONDON))).toBe("Jan 15, 2026");
    expect(plain(formatMoment(at("2026-01-14T16:00:00Z"), SINGAPORE))).toBe("Jan 15, 2026");
    // A millisecond past midnight is not midnight.
    expect(plain(formatMoment(at("2026-01-15T00:00:00.001Z"), LONDON))).toBe("Jan 15, 2026, 12:00 AM");
  });
});
