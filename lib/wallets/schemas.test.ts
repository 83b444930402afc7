import { describe, expect, it } from "vitest";
import {
  applyCreditSchema,
  CREDIT_REASONS,
  DEBIT_REASONS,
  manualDebitSchema,
  topUpSchema,
  WALLET_REASON_LABELS,
  type TopUpValues,
} from "./schemas";

const KEY = "0b7c6f1e-6a57-4c3e-9d0e-6a3f1c2b4d5e";

const topUp = (values: Partial<TopUpValues> = {}): TopUpValues => ({
  customerId: "cus_1",
  currency: "USD",
  amount: "100.00",
  reason: "purchased",
  expiresOn: "",
  priority: "",
  memo: "",
  idempotencyKey: KEY,
  ...values,
});

// The first message per field, as the action pipeline and the form both show it.
const errors = (result: { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } }) => {
  const found: Record<string, string> = {};
  for (const issue of result.error?.issues ?? []) found[issue.path.join(".")] ??= issue.message;
  return found;
};

describe("topUpSchema", () => {
  it("turns the form into minor units in the chosen currency, with defaults for empty fields", () => {
    expect(topUpSchema.parse(topUp({ amount: "1,250.50", memo: "  Prepaid  " }))).toEqual({
      customerId: "cus_1",
      currency: "USD",
      amountMinor: 125050n, // $1,250.50
      reason: "purchased",
      expiresOn: null,
      priority: 100,
      memo: "Prepaid",
      idempotencyKey: KEY,
    });
    expect(
      topUpSchema.parse(topUp({ currency: "jpy", amount: "1,000", priority: "0", expiresOn: "2030-08-31" })),
    ).toMatchObject({
      currency: "JPY",
      amountMinor: 1000n, // ¥1,000
      priority: 0,
      expiresOn: new Date("2030-08-31T00:00:00Z"),
    });
  });

  it("says what is wrong at the field", () => {
    expect(errors(topUpSchema.safeParse(topUp({ currency: "JPY", amount: "100.5" })))).toEqual({
      amount: "JPY amounts have no decimals",
    });
    expect(errors(topUpSchema.safeParse(topUp({ amount: "0" })))).toEqual({
      amount: "Amount must be greater than zero",
    });
    expect(errors(topUpSchema.safeParse(topUp({ amount: "-5" })))).toEqual({ amount: "Amount cannot be negative" });
    expect(errors(topUpSchema.safeParse(topUp({ priority: "1001" })))).toEqual({
      priority: "Enter a whole number from 0 to 1000; lower is used first",
    });
    expect(errors(topUpSchema.safeParse(topUp({ priority: "1.5" })))).toHaveProperty("priority");
    expect(errors(topUpSchema.safeParse(topUp({ expiresOn: "2030-02-30" })))).toEqual({
      expiresOn: "Enter a date like 2024-08-31",
    });
    expect(errors(topUpSchema.safeParse(topUp({ currency: "XXX" })))).toEqual({
      currency: "Choose a currency from the list",
    });
    expect(errors(topUpSchema.safeParse(topUp({ reason: "refund" as never })))).toEqual({
      reason: "Choose why the credit is given",
    });
    expect(errors(topUpSchema.safeParse(topUp({ idempotencyKey: "" })))).toHaveProperty("idempotencyKey");
  });
});

describe("manualDebitSchema", () => {
  it("requires a reason and parses the amount in the currency", () => {
    expect(
      errors(manualDebitSchema.safeParse({ customerId: "cus_1", currency: "EUR", amount: "12.50", memo: " " })),
    ).toEqual({ memo: "Say why the credit is taken off" });
    expect(
      manualDebitSchema.parse({ customerId: "cus_1", currency: "KWD", amount: "1.250", memo: "Correction" }),
    ).toEqual({
      customerId: "cus_1",
      currency: "KWD",
      amountMinor: 1250n, // KWD 1.250
      memo: "Correction",
      idempotencyKey: null,
    });
  });
});

describe("applyCreditSchema", () => {
  it("keeps the amount as text for the service to read in the invoice's currency", () => {
    expect(applyCreditSchema.parse({ invoiceId: " inv_1 ", amount: " 100.25 " })).toEqual({
      invoiceId: "inv_1",
      amount: "100.25",
    });
    expect(errors(applyCreditSchema.safeParse({ invoiceId: "inv_1", amount: "" }))).toEqual({
      amount: "Enter the amount of credit to apply",
    });
  });
});

describe("WALLET_REASON_LABELS", () => {
  it("names every reason, credits and debits", () => {
    expect(Object.keys(WALLET_REASON_LABELS).sort()).toEqual([...CREDIT_REASONS, ...DEBIT_REASONS].sort());
  });
});
