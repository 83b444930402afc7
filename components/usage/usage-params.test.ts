import { describe, expect, it } from "vitest";
import { currentMonth, parseUsageParams, shiftMonth, usageHref } from "./usage-params";

const CUSTOMER = "cus_01J1Z7Q6W3B8K9M2N4P5R6S7T8";

describe("currentMonth", () => {
  it("is the month in the organisation's zone, not UTC's", () => {
    const now = new Date("2024-06-30T23:30:00Z");
    expect(currentMonth("UTC", now)).toBe("2024-06");
    expect(currentMonth("Asia/Singapore", now)).toBe("2024-07");
    expect(currentMonth("America/New_York", new Date("2024-07-01T02:00:00Z"))).toBe("2024-06");
  });
});

describe("shiftMonth", () => {
  it("crosses year ends both ways", () => {
    expect(shiftMonth("2024-12", 1)).toBe("2025-01");
    expect(shiftMonth("2024-01", -1)).toBe("2023-12");
    expect(shiftMonth("2024-06", 0)).toBe("2024-06");
  });
});

describe("parseUsageParams", () => {
  const options = { meterIds: ["mtr_a", "mtr_b"], defaultMonth: "2024-06" };

  it("reads the meter, month and customer from the address", () => {
    expect(parseUsageParams({ meter: "mtr_b", month: "2024-02", customer: CUSTOMER }, options)).toEqual({
      meterId: "mtr_b",
      month: "2024-02",
      customerId: CUSTOMER,
    });
  });

  it("falls back to the first meter and this month, and drops what is not a customer id", () => {
    expect(parseUsageParams({ meter: "mtr_zzz", month: "2024-13", customer: "acme" }, options)).toEqual({
      meterId: "mtr_a",
      month: "2024-06",
      customerId: null,
    });
    expect(parseUsageParams({ meter: ["mtr_b", "mtr_a"], month: "June" }, options).meterId).toBe("mtr_a");
    expect(parseUsageParams({}, { meterIds: [], defaultMonth: "2024-06" }).meterId).toBeNull();
  });
});

describe("usageHref", () => {
  it("keeps only the filters that are set", () => {
    expect(usageHref({})).toBe("/usage");
    expect(usageHref({ meterId: "mtr_a", month: "2024-06", customerId: null })).toBe(
      "/usage?meter=mtr_a&month=2024-06",
    );
  });
});
