import { describe, expect, it } from "vitest";
import { computeLine } from "@/lib/invoices/totals";
import { minorTextToMajor } from "./invoice-lines";

describe("the rounding shown under a line", () => {
  it("moves the decimal point by the currency's exponent", () => {
    // 7.25 h x £132.50 = £960.625 exactly, stored as £960.63.
    const line = computeLine({ quantity: "7.25", unitAmountMinor: 13_250n, taxRatePercent: "20" });
    expect(line.amountMinor).toBe(96_063n);
    expect(minorTextToMajor(line.exactMinor, 2)).toBe("960.625");
    expect(minorTextToMajor("3333.333333", 2)).toBe("33.33333333");
    expect(minorTextToMajor("5.5", 2)).toBe("0.055");
    expect(minorTextToMajor("-1250.5", 2)).toBe("-12.505");
    expect(minorTextToMajor("1500.5", 0)).toBe("1500.5"); // yen
    expect(minorTextToMajor("1125.25", 3)).toBe("1.12525"); // dinars
    expect(minorTextToMajor("100", 2)).toBe("1");
  });
});
