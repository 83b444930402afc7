import { describe, expect, it } from "vitest";
import { draftInvoiceFormSchema, type DraftInvoiceFormValues } from "@/lib/invoices/schemas";
import { computeInvoiceTotals } from "@/lib/invoices/totals";
import { computeLiveTotals, formatLineAmount, parseDraftLine, type DraftLineText } from "./draft-totals";

const form = (lines: DraftLineText[], currency = "USD"): DraftInvoiceFormValues => ({
  customerId: "cus_1",
  currency,
  issueDate: "2026-11-21",
  dueMode: "terms",
  paymentTerms: "net_30",
  dueDate: "",
  numbering: "series",
  seriesId: "",
  customNumber: "",
  memo: "",
  footer: "",
  lines: lines.map((line) => ({ description: "Work", ...line })),
});

/** What the server stores for these lines: the schema's parse, totalled by lib/invoices/totals. */
const storedTotals = (lines: DraftLineText[], currency = "USD") => {
  const parsed = draftInvoiceFormSchema.parse(form(lines, currency));
  return computeInvoiceTotals(parsed.lines);
};

describe("live totals on the draft form", () => {
  it("agree to the cent with what the server stores, fractional quantities and several rates included", () => {
    const lines = [
      { quantity: "7.5", unitPrice: "145.00", taxRate: "8.875" }, // 1,087.50 + 96.52 tax
      { quantity: "1", unitPrice: "500", taxRate: "" }, // 500.00, untaxed
      { quantity: "3", unitPrice: "19.99", taxRate: "8.875 %" }, // 59.97 + 5.32 tax
      { quantity: "0.333333", unitPrice: "1,000.00", taxRate: "20" }, // 333.333 -> 333.33 + 66.67 tax
    ];
    const live = computeLiveTotals(lines, "USD");
    const stored = storedTotals(lines);
    expect(live.subtotalMinor).toBe(stored.subtotalMinor);
    expect(live.taxMinor).toBe(stored.taxMinor);
    expect(live.totalMinor).toBe(stored.totalMinor);
    expect(live.taxes).toEqual(stored.taxes);
    expect(live.totalMinor).toBe(214_931n); // $2,149.31 = 1,980.80 + 168.51 tax
    expect(live.lineAmounts).toEqual([108_750n, 50_000n, 5_997n, 33_333n]);
    expect(live.skipped).toBe(0);
  });

  it("counts a discount line as the schema does", () => {
    const lines = [
      { quantity: "2", unitPrice: "100.00", taxRate: "0" },
      { quantity: "1", unitPrice: "-25.50", taxRate: "0" },
    ];
    expect(computeLiveTotals(lines, "USD").totalMinor).toBe(storedTotals(lines).totalMinor);
    expect(computeLiveTotals(lines, "USD").totalMinor).toBe(17_450n); // $174.50
  });

  it("reads amounts in the chosen currency: yen have no decimals, dinars three", () => {
    expect(parseDraftLine({ quantity: "2", unitPrice: "1500", taxRate: "10" }, "JPY")?.unitAmountMinor).toBe(1500n);
    expect(parseDraftLine({ quantity: "2", unitPrice: "1500.5", taxRate: "10" }, "JPY")).toBeNull();
    expect(parseDraftLine({ quantity: "1", unitPrice: "1.125", taxRate: "0" }, "KWD")?.unitAmountMinor).toBe(1125n);
  });

  it("leaves out a line that does not parse yet and shows a dash for its amount", () => {
    const live = computeLiveTotals(
      [
        { quantity: "2", unitPrice: "10.00", taxRate: "0" },
        { quantity: "1", unitPrice: "12.345", taxRate: "0" }, // too many decimals for USD
        { quantity: "", unitPrice: "5", taxRate: "0" },
      ],
      "USD",
    );
    expect(live.lineAmounts).toEqual([2_000n, null, null]);
    expect(live.totalMinor).toBe(2_000n);
    expect(live.skipped).toBe(2);
    expect(formatLineAmount(null, "USD", "en-US")).toBe("—");
    expect(formatLineAmount(2_000n, "USD", "en-US")).toBe("$20.00");
  });

  it("shows nothing it cannot price while the currency is not a known one", () => {
    const live = computeLiveTotals([{ quantity: "1", unitPrice: "10", taxRate: "0" }], "");
    expect(live.lineAmounts).toEqual([null]);
    expect(live.totalMinor).toBe(0n);
  });
});
