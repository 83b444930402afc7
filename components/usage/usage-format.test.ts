import { describe, expect, it } from "vitest";
import { describeMeter, formatUsageQuantity } from "./usage-format";

describe("formatUsageQuantity", () => {
  it("groups per locale and keeps up to 6 decimals, rounding half up beyond", () => {
    expect(formatUsageQuantity("1234567", "en-US")).toBe("1,234,567");
    expect(formatUsageQuantity("1234.5", "de-DE")).toBe("1.234,5");
    expect(formatUsageQuantity("0.33333333333333333333333", "en-US")).toBe("0.333333");
    expect(formatUsageQuantity("2.0000005", "en-US")).toBe("2.000001");
  });
});

describe("describeMeter", () => {
  it("says what each aggregation measures, with its filters", () => {
    const base = { eventName: "compute_job", property: "hours", filters: null };
    expect(describeMeter({ ...base, aggregation: "count", property: null })).toBe("Count of compute_job events");
    expect(describeMeter({ ...base, aggregation: "sum", filters: { region: "eu" } })).toBe(
      "Sum of hours over compute_job events where region = eu",
    );
    expect(describeMeter({ ...base, aggregation: "max" })).toBe("Highest hours among compute_job events");
    expect(describeMeter({ ...base, aggregation: "unique_count", property: "user_id" })).toBe(
      "Distinct values of user_id among compute_job events",
    );
  });
});
