import { describe, expect, it } from "vitest";
import { expiryInstant, startOfDayIn } from "./dates";

const date = (text: string) => new Date(`${text}T00:00:00.000Z`);

describe("startOfDayIn", () => {
  it("finds the zone's midnight on either side of UTC", () => {
    expect(startOfDayIn(date("2024-07-10"), "UTC").toISOString()).toBe("2024-07-10T00:00:00.000Z");
    expect(startOfDayIn(date("2024-07-10"), "Asia/Singapore").toISOString()).toBe("2024-07-09T16:00:00.000Z");
    expect(startOfDayIn(date("2024-07-10"), "America/New_York").toISOString()).toBe("2024-07-10T04:00:00.000Z");
  });

  it("follows daylight saving time", () => {
    expect(startOfDayIn(date("2024-01-15"), "Europe/London").toISOString()).toBe("2024-01-15T00:00:00.000Z");
    expect(startOfDayIn(date("2024-07-15"), "Europe/London").toISOString()).toBe("2024-07-14T23:00:00.000Z");
    // The day clocks go forward at 01:00 still starts at 00:00 GMT.
    expect(startOfDayIn(date("2024-03-31"), "Europe/London").toISOString()).toBe("2024-03-31T00:00:00.000Z");
  });
});

describe("expiryInstant", () => {
  it("lets credit be used through the whole expiry day in the organisation's zone", () => {
    expect(expiryInstant(date("2024-08-31"), "Asia/Singapore").toISOString()).toBe("2024-08-31T16:00:00.000Z");
    expect(expiryInstant(date("2024-12-31"), "UTC").toISOString()).toBe("2025-01-01T00:00:00.000Z");
  });
});
