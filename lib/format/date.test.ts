import { describe, expect, it } from "vitest";
import { formatCalendarDate, startOfMonth, todayIn } from "./date";

describe("todayIn", () => {
  it("takes the calendar date in the given time zone, not UTC's", () => {
    const lateEvening = new Date("2024-06-30T23:30:00Z");
    expect(todayIn("UTC", lateEvening).toISOString()).toBe("2024-06-30T00:00:00.000Z");
    expect(todayIn("Asia/Singapore", lateEvening).toISOString()).toBe("2024-07-01T00:00:00.000Z");
    expect(todayIn("America/New_York", new Date("2024-07-01T02:00:00Z")).toISOString()).toBe(
      "2024-06-30T00:00:00.000Z",
    );
  });
});

describe("startOfMonth", () => {
  it("returns the first of the month", () => {
    expect(startOfMonth(new Date("2024-02-29T00:00:00Z")).toISOString()).toBe("2024-02-01T00:00:00.000Z");
  });
});

describe("formatCalendarDate", () => {
  it("does not shift a DATE value by the server's time zone", () => {
    expect(formatCalendarDate(new Date("2024-06-28T00:00:00Z"), "en-US")).toBe("Jun 28, 2024");
    expect(formatCalendarDate(new Date("2024-06-28T00:00:00Z"), "en-GB")).toBe("28 Jun 2024");
  });
});
