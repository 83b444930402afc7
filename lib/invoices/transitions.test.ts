import { describe, expect, it } from "vitest";
import type { InvoiceStatus, Role } from "@/lib/db/generated/enums";
import { allowedInvoiceActions, invoiceActionRefusal, type InvoiceAction } from "./transitions";

const due = 5685n; // 56.85

// Every state and what finance may do in it; the table is the rule, written out once.
const EXPECTED: Record<InvoiceStatus, InvoiceAction[]> = {
  draft: ["edit", "delete", "finalize"],
  finalized: ["record_payment", "void", "mark_uncollectible", "rotate_link"],
  uncollectible: ["record_payment", "void", "rotate_link"],
  paid: ["rotate_link"],
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
    ]);
    expect(allowedInvoiceActions({ status: "uncollectible", amountDueMinor: 0n }, "finance")).toEqual([
      "void",
      "rotate_link",
    ]);
  });

  it("offers no void once money was received", () => {
    expect(allowedInvoiceActions({ status: "finalized", amountDueMinor: 1000n, paidMinor: 4685n }, "finance")).toEqual([
      "record_payment",
      "mark_uncollectible",
      "rotate_link",
    ]);
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
});
