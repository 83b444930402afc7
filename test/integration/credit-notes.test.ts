// Credit notes against a real PostgreSQL: before payment they lower the amount due (never below
// zero), after payment the already-paid part is split into a refund payment, wallet credit and out
// of band; the total credited never exceeds the invoice, even with credit notes issued at once;
// numbers run CN01, CN02 per invoice; a void restores what the credit note took off, unless it was
// refunded; and every change leaves audit entries on the invoice and on the credit note.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getCreditNoteDetail, getCreditNoteFormData, listCreditNotes } from "@/lib/credit-notes/queries";
import { issueCreditNoteSchema, type IssueCreditNoteValues } from "@/lib/credit-notes/schemas";
import { issueCreditNote, voidCreditNote } from "@/lib/credit-notes/service";
import { createDb, type Db } from "@/lib/db/client";
import { NotFoundError, UserError } from "@/lib/errors";
import { recordPaymentSchema } from "@/lib/invoices/schemas";
import { markInvoiceUncollectible, voidInvoice } from "@/lib/invoices/service/lifecycle";
import { recordPayment } from "@/lib/invoices/service/payments";
import type { InvoiceActor } from "@/lib/invoices/service/shared";
import { applyCreditToInvoice, creditWallet, debitWallet } from "@/lib/wallets/service";
import { createMigratedTestDatabase, type TestDatabase } from "./db";
import {
  auditActions,
  draftValues,
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
  db = createDb(database.url, { poolSize: 12 });
});

afterAll(async () => {
  await db?.$disconnect();
  await database?.drop();
});

const NOW = new Date("2024-07-10T12:00:00Z");

// The fixture invoice: "Implementation workshop" 1 x 1,000.00 + 20% and "Support hours" 2.5 x 13.80,
// 1,234.50 in all.
const lineIds = async (invoiceId: string) => {
  const lines = await db.invoiceLine.findMany({ where: { invoiceId }, orderBy: { position: "asc" } });
  return { workshop: lines[0]!.id, support: lines[1]!.id };
};

const issue = (actor: InvoiceActor, invoiceId: string, values: Partial<IssueCreditNoteValues> = {}) =>
  db.$transaction((tx) =>
    issueCreditNote(tx, {
      actor,
      now: NOW,
      input: issueCreditNoteSchema.parse({
        invoiceId,
        mode: "amount",
        amount: "",
        lines: [],
        reason: "service_issue",
        memo: "Two days of downtime",
        ...values,
      }),
    }),
  );

const voidNote = (actor: InvoiceActor, creditNoteId: string, reason = "Issued by mistake") =>
  db.$transaction((tx) => voidCreditNote(tx, { actor, creditNoteId, reason, now: NOW }));

const pay = (actor: InvoiceActor, invoiceId: string, amount: string, method: "bank_transfer" | "card" = "card") =>
  db.$transaction((tx) =>
    recordPayment(tx, {
      actor,
      now: NOW,
      input: recordPaymentSchema.parse({ invoiceId, amount, method, receivedOn: "2024-07-01", reference: "" }),
    }),
  );

const invoiceMoney = (invoiceId: string) =>
  db.invoice.findUniqueOrThrow({
    where: { id: invoiceId },
    select: {
      status: true,
      paymentStatus: true,
      totalMinor: true,
      creditedMinor: true,
      walletAppliedMinor: true,
      paidMinor: true,
      refundedMinor: true,
      amountDueMinor: true,
      paidAt: true,
    },
  });

/** What was billed, less everything that settled or credited it, is what is due: nothing is lost. */
const expectInvoiceAddsUp = async (invoiceId: string) => {
  const invoice = await invoiceMoney(invoiceId);
  const notes = await db.creditNote.findMany({ where: { invoiceId, status: "issued" } });
  const credited = notes.reduce((sum, note) => sum + note.totalMinor, 0n);
  const returnedOtherwise = notes.reduce((sum, note) => sum + note.walletCreditMinor + note.outOfBandMinor, 0n);
  expect(invoice.creditedMinor).toBe(credited);
  expect(invoice.amountDueMinor).toBe(
    invoice.totalMinor -
      invoice.creditedMinor -
      invoice.walletAppliedMinor -
      invoice.paidMinor +
      invoice.refundedMinor +
      returnedOtherwise,
  );
  for (const note of notes) {
    expect(note.creditedToDueMinor + note.refundMinor + note.walletCreditMinor + note.outOfBandMinor).toBe(
      note.totalMinor,
    );
  }
};

const expectUserError = async (promise: Promise<unknown>, message: string, field?: string) => {
  const error = await rejection(promise);
  expect(error).toBeInstanceOf(UserError);
  expect(error).toMatchObject({ message, field });
};

const walletOf = (customerId: string, currency = "USD") =>
  db.wallet.findUnique({ where: { customerId_currency: { customerId, currency } } });

describe("issueCreditNote before payment", () => {
  it("credits chosen lines and lowers the amount due by their total", async () => {
    const actor = await makeOrganization(db);
    const { invoiceId, number, customerId } = await issuedInvoice(db, actor);
    const lines = await lineIds(invoiceId);

    const issued = await issue(actor, invoiceId, {
      mode: "lines",
      lines: [
        { invoiceLineId: lines.workshop, quantity: "" },
        { invoiceLineId: lines.support, quantity: "1.5" },
      ],
    });
    expect(issued).toMatchObject({ number: `${number}-CN01`, totalMinor: 2070n, amountDueMinor: 121380n });

    const note = await db.creditNote.findUniqueOrThrow({
      where: { id: issued.creditNoteId },
      include: { lines: true },
    });
    expect(note).toMatchObject({
      organizationId: actor.organizationId,
      invoiceId,
      customerId,
      number: `${number}-CN01`,
      sequence: 1,
      status: "issued",
      reason: "service_issue",
      memo: "Two days of downtime",
      currency: "USD",
      subtotalMinor: 2070n, // 1.5 h x 13.80 = 20.70
      taxMinor: 0n,
      totalMinor: 2070n,
      creditedToDueMinor: 2070n,
      refundMinor: 0n,
      walletCreditMinor: 0n,
      outOfBandMinor: 0n,
      issuedAt: NOW,
    });
    expect(note.publicToken.length).toBeGreaterThanOrEqual(27);
    expect(note.lines).toHaveLength(1);
    expect(note.lines[0]).toMatchObject({
      invoiceLineId: lines.support,
      description: "Support hours",
      unitAmountMinor: 1380n,
      amountMinor: 2070n,
      taxMinor: 0n,
    });
    expect(note.lines[0]!.quantity.toString()).toBe("1.5");

    expect(await invoiceMoney(invoiceId)).toMatchObject({
      status: "finalized",
      paymentStatus: "unpaid",
      creditedMinor: 2070n,
      amountDueMinor: 121380n, // 1,213.80
    });
    expect(await db.payment.count({ where: { invoiceId } })).toBe(0);
    await expectInvoiceAddsUp(invoiceId);
  });

  it("marks an invoice that credit notes leave nothing to pay on as paid", async () => {
    const actor = await makeOrganization(db);
    const { invoiceId } = await issuedInvoice(db, actor);

    await issue(actor, invoiceId, { amount: "1,234.50", reason: "duplicate", memo: "Billed twice" });
    expect(await invoiceMoney(invoiceId)).toMatchObject({
      status: "paid",
      paymentStatus: "paid",
      creditedMinor: 123450n,
      amountDueMinor: 0n,
      paidAt: NOW,
    });
    expect(await auditActions(db, invoiceId)).toEqual([
      "invoice.draft_created",
      "invoice.finalized",
      "invoice.credit_note_issued",
      "invoice.paid",
    ]);
    await expectInvoiceAddsUp(invoiceId);
  });

  it("lowers a part-paid invoice's amount due to zero, not below, and splits off what was paid", async () => {
    const actor = await makeOrganization(db);
    const { invoiceId } = await issuedInvoice(db, actor);
    await pay(actor, invoiceId, "1,000"); // 234.50 due

    // 300.00: 234.50 off the amount due, 65.50 of the money paid goes back.
    await expectUserError(
      issue(actor, invoiceId, { amount: "300" }),
      "Refund, wallet credit and out of band must add up to $65.50; they add up to $0.00",
      "refund",
    );
    const issued = await issue(actor, invoiceId, { amount: "300", refund: "65.50" });
    expect(issued.amountDueMinor).toBe(0n);
    expect(await db.creditNote.findUniqueOrThrow({ where: { id: issued.creditNoteId } })).toMatchObject({
      totalMinor: 30000n,
      creditedToDueMinor: 23450n,
      refundMinor: 6550n,
    });
    expect(await invoiceMoney(invoiceId)).toMatchObject({
      status: "paid",
      paymentStatus: "partially_refunded",
      amountDueMinor: 0n,
      refundedMinor: 6550n,
    });
    await expectInvoiceAddsUp(invoiceId);
  });
});

describe("issueCreditNote after payment", () => {
  it("splits the credit into a refund payment, wallet credit (reason refund) and out of band", async () => {
    const actor = await makeOrganization(db);
    const { invoiceId, number, customerId } = await issuedInvoice(db, actor);
    await pay(actor, invoiceId, "1,234.50", "bank_transfer");

    const issued = await issue(actor, invoiceId, {
      amount: "300",
      refund: "100",
      walletCredit: "150.00",
      outOfBand: "50",
    });
    expect(issued.amountDueMinor).toBe(0n);

    const note = await db.creditNote.findUniqueOrThrow({ where: { id: issued.creditNoteId } });
    expect(note).toMatchObject({
      totalMinor: 30000n,
      creditedToDueMinor: 0n,
      refundMinor: 10000n,
      walletCreditMinor: 15000n,
      outOfBandMinor: 5000n,
    });

    const refunds = await db.payment.findMany({ where: { invoiceId, kind: "refund" }, include: { receipt: true } });
    expect(refunds).toHaveLength(1);
    expect(refunds[0]).toMatchObject({
      customerId,
      creditNoteId: issued.creditNoteId,
      // Back the way the money came.
      method: "bank_transfer",
      status: "succeeded",
      currency: "USD",
      amountMinor: 10000n,
      reference: `Refund for ${number}-CN01`,
      createdById: actor.id,
      receipt: null,
    });
    expect(issued.refundPaymentId).toBe(refunds[0]!.id);

    const wallet = await walletOf(customerId);
    expect(wallet?.balanceMinor).toBe(15000n);
    const credits = await db.walletTransaction.findMany({ where: { walletId: wallet!.id } });
    expect(credits).toHaveLength(1);
    expect(credits[0]).toMatchObject({
      id: issued.walletTransactionId,
      type: "credit",
      reason: "refund",
      amountMinor: 15000n,
      remainingMinor: 15000n,
      balanceAfterMinor: 15000n,
      creditNoteId: issued.creditNoteId,
      invoiceId,
      actorUserId: actor.id,
    });

    expect(await invoiceMoney(invoiceId)).toMatchObject({
      status: "paid",
      paymentStatus: "partially_refunded",
      creditedMinor: 30000n,
      paidMinor: 123450n,
      refundedMinor: 10000n,
      amountDueMinor: 0n,
    });
    await expectInvoiceAddsUp(invoiceId);
  });

  it("says which part is off and writes nothing when the parts do not add up", async () => {
    const actor = await makeOrganization(db);
    const { invoiceId, customerId } = await issuedInvoice(db, actor);
    await pay(actor, invoiceId, "1,234.50");

    await expectUserError(
      issue(actor, invoiceId, { amount: "120", walletCredit: "100" }),
      "Refund, wallet credit and out of band must add up to $120.00; they add up to $100.00",
      "walletCredit",
    );
    expect(await db.creditNote.count({ where: { invoiceId } })).toBe(0);
    expect(await db.payment.count({ where: { invoiceId, kind: "refund" } })).toBe(0);
    expect(await walletOf(customerId)).toBeNull();
    expect(await invoiceMoney(invoiceId)).toMatchObject({ creditedMinor: 0n, refundedMinor: 0n });
  });

  it("refunds at most what was paid and not yet refunded; a refund of everything marks it refunded", async () => {
    const actor = await makeOrganization(db);
    const { invoiceId } = await issuedInvoice(db, actor);
    await pay(actor, invoiceId, "1,234.50");

    await issue(actor, invoiceId, { amount: "1,000", refund: "1,000" });
    await expectUserError(
      issue(actor, invoiceId, { amount: "234.50", refund: "234.51" }),
      "At most $234.50 can be refunded: that is what was paid and not yet refunded",
      "refund",
    );
    await issue(actor, invoiceId, { amount: "234.50", refund: "234.50" });
    expect(await invoiceMoney(invoiceId)).toMatchObject({
      status: "paid",
      paymentStatus: "refunded",
      creditedMinor: 123450n,
      refundedMinor: 123450n,
    });
    await expectInvoiceAddsUp(invoiceId);
  });
});

describe("issueCreditNote on an invoice paid from the wallet", () => {
  it("refunds no wallet money as cash, but may give it back to the wallet", async () => {
    const actor = await makeOrganization(db);
    const { invoiceId, customerId } = await issuedInvoice(db, actor);
    await db.$transaction((tx) =>
      creditWallet(tx, { actor, customerId, currency: "USD", amountMinor: 123450n, reason: "purchased" }),
    );
    await db.$transaction((tx) => applyCreditToInvoice(tx, { actor, invoiceId, amountMinor: 123450n }));
    expect(await invoiceMoney(invoiceId)).toMatchObject({ status: "paid", walletAppliedMinor: 123450n, paidMinor: 0n });

    await expectUserError(
      issue(actor, invoiceId, { amount: "100", refund: "100" }),
      "Nothing was paid that could be refunded: credit the wallet or record it out of band",
      "refund",
    );
    const issued = await issue(actor, invoiceId, { amount: "100", walletCredit: "100" });
    expect((await walletOf(customerId))?.balanceMinor).toBe(10000n);
    expect(await invoiceMoney(invoiceId)).toMatchObject({
      status: "paid",
      paymentStatus: "paid",
      creditedMinor: 10000n,
      refundedMinor: 0n,
    });
    expect(issued.refundPaymentId).toBeNull();
    await expectInvoiceAddsUp(invoiceId);
  });
});

describe("what can be credited", () => {
  it("refuses more than the invoice can still be credited, naming the limit and the invoice", async () => {
    const actor = await makeOrganization(db);
    const { invoiceId, number } = await issuedInvoice(db, actor);
    const lines = await lineIds(invoiceId);
    await issue(actor, invoiceId, { amount: "1,194.50" });

    await expectUserError(
      issue(actor, invoiceId, { amount: "40.01" }),
      `At most $40.00 can still be credited on ${number}`,
      "amount",
    );
    await expectUserError(
      issue(actor, invoiceId, { mode: "lines", lines: [{ invoiceLineId: lines.workshop, quantity: "0.5" }] }),
      `At most $40.00 can still be credited on ${number}`,
      "lines",
    );
    await issue(actor, invoiceId, { amount: "40" });
    await expectUserError(issue(actor, invoiceId, { amount: "0.01" }), "This invoice is already credited in full");
    expect(await db.creditNote.count({ where: { invoiceId } })).toBe(2);
    await expectInvoiceAddsUp(invoiceId);
  });

  it("refuses a line quantity beyond what is left of the line", async () => {
    const actor = await makeOrganization(db);
    const { invoiceId } = await issuedInvoice(db, actor);
    const lines = await lineIds(invoiceId);
    await issue(actor, invoiceId, { mode: "lines", lines: [{ invoiceLineId: lines.support, quantity: "2" }] });

    await expectUserError(
      issue(actor, invoiceId, {
        mode: "lines",
        lines: [
          { invoiceLineId: lines.workshop, quantity: "" },
          { invoiceLineId: lines.support, quantity: "1" },
        ],
      }),
      "At most 0.5 can still be credited on this line",
      "lines.1.quantity",
    );
    const data = await getCreditNoteFormData(actor.organizationId, invoiceId, db);
    expect(data?.invoice.creditedQuantities).toEqual({ [lines.support]: "2" });
  });

  it("refuses drafts, void invoices and other organisations' invoices", async () => {
    const actor = await makeOrganization(db);
    const customer = await makeCustomer(db, actor);
    const draft = await saveDraft(db, actor, draftValues(customer.id));
    await expectUserError(
      issue(actor, draft.invoiceId, { amount: "10" }),
      "A draft can still be edited: credit notes are for finalized invoices",
    );

    const { invoiceId } = await issuedInvoice(db, actor);
    await db.$transaction((tx) => voidInvoice(tx, { actor, invoiceId, reason: "Wrong customer" }));
    await expectUserError(issue(actor, invoiceId, { amount: "10" }), "A void invoice cannot be credited");

    const stranger = await makeOrganization(db, { name: "Elsewhere" });
    const theirs = await issuedInvoice(db, stranger);
    expect(await rejection(issue(actor, theirs.invoiceId, { amount: "10" }))).toBeInstanceOf(NotFoundError);
    expect(await db.creditNote.count({ where: { invoiceId: theirs.invoiceId } })).toBe(0);
  });

  it("cannot over-credit with credit notes issued at the same moment", async () => {
    const actor = await makeOrganization(db);
    const { invoiceId, number } = await issuedInvoice(db, actor); // 1,234.50

    // Ten credit notes of 200.00 at once: six fit (1,200.00), the others find 34.50 left.
    const results = await Promise.allSettled(
      Array.from({ length: 10 }, () => issue(actor, invoiceId, { amount: "200" })),
    );
    const issued = results.filter((result) => result.status === "fulfilled");
    const refused = results.filter((result) => result.status === "rejected");
    expect(issued).toHaveLength(6);
    for (const result of refused) {
      expect(result.reason).toBeInstanceOf(UserError);
      expect((result.reason as UserError).message).toBe(`At most $34.50 can still be credited on ${number}`);
    }

    const notes = await db.creditNote.findMany({ where: { invoiceId }, orderBy: { sequence: "asc" } });
    expect(notes.map((note) => note.number)).toEqual([1, 2, 3, 4, 5, 6].map((n) => `${number}-CN0${n}`));
    expect(await invoiceMoney(invoiceId)).toMatchObject({ creditedMinor: 120000n, amountDueMinor: 3450n });
    await expectInvoiceAddsUp(invoiceId);
  });
});

describe("credit note numbers", () => {
  it("run CN01, CN02 per invoice, and a void one keeps its number", async () => {
    const actor = await makeOrganization(db);
    const first = await issuedInvoice(db, actor);
    const second = await issuedInvoice(db, actor);

    const a = await issue(actor, first.invoiceId, { amount: "10" });
    const b = await issue(actor, first.invoiceId, { amount: "10" });
    const c = await issue(actor, second.invoiceId, { amount: "10" });
    await voidNote(actor, b.creditNoteId);
    const d = await issue(actor, first.invoiceId, { amount: "10" });

    expect([a.number, b.number, d.number]).toEqual([
      `${first.number}-CN01`,
      `${first.number}-CN02`,
      `${first.number}-CN03`,
    ]);
    expect(c.number).toBe(`${second.number}-CN01`);
    const data = await getCreditNoteFormData(actor.organizationId, first.invoiceId, db);
    expect(data?.nextNumber).toBe(`${first.number}-CN04`);
  });
});

describe("voidCreditNote", () => {
  it("restores what the credit note took off the amount due and reopens an invoice it settled", async () => {
    const actor = await makeOrganization(db);
    const { invoiceId } = await issuedInvoice(db, actor);
    await pay(actor, invoiceId, "234.50");
    const issued = await issue(actor, invoiceId, { amount: "1,000" });
    expect(await invoiceMoney(invoiceId)).toMatchObject({ status: "paid", paymentStatus: "paid", amountDueMinor: 0n });

    const voided = await voidNote(actor, issued.creditNoteId, "Customer withdrew the complaint");
    expect(voided.number).toBe(issued.number);
    expect(await db.creditNote.findUniqueOrThrow({ where: { id: issued.creditNoteId } })).toMatchObject({
      status: "void",
      voidedAt: NOW,
      voidReason: "Customer withdrew the complaint",
    });
    expect(await invoiceMoney(invoiceId)).toMatchObject({
      status: "finalized",
      paymentStatus: "partially_paid",
      creditedMinor: 0n,
      amountDueMinor: 100000n,
      paidAt: null,
    });
    await expectInvoiceAddsUp(invoiceId);

    await expectUserError(voidNote(actor, issued.creditNoteId), "This credit note is already void");
  });

  it("puts an invoice written off before the credit back to uncollectible", async () => {
    const actor = await makeOrganization(db);
    const { invoiceId } = await issuedInvoice(db, actor);
    await db.$transaction((tx) => markInvoiceUncollectible(tx, { actor, invoiceId, reason: "Customer insolvent" }));
    const issued = await issue(actor, invoiceId, { amount: "1,234.50" });
    expect((await invoiceMoney(invoiceId)).status).toBe("paid");

    await voidNote(actor, issued.creditNoteId);
    expect(await invoiceMoney(invoiceId)).toMatchObject({
      status: "uncollectible",
      paymentStatus: "unpaid",
      amountDueMinor: 123450n,
    });
  });

  it("is refused once the credit note was refunded", async () => {
    const actor = await makeOrganization(db);
    const { invoiceId } = await issuedInvoice(db, actor);
    await pay(actor, invoiceId, "1,234.50");
    const issued = await issue(actor, invoiceId, { amount: "100", refund: "60", outOfBand: "40" });

    await expectUserError(voidNote(actor, issued.creditNoteId), "A refunded credit note cannot be voided");
    expect((await db.creditNote.findUniqueOrThrow({ where: { id: issued.creditNoteId } })).status).toBe("issued");
    expect((await invoiceMoney(invoiceId)).creditedMinor).toBe(10000n);
  });

  it("takes back unspent wallet credit, and is refused once some of it was spent", async () => {
    const actor = await makeOrganization(db);
    const { invoiceId, customerId } = await issuedInvoice(db, actor);
    await pay(actor, invoiceId, "1,234.50");

    const unspent = await issue(actor, invoiceId, { amount: "100", walletCredit: "100" });
    expect((await walletOf(customerId))?.balanceMinor).toBe(10000n);
    await voidNote(actor, unspent.creditNoteId);
    const wallet = await walletOf(customerId);
    expect(wallet?.balanceMinor).toBe(0n);
    const reversal = await db.walletTransaction.findFirstOrThrow({
      where: { walletId: wallet!.id, type: "debit" },
      include: { consumed: true },
    });
    expect(reversal).toMatchObject({
      reason: "void_reversal",
      amountMinor: 10000n,
      creditNoteId: unspent.creditNoteId,
    });
    expect(reversal.consumed.map((allocation) => allocation.creditId)).toEqual([unspent.walletTransactionId]);
    expect(await invoiceMoney(invoiceId)).toMatchObject({ creditedMinor: 0n, status: "paid", paymentStatus: "paid" });

    const spent = await issue(actor, invoiceId, { amount: "100", walletCredit: "100" });
    await db.$transaction((tx) =>
      debitWallet(tx, {
        actor,
        customerId,
        currency: "USD",
        amountMinor: 2500n,
        reason: "manual_debit",
        memo: "Consulting hour",
      }),
    );
    const error = await rejection(voidNote(actor, spent.creditNoteId));
    expect(error).toBeInstanceOf(UserError);
    expect((error as UserError).message).toContain("has already been used");
    expect((await db.creditNote.findUniqueOrThrow({ where: { id: spent.creditNoteId } })).status).toBe("issued");
    expect((await walletOf(customerId))?.balanceMinor).toBe(7500n);
    await expectInvoiceAddsUp(invoiceId);
  });

  it("is refused on a void invoice and on another organisation's credit note", async () => {
    const actor = await makeOrganization(db);
    const { invoiceId, number } = await issuedInvoice(db, actor);
    const issued = await issue(actor, invoiceId, { amount: "10" });
    await db.$transaction((tx) => voidInvoice(tx, { actor, invoiceId, reason: "Wrong customer" }));
    await expectUserError(
      voidNote(actor, issued.creditNoteId),
      `${number} is void: its credit notes stay as they were issued`,
    );

    const stranger = await makeOrganization(db, { name: "Elsewhere" });
    expect(await rejection(voidNote(stranger, issued.creditNoteId))).toBeInstanceOf(NotFoundError);
  });
});

describe("audit", () => {
  it("records issue, refund and void on the invoice and on the credit note, with the memo and reason", async () => {
    const actor = await makeOrganization(db);
    const { invoiceId, number } = await issuedInvoice(db, actor);
    await pay(actor, invoiceId, "1,234.50");
    const refunded = await issue(actor, invoiceId, { amount: "50", refund: "50", memo: "Late delivery" });
    const credited = await issue(actor, invoiceId, { amount: "20", outOfBand: "20", reason: "billing_error" });
    await voidNote(actor, credited.creditNoteId, "Raised in error");

    expect(await auditActions(db, invoiceId)).toEqual([
      "invoice.draft_created",
      "invoice.finalized",
      "invoice.payment_recorded",
      "invoice.paid",
      "invoice.credit_note_issued",
      "invoice.refunded",
      "invoice.credit_note_issued",
      "invoice.credit_note_voided",
    ]);
    const onNote = await db.auditEntry.findMany({
      where: { entityType: "credit_note", entityId: refunded.creditNoteId },
    });
    expect(onNote).toHaveLength(1);
    expect(onNote[0]).toMatchObject({
      organizationId: actor.organizationId,
      actorUserId: actor.id,
      action: "credit_note.issued",
      reason: "Late delivery",
      summary: `Issued ${number}-CN01 for $50.00 against ${number} (service issue): $50.00 refunded`,
    });

    const voidedTrail = await db.auditEntry.findMany({
      where: { entityType: "credit_note", entityId: credited.creditNoteId },
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    });
    expect(voidedTrail.map((entry) => [entry.action, entry.reason])).toEqual([
      ["credit_note.issued", "Two days of downtime"],
      ["credit_note.voided", "Raised in error"],
    ]);
  });
});

describe("queries", () => {
  it("lists credit notes newest first with filters, paged by key without gaps or repeats", async () => {
    const actor = await makeOrganization(db, { timeZone: "Asia/Singapore" });
    const first = await issuedInvoice(db, actor);
    const second = await issuedInvoice(db, actor);
    const at = (iso: string) => new Date(iso);
    const make = (invoiceId: string, iso: string, values: Partial<IssueCreditNoteValues> = {}) =>
      db.$transaction((tx) =>
        issueCreditNote(tx, {
          actor,
          now: at(iso),
          input: issueCreditNoteSchema.parse({
            invoiceId,
            mode: "amount",
            amount: "10",
            reason: "service_issue",
            memo: "Outage",
            ...values,
          }),
        }),
      );
    // 2024-07-01 16:30Z is already 2 July in Singapore.
    const a = await make(first.invoiceId, "2024-07-01T10:00:00Z");
    const b = await make(first.invoiceId, "2024-07-01T16:30:00Z", { reason: "duplicate" });
    const c = await make(second.invoiceId, "2024-07-03T09:00:00Z");
    const d = await make(second.invoiceId, "2024-07-04T09:00:00Z", { reason: "duplicate" });
    await voidNote(actor, c.creditNoteId);

    const ids = async (params: Omit<Parameters<typeof listCreditNotes>[0], "organizationId">) =>
      (await listCreditNotes({ organizationId: actor.organizationId, ...params }, db)).rows.map((row) => row.id);

    expect(await ids({})).toEqual([d, c, b, a].map((note) => note.creditNoteId));
    expect(await ids({ reason: "duplicate" })).toEqual([d.creditNoteId, b.creditNoteId]);
    expect(await ids({ status: "void" })).toEqual([c.creditNoteId]);
    expect(await ids({ customerId: first.customerId })).toEqual([b.creditNoteId, a.creditNoteId]);
    expect(await ids({ from: "2024-07-02", to: "2024-07-03", timeZone: "Asia/Singapore" })).toEqual([
      c.creditNoteId,
      b.creditNoteId,
    ]);
    // Unknown filters are left out, not an error.
    expect(await ids({ reason: "bogus", from: "2024-13-45" })).toHaveLength(4);

    const pageOne = await listCreditNotes({ organizationId: actor.organizationId, pageSize: 3 }, db);
    expect(pageOne.rows.map((row) => row.id)).toEqual([d, c, b].map((note) => note.creditNoteId));
    expect(pageOne.rows[0]).toMatchObject({
      number: d.number,
      reason: "duplicate",
      status: "issued",
      totalMinor: 1000n,
      invoice: { id: second.invoiceId, number: second.number },
      customer: { id: second.customerId, name: "Acme Corporation" },
    });
    const pageTwo = await listCreditNotes(
      { organizationId: actor.organizationId, pageSize: 3, cursor: pageOne.nextCursor ?? undefined },
      db,
    );
    expect(pageTwo.rows.map((row) => row.id)).toEqual([a.creditNoteId]);
    expect(pageTwo.nextCursor).toBeNull();

    const stranger = await makeOrganization(db, { name: "Elsewhere" });
    expect((await listCreditNotes({ organizationId: stranger.organizationId }, db)).rows).toEqual([]);
  });

  it("reads one credit note with its invoice, lines, refunds, wallet credit and timeline", async () => {
    const actor = await makeOrganization(db);
    const { invoiceId, number, customerId } = await issuedInvoice(db, actor);
    await pay(actor, invoiceId, "1,234.50");
    const lines = await lineIds(invoiceId);
    const issued = await issue(actor, invoiceId, {
      mode: "lines",
      lines: [{ invoiceLineId: lines.workshop, quantity: "0.5" }],
      refund: "500",
      walletCredit: "100",
    });

    const detail = await getCreditNoteDetail(actor.organizationId, issued.creditNoteId, db);
    expect(detail?.creditNote).toMatchObject({ number: `${number}-CN01`, totalMinor: 60000n, refundMinor: 50000n });
    expect(detail?.invoice).toMatchObject({ id: invoiceId, number });
    expect(detail?.customer.id).toBe(customerId);
    expect(detail?.lines).toMatchObject([
      {
        description: "Implementation workshop",
        quantity: "0.5",
        taxRatePercent: "20",
        amountMinor: 50000n,
        taxMinor: 10000n,
      },
    ]);
    expect(detail?.refunds.map((refund) => refund.amountMinor)).toEqual([50000n]);
    expect(detail?.walletTransactions).toMatchObject([{ type: "credit", reason: "refund", amountMinor: 10000n }]);
    expect(detail?.timeline.map((entry) => entry.action)).toEqual(["credit_note.issued"]);

    const stranger = await makeOrganization(db, { name: "Elsewhere" });
    expect(await getCreditNoteDetail(stranger.organizationId, issued.creditNoteId, db)).toBeNull();
  });

  it("gives the issue form the invoice, what is left to credit and why not, when not", async () => {
    const actor = await makeOrganization(db);
    const { invoiceId, number, customerId } = await issuedInvoice(db, actor);
    await pay(actor, invoiceId, "1,000");
    await issue(actor, invoiceId, { amount: "34.50" });

    const data = await getCreditNoteFormData(actor.organizationId, invoiceId, db);
    expect(data).toMatchObject({
      customer: { id: customerId, name: "Acme Corporation" },
      nextNumber: `${number}-CN02`,
      creditableMinor: 120000n,
      amountDueMinor: 20000n,
      paidMinor: 100000n,
      refundableMinor: 100000n,
      refusal: null,
    });
    expect(data?.invoice).toMatchObject({ currency: "USD", number, creditedMinor: 3450n });
    expect(data?.invoice.lines.map((line) => [line.quantity, line.taxRatePercent])).toEqual([
      ["1", "20"],
      ["2.5", "0"],
    ]);
    const stranger = await makeOrganization(db, { name: "Elsewhere" });
    expect(await getCreditNoteFormData(stranger.organizationId, invoiceId, db)).toBeNull();
  });
});
