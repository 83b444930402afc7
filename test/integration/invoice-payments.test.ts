// Payments against a real PostgreSQL: partial payments add up, the settling one marks the invoice
// paid, each payment has exactly one receipt with its own number and what remained due, and a
// refused payment (too much, in the future, on the wrong invoice) writes nothing at all.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDb, type Db } from "@/lib/db/client";
import { UserError } from "@/lib/errors";
import { getInvoiceDetail } from "@/lib/invoices/detail";
import { recordPaymentSchema, type RecordPaymentValues } from "@/lib/invoices/schemas";
import { recordPayment } from "@/lib/invoices/service/payments";
import type { InvoiceActor } from "@/lib/invoices/service/shared";
import { createMigratedTestDatabase, type TestDatabase } from "./db";
import {
  auditActions,
  draftValues,
  issuedInvoice,
  makeCustomer,
  makeOrganization,
  makeSeries,
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

const NOW = new Date("2024-07-10T12:00:00Z");

const pay = (
  actor: InvoiceActor,
  invoiceId: string,
  values: Partial<RecordPaymentValues> & { amount: string },
  now: Date = NOW,
) =>
  db.$transaction((tx) =>
    recordPayment(tx, {
      actor,
      now,
      input: recordPaymentSchema.parse({
        invoiceId,
        receivedOn: "2024-07-01",
        method: "bank_transfer",
        reference: "",
        ...values,
      }),
    }),
  );

/** Everything a payment writes, to show a refused one wrote none of it. */
const footprint = async (actor: InvoiceActor, invoiceId: string) => ({
  invoice: await db.invoice.findUniqueOrThrow({
    where: { id: invoiceId },
    select: { status: true, paymentStatus: true, paidMinor: true, amountDueMinor: true },
  }),
  payments: await db.payment.count({ where: { organizationId: actor.organizationId } }),
  receipts: await db.receipt.count({ where: { organizationId: actor.organizationId } }),
  audit: await db.auditEntry.count({ where: { organizationId: actor.organizationId } }),
  series: await db.numberSeries.findMany({
    where: { organizationId: actor.organizationId },
    select: { id: true, nextNumber: true },
    orderBy: { id: "asc" },
  }),
});

const expectUserError = async (promise: Promise<unknown>, message: string, field?: string) => {
  const error = await rejection(promise);
  expect(error).toBeInstanceOf(UserError);
  expect(error).toMatchObject({ message, field });
};

describe("recordPayment", () => {
  it("adds partial payments up, one receipt each, and the settling payment marks the invoice paid", async () => {
    const actor = await makeOrganization(db);
    const { invoiceId, number } = await issuedInvoice(db, actor); // 1,234.50 due

    const first = await pay(actor, invoiceId, { amount: "1,000", reference: "BACS 88213", receivedOn: "2024-07-01" });
    expect(first.amountDueMinor).toBe(23450n); // 234.50
    expect(await db.invoice.findUniqueOrThrow({ where: { id: invoiceId } })).toMatchObject({
      status: "finalized",
      paymentStatus: "partially_paid",
      paidMinor: 100000n,
      amountDueMinor: 23450n,
      paidAt: null,
    });

    const second = await pay(actor, invoiceId, { amount: "200.25", method: "cheque", receivedOn: "2024-07-05" });
    const third = await pay(actor, invoiceId, { amount: "34.25", method: "card", receivedOn: "2024-07-10" });
    expect(third.amountDueMinor).toBe(0n);

    const invoice = await db.invoice.findUniqueOrThrow({ where: { id: invoiceId } });
    expect(invoice).toMatchObject({ status: "paid", paymentStatus: "paid", paidMinor: 123450n, amountDueMinor: 0n });
    expect(invoice.paidAt).toEqual(NOW);

    const payments = await db.payment.findMany({
      where: { invoiceId },
      include: { receipt: true },
      orderBy: { createdAt: "asc" },
    });
    expect(
      payments.map((payment) => ({
        kind: payment.kind,
        status: payment.status,
        method: payment.method,
        amount: payment.amountMinor,
        receivedOn: payment.receivedOn.toISOString().slice(0, 10),
        createdById: payment.createdById,
        receipt: payment.receipt?.number,
        remaining: payment.receipt?.amountRemainingMinor,
        receiptAmount: payment.receipt?.amountMinor,
      })),
    ).toEqual([
      {
        kind: "payment",
        status: "succeeded",
        method: "bank_transfer",
        amount: 100000n,
        receivedOn: "2024-07-01",
        createdById: actor.id,
        receipt: "RCP-2024-00001",
        remaining: 23450n,
        receiptAmount: 100000n,
      },
      {
        kind: "payment",
        status: "succeeded",
        method: "cheque",
        amount: 20025n,
        receivedOn: "2024-07-05",
        createdById: actor.id,
        receipt: "RCP-2024-00002",
        remaining: 3425n,
        receiptAmount: 20025n,
      },
      {
        kind: "payment",
        status: "succeeded",
        method: "card",
        amount: 3425n,
        receivedOn: "2024-07-10",
        createdById: actor.id,
        receipt: "RCP-2024-00003",
        remaining: 0n,
        receiptAmount: 3425n,
      },
    ]);
    expect([first.receiptId, second.receiptId, third.receiptId]).toEqual(
      payments.map((payment) => payment.receipt?.id),
    );
    expect(payments[0]?.reference).toBe("BACS 88213");

    expect(await auditActions(db, invoiceId)).toEqual([
      "invoice.draft_created",
      "invoice.finalized",
      "invoice.payment_recorded",
      "invoice.payment_recorded",
      "invoice.payment_recorded",
      "invoice.paid",
    ]);
    const recorded = await db.auditEntry.findFirstOrThrow({
      where: { entityId: invoiceId, action: "invoice.payment_recorded" },
      orderBy: { createdAt: "asc" },
    });
    expect(recorded.summary).toBe(
      "Recorded $1,000.00 by bank transfer (BACS 88213), receipt RCP-2024-00001; $234.50 still due",
    );
    expect(recorded.changes).toMatchObject({ amountMinor: "100000", receiptNumber: "RCP-2024-00001" });

    // The invoice page lists the payments newest first, each with its receipt.
    const detail = await getInvoiceDetail(actor.organizationId, invoiceId, db);
    expect(detail?.payments.map((payment) => payment.receipt?.number)).toEqual([
      "RCP-2024-00003",
      "RCP-2024-00002",
      "RCP-2024-00001",
    ]);
    expect(detail?.invoice.number).toBe(number);
  });

  it("refuses more than the amount due, at the amount, and writes nothing", async () => {
    const actor = await makeOrganization(db);
    const { invoiceId } = await issuedInvoice(db, actor, {
      lines: [{ description: "Support", quantity: "1", unitPrice: "56.85", taxRate: "" }],
    });
    const before = await footprint(actor, invoiceId);
    await expectUserError(
      pay(actor, invoiceId, { amount: "56.86" }),
      "The amount due is $56.85: a payment cannot exceed it",
      "amount",
    );
    expect(await footprint(actor, invoiceId)).toEqual(before);

    await pay(actor, invoiceId, { amount: "50" });
    await expectUserError(
      pay(actor, invoiceId, { amount: "7" }),
      "The amount due is $6.85: a payment cannot exceed it",
      "amount",
    );
  });

  it("parses the amount in the invoice's currency, at the amount", async () => {
    const actor = await makeOrganization(db);
    const { invoiceId } = await issuedInvoice(db, actor);
    await expectUserError(pay(actor, invoiceId, { amount: "12.345" }), "USD amounts have at most 2 decimals", "amount");
    await expectUserError(pay(actor, invoiceId, { amount: "0" }), "Amount must be greater than zero", "amount");

    const yen = await issuedInvoice(db, actor, {
      currency: "JPY",
      lines: [{ description: "Licence", quantity: "1", unitPrice: "120000", taxRate: "10" }],
    });
    await expectUserError(pay(actor, yen.invoiceId, { amount: "100.5" }), "JPY amounts have no decimals", "amount");
    expect((await pay(actor, yen.invoiceId, { amount: "100000" })).amountDueMinor).toBe(32000n); // ¥132,000 - ¥100,000
  });

  it("refuses a payment dated after today in the organisation's time zone", async () => {
    const actor = await makeOrganization(db, { timeZone: "Pacific/Auckland" });
    const { invoiceId } = await issuedInvoice(db, actor);
    // 13:00 UTC on 30 June is 01:00 on 1 July in Auckland.
    const now = new Date("2024-06-30T13:00:00Z");
    const before = await footprint(actor, invoiceId);
    await expectUserError(
      pay(actor, invoiceId, { amount: "10", receivedOn: "2024-07-02" }, now),
      "The payment date cannot be in the future",
      "receivedOn",
    );
    expect(await footprint(actor, invoiceId)).toEqual(before);
    await pay(actor, invoiceId, { amount: "10", receivedOn: "2024-07-01" }, now);
  });

  it("takes payments only on an issued invoice with money due", async () => {
    const actor = await makeOrganization(db);
    const customer = await makeCustomer(db, actor);
    const draft = await saveDraft(db, actor, draftValues(customer.id));
    await expectUserError(
      pay(actor, draft.invoiceId, { amount: "1" }),
      "Finalize the invoice before recording a payment",
    );

    const paid = await issuedInvoice(db, actor);
    await pay(actor, paid.invoiceId, { amount: "1234.50" });
    await expectUserError(pay(actor, paid.invoiceId, { amount: "1" }), "This invoice is already paid");

    const stranger = await makeOrganization(db, { name: "Stranger" });
    await expectUserError(pay(stranger, paid.invoiceId, { amount: "1" }), "Invoice was not found.");
  });

  it("never lets two concurrent payments together exceed the amount due", async () => {
    const actor = await makeOrganization(db);
    const { invoiceId } = await issuedInvoice(db, actor, {
      lines: [{ description: "Retainer", quantity: "1", unitPrice: "100", taxRate: "" }],
    });
    const results = await Promise.allSettled([
      pay(actor, invoiceId, { amount: "60" }),
      pay(actor, invoiceId, { amount: "60" }),
    ]);
    const refused = results.filter((result): result is PromiseRejectedResult => result.status === "rejected");
    expect(results.filter((result) => result.status === "fulfilled")).toHaveLength(1);
    expect(refused).toHaveLength(1);
    expect(refused[0]?.reason).toMatchObject({ message: "The amount due is $40.00: a payment cannot exceed it" });
    expect(await db.invoice.findUniqueOrThrow({ where: { id: invoiceId } })).toMatchObject({
      paidMinor: 6000n,
      amountDueMinor: 4000n,
    });
    expect(await db.receipt.count({ where: { organizationId: actor.organizationId } })).toBe(1);
  });

  it("numbers receipts from the organisation's receipt series, distinct across invoices, skipping none", async () => {
    const actor = await makeOrganization(db);
    const series = await makeSeries(db, actor, {
      kind: "receipt",
      format: "RCP-{YYYY}-{NNNNN}",
      name: "Receipts",
      nextNumber: 7,
      isDefault: true,
    });
    const invoices = await Promise.all([issuedInvoice(db, actor), issuedInvoice(db, actor), issuedInvoice(db, actor)]);
    const receipts = await Promise.all(
      invoices.flatMap(({ invoiceId }) => [
        pay(actor, invoiceId, { amount: "100" }),
        pay(actor, invoiceId, { amount: "200" }),
      ]),
    );
    expect(receipts.map((receipt) => receipt.receiptNumber).sort()).toEqual([
      "RCP-2024-00007",
      "RCP-2024-00008",
      "RCP-2024-00009",
      "RCP-2024-00010",
      "RCP-2024-00011",
      "RCP-2024-00012",
    ]);
    expect((await db.numberSeries.findUniqueOrThrow({ where: { id: series.id } })).nextNumber).toBe(13);
    // Each payment has exactly one receipt, and the receipt says what its invoice still owed then.
    for (const { invoiceId } of invoices) {
      const payments = await db.payment.findMany({ where: { invoiceId }, include: { receipt: true } });
      expect(payments).toHaveLength(2);
      expect(payments.every((payment) => payment.receipt !== null)).toBe(true);
      const remaining = payments.map((payment) => payment.receipt!.amountRemainingMinor).sort((a, b) => Number(b - a));
      expect(remaining[1]).toBe(93450n); // 1,234.50 - 100.00 - 200.00 = 934.50 after both
      expect([113450n, 103450n]).toContain(remaining[0]); // after whichever came first
    }
  });
});
