import { describe, expect, it } from "vitest";
import { displayStatus, isOverdue } from "./status";

const today = new Date("2024-07-10T00:00:00Z");

describe("overdue", () => {
  it("is a finalized invoice with money due after its due date", () => {
    const invoice = {
      status: "finalized" as const,
      amountDueMinor: 10_000n /* 100.00 */,
      dueDate: new Date("2024-07-09T00:00:00Z"),
    };
    expect(isOverdue(invoice, today)).toBe(true);
    expect(displayStatus(invoice, today)).toBe("overdue");
  });
  it("is not due on the due date itself", () => {
    expect(isOverdue({ status: "finalized", amountDueMinor: 1n, dueDate: today }, today)).toBe(false);
  });
  it("is never a paid, void, draft or fully credited invoice", () => {
    const past = new Date("2024-01-01T00:00:00Z");
    expect(isOverdue({ status: "paid", amountDueMinor: 0n, dueDate: past }, today)).toBe(false);
    expect(isOverdue({ status: "void", amountDueMinor: 500n, dueDate: past }, today)).toBe(false);
    expect(isOverdue({ status: "draft", amountDueMinor: 500n, dueDate: past }, today)).toBe(false);
    expect(isOverdue({ status: "finalized", amountDueMinor: 0n, dueDate: past }, today)).toBe(false);
    expect(displayStatus({ status: "uncollectible", amountDueMinor: 500n, dueDate: past }, today)).toBe(
      "uncollectible",
    );
  });
});
