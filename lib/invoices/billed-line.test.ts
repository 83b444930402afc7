import { describe, expect, it } from "vitest";
import {
  billedDraftProblem,
  billedLineText,
  HAND_MADE_LINE,
  parseInstant,
  readBilledLine,
  type BilledLine,
  type BilledSubscription,
} from "./billed-line";

// October 2026 on a New York calendar: midnight there is 04:00 UTC (daylight time).
const OCTOBER = { start: new Date("2026-10-01T04:00:00Z"), end: new Date("2026-11-01T04:00:00Z") };

describe("parseInstant", () => {
  it("reads the UTC ISO text the form is given, and nothing else", () => {
    expect(parseInstant("2026-10-01T04:00:00.000Z")).toEqual(OCTOBER.start);
    expect(parseInstant("2026-10-01T04:00:00Z")).toEqual(OCTOBER.start);
    expect(parseInstant("2024-02-29T00:00:00.000Z")).toEqual(new Date("2024-02-29T00:00:00Z"));
    expect(parseInstant("2026-02-30T00:00:00.000Z")).toBeNull(); // no such day
    expect(parseInstant("2026-10-01")).toBeNull();
    expect(parseInstant("2026-10-01T00:00:00+02:00")).toBeNull();
    expect(parseInstant("1790000000000")).toBeNull();
    expect(parseInstant("")).toBeNull();
  });
});

describe("a line's source through the form", () => {
  it("round-trips a plan line and a hand-made line", () => {
    const planLine: BilledLine = { priceId: "price_calls", periodStart: OCTOBER.start, periodEnd: OCTOBER.end };
    expect(billedLineText(planLine)).toEqual({
      priceId: "price_calls",
      periodStart: "2026-10-01T04:00:00.000Z",
      periodEnd: "2026-11-01T04:00:00.000Z",
    });
    expect(readBilledLine(billedLineText(planLine))).toEqual({ ok: true, line: planLine });
    expect(billedLineText(HAND_MADE_LINE)).toEqual({ priceId: "", periodStart: "", periodEnd: "" });
    expect(readBilledLine(billedLineText(HAND_MADE_LINE))).toEqual({ ok: true, line: HAND_MADE_LINE });
    // A line from a form that never had the hidden fields (a new invoice) is hand-made.
    expect(readBilledLine({})).toEqual({ ok: true, line: HAND_MADE_LINE });
    expect(readBilledLine({ priceId: "price_fee" })).toEqual({
      ok: true,
      line: { priceId: "price_fee", periodStart: null, periodEnd: null },
    });
  });

  it("refuses a period without a price, half a period, and one that does not move forward", () => {
    const error = (text: Parameters<typeof readBilledLine>[0]) => {
      const result = readBilledLine(text);
      return result.ok ? null : result.error;
    };
    expect(error({ periodStart: "2026-10-01T04:00:00.000Z", periodEnd: "2026-11-01T04:00:00.000Z" })).toBe(
      "Only a line billed from a plan price carries a billing period",
    );
    expect(error({ priceId: "price_fee", periodEnd: "2026-11-01T04:00:00.000Z" })).toBe(
      "This line's billing period needs both its start and its end",
    );
    expect(error({ priceId: "price_fee", periodStart: "yesterday", periodEnd: "2026-11-01T04:00:00.000Z" })).toBe(
      "This line's billing period is not a valid time",
    );
    expect(
      error({ priceId: "price_fee", periodStart: "2026-10-01T04:00:00.000Z", periodEnd: "2026-10-01T04:00:00.000Z" }),
    ).toBe("This line's billing period must end after it starts");
  });
});

describe("billedDraftProblem", () => {
  const subscription: BilledSubscription = {
    priceIds: new Set(["price_fee", "price_calls"]),
    periodStart: OCTOBER.start,
    periodEnd: OCTOBER.end,
  };
  const stored = { customerId: "cus_payer", currency: "USD", subscription };
  const feeLine: BilledLine = { priceId: "price_fee", periodStart: OCTOBER.start, periodEnd: OCTOBER.end };
  const input = (values: Partial<{ customerId: string; currency: string; lines: BilledLine[] }> = {}) => ({
    customerId: "cus_payer",
    currency: "USD",
    lines: [feeLine, HAND_MADE_LINE],
    ...values,
  });

  it("lets a subscription draft keep its payer, currency, plan prices and hand-made lines", () => {
    expect(billedDraftProblem({ stored, input: input() })).toBeNull();
    expect(
      billedDraftProblem({ stored, input: input({ lines: [HAND_MADE_LINE, { ...feeLine, priceId: "price_calls" }] }) }),
    ).toBeNull();
    // A part of the period (a line cut short) is still within it.
    expect(
      billedDraftProblem({
        stored,
        input: input({ lines: [{ ...feeLine, periodEnd: new Date("2026-10-15T04:00:00Z") }] }),
      }),
    ).toBeNull();
  });

  it("refuses another payer or currency on a subscription draft", () => {
    expect(billedDraftProblem({ stored, input: input({ customerId: "cus_other" }) })).toEqual({
      field: "customerId",
      message: "This invoice bills a subscription: it goes to the subscription's invoicing customer, who cannot change",
    });
    expect(billedDraftProblem({ stored, input: input({ currency: "EUR" }) })).toEqual({
      field: "currency",
      message: "This invoice bills a subscription: it is in the plan's currency (USD), which cannot change",
    });
  });

  it("refuses a price from another plan and a period outside the invoice's, at the line", () => {
    expect(
      billedDraftProblem({
        stored,
        input: input({ lines: [HAND_MADE_LINE, { ...feeLine, priceId: "price_forged" }] }),
      }),
    ).toEqual({
      field: "lines.1.description",
      message: "This line names a price that is not on the subscription's plan",
    });
    expect(
      billedDraftProblem({
        stored,
        input: input({ lines: [{ ...feeLine, periodEnd: new Date("2026-12-01T05:00:00Z") }] }),
      }),
    ).toEqual({
      field: "lines.0.description",
      message: "This line's billing period lies outside the period the invoice bills",
    });
  });

  it("lets a one-off draft change customer and currency but name no plan price", () => {
    const oneOff = { customerId: "cus_payer", currency: "USD", subscription: null };
    expect(
      billedDraftProblem({
        stored: oneOff,
        input: input({ customerId: "cus_other", currency: "EUR", lines: [HAND_MADE_LINE] }),
      }),
    ).toBeNull();
    expect(billedDraftProblem({ stored: oneOff, input: input() })).toEqual({
      field: "lines.0.description",
      message: "This line names a plan price, but the invoice bills no subscription",
    });
    // A new draft is a one-off too.
    expect(billedDraftProblem({ stored: null, input: input({ lines: [HAND_MADE_LINE, feeLine] }) })).toEqual({
      field: "lines.1.description",
      message: "This line names a plan price, but the invoice bills no subscription",
    });
  });
});
