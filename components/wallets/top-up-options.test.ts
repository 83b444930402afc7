import { describe, expect, it } from "vitest";
import { topUpOptions } from "./top-up-options";

describe("topUpOptions", () => {
  it("offers the customer's currency first and every supported one after it", () => {
    const { currencies } = topUpOptions({ preferredCurrency: "SGD", timeZone: "UTC" });
    expect(currencies[0]?.value).toBe("SGD");
    expect(currencies.filter((option) => option.value === "SGD")).toHaveLength(1);
    expect(currencies.map((option) => option.value)).toContain("USD");
  });

  it("offers only the reasons a person may give, with their labels", () => {
    expect(topUpOptions({ preferredCurrency: "USD", timeZone: "UTC" }).reasons).toEqual([
      { value: "purchased", label: "Purchased" },
      { value: "promotional", label: "Promotional" },
      { value: "goodwill", label: "Goodwill" },
      { value: "free_trial", label: "Free trial" },
      { value: "subscription_grant", label: "Subscription grant" },
    ]);
  });

  it("lets credit expire no earlier than today in the organisation's zone", () => {
    // 23:30 UTC on 31 May is already 1 June in Singapore.
    const now = new Date("2026-05-31T23:30:00Z");
    expect(topUpOptions({ preferredCurrency: "USD", timeZone: "Asia/Singapore", now }).earliestExpiry).toBe(
      "2026-06-01",
    );
    expect(topUpOptions({ preferredCurrency: "USD", timeZone: "UTC", now }).earliestExpiry).toBe("2026-05-31");
  });
});
