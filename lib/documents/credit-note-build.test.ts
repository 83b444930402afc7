import { describe, expect, it } from "vitest";
import { buildCreditNoteDocument } from "./credit-note-build";
import type { CreditNoteRecord, SellerRecord } from "./records";

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

const creditNote = (values: Partial<CreditNoteRecord> = {}): CreditNoteRecord => ({
  id: "cn_01TEST",
  number: "INV-202406-0052-CN01",
  status: "issued",
  reason: "service_issue",
  memo: "SLA credit for the 3-hour outage",
  currency: "USD",
  subtotalMinor: 30_000n, // $300.00
  taxMinor: 6_000n, // $60.00
  totalMinor: 36_000n, // $360.00
  creditedToDueMinor: 36_000n,
  refundMinor: 0n,
  walletCreditMinor: 0n,
  outOfBandMinor: 0n,
  issuedAt: new Date("2024-06-10T23:30:00Z"),
  voidedAt: null,
  voidReason: null,
  lines: [
    {
      description: "Platform fee",
      quantity: "0.3",
      unitAmountMinor: 100_000n, // $1,000.00
      amountMinor: 30_000n,
      taxRatePercent: "20.0000",
      taxMinor: 6_000n,
    },
  ],
  refunds: [],
  invoice: {
    number: "INV-202406-0052",
    status: "finalized",
    issueDate: new Date("2024-06-03T00:00:00Z"),
    totalMinor: 120_000n, // $1,200.00
    billToSnapshot: { name: "Acme Corporation", email: "ap@acme.example", country: "US", city: "Boston" },
    customer: { name: "Acme Corp (renamed since)", email: "new@acme.example" },
    footer: null,
    publicToken: "invoice-token",
  },
  ...values,
});

describe("buildCreditNoteDocument", () => {
  it("shows what was credited against which invoice, from the stored figures", () => {
    const document = buildCreditNoteDocument({ creditNote: creditNote(), seller });
    expect(document).toMatchObject({
      title: "Credit note INV-202406-0052-CN01",
      filename: "INV-202406-0052-CN01.pdf",
      statusLabel: "Issued",
      mark: null,
      // 23:30 UTC is already the 11th in London (BST).
      issuedOn: "Jun 11, 2024",
      reason: "Service issue",
      memo: "SLA credit for the 3-hour outage",
      invoiceNumber: "INV-202406-0052",
      invoiceIssueDate: "Jun 3, 2024",
      invoiceTotal: "$1,200.00",
      invoiceToken: "invoice-token",
      total: "$360.00",
      footer: "Registered in England and Wales",
      showTaxRates: false,
    });
    // Addressed as the invoice was issued, not as the customer is now.
    expect(document.billTo.name).toBe("Acme Corporation");
    expect(document.lines).toEqual([
      {
        position: 1,
        description: "Platform fee",
        period: null,
        quantity: "0.3",
        unitPrice: "$1,000.00",
        taxRate: "20%",
        amount: "$300.00",
      },
    ]);
    expect(document.totals).toEqual([
      { kind: "subtotal", label: "Subtotal", amount: "$300.00" },
      { kind: "tax", label: "Tax (20% on $300.00)", amount: "$60.00" },
      { kind: "total", label: "Total credited", amount: "$360.00" },
      { kind: "adjustment", label: "Applied to amount due", amount: "$360.00" },
    ]);
  });

  it("splits a credit after payment into the parts that hold money, and lists the refunds paid", () => {
    const document = buildCreditNoteDocument({
      creditNote: creditNote({
        creditedToDueMinor: 6_000n, // $60.00
        refundMinor: 10_000n, // $100.00
        walletCreditMinor: 15_000n, // $150.00
        outOfBandMinor: 5_000n, // $50.00
        refunds: [
          {
            status: "succeeded",
            method: "bank_transfer",
            amountMinor: 10_000n,
            receivedOn: new Date("2024-06-12T00:00:00Z"),
            reference: "Refund for INV-202406-0052-CN01",
          },
          {
            status: "failed",
            method: "card",
            amountMinor: 10_000n,
            receivedOn: new Date("2024-06-11T00:00:00Z"),
            reference: null,
          },
        ],
      }),
      seller,
    });
    expect(document.totals.slice(3)).toEqual([
      { kind: "adjustment", label: "Applied to amount due", amount: "$60.00" },
      { kind: "adjustment", label: "Refunded", amount: "$100.00" },
      { kind: "adjustment", label: "Credited to wallet", amount: "$150.00" },
      { kind: "adjustment", label: "Settled out of band", amount: "$50.00" },
    ]);
    expect(document.refunds).toEqual([
      {
        refundedOn: "Jun 12, 2024",
        method: "Bank transfer",
        reference: "Refund for INV-202406-0052-CN01",
        amount: "$100.00",
      },
    ]);
  });

  it("marks a void credit note VOID with its reason and date", () => {
    const document = buildCreditNoteDocument({
      creditNote: creditNote({
        status: "void",
        voidedAt: new Date("2024-06-14T10:00:00Z"),
        voidReason: "Issued against the wrong invoice",
      }),
      seller,
    });
    expect(document).toMatchObject({
      mark: "VOID",
      statusLabel: "Void",
      voidedOn: "Jun 14, 2024",
      voidReason: "Issued against the wrong invoice",
    });
  });

  it("prints one line for a credit of an amount, and per-line rates when they differ", () => {
    const amountOnly = buildCreditNoteDocument({
      creditNote: creditNote({ lines: [], taxMinor: 0n, totalMinor: 30_000n, creditedToDueMinor: 30_000n }),
      seller,
    });
    expect(amountOnly.lines).toHaveLength(1);
    expect(amountOnly.lines[0]).toMatchObject({ description: "Credit on invoice INV-202406-0052", amount: "$300.00" });
    expect(amountOnly.totals[1]).toEqual({ kind: "tax", label: "Tax", amount: "$0.00" });

    const mixed = buildCreditNoteDocument({
      creditNote: creditNote({
        subtotalMinor: 40_000n,
        taxMinor: 6_888n,
        totalMinor: 46_888n,
        creditedToDueMinor: 46_888n,
        lines: [
          ...creditNote().lines,
          {
            description: "Support hours",
            quantity: "1",
            unitAmountMinor: 10_000n,
            amountMinor: 10_000n, // $100.00 at 8.875%
            taxRatePercent: "8.875",
            taxMinor: 888n,
          },
        ],
      }),
      seller,
    });
    expect(mixed.showTaxRates).toBe(true);
    expect(mixed.lines.map((line) => [line.position, line.taxRate])).toEqual([
      [1, "20%"],
      [2, "8.875%"],
    ]);
  });

  it("formats in the organisation's locale", () => {
    const document = buildCreditNoteDocument({
      creditNote: creditNote({ currency: "EUR" }),
      seller: { ...seller, locale: "de-DE" },
    });
    expect(document.total).toBe("360,00\u00a0€");
    expect(document.invoiceIssueDate).toBe("03.06.2024");
  });
});
