import { describe, expect, it } from "vitest";
import { sumMinor } from "@/lib/money";
import { creditableAmount, previewCreditNote, type CreditNotePreviewInvoice } from "./preview";

// INV-1: 1 workshop at 1,000.00 + 20% tax (1,200.00) and 2.5 support hours at 13.80 untaxed (34.50).
const invoice = (values: Partial<CreditNotePreviewInvoice> = {}): CreditNotePreviewInvoice => ({
  totalMinor: 123450n, // 1,234.50
  creditedMinor: 0n,
  walletAppliedMinor: 0n,
  paidMinor: 0n,
  refundedMinor: 0n,
  amountDueMinor: 123450n,
  currency: "USD",
  number: "INV-1",
  lines: [
    {
      id: "il_workshop",
      description: "Implementation workshop",
      quantity: "1",
      unitAmountMinor: 100000n,
      amountMinor: 100000n,
      taxRatePercent: "20.0000",
      taxMinor: 20000n,
    },
    {
      id: "il_support",
      description: "Support hours",
      quantity: "2.5",
      unitAmountMinor: 1380n,
      amountMinor: 3450n,
      taxRatePercent: "0.0000",
      taxMinor: 0n,
    },
  ],
  ...values,
});

const creditLines = (lines: { invoiceLineId: string; quantity: string }[]) => ({ mode: "lines" as const, lines });

describe("creditableAmount", () => {
  it("is the total less what was credited, never below zero", () => {
    expect(creditableAmount({ totalMinor: 12000n, creditedMinor: 8000n })).toBe(4000n);
    expect(creditableAmount({ totalMinor: 12000n, creditedMinor: 12000n })).toBe(0n);
    expect(creditableAmount({ totalMinor: 12000n, creditedMinor: 13000n })).toBe(0n);
  });
});

describe("previewCreditNote by lines", () => {
  it("credits a line at its invoiced price and tax rate, lowering the amount due before payment", () => {
    const preview = previewCreditNote({
      invoice: invoice(),
      input: creditLines([{ invoiceLineId: "il_workshop", quantity: "1" }]),
    });
    expect(preview.issues).toEqual([]);
    expect(preview.lines).toEqual([
      {
        invoiceLineId: "il_workshop",
        description: "Implementation workshop",
        quantity: "1",
        unitAmountMinor: 100000n,
        amountMinor: 100000n,
        taxRatePercent: "20.0000",
        taxMinor: 20000n,
      },
    ]);
    expect(preview).toMatchObject({
      subtotalMinor: 100000n,
      taxMinor: 20000n,
      totalMinor: 120000n, // 1,200.00
      invoiceTotalMinor: 123450n,
      creditedSoFarMinor: 0n,
      creditableMinor: 123450n,
      amountDueMinor: 123450n,
      creditedToDueMinor: 120000n,
      newAmountDueMinor: 3450n, // 34.50
      remainderMinor: 0n,
    });
  });

  it("credits a fractional quantity, rounding half-up once", () => {
    // 1.5 h x 13.80 = 20.70
    const preview = previewCreditNote({
      invoice: invoice(),
      input: creditLines([{ invoiceLineId: "il_support", quantity: "1.5" }]),
    });
    expect(preview.lines[0]).toMatchObject({ quantity: "1.5", amountMinor: 2070n, taxMinor: 0n });
    expect(preview.totalMinor).toBe(2070n);
  });

  it("after payment puts the whole credit beyond the amount due", () => {
    const preview = previewCreditNote({
      invoice: invoice({ paidMinor: 123450n, amountDueMinor: 0n }),
      input: creditLines([{ invoiceLineId: "il_support", quantity: "2.5" }]),
    });
    expect(preview).toMatchObject({
      totalMinor: 3450n,
      creditedToDueMinor: 0n,
      remainderMinor: 3450n,
      newAmountDueMinor: 0n,
      refundableMinor: 123450n,
    });
  });

  it("after a part payment lowers the amount due to zero, never below, and splits off the rest", () => {
    // 1,000.00 paid of 1,234.50: 234.50 due; crediting 1,200.00 leaves 965.50 already paid.
    const preview = previewCreditNote({
      invoice: invoice({ paidMinor: 100000n, amountDueMinor: 23450n }),
      input: creditLines([{ invoiceLineId: "il_workshop", quantity: "1" }]),
    });
    expect(preview).toMatchObject({
      creditedToDueMinor: 23450n,
      newAmountDueMinor: 0n,
      remainderMinor: 96550n,
    });
  });

  it("refuses more than the quantity invoiced less what was credited", () => {
    const preview = previewCreditNote({
      invoice: invoice({ creditedQuantities: { il_support: "1" } }),
      input: creditLines([
        { invoiceLineId: "il_workshop", quantity: "" },
        { invoiceLineId: "il_support", quantity: "2" },
      ]),
    });
    expect(preview.issues).toEqual([
      { path: "lines.1.quantity", message: "At most 1.5 can still be credited on this line" },
    ]);
    expect(preview.lines).toEqual([]);
  });

  it("counts a line named twice in one credit note", () => {
    const preview = previewCreditNote({
      invoice: invoice(),
      input: creditLines([
        { invoiceLineId: "il_support", quantity: "2" },
        { invoiceLineId: "il_support", quantity: "1" },
      ]),
    });
    expect(preview.issues).toEqual([
      { path: "lines.1.quantity", message: "At most 0.5 can still be credited on this line" },
    ]);
  });

  it("says when a line is already credited in full", () => {
    const preview = previewCreditNote({
      invoice: invoice({ creditedQuantities: { il_workshop: "1" }, creditedMinor: 120000n, amountDueMinor: 3450n }),
      input: creditLines([{ invoiceLineId: "il_workshop", quantity: "1" }]),
    });
    expect(preview.issues).toEqual([{ path: "lines.0.quantity", message: "This line is already credited in full" }]);
  });

  it("makes a line's credits add up to exactly what it billed, however they are split", () => {
    // 1.5 units at 0.01 bill 0.015 -> 0.02. Three credits of 0.5 would each round 0.005 up to 0.01.
    const line = {
      id: "il_tiny",
      description: "Metered calls",
      quantity: "1.5",
      unitAmountMinor: 1n,
      amountMinor: 2n,
      taxRatePercent: "50",
      taxMinor: 1n,
    };
    const amounts: bigint[] = [];
    const taxes: bigint[] = [];
    for (const credited of ["0", "0.5", "1"]) {
      const preview = previewCreditNote({
        invoice: invoice({
          lines: [line],
          totalMinor: 3n,
          amountDueMinor: 3n,
          creditedQuantities: { il_tiny: credited },
        }),
        input: creditLines([{ invoiceLineId: "il_tiny", quantity: "0.5" }]),
      });
      expect(preview.issues).toEqual([]);
      amounts.push(preview.lines[0]!.amountMinor);
      taxes.push(preview.lines[0]!.taxMinor);
    }
    expect(amounts).toEqual([1n, 0n, 1n]);
    expect(sumMinor(amounts)).toBe(2n);
    expect(sumMinor(taxes)).toBe(1n);
  });

  it("ignores blank and zero quantities but asks for at least one", () => {
    const preview = previewCreditNote({
      invoice: invoice(),
      input: creditLines([
        { invoiceLineId: "il_workshop", quantity: " " },
        { invoiceLineId: "il_support", quantity: "0" },
      ]),
    });
    expect(preview.issues).toEqual([{ path: "lines", message: "Enter a quantity to credit on at least one line" }]);
    expect(preview.totalMinor).toBe(0n);
  });

  it("puts a malformed quantity's error at its line", () => {
    const preview = previewCreditNote({
      invoice: invoice(),
      input: creditLines([{ invoiceLineId: "il_workshop", quantity: "one" }]),
    });
    expect(preview.issues).toEqual([{ path: "lines.0.quantity", message: "Enter a quantity like 1.5" }]);
  });

  it("refuses a line that is not on the invoice and a discount line", () => {
    const discount = {
      id: "il_discount",
      description: "Launch discount",
      quantity: "1",
      unitAmountMinor: -5000n,
      amountMinor: -5000n,
      taxRatePercent: "0",
      taxMinor: 0n,
    };
    const preview = previewCreditNote({
      invoice: invoice({ lines: [...invoice().lines, discount] }),
      input: creditLines([
        { invoiceLineId: "il_elsewhere", quantity: "1" },
        { invoiceLineId: "il_discount", quantity: "1" },
      ]),
    });
    expect(preview.issues).toEqual([
      { path: "lines.0.invoiceLineId", message: "This line is not on the invoice" },
      { path: "lines.1.quantity", message: "A discount line cannot be credited" },
    ]);
  });

  it("refuses to credit more than the invoice can still be credited", () => {
    // With a 50.00 discount the total is 1,184.50; the workshop and all support hours make 1,234.50.
    const discount = {
      id: "il_discount",
      description: "Launch discount",
      quantity: "1",
      unitAmountMinor: -5000n,
      amountMinor: -5000n,
      taxRatePercent: "0",
      taxMinor: 0n,
    };
    const preview = previewCreditNote({
      invoice: invoice({ lines: [...invoice().lines, discount], totalMinor: 118450n, amountDueMinor: 118450n }),
      input: creditLines([
        { invoiceLineId: "il_workshop", quantity: "1" },
        { invoiceLineId: "il_support", quantity: "2.5" },
      ]),
    });
    expect(preview.totalMinor).toBe(123450n);
    expect(preview.issues).toEqual([{ path: "lines", message: "At most $1,184.50 can still be credited on INV-1" }]);
  });
});

describe("previewCreditNote by amount", () => {
  it("takes the tax back at the invoice's rates, in proportion to what each rate billed", () => {
    // 100.00 across 34.50 untaxed and 1,200.00 at 20%: 2.79 untaxed (2.7946) and 97.21 at 20% (97.2053, plus the leftover cent).
    const preview = previewCreditNote({ invoice: invoice(), input: { mode: "amount", amountMinor: 10000n } });
    expect(preview.issues).toEqual([]);
    expect(preview.lines).toEqual([
      {
        invoiceLineId: null,
        description: "Amount credited",
        quantity: "1",
        unitAmountMinor: 279n,
        amountMinor: 279n,
        taxRatePercent: "0",
        taxMinor: 0n,
      },
      {
        invoiceLineId: null,
        description: "Amount credited",
        quantity: "1",
        unitAmountMinor: 8101n, // 97.21 / 1.2 = 81.008 -> 81.01
        amountMinor: 8101n,
        taxRatePercent: "20",
        taxMinor: 1620n,
      },
    ]);
    expect(preview).toMatchObject({ subtotalMinor: 8380n, taxMinor: 1620n, totalMinor: 10000n });
  });

  it("uses one line at the rate given", () => {
    const preview = previewCreditNote({
      invoice: invoice(),
      input: { mode: "amount", amountMinor: 12000n, taxRatePercent: "20" },
    });
    expect(preview.lines).toHaveLength(1);
    expect(preview.lines[0]).toMatchObject({ amountMinor: 10000n, taxMinor: 2000n, taxRatePercent: "20" });
  });

  it("rounds the tax inside a tiny amount half-up and keeps the total exact", () => {
    // 0.01 at 20%: net 0.00833 -> 0.01, tax 0.00.
    const preview = previewCreditNote({
      invoice: invoice(),
      input: { mode: "amount", amountMinor: 1n, taxRatePercent: "20" },
    });
    expect(preview.lines[0]).toMatchObject({ amountMinor: 1n, taxMinor: 0n });
    expect(preview.totalMinor).toBe(1n);
  });

  it("says how much can still be credited, naming the invoice", () => {
    const preview = previewCreditNote({
      invoice: invoice({ totalMinor: 12000n, creditedMinor: 8000n, amountDueMinor: 4000n }),
      input: { mode: "amount", amountMinor: 5000n },
    });
    expect(preview.issues).toEqual([{ path: "amount", message: "At most $40.00 can still be credited on INV-1" }]);
    expect(preview.creditableMinor).toBe(4000n);
  });

  it("formats the limit in the organisation's locale", () => {
    const preview = previewCreditNote({
      invoice: invoice({ totalMinor: 12000n, creditedMinor: 8000n, amountDueMinor: 4000n, currency: "EUR" }),
      input: { mode: "amount", amountMinor: 5000n },
      locale: "de-DE",
    });
    expect(preview.issues[0]?.message).toBe("At most 40,00\u00a0€ can still be credited on INV-1");
  });

  it("says when nothing more can be credited", () => {
    const preview = previewCreditNote({
      invoice: invoice({ creditedMinor: 123450n, amountDueMinor: 0n }),
      input: { mode: "amount", amountMinor: 100n },
    });
    expect(preview.issues).toEqual([
      { path: "amount", message: "Nothing more can be credited on INV-1: it is credited in full" },
    ]);
  });

  it("refuses a zero amount", () => {
    const preview = previewCreditNote({ invoice: invoice(), input: { mode: "amount", amountMinor: 0n } });
    expect(preview.issues).toEqual([{ path: "amount", message: "Amount must be greater than zero" }]);
    expect(preview.lines).toEqual([]);
  });

  it("counts only money paid and not yet refunded as refundable", () => {
    const preview = previewCreditNote({
      invoice: invoice({ paidMinor: 100000n, walletAppliedMinor: 23450n, refundedMinor: 30000n, amountDueMinor: 0n }),
      input: { mode: "amount", amountMinor: 5000n },
    });
    expect(preview.refundableMinor).toBe(70000n);
    expect(preview.remainderMinor).toBe(5000n);
  });
});
