// Wallet credit and invoices against a real PostgreSQL: applying credit pays an open invoice with a
// linked debit, a wallet payment and its receipt; voiding the invoice gives the credit back to the
// very credits it came from (credit past its expiry expires at once); a voided credit note takes
// back its unspent refund credit.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDb, type Db } from "@/lib/db/client";
import { UserError } from "@/lib/errors";
import { newId, newPublicToken } from "@/lib/ids";
import { recordPaymentSchema } from "@/lib/invoices/schemas";
import { voidInvoice } from "@/lib/invoices/service/lifecycle";
import { recordPayment } from "@/lib/invoices/service/payments";
import type { InvoiceActor } from "@/lib/invoices/service/shared";
import { getWalletBalance } from "@/lib/wallets/queries";
import {
  applyCreditToInvoice,
  applyWalletCredit,
  debitWallet,
  reverseCreditNoteWalletCredit,
} from "@/lib/wallets/service";
import { createMigratedTestDatabase, type TestDatabase } from "./db";
import { auditActions, issuedInvoice, makeOrganization, rejection } from "./invoice-fixtures";
import { credit, DAY_MS, invoiceWalletState, ledgerViolations } from "./wallet-fixtures";

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

const apply = (actor: InvoiceActor, invoiceId: string, amountMinor: bigint, now?: Date) =>
  db.$transaction((tx) => applyCreditToInvoice(tx, { actor, invoiceId, amountMinor, now }));

const voidIt = (actor: InvoiceActor, invoiceId: string, now?: Date) =>
  db.$transaction((tx) => voidInvoice(tx, { actor, invoiceId, reason: "Issued twice", now }));

/** An invoice of $1,234.50 and its customer's wallet: $300 purchased, $200 promotional (priority 10, expiring). */
const invoiceWithWallet = async () => {
  const actor = await makeOrganization(db);
  const { invoiceId, number, customerId } = await issuedInvoice(db, actor); // 1,234.50 due
  const now = new Date();
  const purchased = await credit(db, actor, { customerId, amountMinor: 30000n }); // $300.00
  const promotional = await credit(db, actor, {
    customerId,
    amountMinor: 20000n, // $200.00
    reason: "promotional",
    priority: 10,
    expiresAt: new Date(now.getTime() + 3 * DAY_MS),
  });
  return { actor, invoiceId, number, customerId, purchased, promotional, walletId: purchased.walletId };
};

describe("applyCreditToInvoice", () => {
  it("consumes credits in order, records them, lowers the amount due and issues a wallet payment with a receipt", async () => {
    const { actor, invoiceId, customerId, purchased, promotional, walletId } = await invoiceWithWallet();
    const applied = await apply(actor, invoiceId, 25000n); // $250.00

    expect(applied.allocations).toEqual([
      { creditId: promotional.transactionId, amountMinor: 20000n },
      { creditId: purchased.transactionId, amountMinor: 5000n },
    ]);
    expect(applied.amountDueMinor).toBe(98450n); // 1,234.50 - 250.00
    expect(applied.receiptNumber).toMatch(/^RCP-\d{4}-00001$/);
    expect(await invoiceWalletState(db, invoiceId)).toMatchObject({
      status: "finalized",
      paymentStatus: "partially_paid",
      walletAppliedMinor: 25000n,
      paidMinor: 0n,
      amountDueMinor: 98450n,
      walletDebitedMinor: 25000n,
    });
    const debit = await db.walletTransaction.findUniqueOrThrow({ where: { id: applied.transactionId } });
    expect(debit).toMatchObject({
      type: "debit",
      reason: "invoice_payment",
      invoiceId,
      amountMinor: 25000n,
      balanceAfterMinor: 25000n,
    });
    const payment = await db.payment.findUniqueOrThrow({
      where: { id: applied.paymentId },
      include: { receipt: true },
    });
    expect(payment).toMatchObject({
      kind: "payment",
      method: "wallet",
      status: "succeeded",
      amountMinor: 25000n,
      walletTransactionId: applied.transactionId,
      customerId,
      createdById: actor.id,
    });
    expect(payment.receipt).toMatchObject({
      number: applied.receiptNumber,
      amountMinor: 25000n,
      amountRemainingMinor: 98450n,
    });
    expect(await auditActions(db, invoiceId)).toEqual([
      "invoice.draft_created",
      "invoice.finalized",
      "invoice.wallet_applied",
    ]);
    expect(
      await db.auditEntry.findFirst({
        where: { entityType: "customer", entityId: customerId, action: "wallet.applied_to_invoice" },
      }),
    ).not.toBeNull();
    expect(await ledgerViolations(db, [walletId])).toEqual([]);
  });

  it("marks the invoice paid when the credit settles it", async () => {
    const actor = await makeOrganization(db);
    const { invoiceId, number, customerId } = await issuedInvoice(db, actor);
    await credit(db, actor, { customerId, amountMinor: 200000n }); // $2,000.00
    const applied = await apply(actor, invoiceId, 123450n);
    expect(applied.amountDueMinor).toBe(0n);
    expect(await invoiceWalletState(db, invoiceId)).toMatchObject({
      status: "paid",
      paymentStatus: "paid",
      amountDueMinor: 0n,
      walletAppliedMinor: 123450n,
    });
    expect(await auditActions(db, invoiceId)).toEqual([
      "invoice.draft_created",
      "invoice.finalized",
      "invoice.wallet_applied",
      "invoice.paid",
    ]);
    expect(await getWalletBalance(customerId, "USD", db)).toBe(76550n);
    await expectUserError(apply(actor, invoiceId, 100n), "This invoice is already paid");
    expect(number).toBeTruthy();
  });

  it("refuses more than is due, more than the balance, and a void invoice, writing nothing", async () => {
    const { actor, invoiceId, customerId, walletId } = await invoiceWithWallet();
    await expectUserError(
      apply(actor, invoiceId, 123451n),
      "The amount due is $1,234.50: the credit applied cannot exceed it",
      "amount",
    );
    await expectUserError(
      apply(actor, invoiceId, 60000n),
      "The balance is 500.00 USD: a debit of 600.00 USD would make it negative",
      "amount",
    );
    await expectUserError(
      db.$transaction((tx) => applyWalletCredit(tx, { actor, input: { invoiceId, amount: "1.234" } })),
      "USD amounts have at most 2 decimals",
      "amount",
    );
    await voidIt(actor, invoiceId);
    await expectUserError(apply(actor, invoiceId, 100n), "A void invoice cannot take wallet credit");
    expect(await db.payment.count({ where: { invoiceId } })).toBe(0);
    expect(await getWalletBalance(customerId, "USD", db)).toBe(50000n);
    expect(await ledgerViolations(db, [walletId])).toEqual([]);
  });

  it("parses the form's amount in the invoice's currency", async () => {
    const { actor, invoiceId } = await invoiceWithWallet();
    const applied = await db.$transaction((tx) =>
      applyWalletCredit(tx, { actor, input: { invoiceId, amount: "100.25" } }),
    );
    expect(applied.amountDueMinor).toBe(113425n);
  });
});

describe("voiding an invoice that consumed wallet credit", () => {
  it("gives each consumption back to the credit it came from, with one void refund on the ledger", async () => {
    const { actor, invoiceId, customerId, purchased, promotional, walletId } = await invoiceWithWallet();
    const first = await apply(actor, invoiceId, 25000n);
    const second = await apply(actor, invoiceId, 10000n); // purchased only: promotional is used up
    await db.$transaction((tx) =>
      debitWallet(tx, { actor, customerId, currency: "USD", amountMinor: 1000n, reason: "manual_debit" }),
    );
    expect(await getWalletBalance(customerId, "USD", db)).toBe(14000n);

    const voided = await voidIt(actor, invoiceId);
    expect(voided.restoredCreditMinor).toBe(35000n);
    expect(await getWalletBalance(customerId, "USD", db)).toBe(49000n);
    const credits = await db.walletTransaction.findMany({
      where: { id: { in: [purchased.transactionId, promotional.transactionId] } },
      select: { id: true, remainingMinor: true },
    });
    expect(Object.fromEntries(credits.map((row) => [row.id, row.remainingMinor]))).toEqual({
      [purchased.transactionId]: 29000n, // 300 - the manual debit's 10
      [promotional.transactionId]: 20000n,
    });
    const reversed = await db.walletAllocation.findMany({
      where: { debitId: { in: [first.transactionId, second.transactionId] } },
    });
    expect(reversed.every((allocation) => allocation.reversedAt !== null)).toBe(true);
    const refund = await db.walletTransaction.findFirstOrThrow({ where: { walletId, reason: "void_refund" } });
    expect(refund).toMatchObject({
      type: "credit",
      amountMinor: 35000n,
      remainingMinor: 0n,
      invoiceId,
      balanceAfterMinor: 49000n,
    });
    // The wallet payments stay as history; the invoice keeps what it recorded, and is void.
    expect(await db.payment.count({ where: { invoiceId, method: "wallet" } })).toBe(2);
    expect(await invoiceWalletState(db, invoiceId)).toMatchObject({ status: "void", walletAppliedMinor: 35000n });
    expect(await auditActions(db, invoiceId)).toEqual([
      "invoice.draft_created",
      "invoice.finalized",
      "invoice.wallet_applied",
      "invoice.wallet_applied",
      "invoice.voided",
      "invoice.wallet_credit_restored",
    ]);
    expect(await ledgerViolations(db, [walletId])).toEqual([]);
  });

  it("expires restored credit whose expiry passed meanwhile at once", async () => {
    const { actor, invoiceId, customerId, promotional, walletId } = await invoiceWithWallet();
    await apply(actor, invoiceId, 25000n); // 200 promotional + 50 purchased
    const afterExpiry = new Date(Date.now() + 4 * DAY_MS);
    await voidIt(actor, invoiceId, afterExpiry);

    const expiry = await db.walletTransaction.findFirstOrThrow({ where: { walletId, reason: "expiry" } });
    expect(expiry).toMatchObject({ type: "debit", amountMinor: 20000n, expiredCreditId: promotional.transactionId });
    expect(await db.walletTransaction.findUniqueOrThrow({ where: { id: promotional.transactionId } })).toMatchObject({
      remainingMinor: 0n,
    });
    expect(await getWalletBalance(customerId, "USD", db)).toBe(30000n); // the purchased credit, whole again
    expect(await ledgerViolations(db, [walletId])).toEqual([]);
  });

  it("expires the restored part of a credit that had already expired with a remainder", async () => {
    const { actor, invoiceId, customerId, promotional, walletId } = await invoiceWithWallet();
    await apply(actor, invoiceId, 5000n); // $50 of the promotional credit
    const afterExpiry = new Date(Date.now() + 4 * DAY_MS);
    // The job expires the other $150 first; the void then gives back $50 that must expire too.
    const { expireDueCredits } = await import("@/lib/wallets/service");
    expect(await expireDueCredits({ db, now: afterExpiry })).toBeGreaterThanOrEqual(1);
    await voidIt(actor, invoiceId, afterExpiry);
    const expiries = await db.walletTransaction.findMany({
      where: { walletId, reason: "expiry" },
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    });
    expect(expiries.map((row) => [row.amountMinor, row.expiredCreditId])).toEqual([
      [15000n, promotional.transactionId],
      [5000n, null],
    ]);
    expect(await getWalletBalance(customerId, "USD", db)).toBe(30000n);
    expect(await ledgerViolations(db, [walletId])).toEqual([]);
  });

  it("still refuses an invoice that took money by bank: a credit note gives that back", async () => {
    const { actor, invoiceId } = await invoiceWithWallet();
    await apply(actor, invoiceId, 1000n);
    await db.$transaction((tx) =>
      recordPayment(tx, {
        actor,
        input: recordPaymentSchema.parse({ invoiceId, amount: "10", receivedOn: "2024-07-01", method: "cheque" }),
      }),
    );
    await expectUserError(
      voidIt(actor, invoiceId),
      "A partly paid invoice cannot be voided: issue a credit note instead",
    );
  });
});

describe("reverseCreditNoteWalletCredit", () => {
  const creditNoteWithWalletCredit = async (amountMinor: bigint) => {
    const actor = await makeOrganization(db);
    const { invoiceId, number, customerId } = await issuedInvoice(db, actor);
    const creditNoteId = newId("creditNote");
    await db.creditNote.create({
      data: {
        id: creditNoteId,
        organizationId: actor.organizationId,
        invoiceId,
        customerId,
        number: `${number}-CN01`,
        sequence: 1,
        reason: "service_issue",
        currency: "USD",
        subtotalMinor: amountMinor,
        taxMinor: 0n,
        totalMinor: amountMinor,
        walletCreditMinor: amountMinor,
        publicToken: newPublicToken(),
      },
    });
    const refund = await credit(db, actor, { customerId, amountMinor, reason: "refund", creditNoteId });
    return { actor, customerId, creditNoteId, refund };
  };

  it("takes back unspent refund credit with a void reversal consuming exactly that credit", async () => {
    const { actor, customerId, creditNoteId, refund } = await creditNoteWithWalletCredit(8000n);
    await credit(db, actor, { customerId, amountMinor: 1000n });
    const reversed = await db.$transaction((tx) => reverseCreditNoteWalletCredit(tx, { actor, creditNoteId }));
    expect(reversed).toMatchObject({ amountMinor: 8000n, duplicate: false });
    const debit = await db.walletTransaction.findUniqueOrThrow({
      where: { id: reversed!.transactionId },
      include: { consumed: true },
    });
    expect(debit).toMatchObject({ type: "debit", reason: "void_reversal", creditNoteId, amountMinor: 8000n });
    expect(debit.consumed.map((part) => [part.creditId, part.amountMinor])).toEqual([[refund.transactionId, 8000n]]);
    expect(await getWalletBalance(customerId, "USD", db)).toBe(1000n);
    // Twice is once.
    const again = await db.$transaction((tx) => reverseCreditNoteWalletCredit(tx, { actor, creditNoteId }));
    expect(again).toMatchObject({ transactionId: reversed!.transactionId, duplicate: true });
    expect(await ledgerViolations(db, [refund.walletId])).toEqual([]);
  });

  it("refuses once any of the refund credit was spent, and does nothing for a note without wallet credit", async () => {
    const { actor, customerId, creditNoteId } = await creditNoteWithWalletCredit(8000n);
    await db.$transaction((tx) =>
      debitWallet(tx, { actor, customerId, currency: "USD", amountMinor: 500n, reason: "manual_debit" }),
    );
    await expectUserError(
      db.$transaction((tx) => reverseCreditNoteWalletCredit(tx, { actor, creditNoteId })),
      "$5.00 of the $80.00 this credit note put in the customer's wallet has already been used, so it cannot be voided",
    );
    expect(
      await db.$transaction((tx) => reverseCreditNoteWalletCredit(tx, { actor, creditNoteId: newId("creditNote") })),
    ).toBeNull();
  });
});
