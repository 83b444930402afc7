import { describe, expect, it } from "vitest";
import type { InvoiceStatus, Role } from "@/lib/db/generated/enums";
import { allowedInvoiceActions, invoiceActionRefusal, type InvoiceAction } from "./transitions";

const due = 5685n; // 56.85

// Every state and what finance may do in it; the table is the rule, written out once.
const EXPECTED: Record<InvoiceStatus, InvoiceAction[]> = {
  draft: ["edit", "delete", "finalize"],
  finalized: [
    "record_payment",
    "void",
    "mark_uncollectible",
    "rotate_link",
    "issue_credit_note",
    "apply_wallet_credit",
  ],
  uncollectible: ["record_payment", "void", "rotate_link", "issue_credit_note", "apply_wallet_credit"],
  paid: ["rotate_link", "issue_credit_note"],
  void: [],
};

describe("allowedInvoiceActions", () => {
  for (const role of ["admin", "finance"] as const satisfies Role[]) {
    for (const [status, actions] of Object.entries(EXPECTED) as [InvoiceStatus, InvoiceAction[]][]) {
      it(`lets ${role} take ${actions.join(", ") || "nothing"} on a ${status} invoice`, () => {
        expect(allowedInvoiceActions({ status, amountDueMinor: due }, role)).toEqual(actions);
      });
    }
  }

  for (const status of Object.keys(EXPECTED) as InvoiceStatus[]) {
    it(`gives a viewer nothing on a ${status} invoice`, () => {
      expect(allowedInvoiceActions({ status, amountDueMinor: due }, "viewer")).toEqual([]);
    });
  }

  it("offers no payment when nothing is due", () => {
    expect(allowedInvoiceActions({ status: "finalized", amountDueMinor: 0n }, "finance")).toEqual([
      "void",
      "mark_uncollectible",
      "rotate_link",
      "issue_credit_note",
    ]);
    expect(allowedInvoiceActions({ status: "uncollectible", amountDueMinor: 0n }, "finance")).toEqual([
      "void",
      "rotate_link",
      "issue_credit_note",
    ]);
  });

  it("offers no void once money was received", () => {
    expect(allowedInvoiceActions({ status: "finalized", amountDueMinor: 1000n, paidMinor: 4685n }, "finance")).toEqual([
      "record_payment",
      "mark_uncollectible",
      "rotate_link",
      "issue_credit_note",
      "apply_wallet_credit",
    ]);
  });

  it("offers no credit note once credit notes reach the invoice's total", () => {
    const credited = { status: "paid", amountDueMinor: 0n, totalMinor: 5685n, creditedMinor: 5685n } as const;
    expect(allowedInvoiceActions(credited, "finance")).toEqual(["rotate_link"]);
    const partly = { ...credited, creditedMinor: 5684n };
    expect(allowedInvoiceActions(partly, "finance")).toEqual(["rotate_link", "issue_credit_note"]);
  });
});

describe("invoiceActionRefusal", () => {
  const refusal = (status: InvoiceStatus, action: InvoiceAction, amountDueMinor = due) =>
    invoiceActionRefusal({ status, amountDueMinor }, action);

  it("says why a finalized document cannot change", () => {
    expect(refusal("finalized", "edit")).toBe(
      "Only a draft can be edited: issue a credit note or void the invoice instead",
    );
    expect(refusal("paid", "finalize")).toBe("Only a draft can be finalized");
    expect(refusal("void", "delete")).toBe(
      "Only a draft can be deleted: a finalized invoice keeps its number and its record; void it instead",
    );
  });

  it("says why a void is refused", () => {
    expect(refusal("paid", "void")).toBe("A paid invoice cannot be voided: issue a credit note instead");
    expect(refusal("draft", "void")).toBe("A draft cannot be voided: delete it instead");
    expect(refusal("void", "void")).toBe("This invoice is already void");
    expect(invoiceActionRefusal({ status: "finalized", amountDueMinor: 1n, paidMinor: 1n }, "void")).toBe(
      "A partly paid invoice cannot be voided: issue a credit note instead",
    );
  });

  it("says why a payment is refused", () => {
    expect(refusal("draft", "record_payment")).toBe("Finalize the invoice before recording a payment");
    expect(refusal("paid", "record_payment", 0n)).toBe("This invoice is already paid");
    expect(refusal("void", "record_payment")).toBe("A void invoice cannot take payments");
    expect(refusal("finalized", "record_payment", 0n)).toBe("Nothing is due on this invoice");
  });

  it("says why marking uncollectible or replacing the link is refused", () => {
    expect(refusal("uncollectible", "mark_uncollectible")).toBe("This invoice is already marked uncollectible");
    expect(refusal("paid", "mark_uncollectible")).toBe("A paid invoice cannot be marked uncollectible");
    expect(refusal("draft", "rotate_link")).toBe("A draft has no customer link yet: it gets one when it is finalized");
    expect(refusal("void", "rotate_link")).toBe("A void invoice's link cannot be replaced");
  });

  it("says why a credit note is refused", () => {
    expect(refusal("draft", "issue_credit_note")).toBe(
      "A draft can still be edited: credit notes are for finalized invoices",
    );
    expect(refusal("void", "issue_credit_note")).toBe("A void invoice cannot be credited");
    expect(
      invoiceActionRefusal(
        { status: "finalized", amountDueMinor: 0n, totalMinor: 1000n, creditedMinor: 1000n },
        "issue_credit_note",
      ),
    ).toBe("This invoice is already credited in full");
  });

  it("says why wallet credit cannot be applied", () => {
    expect(refusal("draft", "apply_wallet_credit")).toBe("Finalize the invoice before applying wallet credit");
    expect(refusal("paid", "apply_wallet_credit", 0n)).toBe("This invoice is already paid");
    expect(refusal("void", "apply_wallet_credit")).toBe("A void invoice cannot take wallet credit");
    expect(refusal("finalized", "apply_wallet_credit", 0n)).toBe("Nothing is due on this invoice");
    expect(refusal("uncollectible", "apply_wallet_credit")).toBeNull();
  });
});
