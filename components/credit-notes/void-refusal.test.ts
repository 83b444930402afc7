import { describe, expect, it } from "vitest";
import { creditNoteVoidRefusal } from "./void-refusal";

type State = Parameters<typeof creditNoteVoidRefusal>[0];

const state = (changes: {
  status?: "issued" | "void";
  refundMinor?: bigint;
  invoiceStatus?: "finalized" | "paid" | "void";
  walletCredit?: { amountMinor: bigint; remainingMinor: bigint };
}): State =>
  ({
    creditNote: { status: changes.status ?? "issued", refundMinor: changes.refundMinor ?? 0n, currency: "USD" },
    invoice: { number: "INV-202606-0001", status: changes.invoiceStatus ?? "paid" },
    walletTransactions: changes.walletCredit ? [{ type: "credit", reason: "refund", ...changes.walletCredit }] : [],
  }) as unknown as State;

describe("creditNoteVoidRefusal", () => {
  it("allows voiding a credit note nothing of which was refunded or spent", () => {
    expect(creditNoteVoidRefusal(state({}), "en-US")).toBeNull();
    // $50.00 put in the wallet, all of it still there
    expect(
      creditNoteVoidRefusal(state({ walletCredit: { amountMinor: 5000n, remainingMinor: 5000n } }), "en-US"),
    ).toBeNull();
  });

  it("refuses a refunded one, one on a void invoice, and a void one", () => {
    expect(creditNoteVoidRefusal(state({ refundMinor: 100n }), "en-US")).toBe(
      "A refunded credit note cannot be voided",
    );
    expect(creditNoteVoidRefusal(state({ invoiceStatus: "void" }), "en-US")).toBe(
      "INV-202606-0001 is void: its credit notes stay as they were issued",
    );
    expect(creditNoteVoidRefusal(state({ status: "void" }), "en-US")).toBe("This credit note is already void");
  });

  it("says how much of its wallet credit was already used", () => {
    // $50.00 credited, $20.00 left: $30.00 used
    expect(creditNoteVoidRefusal(state({ walletCredit: { amountMinor: 5000n, remainingMinor: 2000n } }), "en-US")).toBe(
      "$30.00 of the $50.00 this credit note put in the customer's wallet has already been used, so it cannot be voided",
    );
  });
});
