// Editing a subscription's draft invoice through the draft form, against a real PostgreSQL: each line
// keeps its plan price and period through the edit (moved lines included), a line added by hand has
// none, and Recalculate afterwards recounts the usage lines and keeps the hand-made one. The payer,
// the currency and the prices are the subscription's: a change to them is refused at its field with
// nothing written.
import { describe, expect, it } from "vitest";
import { applyRecalculation, previewRecalculation } from "@/lib/billing/recalculate";
import type { Db } from "@/lib/db/client";
import { UserError } from "@/lib/errors";
import { getDraftFormValues } from "@/lib/invoices/detail";
import type { DraftInvoiceFormValues } from "@/lib/invoices/schemas";
import { setUpMigratedDb } from "./db-fixtures";
import { draftValues, makeCustomer, rejection, saveDraft } from "./invoice-fixtures";
import {
  BACKFILL_RECEIVED,
  backfill,
  billJune,
  delegatedSubscription,
  JUNE,
  RECALCULATED_AT,
  storeEvents,
} from "./recalculation-fixtures";

let db: Db;
setUpMigratedDb((created) => (db = created));
// June billed: 49.00 fee + 120 calls x 0.10 + 37.75 GB x 0.25 (9.44) + 3 users (20.00 + 8.00) = 98.44.
const BILLED_TOTAL = 9844n;
const WORKSHOP = 25000n; // $250.00, added by hand
// After the backfill: 49.00 + 150 calls (15.00) + 50 GB (12.50) + 4 users (20.00 + 16.00) = 112.50.
const BACKFILLED_TOTAL = 11250n;

/** June's lines as billed, each with the description of the price it comes from. */
const PLAN_LINES = [
  ["Platform fee", "Platform fee"],
  ["API calls", "API calls"],
  ["Storage (GB)", "Storage (GB)"],
  ["Active users (1–2)", "Active users"],
  ["Active users (3 and above)", "Active users"],
] as const;

const billedDraft = async () => {
  const setup = await delegatedSubscription(db);
  const invoiceId = await billJune(db, setup);
  const values = await getDraftFormValues(setup.actor.organizationId, invoiceId, db);
  if (!values) throw new Error("expected the draft's form values");
  const prices = await db.price.findMany({
    where: { plan: { subscriptions: { some: { id: setup.subscriptionId } } } },
    select: { id: true, description: true },
  });
  const priceOf = (description: string) => prices.find((price) => price.description === description)!.id;
  return { setup, invoiceId, values, priceOf };
};

/** The stored lines as an auditor reads them: what, how many, for how much, from which price and period. */
const storedLines = async (invoiceId: string) =>
  (await db.invoiceLine.findMany({ where: { invoiceId }, orderBy: { position: "asc" } })).map((line) => ({
    description: line.description,
    quantity: line.quantity.toString(),
    amountMinor: line.amountMinor,
    priceId: line.priceId,
    periodStart: line.periodStart,
    periodEnd: line.periodEnd,
  }));

const handMade = (description: string, unitPrice: string): DraftInvoiceFormValues["lines"][number] => ({
  description,
  quantity: "1",
  unitPrice,
  taxRate: "0",
  priceId: "",
  periodStart: "",
  periodEnd: "",
});

/** finance's edit: a memo, API calls cut to 100 (a goodwill gesture), Storage moved first, a workshop added by hand on top. */
const financeEdit = (values: DraftInvoiceFormValues): DraftInvoiceFormValues => {
  const [fee, calls, storage, ...users] = values.lines;
  return {
    ...values,
    memo: "PO 4471",
    lines: [handMade("Onboarding workshop", "250.00"), storage!, fee!, { ...calls!, quantity: "100" }, ...users],
  };
};

const expectRefusal = async (promise: Promise<unknown>, { field, message }: { field: string; message: RegExp }) => {
  const error = await rejection(promise);
  expect(error).toBeInstanceOf(UserError);
  expect((error as UserError).field).toBe(field);
  expect((error as UserError).message).toMatch(message);
};

/** Runs the refused saves and checks the draft and its lines are exactly as they were. */
const unchanged = async (invoiceId: string, check: () => Promise<unknown>) => {
  const lines = await storedLines(invoiceId);
  const invoice = await db.invoice.findUniqueOrThrow({ where: { id: invoiceId } });
  await check();
  expect(await storedLines(invoiceId)).toEqual(lines);
  expect(await db.invoice.findUniqueOrThrow({ where: { id: invoiceId } })).toEqual(invoice);
};

describe("the draft form on a subscription's draft", () => {
  it("holds each line's plan price and period, and names the subscription", async () => {
    const { setup, values, priceOf } = await billedDraft();
    expect(values.subscriptionId).toBe(setup.subscriptionId);
    expect(values.customerId).toBe(setup.payer.id);
    expect(values.lines.map((line) => [line.description, line.priceId, line.periodStart, line.periodEnd])).toEqual(
      PLAN_LINES.map(([description, price]) => [
        description,
        priceOf(price),
        JUNE.start.toISOString(),
        JUNE.end.toISOString(),
      ]),
    );
  });

  it("keeps prices and periods through an edit, then Recalculate recounts usage and keeps the hand-made line", async () => {
    const { setup, invoiceId, values, priceOf } = await billedDraft();
    await saveDraft(db, setup.actor, financeEdit(values));

    const june = { periodStart: JUNE.start, periodEnd: JUNE.end };
    const usersPrice = priceOf("Active users");
    expect(await storedLines(invoiceId)).toEqual([
      {
        description: "Onboarding workshop",
        quantity: "1",
        amountMinor: WORKSHOP,
        priceId: null,
        periodStart: null,
        periodEnd: null,
      },
      { description: "Storage (GB)", quantity: "37.75", amountMinor: 944n, priceId: priceOf("Storage (GB)"), ...june },
      { description: "Platform fee", quantity: "1", amountMinor: 4900n, priceId: priceOf("Platform fee"), ...june },
      { description: "API calls", quantity: "100", amountMinor: 1000n, priceId: priceOf("API calls"), ...june },
      { description: "Active users (1–2)", quantity: "2", amountMinor: 2000n, priceId: usersPrice, ...june },
      { description: "Active users (3 and above)", quantity: "1", amountMinor: 800n, priceId: usersPrice, ...june },
    ]);
    const edited = await db.invoice.findUniqueOrThrow({ where: { id: invoiceId } });
    expect(edited).toMatchObject({
      memo: "PO 4471",
      customerId: setup.payer.id,
      currency: "USD",
      type: "subscription",
      subscriptionId: setup.subscriptionId,
      totalMinor: BILLED_TOTAL - 200n + WORKSHOP, // 20 calls fewer: -2.00
    });

    // Late events arrive; Recalculate shows and applies the recount from the events.
    await storeEvents(db, setup, backfill(setup), BACKFILL_RECEIVED);
    const preview = await db.$transaction((tx) => previewRecalculation(tx, { actor: setup.actor, invoiceId }));
    expect(preview).toMatchObject({
      changed: true,
      oldTotalMinor: BILLED_TOTAL - 200n + WORKSHOP,
      newTotalMinor: BACKFILLED_TOTAL + WORKSHOP,
    });
    expect(preview.lines.find((line) => line.description === "API calls")).toMatchObject({
      oldQuantity: "100",
      newQuantity: "150",
    });
    const applied = await db.$transaction((tx) =>
      applyRecalculation(tx, {
        actor: setup.actor,
        invoiceId,
        expectedTotalMinor: BACKFILLED_TOTAL + WORKSHOP,
        now: RECALCULATED_AT,
      }),
    );
    expect(applied).toEqual({ invoiceId, changed: true });

    // The hand-made line stays where finance put it (above the plan); the plan's lines follow in its order.
    expect(await storedLines(invoiceId)).toEqual([
      {
        description: "Onboarding workshop",
        quantity: "1",
        amountMinor: WORKSHOP,
        priceId: null,
        periodStart: null,
        periodEnd: null,
      },
      { description: "Platform fee", quantity: "1", amountMinor: 4900n, priceId: priceOf("Platform fee"), ...june },
      { description: "API calls", quantity: "150", amountMinor: 1500n, priceId: priceOf("API calls"), ...june },
      { description: "Storage (GB)", quantity: "50", amountMinor: 1250n, priceId: priceOf("Storage (GB)"), ...june },
      { description: "Active users (1–2)", quantity: "2", amountMinor: 2000n, priceId: usersPrice, ...june },
      { description: "Active users (3 and above)", quantity: "2", amountMinor: 1600n, priceId: usersPrice, ...june },
    ]);
    expect(await db.invoice.findUniqueOrThrow({ where: { id: invoiceId } })).toMatchObject({
      memo: "PO 4471",
      totalMinor: BACKFILLED_TOTAL + WORKSHOP,
      amountDueMinor: BACKFILLED_TOTAL + WORKSHOP,
      usageCalculatedAt: RECALCULATED_AT,
    });

    // And the form still carries it all for the next edit.
    const again = await getDraftFormValues(setup.actor.organizationId, invoiceId, db);
    expect(again?.lines.map((line) => line.priceId)).toEqual([
      "",
      priceOf("Platform fee"),
      priceOf("API calls"),
      priceOf("Storage (GB)"),
      usersPrice,
      usersPrice,
    ]);
    await saveDraft(db, setup.actor, again!);
    expect(await db.$transaction((tx) => previewRecalculation(tx, { actor: setup.actor, invoiceId }))).toMatchObject({
      changed: false,
    });
  });

  it("keeps the other lines' own values when a plan line is removed, and Recalculate brings it back", async () => {
    const { setup, invoiceId, values, priceOf } = await billedDraft();
    const [fee, calls, storage, ...users] = values.lines;
    await saveDraft(db, setup.actor, { ...values, lines: [calls!, storage!, ...users] });
    expect((await storedLines(invoiceId)).map((line) => [line.description, line.priceId])).toEqual([
      ["API calls", priceOf("API calls")],
      ["Storage (GB)", priceOf("Storage (GB)")],
      ["Active users (1–2)", priceOf("Active users")],
      ["Active users (3 and above)", priceOf("Active users")],
    ]);
    expect(fee?.description).toBe("Platform fee");
    const preview = await db.$transaction((tx) => previewRecalculation(tx, { actor: setup.actor, invoiceId }));
    expect(preview).toMatchObject({ changed: true, newTotalMinor: BILLED_TOTAL });
    expect(preview.lines.find((line) => line.description === "Platform fee")).toMatchObject({
      oldQuantity: null,
      newQuantity: "1",
    });
  });

  it("refuses a forged price: another plan's, or none at all, at the line, writing nothing", async () => {
    const { setup, invoiceId, values } = await billedDraft();
    const stranger = await billedDraft();
    const strangersPrice = stranger.values.lines[1]!.priceId!;
    const forge = (priceId: string) => ({
      ...values,
      lines: values.lines.map((line, index) => (index === 2 ? { ...line, priceId } : line)),
    });
    await unchanged(invoiceId, async () => {
      await expectRefusal(saveDraft(db, setup.actor, forge(strangersPrice)), {
        field: "lines.2.description",
        message: /not on the subscription's plan/,
      });
      await expectRefusal(saveDraft(db, setup.actor, forge("price_forged")), {
        field: "lines.2.description",
        message: /not on the subscription's plan/,
      });
    });
  });

  it("refuses a period outside the invoice's, at the line", async () => {
    const { setup, invoiceId, values } = await billedDraft();
    const lines = values.lines.map((line, index) =>
      index === 1 ? { ...line, periodEnd: "2024-07-15T00:00:00.000Z" } : line,
    );
    await unchanged(invoiceId, () =>
      expectRefusal(saveDraft(db, setup.actor, { ...values, lines }), {
        field: "lines.1.description",
        message: /outside the period the invoice bills/,
      }),
    );
  });

  it("refuses another customer or currency on a subscription's draft, at the field", async () => {
    const { setup, invoiceId, values } = await billedDraft();
    const other = await makeCustomer(db, setup.actor, { name: "Someone Else Ltd" });
    await unchanged(invoiceId, async () => {
      await expectRefusal(saveDraft(db, setup.actor, { ...values, customerId: other.id }), {
        field: "customerId",
        message: /bills a subscription: it goes to the subscription's invoicing customer/,
      });
      // Not even to the subscription's owner: the payer is who is billed.
      await expectRefusal(saveDraft(db, setup.actor, { ...values, customerId: setup.owner.id }), {
        field: "customerId",
        message: /invoicing customer, who cannot change/,
      });
      await expectRefusal(saveDraft(db, setup.actor, { ...values, currency: "EUR" }), {
        field: "currency",
        message: /plan's currency \(USD\), which cannot change/,
      });
    });
  });

  it("refuses a plan price on a one-off invoice, new or edited", async () => {
    const { setup, values } = await billedDraft();
    const customer = await makeCustomer(db, setup.actor);
    const pricedLine = values.lines[0]!;
    await expectRefusal(saveDraft(db, setup.actor, draftValues(customer.id, { lines: [pricedLine] })), {
      field: "lines.0.description",
      message: /the invoice bills no subscription/,
    });
    const { invoiceId } = await saveDraft(db, setup.actor, draftValues(customer.id));
    const oneOff = await getDraftFormValues(setup.actor.organizationId, invoiceId, db);
    expect(oneOff?.subscriptionId).toBe("");
    await unchanged(invoiceId, () =>
      expectRefusal(
        saveDraft(db, setup.actor, {
          ...oneOff!,
          lines: [...oneOff!.lines, { ...pricedLine, periodStart: "", periodEnd: "" }],
        }),
        {
          field: "lines.2.description",
          message: /the invoice bills no subscription/,
        },
      ),
    );
    // A one-off draft may still change its customer and currency.
    const other = await makeCustomer(db, setup.actor, { name: "Someone Else Ltd", currency: "EUR" });
    await saveDraft(db, setup.actor, { ...oneOff!, customerId: other.id, currency: "EUR" });
    expect(await db.invoice.findUniqueOrThrow({ where: { id: invoiceId } })).toMatchObject({
      customerId: other.id,
      currency: "EUR",
    });
  });
});
