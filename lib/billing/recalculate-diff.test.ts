import { describe, expect, it } from "vitest";
import { recalculateLines, storedQuantity, type PlanLine, type StoredLine } from "./recalculate-diff";

const period = { periodStart: new Date("2024-06-01T00:00:00Z"), periodEnd: new Date("2024-07-01T00:00:00Z") };

const plan = (line: Partial<PlanLine> & Pick<PlanLine, "priceId" | "description" | "quantity">): PlanLine => ({
  unitAmountMinor: 100n, // $1.00
  taxRatePercent: "0",
  ...period,
  ...line,
});

const stored = (
  line: Partial<StoredLine> & Pick<StoredLine, "description" | "quantity" | "amountMinor">,
): StoredLine => ({
  priceId: null,
  unitAmountMinor: 100n,
  taxRatePercent: "0",
  periodStart: null,
  periodEnd: null,
  ...line,
});

describe("recalculateLines", () => {
  it("pairs lines by price and description and shows old and new quantity and amount", () => {
    const result = recalculateLines({
      current: [
        stored({
          priceId: "prc_fee",
          description: "Platform fee",
          quantity: "1",
          unitAmountMinor: 4900n,
          amountMinor: 4900n,
        }),
        stored({ priceId: "prc_api", description: "API calls", quantity: "120", amountMinor: 12000n }),
      ],
      planLines: [
        plan({ priceId: "prc_fee", description: "Platform fee", quantity: "1", unitAmountMinor: 4900n }),
        plan({ priceId: "prc_api", description: "API calls", quantity: "135.5" }),
      ],
    });
    expect(result.changed).toBe(true);
    expect(result.lines).toEqual([
      {
        priceId: "prc_fee",
        description: "Platform fee",
        oldQuantity: "1",
        newQuantity: "1",
        oldAmountMinor: 4900n,
        newAmountMinor: 4900n,
      },
      // 135.5 x $1.00 = $135.50
      {
        priceId: "prc_api",
        description: "API calls",
        oldQuantity: "120",
        newQuantity: "135.5",
        oldAmountMinor: 12000n,
        newAmountMinor: 13550n,
      },
    ]);
  });

  it("shows a tier the usage now reaches as added and one it no longer reaches as removed", () => {
    const result = recalculateLines({
      current: [
        stored({ priceId: "prc_calls", description: "Calls (1–1,000)", quantity: "1000", amountMinor: 100000n }),
        stored({
          priceId: "prc_calls",
          description: "Calls (1,001 and above)",
          quantity: "5",
          amountMinor: 250n,
          unitAmountMinor: 50n,
        }),
        stored({ priceId: "prc_seats", description: "Seats (11 and above)", quantity: "2", amountMinor: 200n }),
      ],
      planLines: [
        plan({ priceId: "prc_calls", description: "Calls (1–1,000)", quantity: "1000" }),
        plan({ priceId: "prc_calls", description: "Calls (1,001 and above)", quantity: "40", unitAmountMinor: 50n }),
        plan({ priceId: "prc_seats", description: "Seats (1–10)", quantity: "9" }),
      ],
    });
    expect(result.lines.map((line) => [line.description, line.oldQuantity, line.newQuantity])).toEqual([
      ["Calls (1–1,000)", "1000", "1000"],
      ["Calls (1,001 and above)", "5", "40"],
      ["Seats (1–10)", null, "9"],
      ["Seats (11 and above)", "2", null],
    ]);
    expect(result.lines.at(-1)).toMatchObject({ oldAmountMinor: 200n, newAmountMinor: null });
  });

  it("finds nothing changed when the events give the lines the invoice holds, however the database prints them", () => {
    const result = recalculateLines({
      current: [
        stored({
          priceId: "prc_gb",
          description: "Storage",
          quantity: "188.500000",
          amountMinor: 18850n,
          taxRatePercent: "9.0000",
        }),
      ],
      planLines: [plan({ priceId: "prc_gb", description: "Storage", quantity: "188.5", taxRatePercent: "0" })],
    });
    expect(result.changed).toBe(false);
  });

  it("keeps the tax rate finance gave the price's lines, also on a tier line that is new", () => {
    const result = recalculateLines({
      current: [
        stored({
          priceId: "prc_calls",
          description: "Calls (1–1,000)",
          quantity: "10",
          amountMinor: 1000n,
          taxRatePercent: "9",
        }),
      ],
      planLines: [
        plan({ priceId: "prc_calls", description: "Calls (1–1,000)", quantity: "1000" }),
        plan({ priceId: "prc_calls", description: "Calls (1,001 and above)", quantity: "3" }),
        plan({ priceId: "prc_other", description: "Other", quantity: "1", taxRatePercent: "20" }),
      ],
    });
    expect(result.linesToWrite.map((line) => line.taxRatePercent)).toEqual(["9", "9", "20"]);
  });

  it("keeps manual lines where they stood around the plan's lines", () => {
    const result = recalculateLines({
      current: [
        stored({ description: "Onboarding", quantity: "1", amountMinor: 50000n }),
        stored({ priceId: "prc_api", description: "API calls", quantity: "10", amountMinor: 1000n }),
        stored({ description: "Goodwill discount", quantity: "1", amountMinor: 0n, unitAmountMinor: 0n }),
      ],
      planLines: [
        plan({ priceId: "prc_fee", description: "Platform fee", quantity: "1" }),
        plan({ priceId: "prc_api", description: "API calls", quantity: "12" }),
      ],
    });
    expect(result.linesToWrite.map((line) => line.description)).toEqual([
      "Onboarding",
      "Platform fee",
      "API calls",
      "Goodwill discount",
    ]);
    expect(result.linesToWrite[0]).toMatchObject({ priceId: null, quantity: "1", unitAmountMinor: 100n });
  });

  it("puts the plan's lines first on an invoice that had none", () => {
    const result = recalculateLines({
      current: [stored({ description: "Setup", quantity: "1", amountMinor: 100n })],
      planLines: [plan({ priceId: "prc_fee", description: "Platform fee", quantity: "1" })],
    });
    expect(result.linesToWrite.map((line) => line.description)).toEqual(["Platform fee", "Setup"]);
    expect(result.changed).toBe(true);
  });

  it("sees a changed unit price (the plan was repriced) as a change", () => {
    const result = recalculateLines({
      current: [stored({ priceId: "prc_fee", description: "Fee", quantity: "1", amountMinor: 100n })],
      planLines: [plan({ priceId: "prc_fee", description: "Fee", quantity: "1", unitAmountMinor: 200n })],
    });
    expect(result.changed).toBe(true);
  });
});

describe("storedQuantity", () => {
  it("rounds to the six places the line stores, half up, and prints canonically", () => {
    expect(storedQuantity("2.0000005")).toBe("2.000001");
    expect(storedQuantity("2.00000049")).toBe("2");
    expect(storedQuantity("1000.500000")).toBe("1000.5");
  });
});
