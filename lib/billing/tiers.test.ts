import { describe, expect, it } from "vitest";
import { computeInvoiceTotals } from "@/lib/invoices/totals";
import { priceLines, tierProblems, tierRangeLabel, type PriceInput, type TierInput } from "./tiers";

const tier = (upTo: string | null, unitAmountMinor: bigint, flatAmountMinor = 0n): TierInput => ({
  upTo,
  unitAmountMinor,
  flatAmountMinor,
});

// 1-1,000 at 0.10 USD, 1,001-10,000 at 0.08 USD, above at 0.05 USD (unit prices in cents)
const standardTiers = [tier("1000", 10n), tier("10000", 8n), tier(null, 5n)];
const graduated = (tiers: TierInput[] = standardTiers): PriceInput => ({
  type: "tiered",
  description: "API calls",
  mode: "graduated",
  tiers,
});
const volume = (tiers: TierInput[] = standardTiers): PriceInput => ({
  type: "tiered",
  description: "Seats",
  mode: "volume",
  tiers,
});

const totalMinor = (price: PriceInput, quantity: string): bigint =>
  computeInvoiceTotals(priceLines(price, quantity).map((line) => ({ ...line, taxRatePercent: "0" }))).subtotalMinor;

describe("priceLines: flat and per unit", () => {
  it("bills a flat fee once, whatever the quantity", () => {
    const price: PriceInput = { type: "flat", description: "Platform fee", unitAmountMinor: 4900n }; // 49.00 USD
    expect(priceLines(price, "12345")).toEqual([
      { description: "Platform fee", quantity: "1", unitAmountMinor: 4900n },
    ]);
    expect(priceLines(price, "0")).toEqual([{ description: "Platform fee", quantity: "1", unitAmountMinor: 4900n }]);
  });

  it("bills per unit in one line, also at quantity 0", () => {
    const price: PriceInput = { type: "per_unit", description: "Storage GB", unitAmountMinor: 2n }; // 0.02 USD
    expect(priceLines(price, "1000.5")).toEqual([
      { description: "Storage GB", quantity: "1000.5", unitAmountMinor: 2n },
    ]);
    expect(priceLines(price, "0")).toEqual([{ description: "Storage GB", quantity: "0", unitAmountMinor: 2n }]);
    expect(totalMinor(price, "1000.5")).toBe(2001n); // 1000.5 x 0.02 = 20.01 USD
  });

  it("refuses a quantity that is negative or not plain decimal text", () => {
    const price: PriceInput = { type: "per_unit", description: "Calls", unitAmountMinor: 1n };
    for (const quantity of ["-1", "1e3", "", "1,000", "NaN"]) {
      expect(() => priceLines(price, quantity)).toThrow(RangeError);
    }
    expect(() => priceLines(graduated(), "-0.5")).toThrow(RangeError);
  });
});

describe("priceLines: graduated", () => {
  it("bills a quantity inside the first tier on one line", () => {
    expect(priceLines(graduated(), "999")).toEqual([
      { description: "API calls (1–1,000)", quantity: "999", unitAmountMinor: 10n },
    ]);
  });

  it("fills the first tier exactly at its bound and reaches no further", () => {
    expect(priceLines(graduated(), "1000")).toEqual([
      { description: "API calls (1–1,000)", quantity: "1000", unitAmountMinor: 10n },
    ]);
    expect(totalMinor(graduated(), "1000")).toBe(10000n); // 1,000 x 0.10 = 100.00 USD
  });

  it("starts the second tier one unit past the bound", () => {
    expect(priceLines(graduated(), "1001")).toEqual([
      { description: "API calls (1–1,000)", quantity: "1000", unitAmountMinor: 10n },
      { description: "API calls (1,001–10,000)", quantity: "1", unitAmountMinor: 8n },
    ]);
    expect(totalMinor(graduated(), "1001")).toBe(10008n); // 100.00 + 0.08 USD
  });

  it("splits a fractional quantity at the bound", () => {
    expect(priceLines(graduated(), "1000.5")).toEqual([
      { description: "API calls (1–1,000)", quantity: "1000", unitAmountMinor: 10n },
      { description: "API calls (1,001–10,000)", quantity: "0.5", unitAmountMinor: 8n },
    ]);
    expect(totalMinor(graduated(), "1000.5")).toBe(10004n); // 100.00 + 0.5 x 0.08 = 100.04 USD
  });

  it("bills every tier up to the open one", () => {
    expect(priceLines(graduated(), "10000")).toEqual([
      { description: "API calls (1–1,000)", quantity: "1000", unitAmountMinor: 10n },
      { description: "API calls (1,001–10,000)", quantity: "9000", unitAmountMinor: 8n },
    ]);
    expect(priceLines(graduated(), "25000.25")).toEqual([
      { description: "API calls (1–1,000)", quantity: "1000", unitAmountMinor: 10n },
      { description: "API calls (1,001–10,000)", quantity: "9000", unitAmountMinor: 8n },
      { description: "API calls (10,001 and above)", quantity: "15000.25", unitAmountMinor: 5n },
    ]);
    // 100.00 + 720.00 + 15,000.25 x 0.05 (750.0125 -> 750.01) = 1,570.01 USD
    expect(totalMinor(graduated(), "25000.25")).toBe(157001n);
  });

  it("bills quantity 0 as one line at the first tier's price and charges no flat fee", () => {
    const tiers = [tier("1000", 10n, 500n), tier(null, 5n)];
    expect(priceLines(graduated(tiers), "0")).toEqual([
      { description: "API calls (1–1,000)", quantity: "0", unitAmountMinor: 10n },
    ]);
    expect(totalMinor(graduated(tiers), "0")).toBe(0n);
  });

  it("adds a flat fee line for each reached tier that has one", () => {
    // Tier 1: 5.00 USD flat + 0.10/unit; tier 2: 0.08/unit; tier 3: 20.00 USD flat + 0.05/unit
    const tiers = [tier("1000", 10n, 500n), tier("10000", 8n), tier(null, 5n, 2000n)];
    expect(priceLines(graduated(tiers), "1500")).toEqual([
      { description: "API calls (1–1,000)", quantity: "1000", unitAmountMinor: 10n },
      { description: "API calls (tier 1 flat fee)", quantity: "1", unitAmountMinor: 500n },
      { description: "API calls (1,001–10,000)", quantity: "500", unitAmountMinor: 8n },
    ]);
    expect(priceLines(graduated(tiers), "10001")).toEqual([
      { description: "API calls (1–1,000)", quantity: "1000", unitAmountMinor: 10n },
      { description: "API calls (tier 1 flat fee)", quantity: "1", unitAmountMinor: 500n },
      { description: "API calls (1,001–10,000)", quantity: "9000", unitAmountMinor: 8n },
      { description: "API calls (10,001 and above)", quantity: "1", unitAmountMinor: 5n },
      { description: "API calls (tier 3 flat fee)", quantity: "1", unitAmountMinor: 2000n },
    ]);
    // 100.00 + 5.00 + 720.00 + 0.05 + 20.00 = 845.05 USD
    expect(totalMinor(graduated(tiers), "10001")).toBe(84505n);
  });

  it("bills a single open tier as one line for any quantity", () => {
    const tiers = [tier(null, 3n)];
    expect(priceLines(graduated(tiers), "1234567.5")).toEqual([
      { description: "API calls (1 and above)", quantity: "1234567.5", unitAmountMinor: 3n },
    ]);
  });

  it("labels fractional bounds without inventing a next unit", () => {
    const tiers = [tier("0.5", 100n), tier("1000.5", 10n), tier(null, 1n)];
    expect(priceLines(graduated(tiers), "2000")).toEqual([
      { description: "API calls (up to 0.5)", quantity: "0.5", unitAmountMinor: 100n },
      { description: "API calls (above 0.5 up to 1,000.5)", quantity: "1000", unitAmountMinor: 10n },
      { description: "API calls (above 1,000.5)", quantity: "999.5", unitAmountMinor: 1n },
    ]);
  });
});

describe("priceLines: volume", () => {
  it("prices every unit at the tier the total falls in, at and around each bound", () => {
    expect(priceLines(volume(), "1000")).toEqual([{ description: "Seats", quantity: "1000", unitAmountMinor: 10n }]);
    expect(priceLines(volume(), "1000.5")).toEqual([{ description: "Seats", quantity: "1000.5", unitAmountMinor: 8n }]);
    expect(priceLines(volume(), "1001")).toEqual([{ description: "Seats", quantity: "1001", unitAmountMinor: 8n }]);
    expect(priceLines(volume(), "10000")).toEqual([{ description: "Seats", quantity: "10000", unitAmountMinor: 8n }]);
    expect(priceLines(volume(), "10001")).toEqual([{ description: "Seats", quantity: "10001", unitAmountMinor: 5n }]);
    expect(totalMinor(volume(), "10001")).toBe(50005n); // 10,001 x 0.05 = 500.05 USD
    expect(totalMinor(volume(), "999")).toBe(9990n); // 999 x 0.10 = 99.90 USD
  });

  it("adds the reached tier's flat fee, and only that tier's", () => {
    const tiers = [tier("10", 1000n, 2500n), tier(null, 800n, 5000n)]; // 25.00 / 50.00 USD flat
    expect(priceLines(volume(tiers), "10")).toEqual([
      { description: "Seats", quantity: "10", unitAmountMinor: 1000n },
      { description: "Seats (flat fee)", quantity: "1", unitAmountMinor: 2500n },
    ]);
    expect(priceLines(volume(tiers), "11")).toEqual([
      { description: "Seats", quantity: "11", unitAmountMinor: 800n },
      { description: "Seats (flat fee)", quantity: "1", unitAmountMinor: 5000n },
    ]);
    expect(totalMinor(volume(tiers), "11")).toBe(13800n); // 11 x 8.00 + 50.00 = 138.00 USD
  });

  it("bills quantity 0 at the first tier's price with no flat fee", () => {
    const tiers = [tier("10", 1000n, 2500n), tier(null, 800n)];
    expect(priceLines(volume(tiers), "0")).toEqual([{ description: "Seats", quantity: "0", unitAmountMinor: 1000n }]);
  });

  it("prices a single open tier at its one price", () => {
    expect(priceLines(volume([tier(null, 7n)]), "5")).toEqual([
      { description: "Seats", quantity: "5", unitAmountMinor: 7n },
    ]);
  });
});

describe("tierRangeLabel", () => {
  it("describes each tier of a whole-unit table", () => {
    expect(standardTiers.map((_, index) => tierRangeLabel(standardTiers, index))).toEqual([
      "1–1,000",
      "1,001–10,000",
      "10,001 and above",
    ]);
  });

  it("shows a one-unit tier as its single unit", () => {
    expect(tierRangeLabel([tier("1", 0n), tier("2", 5n), tier(null, 3n)], 1)).toBe("2");
  });
});

describe("tierProblems", () => {
  it("accepts ascending tiers with one open last tier, free tiers included", () => {
    expect(tierProblems(standardTiers)).toEqual([]);
    expect(tierProblems([tier("100", 0n), tier(null, 1n)])).toEqual([]);
    expect(tierProblems([tier(null, 1n)])).toEqual([]);
    expect(tierProblems([tier("0.5", 1n), tier("1000.5", 1n), tier(null, 1n)])).toEqual([]);
  });

  it("asks for at least one tier", () => {
    expect(tierProblems([])).toEqual([{ index: 0, field: "upTo", message: "Add at least one tier" }]);
  });

  it("refuses an open tier that is not the last", () => {
    expect(tierProblems([tier(null, 10n), tier(null, 5n)])).toEqual([
      { index: 0, field: "upTo", message: "Only the last tier can be open-ended: enter where this tier ends" },
    ]);
  });

  it("refuses a bound on the last tier", () => {
    expect(tierProblems([tier("1000", 10n), tier("5000", 5n)])).toEqual([
      { index: 1, field: "upTo", message: "Leave the last tier open (blank) so every quantity has a price" },
    ]);
  });

  it("refuses bounds that do not go up", () => {
    expect(tierProblems([tier("1000", 10n), tier("1000", 8n), tier(null, 5n)])).toEqual([
      { index: 1, field: "upTo", message: "Must be greater than the previous tier's 1,000" },
    ]);
    expect(tierProblems([tier("1000", 10n), tier("500", 8n), tier("2000", 6n), tier(null, 5n)])).toEqual([
      { index: 1, field: "upTo", message: "Must be greater than the previous tier's 1,000" },
    ]);
    expect(tierProblems([tier("1000.5", 10n), tier("1000.25", 8n), tier(null, 5n)])).toEqual([
      { index: 1, field: "upTo", message: "Must be greater than the previous tier's 1,000.5" },
    ]);
  });

  it("refuses a zero or unreadable bound", () => {
    expect(tierProblems([tier("0", 10n), tier(null, 5n)])).toEqual([
      { index: 0, field: "upTo", message: "Must be greater than 0" },
    ]);
    expect(tierProblems([tier("1e3", 10n), tier(null, 5n)])).toEqual([
      { index: 0, field: "upTo", message: "Enter a quantity like 1000 or 1000.5" },
    ]);
    expect(tierProblems([tier("-5", 10n), tier(null, 5n)])).toEqual([
      { index: 0, field: "upTo", message: "Enter a quantity like 1000 or 1000.5" },
    ]);
  });

  it("refuses negative unit prices and flat fees at their own fields", () => {
    expect(tierProblems([tier("10", -1n), tier(null, 5n, -100n)])).toEqual([
      { index: 0, field: "unitAmount", message: "Unit price cannot be negative" },
      { index: 1, field: "flatAmount", message: "Flat fee cannot be negative" },
    ]);
  });
});
