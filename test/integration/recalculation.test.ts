// Recalculating subscription invoices against a real PostgreSQL: backfilled, out-of-order events
// change the usage lines; the preview shows old and new before anything is written; applying a
// draft rewrites its plan lines (manual lines kept) with an audit entry; no new events changes
// nothing; a reviewed total that moved is refused; a finalized invoice is voided (its wallet credit
// restored) and replaced by a corrected draft linked both ways; a paid or void one is refused.
import { describe, expect, it } from "vitest";
import { applyRecalculation, previewRecalculation, RECALCULATION_VOID_REASON } from "@/lib/billing/recalculate";
import type { Db } from "@/lib/db/client";
import { UserError } from "@/lib/errors";
import { recordPaymentSchema } from "@/lib/invoices/schemas";
import { recordPayment } from "@/lib/invoices/service/payments";
import type { InvoiceActor } from "@/lib/invoices/service/shared";
import { getWalletBalance } from "@/lib/wallets/queries";
import { applyCreditToInvoice } from "@/lib/wallets/service";
import { setUpMigratedDb } from "./db-fixtures";
import { auditActions, finalize, issuedInvoice, rejection } from "./invoice-fixtures";
import {
  addManualLine,
  BACKFILL_RECEIVED,
  backfill,
  billJune,
  delegatedSubscription,
  JUNE,
  RECALCULATED_AT,
  linesOf,
  storeEvents,
  type UsageSetup,
} from "./recalculation-fixtures";
import { credit } from "./wallet-fixtures";

let db: Db;
setUpMigratedDb((created) => (db = created));

const preview = (actor: InvoiceActor, invoiceId: string) =>
  db.$transaction((tx) => previewRecalculation(tx, { actor, invoiceId }));

const apply = (actor: InvoiceActor, invoiceId: string, expectedTotalMinor?: bigint, now = RECALCULATED_AT) =>
  db.$transaction((tx) => applyRecalculation(tx, { actor, invoiceId, expectedTotalMinor, now }));

const expectUserError = async (promise: Promise<unknown>, message: string | RegExp) => {
  const error = await rejection(promise);
  expect(error).toBeInstanceOf(UserError);
  expect((error as Error).message).toMatch(message);
};

// First usage: fee 49.00 + 120 calls x 0.10 = 12.00 + 37.75 GB x 0.25 = 9.4375 -> 9.44
// + 3 users (2 x 10.00 + 1 x 8.00 = 28.00) = 98.44.
const FIRST_TOTAL = 9844n;
// After the backfill: 49.00 + 150 x 0.10 = 15.00 + 50 GB x 0.25 = 12.50 + 4 users (20.00 + 16.00) = 112.50.
const BACKFILLED_TOTAL = 11250n;
const WORKSHOP = 50000n; // $500.00, a manual line

const draftWithBackfill = async () => {
  const setup = await delegatedSubscription(db);
  const invoiceId = await billJune(db, setup);
  await addManualLine(db, invoiceId, { description: "Onboarding workshop", quantity: "1", unitAmountMinor: WORKSHOP });
  await storeEvents(db, setup, backfill(setup), BACKFILL_RECEIVED);
  return { setup, invoiceId };
};

const invoiceRow = (invoiceId: string) => db.invoice.findUniqueOrThrow({ where: { id: invoiceId } });

describe("previewRecalculation", () => {
  it("shows each line's old and new quantity and amount, the totals and the events that arrived since", async () => {
    const { setup, invoiceId } = await draftWithBackfill();
    const before = await linesOf(db, invoiceId);
    const result = await preview(setup.actor, invoiceId);

    expect(result).toMatchObject({
      invoiceId,
      oldTotalMinor: FIRST_TOTAL + WORKSHOP,
      newTotalMinor: BACKFILLED_TOTAL + WORKSHOP,
      // 30 calls, 1 storage, 2 users in June for the owner; not the payer's nor July's.
      eventsSinceLastCalculation: 33,
      changed: true,
      replacesFinalized: false,
      applyRefusal: null,
    });
    expect(
      result.lines.map((line) => [
        line.description,
        line.oldQuantity,
        line.newQuantity,
        line.oldAmountMinor,
        line.newAmountMinor,
      ]),
    ).toEqual([
      ["Platform fee", "1", "1", 4900n, 4900n],
      ["API calls", "120", "150", 1200n, 1500n],
      ["Storage (GB)", "37.75", "50", 944n, 1250n],
      ["Active users (1–2)", "2", "2", 2000n, 2000n],
      ["Active users (3 and above)", "1", "2", 800n, 1600n],
    ]);
    // A preview writes nothing.
    expect(await linesOf(db, invoiceId)).toEqual(before);
    expect(await auditActions(db, invoiceId)).not.toContain("invoice.recalculated");
  });

  it("refuses a draft whose lines all lost their prices (every plan line removed, hand-made ones kept)", async () => {
    const { setup, invoiceId } = await draftWithBackfill();
    await db.invoiceLine.updateMany({
      where: { invoiceId },
      data: { priceId: null, periodStart: null, periodEnd: null },
    });
    await expectUserError(preview(setup.actor, invoiceId), /lines were edited by hand.*would bill the plan twice/);
    await expectUserError(apply(setup.actor, invoiceId), /lines were edited by hand/);
  });

  it("refuses a one-off invoice", async () => {
    const setup = await delegatedSubscription(db);
    const { invoiceId } = await issuedInvoice(db, setup.actor);
    await expectUserError(preview(setup.actor, invoiceId), /Only a subscription invoice can be recalculated/);
  });

  it("does not find another organisation's invoice", async () => {
    const { invoiceId } = await draftWithBackfill();
    const stranger = await delegatedSubscription(db);
    await expectUserError(preview(stranger.actor, invoiceId), "Invoice was not found.");
  });
});

describe("applyRecalculation on a draft", () => {
  it("replaces the usage lines, keeps the manual line, recomputes the totals and records the difference", async () => {
    const { setup, invoiceId } = await draftWithBackfill();
    const result = await apply(setup.actor, invoiceId, BACKFILLED_TOTAL + WORKSHOP);
    expect(result).toEqual({ invoiceId, changed: true });

    expect(await linesOf(db, invoiceId)).toEqual([
      { position: 0, description: "Platform fee", quantity: "1", amountMinor: 4900n, manual: false },
      { position: 1, description: "API calls", quantity: "150", amountMinor: 1500n, manual: false },
      { position: 2, description: "Storage (GB)", quantity: "50", amountMinor: 1250n, manual: false },
      { position: 3, description: "Active users (1–2)", quantity: "2", amountMinor: 2000n, manual: false },
      { position: 4, description: "Active users (3 and above)", quantity: "2", amountMinor: 1600n, manual: false },
      { position: 5, description: "Onboarding workshop", quantity: "1", amountMinor: WORKSHOP, manual: true },
    ]);
    const invoice = await invoiceRow(invoiceId);
    expect(invoice).toMatchObject({
      status: "draft",
      customerId: setup.payer.id,
      usageOwnerId: setup.owner.id,
      subtotalMinor: BACKFILLED_TOTAL + WORKSHOP,
      totalMinor: BACKFILLED_TOTAL + WORKSHOP,
      amountDueMinor: BACKFILLED_TOTAL + WORKSHOP,
      usageCalculatedAt: RECALCULATED_AT,
    });

    const entry = await db.auditEntry.findFirstOrThrow({
      where: { entityId: invoiceId, action: "invoice.recalculated" },
    });
    expect(entry.actorUserId).toBe(setup.actor.id);
    expect(entry.summary).toContain("$598.44 → $612.50");
    expect(entry.changes).toMatchObject({
      totalMinor: { from: String(FIRST_TOTAL + WORKSHOP), to: String(BACKFILLED_TOTAL + WORKSHOP) },
      eventsSinceLastCalculation: 33,
      lines: expect.arrayContaining([
        {
          priceId: expect.any(String),
          description: "API calls",
          quantity: { from: "120", to: "150" },
          amountMinor: { from: "1200", to: "1500" },
        },
      ]),
    });
  });

  it("changes nothing when recalculated again with no new events", async () => {
    const { setup, invoiceId } = await draftWithBackfill();
    await apply(setup.actor, invoiceId);
    const lineIds = (await db.invoiceLine.findMany({ where: { invoiceId }, select: { id: true } })).map((l) => l.id);
    const invoiceBefore = await invoiceRow(invoiceId);
    const auditBefore = await auditActions(db, invoiceId);

    const again = await preview(setup.actor, invoiceId);
    expect(again).toMatchObject({ changed: false, eventsSinceLastCalculation: 0, oldTotalMinor: again.newTotalMinor });
    expect(await apply(setup.actor, invoiceId, undefined, new Date("2024-07-01T04:00:00Z"))).toEqual({
      invoiceId,
      changed: false,
    });

    expect((await db.invoiceLine.findMany({ where: { invoiceId }, select: { id: true } })).map((l) => l.id)).toEqual(
      lineIds,
    );
    expect(await invoiceRow(invoiceId)).toEqual(invoiceBefore);
    expect(await auditActions(db, invoiceId)).toEqual(auditBefore);
  });

  it("sees events that change no quantity (a user already counted) without finding a change", async () => {
    const setup = await delegatedSubscription(db);
    const invoiceId = await billJune(db, setup);
    await storeEvents(
      db,
      setup,
      [{ name: "active_user", at: "2024-06-03T00:00:00Z", properties: { user_id: "u3" } }],
      BACKFILL_RECEIVED,
    );
    expect(await preview(setup.actor, invoiceId)).toMatchObject({ changed: false, eventsSinceLastCalculation: 1 });
    expect(await apply(setup.actor, invoiceId)).toEqual({ invoiceId, changed: false });
  });

  it("refuses a total other than the one reviewed, and writes nothing", async () => {
    const { setup, invoiceId } = await draftWithBackfill();
    const reviewed = await preview(setup.actor, invoiceId);
    // Three more calls arrive between the preview and the click.
    await storeEvents(
      db,
      setup,
      [1, 2, 3].map(() => ({ name: "api_call", at: "2024-06-04T00:00:00Z" })),
      BACKFILL_RECEIVED,
    );
    const before = await linesOf(db, invoiceId);

    await expectUserError(
      apply(setup.actor, invoiceId, reviewed.newTotalMinor),
      "The recalculated total is now $612.80, not the $612.50 you reviewed: events arrived meanwhile. Review the new difference before applying.",
    );
    expect(await linesOf(db, invoiceId)).toEqual(before);
    expect((await invoiceRow(invoiceId)).totalMinor).toBe(FIRST_TOTAL + WORKSHOP);
    expect(await auditActions(db, invoiceId)).not.toContain("invoice.recalculated");
  });
});

describe("applyRecalculation on a finalized invoice", () => {
  /** June billed, finalized, and $30.00 of the payer's wallet credit applied to it. */
  const issuedWithCredit = async () => {
    const { setup, invoiceId } = await draftWithBackfill();
    const { number } = await finalize(db, setup.actor, invoiceId);
    await credit(db, setup.actor, { customerId: setup.payer.id, amountMinor: 5000n }); // $50.00
    await db.$transaction((tx) => applyCreditToInvoice(tx, { actor: setup.actor, invoiceId, amountMinor: 3000n }));
    return { setup, invoiceId, number };
  };

  it("voids it, restores the wallet credit it used and issues a corrected draft linked both ways", async () => {
    const { setup, invoiceId, number } = await issuedWithCredit();
    expect(await getWalletBalance(setup.payer.id, "USD", db)).toBe(2000n);
    const reviewed = await preview(setup.actor, invoiceId);
    expect(reviewed).toMatchObject({
      replacesFinalized: true,
      applyRefusal: null,
      changed: true,
      eventsSinceLastCalculation: 33,
    });

    // Wallet postings are ordered by time: the void happens now, after the credit was applied.
    const now = new Date();
    const result = await apply(setup.actor, invoiceId, reviewed.newTotalMinor, now);
    expect(result).toMatchObject({ changed: true, replacedInvoiceId: invoiceId, restoredCreditMinor: 3000n });
    const correctedId = result.invoiceId;
    expect(correctedId).not.toBe(invoiceId);

    const old = await db.invoice.findUniqueOrThrow({ where: { id: invoiceId }, include: { replacedBy: true } });
    expect(old).toMatchObject({
      status: "void",
      voidReason: RECALCULATION_VOID_REASON,
      number,
      totalMinor: FIRST_TOTAL + WORKSHOP,
    });
    expect(old.replacedBy?.id).toBe(correctedId);
    expect(await getWalletBalance(setup.payer.id, "USD", db)).toBe(5000n);

    const corrected = await db.invoice.findUniqueOrThrow({
      where: { id: correctedId },
      include: { replacesInvoice: true },
    });
    expect(corrected).toMatchObject({
      status: "draft",
      type: "subscription",
      number: null,
      customerId: setup.payer.id,
      usageOwnerId: setup.owner.id,
      subscriptionId: setup.subscriptionId,
      periodStart: JUNE.start,
      periodEnd: JUNE.end,
      currency: "USD",
      totalMinor: BACKFILLED_TOTAL + WORKSHOP,
      amountDueMinor: BACKFILLED_TOTAL + WORKSHOP,
      walletAppliedMinor: 0n,
      usageCalculatedAt: now,
    });
    expect(corrected.replacesInvoice?.id).toBe(invoiceId);
    expect(corrected.publicToken).not.toBe(old.publicToken);
    expect((await linesOf(db, correctedId)).map((line) => [line.description, line.quantity, line.manual])).toEqual([
      ["Platform fee", "1", false],
      ["API calls", "150", false],
      ["Storage (GB)", "50", false],
      ["Active users (1–2)", "2", false],
      ["Active users (3 and above)", "2", false],
      ["Onboarding workshop", "1", true],
    ]);
    // The issued document keeps its lines as they were issued.
    expect((await linesOf(db, invoiceId)).find((line) => line.description === "API calls")?.quantity).toBe("120");

    expect(await auditActions(db, invoiceId)).toEqual(
      expect.arrayContaining(["invoice.voided", "invoice.recalculated"]),
    );
    const created = await db.auditEntry.findFirstOrThrow({ where: { entityId: correctedId } });
    expect(created).toMatchObject({ action: "invoice.draft_created", reason: RECALCULATION_VOID_REASON });
    expect(created.summary).toContain(`replacing ${number}`);
    expect(created.changes).toMatchObject({ replacesInvoiceId: invoiceId, replacesNumber: number });
  });

  it("refuses the void invoice afterwards, and recalculating the corrected draft again changes nothing", async () => {
    const { setup, invoiceId } = await issuedWithCredit();
    const { invoiceId: correctedId } = await apply(setup.actor, invoiceId, undefined, new Date());
    await expectUserError(
      preview(setup.actor, invoiceId),
      /^A void invoice cannot be recalculated: recalculate its corrected invoice/,
    );
    await expectUserError(apply(setup.actor, invoiceId), /^A void invoice cannot be recalculated/);
    expect(await apply(setup.actor, correctedId, undefined, new Date())).toEqual({
      invoiceId: correctedId,
      changed: false,
    });
    expect(await db.invoice.count({ where: { subscriptionId: setup.subscriptionId } })).toBe(2);
  });

  it("replaces it once when two people apply at the same moment: the second finds it void", async () => {
    const { setup, invoiceId } = await issuedWithCredit();
    const now = new Date();
    const results = await Promise.allSettled([
      apply(setup.actor, invoiceId, undefined, now),
      apply(setup.actor, invoiceId, undefined, now),
    ]);
    expect(results.filter((result) => result.status === "fulfilled")).toHaveLength(1);
    const refused = results.find((result) => result.status === "rejected");
    expect(refused?.status === "rejected" && (refused.reason as Error).message).toMatch(
      /^A void invoice cannot be recalculated/,
    );
    expect(await db.invoice.count({ where: { subscriptionId: setup.subscriptionId, status: "draft" } })).toBe(1);
    expect(await getWalletBalance(setup.payer.id, "USD", db)).toBe(5000n);
  });

  it("leaves an issued invoice alone when the events give what it says", async () => {
    const setup = await delegatedSubscription(db);
    const invoiceId = await billJune(db, setup);
    await finalize(db, setup.actor, invoiceId);
    expect(await apply(setup.actor, invoiceId)).toEqual({ invoiceId, changed: false });
    expect((await invoiceRow(invoiceId)).status).toBe("finalized");
    expect(await db.invoice.count({ where: { subscriptionId: setup.subscriptionId } })).toBe(1);
  });

  it("refuses a paid invoice with the void's own reason, and writes nothing", async () => {
    const { setup, invoiceId } = await draftWithBackfill();
    await finalize(db, setup.actor, invoiceId);
    await payInFull(setup, invoiceId);
    const reviewed = await preview(setup.actor, invoiceId);
    expect(reviewed.applyRefusal).toBe("A paid invoice cannot be voided: issue a credit note instead");

    await expectUserError(
      apply(setup.actor, invoiceId),
      "A paid invoice cannot be voided: issue a credit note instead",
    );
    expect((await invoiceRow(invoiceId)).status).toBe("paid");
    expect(await db.invoice.count({ where: { subscriptionId: setup.subscriptionId } })).toBe(1);
    expect(await auditActions(db, invoiceId)).not.toContain("invoice.recalculated");
  });
});

const payInFull = (setup: UsageSetup, invoiceId: string) =>
  db.$transaction(async (tx) => {
    const invoice = await tx.invoice.findUniqueOrThrow({ where: { id: invoiceId } });
    const units = invoice.amountDueMinor.toString().padStart(3, "0");
    return recordPayment(tx, {
      actor: setup.actor,
      input: recordPaymentSchema.parse({
        invoiceId,
        amount: `${units.slice(0, -2)}.${units.slice(-2)}`,
        receivedOn: "2024-07-10",
        method: "bank_transfer",
        reference: "SOUTHWIND-REMIT-1",
      }),
    });
  });
