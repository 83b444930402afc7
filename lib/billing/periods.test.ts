import { describe, expect, it } from "vitest";
import { addIntervals, nextPeriod, periodContaining } from "./periods";

const utc = (text: string) => new Date(`${text}Z`);
const iso = (date: Date) => date.toISOString();

describe("addIntervals", () => {
  it("walks a Jan 31 anchor through a year, clamping short months and coming back to the 31st", () => {
    const anchor = utc("2025-01-31T09:30:00");
    const ends = Array.from({ length: 13 }, (_, count) => iso(addIntervals(anchor, "month", count)).slice(0, 10));
    expect(ends).toEqual([
      "2025-01-31",
      "2025-02-28",
      "2025-03-31",
      "2025-04-30",
      "2025-05-31",
      "2025-06-30",
      "2025-07-31",
      "2025-08-31",
      "2025-09-30",
      "2025-10-31",
      "2025-11-30",
      "2025-12-31",
      "2026-01-31",
    ]);
  });

  it("keeps the anchor's time of day", () => {
    expect(iso(addIntervals(utc("2025-01-31T23:59:59.999"), "month", 1))).toBe("2025-02-28T23:59:59.999Z");
  });

  it("gives Feb 29 in a leap year from a Jan 31 anchor", () => {
    expect(iso(addIntervals(utc("2024-01-31T00:00:00"), "month", 1))).toBe("2024-02-29T00:00:00.000Z");
  });

  it("bills a Feb 29 anchor yearly on Feb 28, and on Feb 29 again in the next leap year", () => {
    const anchor = utc("2024-02-29T12:00:00");
    expect(iso(addIntervals(anchor, "year", 1))).toBe("2025-02-28T12:00:00.000Z");
    expect(iso(addIntervals(anchor, "year", 3))).toBe("2027-02-28T12:00:00.000Z");
    expect(iso(addIntervals(anchor, "year", 4))).toBe("2028-02-29T12:00:00.000Z");
    expect(iso(addIntervals(anchor, "year", -4))).toBe("2020-02-29T12:00:00.000Z");
    expect(iso(addIntervals(anchor, "year", -1))).toBe("2023-02-28T12:00:00.000Z");
    // 2100 is not a leap year (divisible by 100, not by 400); 2000 was.
    expect(iso(addIntervals(anchor, "year", 76))).toBe("2100-02-28T12:00:00.000Z");
    expect(iso(addIntervals(anchor, "year", -24))).toBe("2000-02-29T12:00:00.000Z");
  });

  it("bills a Feb 29 anchor monthly on the 29th, not on the 28th after February", () => {
    const anchor = utc("2024-02-29T00:00:00");
    expect(iso(addIntervals(anchor, "month", 1))).toBe("2024-03-29T00:00:00.000Z");
    expect(iso(addIntervals(anchor, "month", 12))).toBe("2025-02-28T00:00:00.000Z");
    expect(iso(addIntervals(anchor, "month", 13))).toBe("2025-03-29T00:00:00.000Z");
  });

  it("counts backwards across a year boundary with negative counts", () => {
    const anchor = utc("2025-03-31T00:00:00");
    expect(iso(addIntervals(anchor, "month", -1))).toBe("2025-02-28T00:00:00.000Z");
    expect(iso(addIntervals(anchor, "month", -3))).toBe("2024-12-31T00:00:00.000Z");
    expect(iso(addIntervals(anchor, "month", -13))).toBe("2024-02-29T00:00:00.000Z");
    expect(iso(addIntervals(anchor, "month", -15))).toBe("2023-12-31T00:00:00.000Z");
    expect(iso(addIntervals(anchor, "year", -2))).toBe("2023-03-31T00:00:00.000Z");
  });

  it("returns the anchor itself for zero intervals, as a new Date", () => {
    const anchor = utc("2025-05-15T08:00:00");
    const result = addIntervals(anchor, "month", 0);
    expect(result).toEqual(anchor);
    expect(result).not.toBe(anchor);
  });

  it("refuses a fractional count and an invalid anchor", () => {
    expect(() => addIntervals(utc("2025-01-01T00:00:00"), "month", 1.5)).toThrow(RangeError);
    expect(() => addIntervals(new Date("nope"), "month", 1)).toThrow(RangeError);
  });
});

describe("periodContaining", () => {
  const anchor = utc("2025-01-31T10:00:00");
  const period = (at: string) => {
    const found = periodContaining(anchor, "month", utc(at));
    return [iso(found.start), iso(found.end)];
  };

  it("starts a period exactly at its boundary (start is inclusive)", () => {
    expect(period("2025-02-28T10:00:00")).toEqual(["2025-02-28T10:00:00.000Z", "2025-03-31T10:00:00.000Z"]);
    expect(period("2025-01-31T10:00:00")).toEqual(["2025-01-31T10:00:00.000Z", "2025-02-28T10:00:00.000Z"]);
  });

  it("keeps the last millisecond before a boundary in the earlier period (end is exclusive)", () => {
    expect(period("2025-02-28T09:59:59.999")).toEqual(["2025-01-31T10:00:00.000Z", "2025-02-28T10:00:00.000Z"]);
    expect(period("2025-03-31T09:59:59.999")).toEqual(["2025-02-28T10:00:00.000Z", "2025-03-31T10:00:00.000Z"]);
  });

  it("finds the period in the middle of a month whose day is not the anchor's", () => {
    expect(period("2025-04-01T00:00:00")).toEqual(["2025-03-31T10:00:00.000Z", "2025-04-30T10:00:00.000Z"]);
    expect(period("2025-12-31T09:00:00")).toEqual(["2025-11-30T10:00:00.000Z", "2025-12-31T10:00:00.000Z"]);
  });

  it("finds periods before the anchor", () => {
    expect(period("2025-01-31T09:59:59.999")).toEqual(["2024-12-31T10:00:00.000Z", "2025-01-31T10:00:00.000Z"]);
    expect(period("2024-02-15T00:00:00")).toEqual(["2024-01-31T10:00:00.000Z", "2024-02-29T10:00:00.000Z"]);
  });

  it("finds yearly periods of a Feb 29 anchor", () => {
    const leap = utc("2024-02-29T00:00:00");
    const found = periodContaining(leap, "year", utc("2025-02-28T00:00:00"));
    expect([iso(found.start), iso(found.end)]).toEqual(["2025-02-28T00:00:00.000Z", "2026-02-28T00:00:00.000Z"]);
    const before = periodContaining(leap, "year", utc("2025-02-27T23:59:59.999"));
    expect([iso(before.start), iso(before.end)]).toEqual(["2024-02-29T00:00:00.000Z", "2025-02-28T00:00:00.000Z"]);
    const later = periodContaining(leap, "year", utc("2028-03-01T00:00:00"));
    expect([iso(later.start), iso(later.end)]).toEqual(["2028-02-29T00:00:00.000Z", "2029-02-28T00:00:00.000Z"]);
  });

  it("always contains the date, for every hour across four years", () => {
    const start = utc("2023-01-01T00:00:00").getTime();
    for (let hour = 0; hour < 4 * 366 * 24; hour += 7) {
      const at = new Date(start + hour * 3_600_000);
      for (const interval of ["month", "year"] as const) {
        const found = periodContaining(anchor, interval, at);
        expect(found.start.getTime()).toBeLessThanOrEqual(at.getTime());
        expect(found.end.getTime()).toBeGreaterThan(at.getTime());
      }
    }
  });
});

describe("nextPeriod", () => {
  it("chains periods end to start from a Jan 31 anchor", () => {
    const anchor = utc("2024-01-31T00:00:00");
    let current = periodContaining(anchor, "month", anchor);
    const starts: string[] = [];
    for (let index = 0; index < 4; index += 1) {
      current = nextPeriod(anchor, "month", current);
      starts.push(iso(current.start).slice(0, 10));
    }
    expect(starts).toEqual(["2024-02-29", "2024-03-31", "2024-04-30", "2024-05-31"]);
    expect(iso(current.end).slice(0, 10)).toBe("2024-06-30");
  });

  it("starts at the end of a period cut short and runs to the next boundary", () => {
    const anchor = utc("2025-01-15T00:00:00");
    const next = nextPeriod(anchor, "month", { start: anchor, end: utc("2025-02-01T00:00:00") });
    expect([iso(next.start), iso(next.end)]).toEqual(["2025-02-01T00:00:00.000Z", "2025-02-15T00:00:00.000Z"]);
  });

  it("moves a yearly period by one year", () => {
    const anchor = utc("2024-02-29T00:00:00");
    const next = nextPeriod(anchor, "year", periodContaining(anchor, "year", anchor));
    expect([iso(next.start), iso(next.end)]).toEqual(["2025-02-28T00:00:00.000Z", "2026-02-28T00:00:00.000Z"]);
  });
});

describe("periods on the organisation's calendar", () => {
  const at = (iso: string) => new Date(iso);

  it("keeps midnight in London across daylight saving", () => {
    const anchor = at("2026-01-01T00:00:00Z"); // midnight, 1 Jan, GMT
    expect(addIntervals(anchor, "month", 3, "Europe/London").toISOString()).toBe("2026-03-31T23:00:00.000Z"); // 1 Apr BST
    expect(addIntervals(anchor, "month", 10, "Europe/London").toISOString()).toBe("2026-11-01T00:00:00.000Z");
    expect(periodContaining(anchor, "month", at("2026-06-30T23:30:00Z"), "Europe/London")).toEqual({
      start: at("2026-06-30T23:00:00Z"), // 1 Jul 00:00 BST: half past midnight is July's
      end: at("2026-07-31T23:00:00Z"),
    });
  });

  it("clamps a month-end anchor in the zone's calendar, and the day comes back", () => {
    const anchor = at("2024-01-30T16:00:00Z"); // 31 Jan 00:00 in Singapore (UTC+8)
    expect(addIntervals(anchor, "month", 1, "Asia/Singapore").toISOString()).toBe("2024-02-28T16:00:00.000Z"); // 29 Feb
    expect(addIntervals(anchor, "month", 2, "Asia/Singapore").toISOString()).toBe("2024-03-30T16:00:00.000Z"); // 31 Mar
  });

  it("puts an event early on the 1st in Singapore in the new month, not in UTC's previous one", () => {
    const anchor = at("2026-04-30T16:00:00Z"); // 1 May 00:00 SGT
    const period = periodContaining(anchor, "month", at("2026-05-31T17:00:00Z"), "Asia/Singapore"); // 1 Jun 01:00 SGT
    expect(period.start.toISOString()).toBe("2026-05-31T16:00:00.000Z");
    expect(nextPeriod(anchor, "month", period, "Asia/Singapore").start).toEqual(period.end);
  });
});
