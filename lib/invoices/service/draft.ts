// Drafts: created, changed freely (all lines replaced, totals recomputed) and deleted, each with its
// audit entry in the caller's transaction. A custom number is held by the draft from the first save,
// so the unique index keeps it; `tx` must be a transaction (the writes use a savepoint and locks).
// A draft billing a subscription period keeps its payer, currency and each line's plan price.
import type { Tx } from "@/lib/db/client";
import { isUniqueViolation, UserError } from "@/lib/errors";
import { newId, newPublicToken } from "@/lib/ids";
import { billedDraftProblem, type BilledSubscription } from "../billed-line";
import type { DraftInvoiceInput, DraftLineInput } from "../schemas";
import { calendarDateText } from "../schemas";
import { computeInvoiceTotals, computeLine } from "../totals";
import {
  activeInvoicingCustomer,
  assertInvoiceAction,
  lockInvoice,
  organizationClock,
  recordInvoiceAudit,
  summaryFormat,
  type InvoiceActor,
} from "./shared";

export type SavedDraft = { invoiceId: string; customerId: string; totalMinor: bigint };

// ---------------------------------------------------------------- custom numbers

export const invoiceNumberTaken = (number: string) =>
  new UserError(`${number} is already used by another invoice`, { field: "customNumber" });

/** The invoice (draft or not) in the organisation that holds this number, other than `exceptInvoiceId`. */
export const invoiceHoldingNumber = (
  tx: Tx,
  { organizationId, number, exceptInvoiceId }: { organizationId: string; number: string; exceptInvoiceId?: string },
) =>
  tx.invoice.findFirst({
    where: { organizationId, number, ...(exceptInvoiceId ? { id: { not: exceptInvoiceId } } : {}) },
    select: { id: true },
  });

// The check before the write misses a draft saved with the same number at the same moment; the
// unique index (organizationId, number) catches it. A failed statement aborts a PostgreSQL
// transaction, so the write runs under a savepoint: rolled back to it, the holder can still be read.
const writeHoldingNumber = async <T>(
  tx: Tx,
  { organizationId, number, invoiceId }: { organizationId: string; number: string | null; invoiceId: string },
  write: () => Promise<T>,
): Promise<T> => {
  if (number === null) return write();
  await tx.$executeRaw`SAVEPOINT invoice_number`;
  let result: T;
  try {
    result = await write();
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
    await tx.$executeRaw`ROLLBACK TO SAVEPOINT invoice_number`;
    if (!(await invoiceHoldingNumber(tx, { organizationId, number, exceptInvoiceId: invoiceId }))) throw error;
    throw invoiceNumberTaken(number);
  }
  await tx.$executeRaw`RELEASE SAVEPOINT invoice_number`;
  return result;
};

// ---------------------------------------------------------------- shared by create and update

const checkSeries = async (
  tx: Tx,
  { organizationId, seriesId }: { organizationId: string; seriesId: string | null },
) => {
  if (!seriesId) return;
  const series = await tx.numberSeries.findFirst({ where: { id: seriesId, organizationId, kind: "invoice" } });
  if (!series) throw new UserError("Choose an invoice series from the list", { field: "seriesId" });
};

/** The subscription a stored draft bills (its plan's prices, the invoice's period), or null. */
const billedSubscription = async (tx: Tx, invoiceId: string): Promise<BilledSubscription | null> => {
  const invoice = await tx.invoice.findUniqueOrThrow({
    where: { id: invoiceId },
    select: {
      type: true,
      periodStart: true,
      periodEnd: true,
      subscription: { select: { plan: { select: { prices: { select: { id: true } } } } } },
    },
  });
  if (invoice.type !== "subscription" || !invoice.subscription) return null;
  return {
    priceIds: new Set(invoice.subscription.plan.prices.map((price) => price.id)),
    periodStart: invoice.periodStart,
    periodEnd: invoice.periodEnd,
  };
};

const prepare = async (
  tx: Tx,
  {
    actor,
    input,
    stored,
  }: {
    actor: InvoiceActor;
    input: DraftInvoiceInput;
    /** The draft being updated, as stored; absent when creating one. */
    stored?: { invoiceId: string; customerId: string; currency: string };
  },
) => {
  const { organizationId } = actor;
  const invoiceId = stored?.invoiceId;
  const problem = billedDraftProblem({
    stored: stored ? { ...stored, subscription: await billedSubscription(tx, stored.invoiceId) } : null,
    input,
  });
  if (problem) throw new UserError(problem.message, { field: problem.field });
  const customer = await activeInvoicingCustomer(tx, {
    organizationId,
    customerId: input.customerId,
    field: "customerId",
  });
  await checkSeries(tx, { organizationId, seriesId: input.seriesId });
  if (
    input.customNumber &&
    (await invoiceHoldingNumber(tx, { organizationId, number: input.customNumber, exceptInvoiceId: invoiceId }))
  ) {
    throw invoiceNumberTaken(input.customNumber);
  }
  const totals = computeInvoiceTotals(input.lines);
  // The schema refuses these too; a caller that skipped it must not reach the database's CHECK.
  if (totals.subtotalMinor < 0n || totals.taxMinor < 0n) {
    throw new UserError("The lines add up to less than zero: an invoice total cannot be negative", { field: "lines" });
  }
  return { customer, totals };
};

const invoiceValues = (input: DraftInvoiceInput, totals: ReturnType<typeof computeInvoiceTotals>) => ({
  customerId: input.customerId,
  currency: input.currency,
  issueDate: input.issueDate,
  dueDate: input.dueDate,
  paymentTerms: input.paymentTerms,
  number: input.customNumber,
  customNumber: input.customNumber !== null,
  seriesId: input.seriesId,
  memo: input.memo,
  footer: input.footer,
  subtotalMinor: totals.subtotalMinor,
  taxMinor: totals.taxMinor,
  totalMinor: totals.totalMinor,
  amountDueMinor: totals.totalMinor,
});

const writeLines = (tx: Tx, { invoiceId, lines }: { invoiceId: string; lines: readonly DraftLineInput[] }) =>
  tx.invoiceLine.createMany({
    data: lines.map((line, position) => {
      const { amountMinor, taxMinor } = computeLine(line);
      return {
        id: newId("invoiceLine"),
        invoiceId,
        position,
        description: line.description,
        quantity: line.quantity,
        unitAmountMinor: line.unitAmountMinor,
        amountMinor,
        taxRatePercent: line.taxRatePercent,
        taxMinor,
        priceId: line.priceId,
        periodStart: line.periodStart,
        periodEnd: line.periodEnd,
      };
    }),
  });

// ---------------------------------------------------------------- create, update, delete

export const createDraftInvoice = async (
  tx: Tx,
  { actor, input }: { actor: InvoiceActor; input: DraftInvoiceInput },
): Promise<SavedDraft> => {
  const { organizationId } = actor;
  const invoiceId = newId("invoice");
  const { customer, totals } = await prepare(tx, { actor, input });
  await writeHoldingNumber(tx, { organizationId, number: input.customNumber, invoiceId }, () =>
    tx.invoice.create({
      // Every invoice has its customer link token from the start; a draft's is never served.
      data: {
        id: invoiceId,
        organizationId,
        type: "one_off",
        status: "draft",
        publicToken: newPublicToken(),
        ...invoiceValues(input, totals),
      },
      select: { id: true },
    }),
  );
  await writeLines(tx, { invoiceId, lines: input.lines });

  const format = summaryFormat(await organizationClock(tx, organizationId));
  await recordInvoiceAudit(tx, {
    actor,
    invoiceId,
    action: "invoice.draft_created",
    summary: `Created a draft invoice for ${customer.name}: ${format.money(totals.totalMinor, input.currency)}`,
    changes: {
      customer: customer.name,
      currency: input.currency,
      issueDate: calendarDateText(input.issueDate),
      dueDate: calendarDateText(input.dueDate),
      number: input.customNumber,
      lines: input.lines.length,
      totalMinor: totals.totalMinor.toString(),
    },
  });
  return { invoiceId, customerId: customer.id, totalMinor: totals.totalMinor };
};

type Change = { from: string | number | null; to: string | number | null };

export const updateDraftInvoice = async (
  tx: Tx,
  { actor, invoiceId, input }: { actor: InvoiceActor; invoiceId: string; input: DraftInvoiceInput },
): Promise<SavedDraft> => {
  const { organizationId } = actor;
  const before = await lockInvoice(tx, { actor, invoiceId });
  assertInvoiceAction(before, "edit");
  const { customer, totals } = await prepare(tx, {
    actor,
    input,
    stored: { invoiceId, customerId: before.customerId, currency: before.currency },
  });

  await writeHoldingNumber(tx, { organizationId, number: input.customNumber, invoiceId }, () =>
    tx.invoice.update({ where: { id: invoiceId }, data: invoiceValues(input, totals), select: { id: true } }),
  );
  const previousLines = await tx.invoiceLine.findMany({
    where: { invoiceId },
    orderBy: { position: "asc" },
    select: {
      description: true,
      quantity: true,
      unitAmountMinor: true,
      taxRatePercent: true,
      priceId: true,
      periodStart: true,
      periodEnd: true,
    },
  });
  await tx.invoiceLine.deleteMany({ where: { invoiceId } });
  await writeLines(tx, { invoiceId, lines: input.lines });

  // What a reviewer of the history needs: who is billed, when, under which number, for how much.
  const candidates: Record<string, Change> = {
    customer: { from: before.customer.name, to: customer.name },
    currency: { from: before.currency, to: input.currency },
    issueDate: { from: calendarDateText(before.issueDate), to: calendarDateText(input.issueDate) },
    dueDate: { from: calendarDateText(before.dueDate), to: calendarDateText(input.dueDate) },
    number: { from: before.customNumber ? before.number : null, to: input.customNumber },
    totalMinor: { from: before.totalMinor.toString(), to: totals.totalMinor.toString() },
  };
  const changes: Record<string, Change> = Object.fromEntries(
    Object.entries(candidates).filter(([, change]) => change.from !== change.to),
  );
  // Decimal columns print canonically ("7.5", "20"), as the schema normalizes typed values.
  const lineKey = (line: {
    description: string;
    quantity: unknown;
    unitAmountMinor: bigint;
    taxRatePercent: unknown;
    priceId: string | null;
    periodStart: Date | null;
    periodEnd: Date | null;
  }) =>
    [
      line.description,
      String(line.quantity),
      line.unitAmountMinor.toString(),
      String(line.taxRatePercent),
      line.priceId ?? "",
      line.periodStart?.toISOString() ?? "",
      line.periodEnd?.toISOString() ?? "",
    ].join("|");
  if (previousLines.map(lineKey).join("\n") !== input.lines.map(lineKey).join("\n")) {
    changes.lines = { from: previousLines.length, to: input.lines.length };
  }

  const format = summaryFormat(await organizationClock(tx, organizationId));
  await recordInvoiceAudit(tx, {
    actor,
    invoiceId,
    action: "invoice.draft_updated",
    summary: `Updated the draft for ${customer.name}: ${format.money(totals.totalMinor, input.currency)}`,
    changes,
  });
  return { invoiceId, customerId: customer.id, totalMinor: totals.totalMinor };
};

/** Creates the draft when the input names none, else updates that draft. */
export const saveDraftInvoice = (tx: Tx, { actor, input }: { actor: InvoiceActor; input: DraftInvoiceInput }) =>
  input.invoiceId
    ? updateDraftInvoice(tx, { actor, invoiceId: input.invoiceId, input })
    : createDraftInvoice(tx, { actor, input });

/** Deletes a draft; it never had a series number, so no gap is left. Its audit trail stays. */
export const deleteDraftInvoice = async (
  tx: Tx,
  { actor, invoiceId }: { actor: InvoiceActor; invoiceId: string },
): Promise<{ invoiceId: string; customerId: string }> => {
  const invoice = await lockInvoice(tx, { actor, invoiceId });
  assertInvoiceAction(invoice, "delete");
  await tx.invoice.delete({ where: { id: invoiceId } });
  const format = summaryFormat(await organizationClock(tx, actor.organizationId));
  await recordInvoiceAudit(tx, {
    actor,
    invoiceId,
    action: "invoice.draft_deleted",
    summary: `Deleted the draft for ${invoice.customer.name}: ${format.money(invoice.totalMinor, invoice.currency)}`,
    changes: { number: invoice.number, totalMinor: invoice.totalMinor.toString() },
  });
  return { invoiceId, customerId: invoice.customerId };
};
