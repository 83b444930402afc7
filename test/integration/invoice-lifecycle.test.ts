// The invoice lifecycle against a real PostgreSQL: drafts change freely and their totals follow the
// lines; finalizing fixes the document (the services refuse to edit it and so does the database);
// void and uncollectible follow the allowed transitions; each change writes its audit entry in the
// same transaction, so a failed change leaves none.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDb, type Db } from "@/lib/db/client";
import { UserError } from "@/lib/errors";
import { newId, newPublicToken } from "@/lib/ids";
import { getDraftFormValues, getInvoiceDetail } from "@/lib/invoices/detail";
import { recordPaymentSchema } from "@/lib/invoices/schemas";
import { deleteDraftInvoice } from "@/lib/invoices/service/draft";
import { finalizeInvoice } from "@/lib/invoices/service/finalize";
import { markInvoiceUncollectible, voidInvoice } from "@/lib/invoices/service/lifecycle";
import { rotateInvoiceLink } from "@/lib/invoices/service/link";
import { recordPayment } from "@/lib/invoices/service/payments";
import type { InvoiceActor } from "@/lib/invoices/service/shared";
import { createMigratedTestDatabase, type TestDatabase } from "./db";
import {
  auditActions,
  draftValues,
  finalize,
  issuedInvoice,
  makeCustomer,
  makeOrganization,
  rejection,
  saveDraft,
} from "./invoice-fixtures";

let database: TestDatabase;
let db: Db;

beforeAll(async () => {
  database = await createMigratedTestDatabase();
  db = createDb(database.url);
});

afterAll(async () => {
  await db?.$disconnect();
  await database?.drop();
});

const expectUserError = async (promise: Promise<unknown>, message: string, field?: string) => {
  const error = await rejection(promise);
  expect(error).toBeInstanceOf(UserError);
  expect(error).toMatchObject({ message, field });
};

const voidIt = (actor: InvoiceActor, invoiceId: string, reason = "Issued to the wrong entity") =>
  db.$transaction((tx) => voidInvoice(tx, { actor, invoiceId, reason }));
const writeOff = (actor: InvoiceActor, invoiceId: string, reason: string | null = null) =>
  db.$transaction((tx) => markInvoiceUncollectible(tx, { actor, invoiceId, reason }));
const pay = (actor: InvoiceActor, invoiceId: string, amount: string) =>
  db.$transaction((tx) =>
    recordPayment(tx, {
      actor,
      input: recordPaymentSchema.parse({
        invoiceId,
        amount,
        receivedOn: "2024-07-01",
        method: "bank_transfer",
        reference: "",
      }),
    }),
  );
const rotate = (actor: InvoiceActor, invoiceId: string) =>
  db.$transaction((tx) => rotateInvoiceLink(tx, { actor, invoiceId }));
const remove = (actor: InvoiceActor, invoiceId: string) =>
  db.$transaction((tx) => deleteDraftInvoice(tx, { actor, invoiceId }));

describe("drafts", () => {
  it("stores the lines in order with totals computed from them, a customer token and an audit entry", async () => {
    const actor = await makeOrganization(db);
    const customer = await makeCustomer(db, actor);
    const { invoiceId } = await saveDraft(db, actor, draftValues(customer.id, { memo: "PO 4471" }));

    const invoice = await db.invoice.findUniqueOrThrow({ where: { id: invoiceId }, include: { lines: true } });
    expect(invoice).toMatchObject({
      organizationId: actor.organizationId,
      status: "draft",
      number: null,
      customerId: customer.id,
      currency: "USD",
      issueDate: new Date("2024-06-28T00:00:00Z"),
      dueDate: new Date("2024-07-28T00:00:00Z"), // net 30
      paymentTerms: "net_30",
      memo: "PO 4471",
      subtotalMinor: 103450n, // 1,000.00 + 2.5 x 13.80 = 1,034.50
      taxMinor: 20000n, // 20% of 1,000.00
      totalMinor: 123450n, // 1,234.50
      amountDueMinor: 123450n,
    });
    expect(invoice.publicToken.length).toBeGreaterThanOrEqual(27);
    const lines = [...invoice.lines].sort((a, b) => a.position - b.position);
    expect(lines.map((line) => [line.position, line.description, line.amountMinor, line.taxMinor])).toEqual([
      [0, "Implementation workshop", 100000n, 20000n],
      [1, "Support hours", 3450n, 0n],
    ]);
    expect(lines[1]?.quantity.toString()).toBe("2.5");
    expect(await auditActions(db, invoiceId)).toEqual(["invoice.draft_created"]);
  });

  it("replaces every line on update and recomputes the totals", async () => {
    const actor = await makeOrganization(db);
    const customer = await makeCustomer(db, actor);
    const values = draftValues(customer.id);
    const { invoiceId } = await saveDraft(db, actor, values);
    await saveDraft(db, actor, {
      ...values,
      invoiceId,
      dueMode: "date",
      dueDate: "2024-07-05",
      lines: [
        { description: "Onboarding", quantity: "0.333333", unitPrice: "100", taxRate: "8.875" },
        { description: "Licence", quantity: "3", unitPrice: "49.99", taxRate: "8.875" },
        { description: "Discount", quantity: "1", unitPrice: "-10", taxRate: "" },
      ],
    });

    const invoice = await db.invoice.findUniqueOrThrow({ where: { id: invoiceId }, include: { lines: true } });
    expect(invoice.lines.map((line) => line.position).sort()).toEqual([0, 1, 2]);
    expect(invoice).toMatchObject({
      dueDate: new Date("2024-07-05T00:00:00Z"),
      paymentTerms: null,
      subtotalMinor: 17330n, // 33.33 + 149.97 - 10.00 = 173.30
      taxMinor: 1627n, // 8.875%: 2.96 (of 33.33) + 13.31 (of 149.97)
      totalMinor: 18957n, // 189.57
      amountDueMinor: 18957n,
    });
    const entries = await db.auditEntry.findMany({ where: { entityId: invoiceId }, orderBy: { createdAt: "asc" } });
    expect(entries.map((entry) => entry.action)).toEqual(["invoice.draft_created", "invoice.draft_updated"]);
    expect(entries[1]?.changes).toMatchObject({
      dueDate: { from: "2024-07-28", to: "2024-07-05" },
      lines: { from: 2, to: 3 },
      totalMinor: { from: "123450", to: "18957" },
    });

    // The edit form gets back what was typed, normalized.
    expect(await getDraftFormValues(actor.organizationId, invoiceId, db)).toMatchObject({
      invoiceId,
      dueMode: "date",
      dueDate: "2024-07-05",
      lines: [
        { description: "Onboarding", quantity: "0.333333", unitPrice: "100.00", taxRate: "8.875" },
        { description: "Licence", quantity: "3", unitPrice: "49.99", taxRate: "8.875" },
        { description: "Discount", quantity: "1", unitPrice: "-10.00", taxRate: "0" },
      ],
    });
  });

  it("refuses an archived customer, at the customer field", async () => {
    const actor = await makeOrganization(db);
    const acme = await makeCustomer(db, actor, { name: "Acme", archived: true });
    await expectUserError(
      saveDraft(db, actor, draftValues(acme.id)),
      "Acme is archived: restore the customer before invoicing",
      "customerId",
    );
    expect(await db.invoice.count({ where: { organizationId: actor.organizationId } })).toBe(0);
  });

  it("never reaches another organisation's invoice or customer", async () => {
    const owner = await makeOrganization(db, { name: "Owner" });
    const stranger = await makeOrganization(db, { name: "Stranger" });
    const customer = await makeCustomer(db, owner);
    const values = draftValues(customer.id);
    const { invoiceId } = await saveDraft(db, owner, values);

    await expectUserError(saveDraft(db, stranger, values), "Choose a customer from the list", "customerId");
    await expectUserError(saveDraft(db, stranger, { ...values, invoiceId }), "Invoice was not found.");
    await expectUserError(finalize(db, stranger, invoiceId), "Invoice was not found.");
    await expectUserError(remove(stranger, invoiceId), "Invoice was not found.");
    expect(await getInvoiceDetail(stranger.organizationId, invoiceId, db)).toBeNull();
    expect(await getDraftFormValues(stranger.organizationId, invoiceId, db)).toBeNull();
    expect(await db.invoice.findUniqueOrThrow({ where: { id: invoiceId } })).toMatchObject({ status: "draft" });
  });

  it("deletes a draft and keeps its history", async () => {
    const actor = await makeOrganization(db);
    const customer = await makeCustomer(db, actor);
    const { invoiceId } = await saveDraft(db, actor, draftValues(customer.id));
    await remove(actor, invoiceId);
    expect(await db.invoice.findUnique({ where: { id: invoiceId } })).toBeNull();
    expect(await db.invoiceLine.count({ where: { invoiceId } })).toBe(0);
    expect(await auditActions(db, invoiceId)).toEqual(["invoice.draft_created", "invoice.draft_deleted"]);
  });
});

describe("finalize", () => {
  it("assigns the number, fixes the bill-to details and opens the invoice for payment", async () => {
    const actor = await makeOrganization(db);
    const customer = await makeCustomer(db, actor);
    const { invoiceId } = await saveDraft(db, actor, draftValues(customer.id));
    const { number } = await finalize(db, actor, invoiceId);

    // The customer's later changes do not reach the issued document.
    await db.customer.update({ where: { id: customer.id }, data: { name: "Acme Renamed", city: "Oakland" } });
    const detail = await getInvoiceDetail(actor.organizationId, invoiceId, db);
    expect(number).toBe("INV-202406-0001");
    expect(detail?.invoice).toMatchObject({
      status: "finalized",
      paymentStatus: "unpaid",
      number: "INV-202406-0001",
      totalMinor: 123450n,
      amountDueMinor: 123450n,
    });
    expect(detail?.invoice.finalizedAt).toBeInstanceOf(Date);
    expect(detail?.billTo).toEqual({
      name: "Acme Corporation",
      email: "ap@acme.example",
      addressLine1: "500 Howard Street",
      addressLine2: null,
      city: "San Francisco",
      postalCode: "94105",
      country: "US",
      taxId: "94-3126710",
    });
    expect(detail?.lines.map((line) => line.position)).toEqual([0, 1]);
    expect(detail?.timeline.map((entry) => entry.action)).toEqual(["invoice.draft_created", "invoice.finalized"]);
    expect(detail?.timeline[1]?.summary).toBe("Finalized INV-202406-0001: $1,234.50 due Jul 28, 2024");
  });

  it("refuses a second finalization, an archived customer and an invoice without lines", async () => {
    const actor = await makeOrganization(db);
    const { invoiceId } = await issuedInvoice(db, actor);
    await expectUserError(finalize(db, actor, invoiceId), "Only a draft can be finalized");

    const acme = await makeCustomer(db, actor, { name: "Acme" });
    const draft = await saveDraft(db, actor, draftValues(acme.id));
    await db.customer.update({ where: { id: acme.id }, data: { status: "archived", archivedAt: new Date() } });
    await expectUserError(
      finalize(db, actor, draft.invoiceId),
      "Acme is archived: restore the customer before invoicing",
    );

    // Drafts made by other code paths (a subscription run) might have no lines yet.
    const empty = await db.invoice.create({
      data: {
        id: newId("invoice"),
        organizationId: actor.organizationId,
        customerId: (await makeCustomer(db, actor)).id,
        currency: "USD",
        issueDate: new Date("2024-06-28T00:00:00Z"),
        dueDate: new Date("2024-06-28T00:00:00Z"),
        publicToken: newPublicToken(),
      },
    });
    await expectUserError(finalize(db, actor, empty.id), "Add at least one line before finalizing");
    expect(await auditActions(db, draft.invoiceId)).toEqual(["invoice.draft_created"]);
  });

  it("marks an invoice for nothing paid at once", async () => {
    const actor = await makeOrganization(db);
    const { invoiceId } = await issuedInvoice(db, actor, {
      lines: [{ description: "Complimentary training", quantity: "1", unitPrice: "0", taxRate: "" }],
    });
    expect(await db.invoice.findUniqueOrThrow({ where: { id: invoiceId } })).toMatchObject({
      status: "paid",
      paymentStatus: "paid",
      amountDueMinor: 0n,
    });
    expect(await auditActions(db, invoiceId)).toEqual(["invoice.draft_created", "invoice.finalized", "invoice.paid"]);
  });

  it("writes no audit entry when the transaction it ran in fails", async () => {
    const actor = await makeOrganization(db);
    const customer = await makeCustomer(db, actor);
    const { invoiceId } = await saveDraft(db, actor, draftValues(customer.id));
    await rejection(
      db.$transaction(async (tx) => {
        await finalizeInvoice(tx, { actor, invoiceId });
        throw new Error("a later step failed");
      }),
    );
    expect(await auditActions(db, invoiceId)).toEqual(["invoice.draft_created"]);
    expect(await db.invoice.findUniqueOrThrow({ where: { id: invoiceId } })).toMatchObject({ status: "draft" });
  });
});

describe("an issued invoice is frozen", () => {
  it("is refused by the services", async () => {
    const actor = await makeOrganization(db);
    const { invoiceId, customerId } = await issuedInvoice(db, actor);
    await expectUserError(
      saveDraft(db, actor, { ...draftValues(customerId), invoiceId }),
      "Only a draft can be edited: issue a credit note or void the invoice instead",
    );
    await expectUserError(
      remove(actor, invoiceId),
      "Only a draft can be deleted: a finalized invoice keeps its number and its record; void it instead",
    );
    expect(await db.invoiceLine.count({ where: { invoiceId } })).toBe(2);
  });

  it("is refused by the database, whatever the code path", async () => {
    const actor = await makeOrganization(db);
    const { invoiceId } = await issuedInvoice(db, actor);
    await expect(db.$executeRaw`UPDATE "Invoice" SET "totalMinor" = 1 WHERE "id" = ${invoiceId}`).rejects.toThrow(
      /invoice_frozen/,
    );
    await expect(
      db.$executeRaw`INSERT INTO "InvoiceLine" ("id", "invoiceId", "position", "description", "quantity", "unitAmountMinor", "amountMinor")
        VALUES (${newId("invoiceLine")}, ${invoiceId}, 9, 'Sneaked in', 1, 100, 100)`,
    ).rejects.toThrow(/invoice_line_frozen/);
    await expect(
      db.$executeRaw`UPDATE "InvoiceLine" SET "amountMinor" = 1 WHERE "invoiceId" = ${invoiceId}`,
    ).rejects.toThrow(/invoice_line_frozen/);
    await expect(db.$executeRaw`DELETE FROM "Invoice" WHERE "id" = ${invoiceId}`).rejects.toThrow(/invoice_frozen/);
    expect(await db.invoice.findUniqueOrThrow({ where: { id: invoiceId } })).toMatchObject({ totalMinor: 123450n });
  });
});

describe("void and uncollectible", () => {
  it("voids an open invoice, keeping its number, record and reason", async () => {
    const actor = await makeOrganization(db);
    const { invoiceId, number } = await issuedInvoice(db, actor);
    await voidIt(actor, invoiceId, "Duplicate of INV-202406-0007");

    expect(await db.invoice.findUniqueOrThrow({ where: { id: invoiceId } })).toMatchObject({
      status: "void",
      number,
      totalMinor: 123450n,
      voidReason: "Duplicate of INV-202406-0007",
    });
    const entry = await db.auditEntry.findFirstOrThrow({ where: { entityId: invoiceId, action: "invoice.voided" } });
    expect(entry).toMatchObject({
      actorUserId: actor.id,
      reason: "Duplicate of INV-202406-0007",
      summary: `Voided ${number}; its number stays used`,
    });
  });

  it("allows nothing after a void", async () => {
    const actor = await makeOrganization(db);
    const { invoiceId } = await issuedInvoice(db, actor);
    await voidIt(actor, invoiceId);
    const before = await auditActions(db, invoiceId);

    await expectUserError(voidIt(actor, invoiceId), "This invoice is already void");
    await expectUserError(writeOff(actor, invoiceId), "A void invoice cannot be marked uncollectible");
    await expectUserError(pay(actor, invoiceId, "10"), "A void invoice cannot take payments");
    await expectUserError(rotate(actor, invoiceId), "A void invoice's link cannot be replaced");
    await expectUserError(finalize(db, actor, invoiceId), "Only a draft can be finalized");
    expect(await auditActions(db, invoiceId)).toEqual(before);
  });

  it("refuses to void a draft, a paid invoice or one that took money", async () => {
    const actor = await makeOrganization(db);
    const customer = await makeCustomer(db, actor);
    const draft = await saveDraft(db, actor, draftValues(customer.id));
    await expectUserError(voidIt(actor, draft.invoiceId), "A draft cannot be voided: delete it instead");

    const paid = await issuedInvoice(db, actor);
    await pay(actor, paid.invoiceId, "1234.50");
    await expectUserError(
      voidIt(actor, paid.invoiceId),
      "A paid invoice cannot be voided: issue a credit note instead",
    );

    const partly = await issuedInvoice(db, actor);
    await pay(actor, partly.invoiceId, "100");
    await expectUserError(
      voidIt(actor, partly.invoiceId),
      "A partly paid invoice cannot be voided: issue a credit note instead",
    );
  });

  it("writes off an invoice that can still be paid, and voided", async () => {
    const actor = await makeOrganization(db);
    const { invoiceId, number } = await issuedInvoice(db, actor);
    await writeOff(actor, invoiceId, "Customer ceased trading");
    expect(await db.invoice.findUniqueOrThrow({ where: { id: invoiceId } })).toMatchObject({
      status: "uncollectible",
      amountDueMinor: 123450n,
    });
    const entry = await db.auditEntry.findFirstOrThrow({
      where: { entityId: invoiceId, action: "invoice.marked_uncollectible" },
    });
    expect(entry).toMatchObject({
      reason: "Customer ceased trading",
      summary: `Marked ${number} uncollectible: $1,234.50 written off`,
    });
    await expectUserError(writeOff(actor, invoiceId), "This invoice is already marked uncollectible");

    // Paid after all: the settling payment makes it paid.
    await pay(actor, invoiceId, "1,234.50");
    expect(await db.invoice.findUniqueOrThrow({ where: { id: invoiceId } })).toMatchObject({
      status: "paid",
      paymentStatus: "paid",
      amountDueMinor: 0n,
    });
    await expectUserError(writeOff(actor, invoiceId), "A paid invoice cannot be marked uncollectible");

    const another = await issuedInvoice(db, actor);
    await writeOff(actor, another.invoiceId);
    await voidIt(actor, another.invoiceId);
    expect(await db.invoice.findUniqueOrThrow({ where: { id: another.invoiceId } })).toMatchObject({
      status: "void",
    });
  });
});

describe("customer link", () => {
  it("replaces the token of an issued invoice so the old link finds nothing", async () => {
    const actor = await makeOrganization(db);
    const { invoiceId, number } = await issuedInvoice(db, actor);
    const { publicToken: oldToken } = await db.invoice.findUniqueOrThrow({ where: { id: invoiceId } });
    const { publicToken } = await rotate(actor, invoiceId);

    expect(publicToken).not.toBe(oldToken);
    expect(await db.invoice.findUnique({ where: { publicToken: oldToken } })).toBeNull();
    expect((await db.invoice.findUniqueOrThrow({ where: { publicToken } })).id).toBe(invoiceId);
    expect(await auditActions(db, invoiceId)).toContain("invoice.link_rotated");
    expect(
      (await db.auditEntry.findFirstOrThrow({ where: { entityId: invoiceId, action: "invoice.link_rotated" } }))
        .summary,
    ).toBe(`Replaced the customer link of ${number}; the old link no longer works`);

    const customer = await makeCustomer(db, actor);
    const draft = await saveDraft(db, actor, draftValues(customer.id));
    await expectUserError(
      rotate(actor, draft.invoiceId),
      "A draft has no customer link yet: it gets one when it is finalized",
    );
  });
});
