import { describe, expect, it } from "vitest";
import {
  evaluateCreditNote,
  issueCreditNoteFormSchema,
  issueCreditNoteSchema,
  voidCreditNoteSchema,
  type CreditNoteInvoiceContext,
  type IssueCreditNoteValues,
} from "./schemas";

// 1 workshop at 1,000.00 + 20% tax: 1,200.00, paid 1,000.00, so 200.00 is due.
const invoice: CreditNoteInvoiceContext = {
  totalMinor: 120000n,
  creditedMinor: 0n,
  walletAppliedMinor: 0n,
  paidMinor: 100000n,
  refundedMinor: 0n,
  amountDueMinor: 20000n,
  currency: "USD",
  number: "INV-7",
  lines: [
    {
      id: "il_workshop",
      description: "Implementation workshop",
      quantity: "1",
      unitAmountMinor: 100000n,
      amountMinor: 100000n,
      taxRatePercent: "20",
      taxMinor: 20000n,
    },
  ],
};

const values = (overrides: Partial<IssueCreditNoteValues> = {}): IssueCreditNoteValues => ({
  invoiceId: "inv_1",
  mode: "amount",
  lines: [],
  amount: "320.00",
  reason: "service_issue",
  memo: "Two days of downtime",
  refund: "",
  walletCredit: "",
  outOfBand: "",
  ...overrides,
});

const evaluate = (overrides: Partial<IssueCreditNoteValues> = {}) =>
  evaluateCreditNote({ values: issueCreditNoteSchema.parse(values(overrides)), invoice });

describe("issueCreditNoteSchema", () => {
  it("requires a reason and a memo", () => {
    const result = issueCreditNoteSchema.safeParse(values({ reason: "" as never, memo: "  " }));
    expect(result.success).toBe(false);
    const messages = Object.fromEntries(result.error!.issues.map((issue) => [issue.path.join("."), issue.message]));
    expect(messages).toEqual({ reason: "Choose a reason", memo: "Write a memo: why is this credited?" });
  });

  it("caps the memo at 1,000 characters", () => {
    const result = issueCreditNoteSchema.safeParse(values({ memo: "x".repeat(1001) }));
    expect(result.error?.issues[0]?.message).toBe("A memo can be at most 1000 characters");
  });

  it("fills the money parts it was not sent with blanks", () => {
    const parsed = issueCreditNoteSchema.parse({
      invoiceId: "inv_1",
      mode: "lines",
      reason: "duplicate",
      memo: "Sent twice",
    });
    expect(parsed).toMatchObject({ lines: [], amount: "", refund: "", walletCredit: "", outOfBand: "" });
  });
});

describe("evaluateCreditNote", () => {
  it("needs no split when the credit fits in the amount due", () => {
    const result = evaluate({ amount: "150.00", refund: "99" });
    expect(result.issues).toEqual([]);
    expect(result.preview.creditedToDueMinor).toBe(15000n);
    // The split fields are hidden then: what they held is ignored, not refunded.
    expect(result.split).toEqual({ refundMinor: 0n, walletCreditMinor: 0n, outOfBandMinor: 0n });
  });

  it("accepts a remainder split exactly", () => {
    // 320.00 credited: 200.00 off the amount due, 120.00 already paid.
    const result = evaluate({ refund: "50", walletCredit: "60.00", outOfBand: "10" });
    expect(result.issues).toEqual([]);
    expect(result.preview.remainderMinor).toBe(12000n);
    expect(result.split).toEqual({ refundMinor: 5000n, walletCreditMinor: 6000n, outOfBandMinor: 1000n });
  });

  it("says by how much the parts are off, at the refund when nothing is filled in", () => {
    expect(evaluate().issues).toEqual([
      { path: "refund", message: "Refund, wallet credit and out of band must add up to $120.00; they add up to $0.00" },
    ]);
  });

  it("puts the error at the first part filled in", () => {
    expect(evaluate({ walletCredit: "100" }).issues).toEqual([
      {
        path: "walletCredit",
        message: "Refund, wallet credit and out of band must add up to $120.00; they add up to $100.00",
      },
    ]);
  });

  it("refunds no more than was paid and not yet refunded", () => {
    const result = evaluateCreditNote({
      values: issueCreditNoteSchema.parse(values({ amount: "1200", refund: "1200" })),
      invoice: { ...invoice, paidMinor: 120000n, refundedMinor: 30000n, amountDueMinor: 0n, walletAppliedMinor: 0n },
    });
    expect(result.issues).toEqual([
      { path: "refund", message: "At most $900.00 can be refunded: that is what was paid and not yet refunded" },
    ]);
  });

  it("places a malformed part's error at its field", () => {
    expect(evaluate({ refund: "12.345", walletCredit: "abc" }).issues).toEqual([
      { path: "refund", message: "USD amounts have at most 2 decimals" },
      { path: "walletCredit", message: "Enter an amount like 1,234.50" },
    ]);
  });

  it("asks for the amount in amount mode", () => {
    expect(evaluate({ amount: "" }).issues).toEqual([{ path: "amount", message: "Enter the amount to credit" }]);
    expect(evaluate({ amount: "-5" }).issues).toEqual([{ path: "amount", message: "Amount cannot be negative" }]);
  });

  it("refuses an over-credit at the amount, without asking to split it", () => {
    expect(evaluate({ amount: "1,200.01" }).issues).toEqual([
      { path: "amount", message: "At most $1,200.00 can still be credited on INV-7" },
    ]);
  });
});

describe("issueCreditNoteFormSchema", () => {
  it("shows the invoice's checks at the form's fields", () => {
    const schema = issueCreditNoteFormSchema({ invoice });
    const result = schema.safeParse(
      values({ mode: "lines", lines: [{ invoiceLineId: "il_workshop", quantity: "2" }] }),
    );
    expect(result.success).toBe(false);
    expect(result.error!.issues.map((issue) => ({ path: issue.path, message: issue.message }))).toEqual([
      { path: ["lines", 0, "quantity"], message: "At most 1 can still be credited on this line" },
    ]);
  });

  it("passes a valid credit note", () => {
    const schema = issueCreditNoteFormSchema({ invoice });
    expect(schema.safeParse(values({ refund: "120" })).success).toBe(true);
  });
});

describe("voidCreditNoteSchema", () => {
  it("requires a reason", () => {
    const result = voidCreditNoteSchema.safeParse({ creditNoteId: "cn_1", reason: " " });
    expect(result.error?.issues[0]?.message).toBe("Say why the credit note is void");
  });
});
