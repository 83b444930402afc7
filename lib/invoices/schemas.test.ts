import { describe, expect, it } from "vitest";
import { HAND_MADE_LINE } from "./billed-line";
import {
  checkInvoiceNumberSchema,
  customerSearchSchema,
  customNumberError,
  draftInvoiceFieldPaths,
  draftInvoiceFormSchema,
  dueDateFor,
  markUncollectibleSchema,
  parseCalendarDate,
  recordPaymentSchema,
  voidInvoiceSchema,
  type DraftInvoiceFormValues,
  type DraftInvoiceLineValues,
} from "./schemas";

const line = (values: Partial<DraftInvoiceLineValues> = {}): DraftInvoiceLineValues => ({
  description: "Implementation workshop",
  quantity: "2",
  unitPrice: "1,250.00",
  taxRate: "20",
  ...values,
});

const form = (values: Partial<DraftInvoiceFormValues> = {}): DraftInvoiceFormValues => ({
  customerId: "cus_1",
  currency: "EUR",
  issueDate: "2024-06-28",
  dueMode: "terms",
  paymentTerms: "net_30",
  dueDate: "",
  numbering: "series",
  seriesId: "",
  customNumber: "",
  memo: "",
  footer: "",
  lines: [line()],
  ...values,
});

/** Every error the schema reports, keyed by field path. */
const errorsOf = (values: DraftInvoiceFormValues): Record<string, string> => {
  const result = draftInvoiceFormSchema.safeParse(values);
  if (result.success) return {};
  return Object.fromEntries(result.error.issues.map((issue) => [issue.path.join("."), issue.message]));
};

describe("draftInvoiceFormSchema", () => {
  it("parses money into minor units and dates into calendar dates", () => {
    const parsed = draftInvoiceFormSchema.parse(
      form({
        invoiceId: "",
        memo: "  Thanks for your business  ",
        lines: [line(), line({ description: " Support ", quantity: "7.5", unitPrice: "80", taxRate: "" })],
      }),
    );
    expect(parsed).toEqual({
      invoiceId: null,
      customerId: "cus_1",
      currency: "EUR",
      issueDate: new Date("2024-06-28T00:00:00Z"),
      dueDate: new Date("2024-07-28T00:00:00Z"),
      paymentTerms: "net_30",
      seriesId: null,
      customNumber: null,
      memo: "Thanks for your business",
      footer: null,
      lines: [
        {
          description: "Implementation workshop",
          quantity: "2",
          unitAmountMinor: 125000n,
          taxRatePercent: "20",
          ...HAND_MADE_LINE,
        }, // 1,250.00
        { description: "Support", quantity: "7.5", unitAmountMinor: 8000n, taxRatePercent: "0", ...HAND_MADE_LINE }, // 80.00
      ],
    });
  });

  it("keeps a subscription line's plan price and period, and a hand-made line's lack of them", () => {
    const parsed = draftInvoiceFormSchema.parse(
      form({
        subscriptionId: "sub_1",
        lines: [
          line({
            priceId: "price_fee",
            periodStart: "2026-10-01T04:00:00.000Z",
            periodEnd: "2026-11-01T04:00:00.000Z",
          }),
          line({ priceId: " price_calls ", periodStart: "", periodEnd: "" }),
          line({ priceId: "", periodStart: "", periodEnd: "" }),
          line(),
        ],
      }),
    );
    expect(parsed).not.toHaveProperty("subscriptionId");
    expect(parsed.lines.map(({ priceId, periodStart, periodEnd }) => ({ priceId, periodStart, periodEnd }))).toEqual([
      {
        priceId: "price_fee",
        periodStart: new Date("2026-10-01T04:00:00Z"),
        periodEnd: new Date("2026-11-01T04:00:00Z"),
      },
      { priceId: "price_calls", periodStart: null, periodEnd: null },
      HAND_MADE_LINE,
      HAND_MADE_LINE,
    ]);
  });

  it("refuses a period on a hand-made line, and a broken period, at the line's description", () => {
    expect(
      errorsOf(
        form({
          lines: [
            line({ periodStart: "2026-10-01T04:00:00.000Z", periodEnd: "2026-11-01T04:00:00.000Z" }),
            line({ priceId: "price_fee", periodStart: "2026-10-01T04:00:00.000Z" }),
            line({ priceId: "price_fee", periodStart: "2026-10-01", periodEnd: "2026-11-01" }),
            line({
              priceId: "price_fee",
              periodStart: "2026-11-01T04:00:00.000Z",
              periodEnd: "2026-10-01T04:00:00.000Z",
            }),
          ],
        }),
      ),
    ).toEqual({
      "lines.0.description": "Only a line billed from a plan price carries a billing period",
      "lines.1.description": "This line's billing period needs both its start and its end",
      "lines.2.description": "This line's billing period is not a valid time",
      "lines.3.description": "This line's billing period must end after it starts",
    });
  });

  it("takes an explicit due date and a custom number", () => {
    const parsed = draftInvoiceFormSchema.parse(
      form({
        invoiceId: "inv_1",
        dueMode: "date",
        dueDate: "2024-08-15",
        numbering: "custom",
        customNumber: " CUSTOM-SEQ-001 ",
        seriesId: "ser_ignored",
      }),
    );
    expect(parsed).toMatchObject({
      invoiceId: "inv_1",
      dueDate: new Date("2024-08-15T00:00:00Z"),
      paymentTerms: null,
      customNumber: "CUSTOM-SEQ-001",
      seriesId: null,
    });
  });

  it("keeps the chosen series", () => {
    expect(draftInvoiceFormSchema.parse(form({ seriesId: "ser_sg" })).seriesId).toBe("ser_sg");
  });

  it("computes due dates from payment terms", () => {
    const issued = new Date("2024-06-28T00:00:00Z");
    expect(dueDateFor(issued, "due_on_receipt")).toEqual(issued);
    expect(dueDateFor(issued, "net_15")).toEqual(new Date("2024-07-13T00:00:00Z"));
    expect(dueDateFor(issued, "net_60")).toEqual(new Date("2024-08-27T00:00:00Z"));
  });

  it("places each problem at its field, all at once", () => {
    expect(
      errorsOf(
        form({
          customerId: " ",
          issueDate: "28/06/2024",
          lines: [
            line({ description: "" }),
            line({ quantity: "0" }),
            line({ unitPrice: "12.345" }),
            line({ taxRate: "120" }),
          ],
        }),
      ),
    ).toEqual({
      customerId: "Choose a customer",
      issueDate: "Enter a date like 2024-06-28",
      "lines.0.description": "Describe the line",
      "lines.1.quantity": "Quantity must be greater than zero",
      "lines.2.unitPrice": "EUR amounts have at most 2 decimals",
      "lines.3.taxRate": "Percentage must be between 0 and 100",
    });
  });

  it("parses amounts in the chosen currency", () => {
    expect(errorsOf(form({ currency: "JPY", lines: [line({ unitPrice: "1200.5" })] }))).toEqual({
      "lines.0.unitPrice": "JPY amounts have no decimals",
    });
    expect(
      draftInvoiceFormSchema.parse(form({ currency: "KWD", lines: [line({ unitPrice: "1.250" })] })).lines[0],
    ).toMatchObject({ unitAmountMinor: 1250n }); // 1.250 KWD
  });

  it("asks for at least one line", () => {
    expect(errorsOf(form({ lines: [] }))).toEqual({ lines: "Add at least one line" });
  });

  it("refuses an unsupported currency", () => {
    expect(errorsOf(form({ currency: "XXX" }))).toEqual({ currency: "Choose a currency from the list" });
  });

  it("asks for dates", () => {
    expect(errorsOf(form({ issueDate: "" }))).toEqual({ issueDate: "Enter the issue date" });
    expect(errorsOf(form({ issueDate: "2023-02-29" }))).toEqual({ issueDate: "Enter a date like 2024-06-28" });
    expect(errorsOf(form({ dueMode: "date", dueDate: "" }))).toEqual({ dueDate: "Enter the due date" });
    expect(errorsOf(form({ dueMode: "date", dueDate: "2024-06-27" }))).toEqual({
      dueDate: "The due date cannot be before the issue date",
    });
  });

  it("checks a custom number's form", () => {
    expect(errorsOf(form({ numbering: "custom", customNumber: "" }))).toEqual({
      customNumber: "Enter the invoice number",
    });
    expect(errorsOf(form({ numbering: "custom", customNumber: "INV 52" }))).toEqual({
      customNumber: "Use only letters, digits and - _ / . in an invoice number",
    });
    expect(errorsOf(form({ numbering: "custom", customNumber: "A".repeat(41) }))).toEqual({
      customNumber: "An invoice number can be at most 40 characters",
    });
    // Not checked while the series numbers the invoice.
    expect(errorsOf(form({ numbering: "series", customNumber: "INV 52" }))).toEqual({});
  });

  it("limits notes and descriptions", () => {
    expect(errorsOf(form({ memo: "x".repeat(2001), lines: [line({ description: "d".repeat(501) })] }))).toEqual({
      memo: "The memo can be at most 2000 characters",
      "lines.0.description": "A description can be at most 500 characters",
    });
  });

  it("allows a discount line but not a negative invoice", () => {
    const withDiscount = draftInvoiceFormSchema.parse(
      form({ lines: [line({ quantity: "1", unitPrice: "100" }), line({ quantity: "1", unitPrice: "-10" })] }),
    );
    expect(withDiscount.lines[1]).toMatchObject({ unitAmountMinor: -1000n }); // -10.00
    expect(errorsOf(form({ lines: [line({ quantity: "1", unitPrice: "-10" })] }))).toEqual({
      lines: "The lines add up to less than zero: an invoice total cannot be negative",
    });
  });

  it("lists every field path an error can land on", () => {
    const paths = draftInvoiceFieldPaths(2);
    expect(paths).toContain("customNumber");
    expect(paths).toContain("lines");
    expect(paths).toContain("lines.1.unitPrice");
    expect(paths).not.toContain("lines.2.unitPrice");
  });
});

describe("parseCalendarDate", () => {
  it("reads real dates only", () => {
    expect(parseCalendarDate("2024-02-29")).toEqual(new Date("2024-02-29T00:00:00Z"));
    expect(parseCalendarDate("2024-13-01")).toBeNull();
    expect(parseCalendarDate("2024-6-1")).toBeNull();
  });
});

describe("customNumberError", () => {
  it("accepts the characters series print", () => {
    expect(customNumberError("CUSTOM-SEQ-001")).toBeNull();
    expect(customNumberError("2024/06.a_b")).toBeNull();
  });
});

describe("recordPaymentSchema", () => {
  const payment = {
    invoiceId: "inv_1",
    amount: "56.85",
    receivedOn: "2024-06-30",
    method: "bank_transfer" as const,
    reference: "",
  };

  it("parses the date and leaves the amount for the invoice's currency", () => {
    expect(recordPaymentSchema.parse(payment)).toEqual({
      invoiceId: "inv_1",
      amount: "56.85",
      receivedOn: new Date("2024-06-30T00:00:00Z"),
      method: "bank_transfer",
      reference: null,
    });
  });

  it("places each problem at its field", () => {
    const result = recordPaymentSchema.safeParse({
      ...payment,
      amount: " ",
      receivedOn: "",
      method: "stripe",
      reference: "r".repeat(121),
    });
    expect(result.success).toBe(false);
    const errors = Object.fromEntries(result.error!.issues.map((issue) => [issue.path.join("."), issue.message]));
    expect(errors).toEqual({
      amount: "Enter the amount received",
      receivedOn: "Enter the date the payment arrived",
      method: "Choose how it was paid",
      reference: "A reference can be at most 120 characters",
    });
  });
});

describe("lifecycle schemas", () => {
  it("requires a reason to void", () => {
    const result = voidInvoiceSchema.safeParse({ invoiceId: "inv_1", reason: "  " });
    expect(result.error?.issues).toMatchObject([{ path: ["reason"], message: "Say why the invoice is void" }]);
  });

  it("takes an optional reason to mark uncollectible", () => {
    expect(markUncollectibleSchema.parse({ invoiceId: "inv_1", reason: "" })).toEqual({
      invoiceId: "inv_1",
      reason: null,
    });
  });

  it("trims lookups", () => {
    expect(checkInvoiceNumberSchema.parse({ number: " INV-1 " })).toEqual({ number: "INV-1" });
    expect(customerSearchSchema.parse({ q: " acme " })).toEqual({ q: "acme" });
  });
});
