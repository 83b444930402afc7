import { describe, expect, it } from "vitest";
import { buildInvoiceDocument, buildReceiptDocument, type InvoiceRecord, type SellerRecord } from "./build";

const seller: SellerRecord = {
  name: "Northwind Analytics Ltd",
  legalName: "Northwind Analytics Limited",
  email: "billing@northwind.example",
  addressLine1: "221 Shoreditch High Street",
  addressLine2: null,
  city: "London",
  postalCode: "E1 6PJ",
  country: "GB",
  taxId: "GB284193756",
  locale: "en-US",
  timeZone: "Europe/London",
  paymentInstructions: "Sort code 20-00-00",
  invoiceFooter: "Registered in England and Wales",
};

const line = (values: Partial<InvoiceRecord["lines"][number]> = {}): InvoiceRecord["lines"][number] => ({
  position: 1,
  description: "Implementation",
  quantity: "1",
  unitAmountMinor: 100_000n, // $1,000.00
  amountMinor: 100_000n,
  taxRatePercent: "20.0000",
  taxMinor: 20_000n, // $200.00
  periodStart: null,
  periodEnd: null,
  ...values,
});

const invoice = (values: Partial<InvoiceRecord> = {}): InvoiceRecord => ({
  id: "inv_01TEST",
  number: "INV-202406-0052",
  status: "finalized",
  currency: "USD",
  issueDate: new Date("2024-06-03T00:00:00Z"),
  dueDate: new Date("2024-07-03T00:00:00Z"),
  paymentTerms: "net_30",
  periodStart: null,
  periodEnd: null,
  customerId: "cus_payer",
  usageOwnerId: null,
  subtotalMinor: 100_000n,
  taxMinor: 20_000n,
  totalMinor: 120_000n, // $1,200.00
  creditedMinor: 0n,
  walletAppliedMinor: 0n,
  paidMinor: 0n,
  refundedMinor: 0n,
  amountDueMinor: 120_000n,
  memo: null,
  footer: null,
  billToSnapshot: { name: "Acme Corporation", email: "ap@acme.example", country: "US", city: "Boston" },
  paidAt: null,
  voidedAt: null,
  voidReason: null,
  customer: { name: "Acme Corp (renamed since)", email: "new@acme.example" },
  usageOwner: null,
  lines: [line()],
  payments: [],
  ...values,
});

const today = new Date("2024-06-10T00:00:00Z");
const build = (values: Partial<InvoiceRecord> = {}) =>
  buildInvoiceDocument({ invoice: invoice(values), seller, today });

describe("buildInvoiceDocument", () => {
  it("formats the stored totals and shows one tax row for a single rate, without a tax column", () => {
    const document = build();
    expect(document.totals).toEqual([
      { kind: "subtotal", label: "Subtotal", amount: "$1,000.00" },
      { kind: "tax", label: "Tax (20% on $1,000.00)", amount: "$200.00" },
      { kind: "total", label: "Total", amount: "$1,200.00" },
      { kind: "adjustment", label: "Amount paid", amount: "$0.00" },
      { kind: "due", label: "Amount due", amount: "$1,200.00" },
    ]);
    expect(document.showTaxRates).toBe(false);
    expect(document.lines[0]).toMatchObject({
      quantity: "1",
      unitPrice: "$1,000.00",
      taxRate: "20%",
      amount: "$1,000.00",
    });
  });

  it("groups the lines' stored tax by rate, lowest rate first, and shows the rate per line", () => {
    const document = build({
      subtotalMinor: 130_000n,
      taxMinor: 22_663n,
      totalMinor: 152_663n,
      amountDueMinor: 152_663n,
      lines: [
        line({ position: 1 }),
        line({ position: 2, amountMinor: 20_000n, taxRatePercent: "8.8750", taxMinor: 1_775n }), // $200.00 at 8.875%
        line({ position: 3, amountMinor: 10_000n, taxRatePercent: "8.875", taxMinor: 888n }), // $100.00 at 8.875%
      ],
    });
    expect(document.totals.filter((row) => row.kind === "tax")).toEqual([
      { kind: "tax", label: "Tax (8.875% on $300.00)", amount: "$26.63" },
      { kind: "tax", label: "Tax (20% on $1,000.00)", amount: "$200.00" },
    ]);
    expect(document.showTaxRates).toBe(true);
  });

  it("trusts the stored tax when the lines do not add up to it", () => {
    const document = build({ taxMinor: 19_999n, totalMinor: 119_999n, amountDueMinor: 119_999n });
    expect(document.totals.filter((row) => row.kind === "tax")).toEqual([
      { kind: "tax", label: "Tax", amount: "$199.99" },
    ]);
  });

  it("lists what came off the total and ends with the stored amount due", () => {
    const document = build({
      creditedMinor: 10_000n,
      walletAppliedMinor: 5_000n,
      paidMinor: 50_000n,
      refundedMinor: 2_500n,
      amountDueMinor: 57_500n,
    });
    expect(document.totals.slice(3)).toEqual([
      { kind: "adjustment", label: "Credit notes", amount: "-$100.00" },
      { kind: "adjustment", label: "Credits applied", amount: "-$50.00" },
      { kind: "adjustment", label: "Amount paid", amount: "-$500.00" },
      { kind: "adjustment", label: "Refunded", amount: "$25.00" },
      { kind: "due", label: "Amount due", amount: "$575.00" },
    ]);
  });

  it("lists each issued credit note under the original total, with its date and reason, leaving void ones out", () => {
    const creditNote = {
      status: "issued" as const,
      reason: "service_issue" as const,
      publicToken: "cn-token",
    };
    const document = build({
      creditedMinor: 30_000n, // $300.00 = CN01 $100.00 + CN03 $200.00
      amountDueMinor: 90_000n,
      creditNotes: [
        {
          ...creditNote,
          id: "cn_3",
          number: "INV-202406-0052-CN03",
          reason: "billing_error",
          totalMinor: 20_000n,
          issuedAt: new Date("2024-06-07T09:00:00Z"),
        },
        {
          ...creditNote,
          id: "cn_1",
          number: "INV-202406-0052-CN01",
          totalMinor: 10_000n,
          issuedAt: new Date("2024-06-04T23:30:00Z"),
        },
        {
          ...creditNote,
          id: "cn_2",
          number: "INV-202406-0052-CN02",
          status: "void",
          totalMinor: 50_000n,
          issuedAt: new Date("2024-06-06T09:00:00Z"),
        },
      ],
    });
    expect(document.totals.slice(2)).toEqual([
      { kind: "total", label: "Original total", amount: "$1,200.00" },
      {
        kind: "adjustment",
        label: "Credit note INV-202406-0052-CN01",
        amount: "-$100.00",
        // 23:30 UTC is already the 5th in London.
        detail: "Jun 5, 2024 · Service issue",
      },
      {
        kind: "adjustment",
        label: "Credit note INV-202406-0052-CN03",
        amount: "-$200.00",
        detail: "Jun 7, 2024 · Billing error",
      },
      { kind: "adjustment", label: "Amount paid", amount: "$0.00" },
      { kind: "due", label: "Amount due", amount: "$900.00" },
    ]);
    // The customer's page lists every credit note, void ones too, in the order they were issued.
    expect(document.creditNotes.map((entry) => [entry.number, entry.statusLabel, entry.amount, entry.token])).toEqual([
      ["INV-202406-0052-CN01", "Issued", "$100.00", "cn-token"],
      ["INV-202406-0052-CN02", "Void", "$500.00", "cn-token"],
      ["INV-202406-0052-CN03", "Issued", "$200.00", "cn-token"],
    ]);
  });

  it("prints the stored credited sum in one row when the credit notes it holds do not add up to it", () => {
    const document = build({
      creditedMinor: 10_000n,
      amountDueMinor: 110_000n,
      creditNotes: [
        {
          id: "cn_1",
          number: "INV-202406-0052-CN01",
          status: "issued",
          reason: "duplicate",
          totalMinor: 9_999n,
          issuedAt: new Date("2024-06-04T09:00:00Z"),
          publicToken: "t",
        },
      ],
    });
    expect(document.totals.filter((row) => row.kind === "adjustment")[0]).toEqual({
      kind: "adjustment",
      label: "Credit notes",
      amount: "-$100.00",
    });
  });

  it("calls the total just Total while nothing has been credited", () => {
    expect(build().totals.find((row) => row.kind === "total")?.label).toBe("Total");
    expect(build().creditNotes).toEqual([]);
  });

  it("addresses an issued invoice from its snapshot and a draft from the customer as they are", () => {
    expect(build().billTo).toEqual({
      name: "Acme Corporation",
      addressLines: ["Boston", "United States"],
      email: "ap@acme.example",
      taxId: null,
    });
    const draft = build({ status: "draft", number: null, billToSnapshot: null });
    expect(draft.billTo.name).toBe("Acme Corp (renamed since)");
    expect(draft.title).toBe("Draft invoice");
    expect(draft.filename).toBe("draft-inv_01TEST.pdf");
    expect(draft.mark).toBe("DRAFT");
  });

  it("marks each state, derives overdue, and shows how to pay only while money is owed", () => {
    expect(build().mark).toBeNull();
    expect(build().statusLabel).toBe("Open");
    expect(build().paymentInstructions).toBe("Sort code 20-00-00");
    const overdue = buildInvoiceDocument({ invoice: invoice(), seller, today: new Date("2024-07-04T00:00:00Z") });
    expect(overdue.displayStatus).toBe("overdue");
    expect(overdue.statusLabel).toBe("Overdue");

    const paid = build({
      status: "paid",
      paidMinor: 120_000n,
      amountDueMinor: 0n,
      paidAt: new Date("2024-06-20T23:30:00Z"),
    });
    expect(paid.mark).toBe("PAID");
    // 23:30 UTC is already the 21st in London (BST).
    expect(paid.paidOn).toBe("Jun 21, 2024");
    expect(paid.paymentInstructions).toBeNull();

    const voided = build({ status: "void", voidReason: "Duplicate", voidedAt: new Date("2024-06-21T10:00:00Z") });
    expect(voided.mark).toBe("VOID");
    expect(voided.voidReason).toBe("Duplicate");
    expect(voided.paymentInstructions).toBeNull();
    expect(build({ status: "uncollectible" }).mark).toBe("UNCOLLECTIBLE");
  });

  it("names the usage owner only when someone else pays", () => {
    expect(build({ usageOwnerId: "cus_owner", usageOwner: { name: "Bluefin Retail" } }).usageBy).toBe("Bluefin Retail");
    expect(build({ usageOwnerId: "cus_payer", usageOwner: { name: "Acme" } }).usageBy).toBeNull();
  });

  it("says whose usage each plan line bills on a delegated payer's invoice, and not on typed lines", () => {
    const document = build({
      usageOwnerId: "cus_owner",
      usageOwner: { name: "Bluefin Retail" },
      lines: [
        line({ position: 0, priceId: "prc_1", description: "Compute hours" }),
        line({ position: 1, priceId: null, description: "Onboarding workshop" }),
      ],
    });
    expect(document.lines[0]?.period).toMatch(/usage by Bluefin Retail$/);
    expect(document.lines[1]?.period ?? "").not.toMatch(/usage by/);
    const ownInvoice = build({
      usageOwnerId: "cus_payer",
      usageOwner: { name: "Acme" },
      lines: [line({ priceId: "prc_1" })],
    });
    expect(ownInvoice.lines[0]?.period ?? "").not.toMatch(/usage by/);
  });

  it("composes accents typed as combining characters, which the PDF font does not position", () => {
    const document = build({ lines: [line({ description: "Soci\u0065\u0301te\u0301" })] });
    expect(document.lines[0]?.description).toBe("Soci\u00e9t\u00e9");
  });

  it("lists succeeded payments newest first with their receipts, leaving refunds out", () => {
    const payment = {
      kind: "payment" as const,
      status: "succeeded" as const,
      method: "bank_transfer" as const,
      reference: "BACS 1",
      createdAt: new Date("2024-06-10T10:00:00Z"),
    };
    const document = build({
      payments: [
        {
          ...payment,
          amountMinor: 20_000n,
          receivedOn: new Date("2024-06-10T00:00:00Z"),
          receipt: { id: "rcp_1", number: "RCP-1", publicToken: "t1" },
        },
        {
          ...payment,
          amountMinor: 30_000n,
          receivedOn: new Date("2024-06-12T00:00:00Z"),
          receipt: { id: "rcp_2", number: "RCP-2", publicToken: "t2" },
        },
        {
          ...payment,
          kind: "refund",
          amountMinor: 5_000n,
          receivedOn: new Date("2024-06-13T00:00:00Z"),
          receipt: null,
        },
        {
          ...payment,
          status: "failed",
          amountMinor: 7_000n,
          receivedOn: new Date("2024-06-14T00:00:00Z"),
          receipt: null,
        },
      ],
    });
    expect(document.payments.map((entry) => [entry.receiptNumber, entry.amount, entry.receivedOn])).toEqual([
      ["RCP-2", "$300.00", "Jun 12, 2024"],
      ["RCP-1", "$200.00", "Jun 10, 2024"],
    ]);
  });

  it("formats amounts and dates in the organisation's locale", () => {
    const document = buildInvoiceDocument({
      invoice: invoice({ currency: "EUR" }),
      seller: { ...seller, locale: "de-DE" },
      today,
    });
    expect(document.total).toBe("1.200,00\u00a0€");
    expect(document.issueDate).toBe("03.06.2024");
  });
});

describe("buildReceiptDocument", () => {
  it("shows the payment, the invoice it paid and what remained due", () => {
    const receipt = buildReceiptDocument({
      seller,
      receipt: {
        id: "rcp_1",
        number: "RCP-2024-00017",
        currency: "USD",
        amountMinor: 50_000n, // $500.00
        amountRemainingMinor: 70_000n, // $700.00
        issuedAt: new Date("2024-06-10T12:00:00Z"),
        payment: {
          method: "cheque",
          receivedOn: new Date("2024-06-09T00:00:00Z"),
          reference: "Cheque 4512",
          invoice: invoice(),
        },
      },
    });
    expect(receipt).toMatchObject({
      title: "Receipt RCP-2024-00017",
      filename: "RCP-2024-00017.pdf",
      invoiceNumber: "INV-202406-0052",
      paidOn: "Jun 9, 2024",
      method: "Cheque",
      reference: "Cheque 4512",
      amount: "$500.00",
      invoiceTotal: "$1,200.00",
      amountRemaining: "$700.00",
      settled: false,
    });
    expect(receipt.customer.name).toBe("Acme Corporation");
  });
});
