// Credit note PDFs, and the invoice PDF listing its credit notes, from the stored records against a
// real PostgreSQL: loaded as the routes load them, rendered, and read back with pdftotext, the way
// a customer or an auditor reads them. Amounts are expected to the cent, as formatMoney prints them.
import { describe, expect, it } from "vitest";
import { issueCreditNoteSchema } from "@/lib/credit-notes/schemas";
import { issueCreditNote, voidCreditNote } from "@/lib/credit-notes/service";
import type { CreditNoteReason, InvoiceStatus } from "@/lib/db/generated/enums";
import { loadCreditNoteDocument, loadCreditNoteDocumentByToken } from "@/lib/documents/credit-note-data";
import { loadInvoiceDocument, loadInvoiceDocumentByToken } from "@/lib/documents/invoice-data";
import { renderCreditNotePdf, renderInvoicePdf } from "@/lib/documents/render";
import { newId, newPublicToken } from "@/lib/ids";
import { multiplyQuantity, percentOf } from "@/lib/money";
import { setUpDocumentTests } from "./document-harness";
import { issuedInvoice, makeOrganization as makeOrganizationWithUser } from "./invoice-fixtures";

const harness = setUpDocumentTests({ workDirPrefix: "billfold-credit-notes-" });

// ---------------------------------------------------------------- data, inserted as the app stores it

const makeOrganization = async (name = "Northwind Analytics Ltd") => {
  const id = newId("organization");
  await harness.db.organization.create({
    data: {
      id,
      name,
      legalName: `${name.replace(/ Ltd$/, "")} Limited`,
      addressLine1: "221 Shoreditch High Street",
      city: "London",
      postalCode: "E1 6PJ",
      country: "GB",
      locale: "en-US",
      timeZone: "Europe/London",
      paymentInstructions: "Sort code 20-00-00, account 43917285",
      invoiceFooter: "Registered in England and Wales no. 09876543.",
    },
  });
  return id;
};

const makeCustomer = async (organizationId: string) =>
  harness.db.customer.create({
    data: {
      id: newId("customer"),
      organizationId,
      externalId: `ext-${newId("customer").toLowerCase()}`,
      name: "Acme Corporation",
      email: "ap@acme.example",
      city: "San Francisco",
      country: "US",
      currency: "USD",
    },
  });

type LineSeed = { description: string; quantity: string; unitAmountMinor: bigint; taxRatePercent: string };

const priced = (line: LineSeed) => {
  const amountMinor = multiplyQuantity({ unitAmountMinor: line.unitAmountMinor, quantity: line.quantity }).amountMinor;
  return { ...line, amountMinor, taxMinor: percentOf({ amountMinor, percent: line.taxRatePercent }) };
};

const LINES: LineSeed[] = [
  { description: "Platform subscription", quantity: "1", unitAmountMinor: 100_000n, taxRatePercent: "20" }, // $1,000.00
  { description: "Support hours", quantity: "10", unitAmountMinor: 9_500n, taxRatePercent: "20" }, // $95.00 / hour
];
// $1,950.00 + 20% tax $390.00 = $2,340.00
const INVOICE_TOTAL = 234_000n;

/** A finalized invoice with its lines; the ledger figures are set as the services leave them. */
const makeInvoice = async (options: {
  organizationId: string;
  customerId: string;
  number: string;
  status?: InvoiceStatus;
  paidMinor?: bigint;
  creditedMinor?: bigint;
  refundedMinor?: bigint;
  amountDueMinor: bigint;
}) => {
  const lines = LINES.map(priced);
  const id = newId("invoice");
  await harness.db.invoice.create({
    data: {
      id,
      organizationId: options.organizationId,
      customerId: options.customerId,
      currency: "USD",
      issueDate: new Date("2024-06-03T00:00:00Z"),
      dueDate: new Date("2024-07-03T00:00:00Z"),
      paymentTerms: "net_30",
      subtotalMinor: 195_000n,
      taxMinor: 39_000n,
      totalMinor: INVOICE_TOTAL,
      amountDueMinor: INVOICE_TOTAL,
      publicToken: newPublicToken(),
      lines: { create: lines.map((line, index) => ({ id: newId("invoiceLine"), position: index + 1, ...line })) },
    },
  });
  // Finalizing is the one update the database allows to set everything at once.
  const invoice = await harness.db.invoice.update({
    where: { id },
    data: {
      status: options.status ?? "finalized",
      number: options.number,
      billToSnapshot: { name: "Acme Corporation", email: "ap@acme.example", city: "San Francisco", country: "US" },
      finalizedAt: new Date("2024-06-03T09:00:00Z"),
      paidMinor: options.paidMinor ?? 0n,
      creditedMinor: options.creditedMinor ?? 0n,
      refundedMinor: options.refundedMinor ?? 0n,
      amountDueMinor: options.amountDueMinor,
      paidAt: options.status === "paid" ? new Date("2024-06-04T10:00:00Z") : null,
    },
    include: { lines: { orderBy: { position: "asc" } } },
  });
  if (options.paidMinor) {
    await harness.db.payment.create({
      data: {
        id: newId("payment"),
        organizationId: options.organizationId,
        invoiceId: id,
        customerId: options.customerId,
        method: "bank_transfer",
        currency: "USD",
        amountMinor: options.paidMinor,
        receivedOn: new Date("2024-06-04T00:00:00Z"),
        reference: "BACS 88213",
      },
    });
  }
  return invoice;
};

type Invoice = Awaited<ReturnType<typeof makeInvoice>>;

/** A credit note of `quantity` of one invoice line, with its split and any refund payment. */
const makeCreditNote = async (options: {
  invoice: Invoice;
  sequence: number;
  line: number;
  quantity: string;
  reason: CreditNoteReason;
  memo: string;
  issuedAt: string;
  split?: { creditedToDueMinor?: bigint; refundMinor?: bigint; walletCreditMinor?: bigint; outOfBandMinor?: bigint };
  voided?: { at: string; reason: string };
}) => {
  const { invoice } = options;
  const invoiceLine = invoice.lines[options.line]!;
  const rate = invoiceLine.taxRatePercent.toFixed();
  const credited = priced({
    description: invoiceLine.description,
    quantity: options.quantity,
    unitAmountMinor: invoiceLine.unitAmountMinor,
    taxRatePercent: rate,
  });
  const totalMinor = credited.amountMinor + credited.taxMinor;
  const split = options.split ?? { creditedToDueMinor: totalMinor };
  const id = newId("creditNote");
  const number = `${invoice.number}-CN${String(options.sequence).padStart(2, "0")}`;
  const publicToken = newPublicToken();
  await harness.db.creditNote.create({
    data: {
      id,
      organizationId: invoice.organizationId,
      invoiceId: invoice.id,
      customerId: invoice.customerId,
      number,
      sequence: options.sequence,
      status: options.voided ? "void" : "issued",
      reason: options.reason,
      memo: options.memo,
      currency: invoice.currency,
      subtotalMinor: credited.amountMinor,
      taxMinor: credited.taxMinor,
      totalMinor,
      creditedToDueMinor: split.creditedToDueMinor ?? 0n,
      refundMinor: split.refundMinor ?? 0n,
      walletCreditMinor: split.walletCreditMinor ?? 0n,
      outOfBandMinor: split.outOfBandMinor ?? 0n,
      publicToken,
      issuedAt: new Date(options.issuedAt),
      voidedAt: options.voided ? new Date(options.voided.at) : null,
      voidReason: options.voided?.reason ?? null,
      lines: { create: [{ id: newId("creditNoteLine"), invoiceLineId: invoiceLine.id, ...credited }] },
    },
  });
  if (split.refundMinor) {
    await harness.db.payment.create({
      data: {
        id: newId("payment"),
        organizationId: invoice.organizationId,
        invoiceId: invoice.id,
        customerId: invoice.customerId,
        kind: "refund",
        method: "bank_transfer",
        currency: invoice.currency,
        amountMinor: split.refundMinor,
        receivedOn: new Date(options.issuedAt.slice(0, 10)),
        reference: `Refund for ${number}`,
        creditNoteId: id,
      },
    });
  }
  return { id, number, publicToken, totalMinor };
};

const creditNotePdf = async (organizationId: string, creditNoteId: string) => {
  const document = await loadCreditNoteDocument({ organizationId, creditNoteId }, harness.db);
  if (!document) throw new Error(`credit note ${creditNoteId} not found`);
  return { document, ...(await harness.readPdf(await renderCreditNotePdf(document))) };
};

const invoicePdf = async (organizationId: string, invoiceId: string) => {
  const document = await loadInvoiceDocument({ organizationId, invoiceId }, harness.db);
  if (!document) throw new Error(`invoice ${invoiceId} not found`);
  return { document, ...(await harness.readPdf(await renderInvoicePdf(document))) };
};

/** An open invoice, $500.00 paid, then credited two support hours; a larger credit note was voided. */
const openInvoiceWithCreditNotes = async () => {
  const organizationId = await makeOrganization();
  const customer = await makeCustomer(organizationId);
  // 2 x $95.00 + 20% = $228.00 off the amount due: $2,340.00 - $500.00 - $228.00 = $1,612.00.
  const invoice = await makeInvoice({
    organizationId,
    customerId: customer.id,
    number: "INV-202406-0052",
    paidMinor: 50_000n,
    creditedMinor: 22_800n,
    amountDueMinor: 161_200n,
  });
  const issued = await makeCreditNote({
    invoice,
    sequence: 1,
    line: 1,
    quantity: "2",
    reason: "service_issue",
    memo: "Two support hours lost to the outage of June 4",
    issuedAt: "2024-06-05T10:00:00Z",
  });
  const voided = await makeCreditNote({
    invoice,
    sequence: 2,
    line: 0,
    quantity: "1",
    reason: "duplicate",
    memo: "Thought to be a duplicate",
    issuedAt: "2024-06-06T10:00:00Z",
    voided: { at: "2024-06-06T15:00:00Z", reason: "Not a duplicate after all" },
  });
  return { organizationId, invoice, issued, voided };
};

// ---------------------------------------------------------------- tests

describe("credit note PDF", () => {
  it("shows the credit note and invoice numbers, the lines, the tax and where the credit went", async () => {
    const { organizationId, issued } = await openInvoiceWithCreditNotes();
    const { text, pages, document } = await creditNotePdf(organizationId, issued.id);

    expect(pages).toHaveLength(1);
    for (const expected of [
      "Northwind Analytics Ltd",
      "Northwind Analytics Limited",
      "Credit note",
      "INV-202406-0052-CN01",
      "INV-202406-0052",
      "Acme Corporation",
      "Support hours",
      "Service issue",
      "Two support hours lost to the outage of June 4",
      "Jun 5, 2024",
      "Jun 3, 2024",
      "Registered in England and Wales no. 09876543.",
      "Page 1 of 1",
    ]) {
      expect(text).toContain(expected);
    }
    expect(text).toMatch(/Support hours\s+2\s+\$95\.00\s+\$190\.00/);
    expect(text).toMatch(/Subtotal\s+\$190\.00/);
    expect(text).toMatch(/Tax \(20% on \$190\.00\)\s+\$38\.00/);
    expect(text).toMatch(/Total credited\s+\$228\.00/);
    expect(text).toMatch(/Applied to amount due\s+\$228\.00/);
    // The invoice's own total, for reference.
    expect(text).toContain("$2,340.00");
    expect(text).not.toContain("Refunded");
    expect(text).not.toContain("VOID");
    // Nothing to pay on a credit note.
    expect(text).not.toContain("Sort code");
    expect(document.filename).toBe("INV-202406-0052-CN01.pdf");
  });

  it("marks a void credit note VOID and gives the reason", async () => {
    const { organizationId, voided } = await openInvoiceWithCreditNotes();
    const { text } = await creditNotePdf(organizationId, voided.id);
    expect(text).toContain("VOID");
    expect(text).toContain("INV-202406-0052-CN02");
    expect(text).toContain("Not a duplicate after all");
    // 1 x $1,000.00 + 20%.
    expect(text).toMatch(/Total credited\s+\$1,200\.00/);
  });

  it("splits a credit on a paid invoice into refund, wallet credit and out of band, and lists the refund", async () => {
    const organizationId = await makeOrganization();
    const customer = await makeCustomer(organizationId);
    const invoice = await makeInvoice({
      organizationId,
      customerId: customer.id,
      number: "INV-202406-0077",
      status: "paid",
      paidMinor: INVOICE_TOTAL,
      creditedMinor: 120_000n,
      refundedMinor: 70_000n,
      amountDueMinor: 0n,
    });
    // $1,200.00 = $700.00 refunded + $400.00 to the wallet + $100.00 out of band.
    const creditNote = await makeCreditNote({
      invoice,
      sequence: 1,
      line: 0,
      quantity: "1",
      reason: "order_change",
      memo: "Platform cancelled before the period began",
      issuedAt: "2024-06-10T09:00:00Z",
      split: { refundMinor: 70_000n, walletCreditMinor: 40_000n, outOfBandMinor: 10_000n },
    });
    const { text } = await creditNotePdf(organizationId, creditNote.id);

    expect(text).toMatch(/Total credited\s+\$1,200\.00/);
    expect(text).toMatch(/Refunded\s+\$700\.00/);
    expect(text).toMatch(/Credited to wallet\s+\$400\.00/);
    expect(text).toMatch(/Settled out of band\s+\$100\.00/);
    expect(text).not.toContain("Applied to amount due");
    expect(text).toContain("Order change");
    expect(text).toMatch(/Jun 10, 2024 · Bank transfer · Refund for INV-202406-0077-CN01 · \$700\.00/);

    // The paid invoice lists it under its original total and still owes nothing.
    const invoiceText = (await invoicePdf(organizationId, invoice.id)).text;
    expect(invoiceText).toMatch(/Credit note INV-202406-0077-CN01\s+-\$1,200\.00/);
    expect(invoiceText).toMatch(/Refunded\s+\$700\.00/);
    expect(invoiceText).toMatch(/Amount due\s+\$0\.00/);
  });
});

describe("invoice PDF with credit notes", () => {
  it("shows the original total, each issued credit note with its date, and the updated amount due", async () => {
    const { organizationId, invoice, issued } = await openInvoiceWithCreditNotes();
    const { text, document } = await invoicePdf(organizationId, invoice.id);

    expect(text).toMatch(/Original total\s+\$2,340\.00/);
    expect(text).toMatch(/Credit note INV-202406-0052-CN01\s+-\$228\.00/);
    expect(text).toContain("Jun 5, 2024 · Service issue");
    expect(text).toMatch(/Amount paid\s+-\$500\.00/);
    expect(text).toMatch(/Amount due\s+\$1,612\.00/);
    // The void credit note took nothing off: it is not in the invoice's sums.
    expect(text).not.toContain("CN02");
    expect(text).toContain("Page 1 of 1");

    // The customer's page lists both, each with its own link.
    const byToken = await loadInvoiceDocumentByToken({ token: invoice.publicToken }, harness.db);
    expect(byToken?.creditNotes.map((entry) => [entry.number, entry.statusLabel, entry.amount])).toEqual([
      ["INV-202406-0052-CN01", "Issued", "$228.00"],
      ["INV-202406-0052-CN02", "Void", "$1,200.00"],
    ]);
    expect(byToken?.creditNotes[0]?.token).toBe(issued.publicToken);
    expect(document.amountDue).toBe("$1,612.00");
  });
});

describe("who may load a credit note", () => {
  it("finds a credit note only in its own organisation", async () => {
    const { organizationId, issued } = await openInvoiceWithCreditNotes();
    const otherOrganizationId = await makeOrganization("Someone Else Ltd");
    expect(await loadCreditNoteDocument({ organizationId, creditNoteId: issued.id }, harness.db)).not.toBeNull();
    expect(
      await loadCreditNoteDocument({ organizationId: otherOrganizationId, creditNoteId: issued.id }, harness.db),
    ).toBeNull();
  });

  it("opens a credit note by its token, void ones too, and nothing for a wrong or malformed token", async () => {
    const { issued, voided, invoice } = await openInvoiceWithCreditNotes();
    const found = await loadCreditNoteDocumentByToken({ token: issued.publicToken }, harness.db);
    expect(found?.id).toBe(issued.id);
    expect(found?.invoiceToken).toBe(invoice.publicToken);
    expect((await loadCreditNoteDocumentByToken({ token: voided.publicToken }, harness.db))?.mark).toBe("VOID");
    expect(await loadCreditNoteDocumentByToken({ token: newPublicToken() }, harness.db)).toBeNull();
    expect(await loadCreditNoteDocumentByToken({ token: "not-a-real-token" }, harness.db)).toBeNull();
    expect(await loadCreditNoteDocumentByToken({ token: "../../etc/passwd" }, harness.db)).toBeNull();
    // An invoice's token is not a credit note's.
    expect(await loadCreditNoteDocumentByToken({ token: invoice.publicToken }, harness.db)).toBeNull();
  });
});

describe("documents of a credit note issued and voided through the services", () => {
  it("lowers the amount due on the invoice's PDF, then restores it when the credit note is voided", async () => {
    const actor = await makeOrganizationWithUser(harness.db);
    // $1,000.00 + 20% and 2.5 x $13.80 untaxed: $1,234.50.
    const { invoiceId, number } = await issuedInvoice(harness.db, actor);
    const firstLine = await harness.db.invoiceLine.findFirstOrThrow({
      where: { invoiceId, description: "Implementation workshop" },
    });
    const issued = await harness.db.$transaction((tx) =>
      issueCreditNote(tx, {
        actor,
        input: issueCreditNoteSchema.parse({
          invoiceId,
          mode: "lines",
          lines: [{ invoiceLineId: firstLine.id, quantity: "1" }],
          reason: "billing_error",
          memo: "Workshop billed at the wrong rate",
        }),
      }),
    );
    expect(issued.number).toBe(`${number}-CN01`);
    const stored = { id: issued.creditNoteId };

    const creditNote = await creditNotePdf(actor.organizationId, stored.id);
    expect(creditNote.text).toContain(`${number}-CN01`);
    expect(creditNote.text).toMatch(/Implementation workshop\s+1\s+\$1,000\.00\s+\$1,000\.00/);
    expect(creditNote.text).toMatch(/Tax \(20% on \$1,000\.00\)\s+\$200\.00/);
    expect(creditNote.text).toMatch(/Total credited\s+\$1,200\.00/);
    expect(creditNote.text).toMatch(/Applied to amount due\s+\$1,200\.00/);
    expect(creditNote.text).toContain("Billing error");

    const credited = await invoicePdf(actor.organizationId, invoiceId);
    expect(credited.text).toMatch(/Original total\s+\$1,234\.50/);
    expect(credited.text).toMatch(new RegExp(`Credit note ${number}-CN01\\s+-\\$1,200\\.00`));
    expect(credited.text).toMatch(/Amount due\s+\$34\.50/);

    await harness.db.$transaction((tx) =>
      voidCreditNote(tx, { actor, creditNoteId: stored.id, reason: "Rate was right after all" }),
    );
    const voided = await creditNotePdf(actor.organizationId, stored.id);
    expect(voided.text).toContain("VOID");
    expect(voided.text).toContain("Rate was right after all");

    const restored = await invoicePdf(actor.organizationId, invoiceId);
    expect(restored.text).toMatch(/Total\s+\$1,234\.50/);
    expect(restored.text).not.toContain("Original total");
    expect(restored.text).not.toContain("Credit note");
    expect(restored.text).toMatch(/Amount due\s+\$1,234\.50/);
    expect(restored.document.creditNotes.map((entry) => [entry.number, entry.statusLabel])).toEqual([
      [`${number}-CN01`, "Void"],
    ]);
  });
});
