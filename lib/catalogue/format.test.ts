import { describe, expect, it } from "vitest";
import { describePrice, tierRows, usageUnit } from "./format";

const apiCalls = { eventName: "api_call", aggregation: "count", property: null } as const;
const computeHours = { eventName: "compute_job", aggregation: "sum", property: "hours" } as const;
const activeUsers = { eventName: "user_active", aggregation: "unique_count", property: "user_id" } as const;

describe("usageUnit", () => {
  it("names one unit of each kind of meter", () => {
    expect(usageUnit(apiCalls)).toBe("api_call");
    expect(usageUnit(computeHours)).toBe("hours");
    expect(usageUnit({ eventName: "storage_snapshot", aggregation: "max", property: "gb" })).toBe("gb");
    expect(usageUnit(activeUsers)).toBe("unique user_id");
  });
});

describe("describePrice", () => {
  const usd = { currency: "USD", interval: "month", locale: "en-US" } as const;
  const none = { tierMode: null, tiers: [], meter: null };

  it("prices a flat fee per billing interval", () => {
    expect(describePrice({ type: "flat", unitAmountMinor: 4900n, ...none }, usd)).toBe("$49.00 per month"); // 49.00 USD
    expect(describePrice({ type: "flat", unitAmountMinor: 120000n, ...none }, { ...usd, interval: "year" })).toBe(
      "$1,200.00 per year",
    );
  });

  it("prices usage per unit of the meter, in the currency's minor unit", () => {
    const price = { type: "per_unit", unitAmountMinor: 40n, tierMode: null, tiers: [], meter: computeHours } as const;
    expect(describePrice(price, usd)).toBe("$0.40 per hours"); // 0.40 USD
    expect(describePrice({ ...price, meter: apiCalls, unitAmountMinor: 3n }, { ...usd, currency: "JPY" })).toBe(
      "¥3 per api_call",
    );
    expect(
      describePrice(
        { ...price, meter: activeUsers, unitAmountMinor: 1200n },
        { ...usd, currency: "EUR", locale: "de-DE" },
      ),
    ).toBe("12,00\u00a0€ per unique user_id");
  });

  it("summarises tiered prices by mode and tier count", () => {
    const tiers = [
      { upTo: "1000", unitAmountMinor: 0n, flatAmountMinor: 0n },
      { upTo: null, unitAmountMinor: 3n, flatAmountMinor: 0n },
    ];
    expect(
      describePrice({ type: "tiered", unitAmountMinor: null, tierMode: "graduated", tiers, meter: apiCalls }, usd),
    ).toBe("Graduated tiers (2 tiers) per api_call");
    expect(
      describePrice(
        { type: "tiered", unitAmountMinor: null, tierMode: "volume", tiers: tiers.slice(1), meter: apiCalls },
        usd,
      ),
    ).toBe("Volume tiers (1 tier) per api_call");
  });
});

describe("tierRows", () => {
  it("shows ranges as invoice lines print them, with prices and optional flat fees", () => {
    const tiers = [
      { upTo: "1000", unitAmountMinor: 10n, flatAmountMinor: 500n }, // 0.10 USD + 5.00 USD flat
      { upTo: "10000", unitAmountMinor: 8n, flatAmountMinor: 0n },
      { upTo: null, unitAmountMinor: 5n, flatAmountMinor: 0n },
    ];
    expect(tierRows(tiers, { currency: "USD", locale: "en-US" })).toEqual([
      { range: "1–1,000", unitPrice: "$0.10", flatFee: "$5.00" },
      { range: "1,001–10,000", unitPrice: "$0.08", flatFee: null },
      { range: "10,001 and above", unitPrice: "$0.05", flatFee: null },
    ]);
  });
});
