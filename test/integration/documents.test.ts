// Invoice and receipt PDFs from the stored record, against a real PostgreSQL: each document is
// loaded as the routes load it, rendered, and read back with pdftotext, the way a customer or an
// auditor reads it. Amounts are expected exactly as formatMoney prints them, to the cent.
import { describe, expect, it } from "vitest";
import type { InvoiceStatus, PaymentMethod } from "@/lib/db/generated/enums";
import {
  loadInvoiceDocument,
  loadInvoiceDocumentByToken,
  loadReceiptDocument,
  loadReceiptDocumentByToken,
} from "@/lib/documents/invoice-data";
import { renderInvoicePdf, renderReceiptPdf } from "@/lib/documents/render";
import { newId, newPublicToken } from "@/lib/ids";
import { formatMoney, multiplyQuantity, percentOf } from "@/lib/money";
import { setUpDocumentTests, spaces } from "./document-harness";

const harness = setUpDocumentTests({ workDirPrefix: "billfold-documents-" });

// ---------------------------------------------------------------- data, inserted as the app stores it

const makeOrganization = async (values: { name?: string; locale?: string } = {}) => {
  const id = newId("organization");
  await harness.db.organization.create({
    data: {
      id,
      name: values.name ?? "Northwind Analytics Ltd",
      legalName: "Northwind Analytics Limited",
      email: "billing@northwind.example",
      addressLine1: "221 Shoreditch High Street",
      city: "London",
      postalCode: "E1 6PJ",
      country: "GB",
      taxId: "GB284193756",
      locale: values.locale ?? "en-US",
      timeZone: "Europe/London",
      paymentInstructions: "Pay by bank transfer to Northwind Analytics Ltd.\nSort code 20-00-00, account 43917285",
      invoiceFooter: "Northwind Analytics Ltd, registered in England and Wales no. 09876543.",
    },
  });
  return id;
};

const makeCustomer = async (organizationId: string, values: { name?: string; currency?: string } = {}) =>
  harness.db.customer.create({
    data: {
      id: newId("customer"),
      organizationId,
      externalId: `ext-${newId("customer").toLowerCase()}`,
      name: values.name ?? "Acme Corporation",
      email: "ap@acme.example",
      addressLine1: "500 Howard Street",
      city: "San Francisco",
      postalCode: "94105",
      country: "US",
      currency: values.currency ?? "USD",
    },
  });

type LineSeed = { description: string; quantity: string; unitAmountMinor: bigint; taxRatePercent: string };

type PaymentSeed = { amountMinor: bigint; method: PaymentMethod; reference: string; receivedOn: string };

const priced = (line: LineSeed) => {
  const amountMinor = multiplyQuantity({ unitAmountMinor: line.unitAmountMinor, quantity: line.quantity }).amountMinor;
  return { ...line, amountMinor, taxMinor: percentOf({ amountMinor, percent: line.taxRatePercent }) };
};

/** A draft with its lines, then (unless it stays a draft) finalized, paid, voided as asked. */
const makeInvoice = async (options: {
  organizationId: string;
  customer: { id: string; name: string; email: string };
  currency: string;
  lines: LineSeed[];
  status?: InvoiceStatus;
  number?: string;
  payments?: PaymentSeed[];
  usageOwnerId?: string;
  voidReason?: string;
}) => {
  const lines = options.lines.map(priced);
  const subtotalMinor = lines.reduce((sum, line) => sum + line.amountMinor, 0n);
  const taxMinor = lines.reduce((sum, line) => sum + line.taxMinor, 0n);
  const totalMinor = subtotalMinor + taxMinor;
  const id = newId("invoice");
  const publicToken = newPublicToken();
  await harness.db.invoice.create({
    data: {
      id,
      organizationId: options.organizationId,
      customerId: options.customer.id,
      usageOwnerId: options.usageOwnerId ?? null,
      currency: options.currency,
      issueDate: new Date("2024-06-03T00:00:00Z"),
      dueDate: new Date("2024-07-03T00:00:00Z"),
      paymentTerms: "net_30",
      subtotalMinor,
      taxMinor,
      totalMinor,
      amountDueMinor: totalMinor,
      memo: "Thank you for your business.",
      publicToken,
    },
  });
  await harness.db.invoiceLine.createMany({
    data: lines.map((line, index) => ({ id: newId("invoiceLine"), invoiceId: id, position: index + 1, ...line })),
  });
  const status = options.status ?? "finalized";
  const paidMinor = (options.payments ?? []).reduce((sum, payment) => sum + payment.amountMinor, 0n);
  const amountDueMinor = totalMinor - paidMinor;
  if (status !== "draft") {
    // Finalizing freezes the document: the database allows this one update from draft.
    await harness.db.invoice.update({
      where: { id },
      data: {
        status,
        number: options.number ?? `INV-202406-${String(Math.floor(Math.random() * 1e6)).padStart(6, "0")}`,
        billToSnapshot: { name: options.customer.name, email: options.customer.email, country: "US" },
        finalizedAt: new Date("2024-06-03T09:00:00Z"),
        paidMinor,
        amountDueMinor,
        paymentStatus: amountDueMinor === 0n ? "paid" : paidMinor > 0n ? "partially_paid" : "unpaid",
        paidAt: status === "paid" ? new Date("2024-06-20T10:00:00Z") : null,
        voidedAt: status === "void" ? new Date("2024-06-21T10:00:00Z") : null,
        voidReason: status === "void" ? (options.voidReason ?? "Duplicate of another invoice") : null,
      },
    });
  }
  let remaining = totalMinor;
  const receipts: { id: string; number: string; publicToken: string; amountRemainingMinor: bigint }[] = [];
  for (const [index, payment] of (options.payments ?? []).entries()) {
    remaining -= payment.amountMinor;
    const paymentId = newId("payment");
    await harness.db.payment.create({
      data: {
        id: paymentId,
        organizationId: options.organizationId,
        invoiceId: id,
        customerId: options.customer.id,
        method: payment.method,
        currency: options.currency,
        amountMinor: payment.amountMinor,
        receivedOn: new Date(`${payment.receivedOn}T00:00:00Z`),
        reference: payment.reference,
      },
    });
    const receipt = await harness.db.receipt.create({
      data: {
        id: newId("receipt"),
        organizationId: options.organizationId,
        paymentId,
        number: `RCP-2024-${String(index + 1).padStart(5, "0")}-${newId("receipt").slice(-6)}`,
        amountMinor: payment.amountMinor,
        currency: options.currency,
        amountRemainingMinor: remaining,
        publicToken: newPublicToken(),
      },
    });
    receipts.push(receipt);
  }
  return { id, publicToken, totalMinor, amountDueMinor, receipts };
};

const renderStaffInvoice = async (organizationId: string, invoiceId: string) => {
  const document = await loadInvoiceDocument({ organizationId, invoiceId }, harness.db);
  if (!document) throw new Error(`invoice ${invoiceId} not found`);
  return { document, ...(await harness.readPdf(await renderInvoicePdf(document))) };
};

const THREE_LINES: LineSeed[] = [
  { description: "Implementation package", quantity: "1", unitAmountMinor: 1_250_000n, taxRatePercent: "20" }, // 12,500.00
  { description: "Training, hours", quantity: "7.5", unitAmountMinor: 13_250n, taxRatePercent: "20" }, // 132.50 x 7.5
  { description: "Data migration (fixed fee)", quantity: "1", unitAmountMinor: 99_999n, taxRatePercent: "0" }, // 999.99
];

// ---------------------------------------------------------------- tests

describe("invoice PDF", () => {
  it("shows the seller, the customer, the number, every line and the money to the cent", async () => {
    const organizationId = await makeOrganization();
    const customer = await makeCustomer(organizationId);
    const invoice = await makeInvoice({
      organizationId,
      customer,
      currency: "USD",
      number: "INV-202406-0052",
      lines: THREE_LINES,
      payments: [{ amountMinor: 500_000n, method: "bank_transfer", reference: "BACS 88213", receivedOn: "2024-06-10" }],
    });
    const { text, pages, document } = await renderStaffInvoice(organizationId, invoice.id);

    expect(pages).toHaveLength(1);
    for (const expected of [
      "Northwind Analytics Ltd",
      "Northwind Analytics Limited",
      "Acme Corporation",
      "INV-202406-0052",
      "Implementation package",
      "Training, hours",
      "Data migration (fixed fee)",
      "Jun 3, 2024",
      "Jul 3, 2024",
      "Page 1 of 1",
      "Sort code 20-00-00, account 43917285",
    ]) {
      expect(text).toContain(expected);
    }
    // $12,500.00 + $993.75 at 20% and $999.99 untaxed: tax 2,698.75, total 17,192.49.
    expect(invoice.totalMinor).toBe(1_719_249n);
    expect(text).toContain(formatMoney(1_719_249n, "USD"));
    expect(text).toContain(formatMoney(invoice.amountDueMinor, "USD"));
    expect(formatMoney(invoice.amountDueMinor, "USD")).toBe("$12,192.49");
    expect(text).toMatch(/Tax \(0% on \$999\.99\)\s+\$0\.00/);
    expect(text).toMatch(/Tax \(20% on \$13,493\.75\)\s+\$2,698\.75/);
    expect(text).toMatch(/Amount paid\s+-\$5,000\.00/);
    expect(text).toMatch(/Amount due\s+\$12,192\.49/);
    // An open invoice carries no state mark.
    for (const mark of ["PAID", "VOID", "DRAFT", "UNCOLLECTIBLE"]) expect(text).not.toContain(mark);
    expect(document.filename).toBe("INV-202406-0052.pdf");
  });

  it.each([
    { currency: "EUR", locale: "en-US", unitAmountMinor: 123_456n, symbol: "€" }, // €1,234.56
    { currency: "EUR", locale: "de-DE", unitAmountMinor: 123_456n, symbol: "€" }, // 1.234,56 €
    { currency: "GBP", locale: "en-GB", unitAmountMinor: 98_765n, symbol: "£" }, // £987.65
    { currency: "JPY", locale: "en-US", unitAmountMinor: 150_000n, symbol: "¥" }, // ¥150,000
    { currency: "INR", locale: "en-IN", unitAmountMinor: 12_345_678n, symbol: "₹" }, // ₹1,23,456.78
  ])("prints $currency in $locale with its symbol and an accented customer name", async (example) => {
    const organizationId = await makeOrganization({ locale: example.locale });
    const customer = await makeCustomer(organizationId, { name: "Société Générale Ærø", currency: example.currency });
    const invoice = await makeInvoice({
      organizationId,
      customer,
      currency: example.currency,
      lines: [
        {
          description: "Licence annuelle — édition Øresund",
          quantity: "3",
          unitAmountMinor: example.unitAmountMinor,
          taxRatePercent: "19",
        },
      ],
    });
    const { text } = await renderStaffInvoice(organizationId, invoice.id);
    const money = (minor: bigint) => spaces(formatMoney(minor, example.currency, { locale: example.locale }));

    expect(text).toContain("Société Générale Ærø");
    expect(text).toContain("Licence annuelle — édition Øresund");
    expect(text).toContain(example.symbol);
    expect(text).toContain(money(example.unitAmountMinor));
    expect(text).toContain(money(invoice.totalMinor));
    expect(text).toContain(money(invoice.amountDueMinor));
    expect(text).toContain("Page 1 of 1");
  });

  it("flows 300 lines onto more pages, repeating the table header and numbering the pages", async () => {
    const organizationId = await makeOrganization();
    const customer = await makeCustomer(organizationId);
    const lines = Array.from({ length: 300 }, (_, index) => ({
      description: `Usage line ${String(index + 1).padStart(3, "0")}`,
      quantity: "2",
      unitAmountMinor: 1_000n + BigInt(index), // $10.00 and up
      taxRatePercent: index % 2 === 0 ? "20" : "8.875",
    }));
    const invoice = await makeInvoice({ organizationId, customer, currency: "USD", lines });
    const { text, pages } = await renderStaffInvoice(organizationId, invoice.id);

    expect(pages.length).toBeGreaterThan(1);
    const total = pages.length;
    pages.forEach((page, index) => {
      expect(page).toContain(`Page ${index + 1} of ${total}`);
      // Every page that continues the table starts it with its header row.
      if (/Usage line \d{3}/.test(page)) expect(page).toMatch(/DESCRIPTION\s+QTY\s+UNIT PRICE\s+TAX\s+AMOUNT/);
    });
    expect(text).toContain(`Page 2 of ${total}`);
    // Every line is printed exactly once, in order.
    const printed = [...text.matchAll(/Usage line (\d{3})/g)].map((match) => Number(match[1]));
    expect(printed).toEqual(Array.from({ length: 300 }, (_, index) => index + 1));
    // The totals close the document, on its last page.
    expect(pages.at(-1)).toContain(formatMoney(invoice.totalMinor, "USD"));
    expect(pages.at(-1)).toMatch(/Amount due\s+\$/);
  });

  it("marks a paid invoice PAID, a void one VOID, an uncollectible one UNCOLLECTIBLE", async () => {
    const organizationId = await makeOrganization();
    const customer = await makeCustomer(organizationId);
    const total = 1_719_249n;
    const paid = await makeInvoice({
      organizationId,
      customer,
      currency: "USD",
      lines: THREE_LINES,
      status: "paid",
      payments: [{ amountMinor: total, method: "card", reference: "ch_123", receivedOn: "2024-06-20" }],
    });
    const voided = await makeInvoice({
      organizationId,
      customer,
      currency: "USD",
      lines: THREE_LINES,
      status: "void",
      voidReason: "Raised twice by mistake",
    });
    const uncollectible = await makeInvoice({
      organizationId,
      customer,
      currency: "USD",
      lines: THREE_LINES,
      status: "uncollectible",
    });

    const paidPdf = await renderStaffInvoice(organizationId, paid.id);
    expect(paidPdf.text).toContain("PAID");
    expect(paidPdf.text).toMatch(/Amount due\s+\$0\.00/);
    // Nothing is owed: no payment instructions.
    expect(paidPdf.text).not.toContain("Sort code");

    const voidPdf = await renderStaffInvoice(organizationId, voided.id);
    expect(voidPdf.text).toContain("VOID");
    expect(voidPdf.text).toContain("Raised twice by mistake");
    expect(voidPdf.text).not.toContain("PAID");

    const uncollectiblePdf = await renderStaffInvoice(organizationId, uncollectible.id);
    expect(uncollectiblePdf.text).toContain("UNCOLLECTIBLE");
  });

  it("gives staff a draft marked DRAFT, named after its id, addressed to the customer as they are now", async () => {
    const organizationId = await makeOrganization();
    const customer = await makeCustomer(organizationId, { name: "Initech Ltd" });
    const draft = await makeInvoice({ organizationId, customer, currency: "USD", lines: THREE_LINES, status: "draft" });
    await harness.db.customer.update({ where: { id: customer.id }, data: { name: "Initech Holdings Ltd" } });

    const { text, document } = await renderStaffInvoice(organizationId, draft.id);
    expect(text).toContain("DRAFT");
    expect(text).toContain("Initech Holdings Ltd");
    expect(document.filename).toBe(`draft-${draft.id}.pdf`);
  });

  it("keeps a finalized invoice addressed as it was issued, and shows whose usage it bills", async () => {
    const organizationId = await makeOrganization();
    const payer = await makeCustomer(organizationId, { name: "Sea Channel Partners Pte Ltd" });
    const owner = await makeCustomer(organizationId, { name: "Bluefin Retail Pte Ltd" });
    const invoice = await makeInvoice({
      organizationId,
      customer: payer,
      currency: "USD",
      lines: THREE_LINES,
      usageOwnerId: owner.id,
    });
    await harness.db.customer.update({ where: { id: payer.id }, data: { name: "Renamed After Issue Pte Ltd" } });

    const { text } = await renderStaffInvoice(organizationId, invoice.id);
    expect(text).toContain("Sea Channel Partners Pte Ltd");
    expect(text).not.toContain("Renamed After Issue");
    expect(text).toContain("Usage by Bluefin Retail Pte Ltd");
  });
});

describe("who may load a document", () => {
  it("finds an invoice only in its own organisation", async () => {
    const organizationId = await makeOrganization();
    const otherOrganizationId = await makeOrganization({ name: "Someone Else Ltd" });
    const customer = await makeCustomer(organizationId);
    const invoice = await makeInvoice({ organizationId, customer, currency: "USD", lines: THREE_LINES });

    expect(await loadInvoiceDocument({ organizationId, invoiceId: invoice.id }, harness.db)).not.toBeNull();
    expect(
      await loadInvoiceDocument({ organizationId: otherOrganizationId, invoiceId: invoice.id }, harness.db),
    ).toBeNull();
  });

  it("opens an issued invoice by its token, never a draft, and nothing for a wrong token", async () => {
    const organizationId = await makeOrganization();
    const customer = await makeCustomer(organizationId);
    const issued = await makeInvoice({ organizationId, customer, currency: "USD", lines: THREE_LINES });
    const draft = await makeInvoice({ organizationId, customer, currency: "USD", lines: THREE_LINES, status: "draft" });

    const found = await loadInvoiceDocumentByToken({ token: issued.publicToken }, harness.db);
    expect(found?.id).toBe(issued.id);
    expect(await loadInvoiceDocumentByToken({ token: draft.publicToken }, harness.db)).toBeNull();
    expect(await loadInvoiceDocumentByToken({ token: newPublicToken() }, harness.db)).toBeNull();
    expect(await loadInvoiceDocumentByToken({ token: "not-a-real-token" }, harness.db)).toBeNull();
    expect(await loadInvoiceDocumentByToken({ token: "../../etc/passwd" }, harness.db)).toBeNull();
  });
});

describe("receipt PDF", () => {
  it("shows the receipt and invoice numbers, the payment and what is still due after it", async () => {
    const organizationId = await makeOrganization();
    const customer = await makeCustomer(organizationId);
    const invoice = await makeInvoice({
      organizationId,
      customer,
      currency: "USD",
      number: "INV-202406-0077",
      lines: THREE_LINES,
      payments: [
        { amountMinor: 500_000n, method: "bank_transfer", reference: "BACS 88213", receivedOn: "2024-06-10" },
        { amountMinor: 219_249n, method: "cheque", reference: "Cheque 004512", receivedOn: "2024-06-14" },
      ],
    });
    const [first, second] = invoice.receipts;

    const receipt = await loadReceiptDocument({ organizationId, receiptId: first!.id }, harness.db);
    if (!receipt) throw new Error("receipt not found");
    const { text, pages } = await harness.readPdf(await renderReceiptPdf(receipt));
    expect(pages).toHaveLength(1);
    for (const expected of [
      first!.number,
      "INV-202406-0077",
      "Jun 10, 2024",
      "Bank transfer",
      "BACS 88213",
      "Northwind Analytics Ltd",
      "Acme Corporation",
      "Page 1 of 1",
    ]) {
      expect(text).toContain(expected);
    }
    expect(text).toMatch(/Amount paid\s+\$5,000\.00/);
    // $17,192.49 - $5,000.00
    expect(text).toMatch(/Amount still due\s+\$12,192\.49/);
    expect(receipt.filename).toBe(`${first!.number}.pdf`);

    const byToken = await loadReceiptDocumentByToken({ token: second!.publicToken }, harness.db);
    expect(byToken?.amountRemaining).toBe("$10,000.00");
    expect(byToken?.method).toBe("Cheque");
  });

  it("finds a receipt only in its own organisation", async () => {
    const organizationId = await makeOrganization();
    const otherOrganizationId = await makeOrganization({ name: "Someone Else Ltd" });
    const customer = await makeCustomer(organizationId);
    const invoice = await makeInvoice({
      organizationId,
      customer,
      currency: "USD",
      lines: THREE_LINES,
      payments: [{ amountMinor: 100n, method: "cash", reference: "Till 3", receivedOn: "2024-06-10" }],
    });
    const receiptId = invoice.receipts[0]!.id;
    expect(await loadReceiptDocument({ organizationId, receiptId }, harness.db)).not.toBeNull();
    expect(await loadReceiptDocument({ organizationId: otherOrganizationId, receiptId }, harness.db)).toBeNull();
  });
});
