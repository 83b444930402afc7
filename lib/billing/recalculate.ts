// Recalculating a subscription invoice from the usage events stored now: first a preview (each line's
// old and new quantity and amount, the change in total, how many events arrived since the last
// calculation), then, under the invoice's lock, the change itself. A draft has its plan lines
// replaced; a finalized invoice is voided (giving back wallet credit it used) and reissued as a
// corrected draft that names it. Nothing changes when the events give what the invoice already says.
import type { Tx } from "@/lib/db/client";
import { UserError } from "@/lib/errors";
import { todayIn } from "@/lib/format/date";
import { newId, newPublicToken } from "@/lib/ids";
import { dueDateFor } from "@/lib/invoices/schemas";
import { voidInvoice } from "@/lib/invoices/service/lifecycle";
import {
  activeInvoicingCustomer,
  lockInvoice,
  organizationClock,
  recordInvoiceAudit,
  summaryFormat,
  type InvoiceActor,
} from "@/lib/invoices/service/shared";
import { computeLine } from "@/lib/invoices/totals";
import { invoiceActionRefusal } from "@/lib/invoices/transitions";
import type { LineToWrite, RecalculationLine } from "./recalculate-diff";
import { loadRecalculation, type Recalculation } from "./recalculate-load";

export type { RecalculationLine };

export type RecalculationPreview = {
  invoiceId: string;
  lines: RecalculationLine[];
  oldTotalMinor: bigint;
  newTotalMinor: bigint;
  eventsSinceLastCalculation: number;
  changed: boolean;
  currency: string;
  /** A finalized (open, paid, uncollectible) invoice is voided and replaced rather than changed. */
  replacesFinalized: boolean;
  /** Why applying would be refused (a paid invoice cannot be voided), or null. */
  applyRefusal: string | null;
};

export type AppliedRecalculation = {
  /** The recalculated draft: the same invoice, or the corrected draft that replaces it. */
  invoiceId: string;
  changed: boolean;
  /** The finalized invoice that was voided and replaced, when there was one. */
  replacedInvoiceId?: string;
  /** Wallet credit the voided invoice had used, given back to its credits. */
  restoredCreditMinor?: bigint;
};

export const RECALCULATION_VOID_REASON = "Recalculated: replaced by a corrected invoice";

export const previewRecalculation = async (
  tx: Tx,
  { actor, invoiceId }: { actor: InvoiceActor; invoiceId: string },
): Promise<RecalculationPreview> => {
  const { invoice, recalculated, totals, eventsSinceLastCalculation } = await loadRecalculation(tx, {
    actor,
    invoiceId,
  });
  const replacesFinalized = invoice.status !== "draft";
  return {
    invoiceId,
    lines: recalculated.lines,
    oldTotalMinor: invoice.totalMinor,
    newTotalMinor: totals.totalMinor,
    eventsSinceLastCalculation,
    changed: recalculated.changed,
    currency: invoice.currency,
    replacesFinalized,
    applyRefusal: replacesFinalized ? invoiceActionRefusal(invoice, "void") : null,
  };
};

// ---------------------------------------------------------------- apply

const writeLines = (tx: Tx, { invoiceId, lines }: { invoiceId: string; lines: readonly LineToWrite[] }) =>
  tx.invoiceLine.createMany({
    data: lines.map((line, position) => {
      const { amountMinor, taxMinor } = computeLine(line);
      return { id: newId("invoiceLine"), invoiceId, position, ...line, amountMinor, taxMinor };
    }),
  });

/** The audit entry's record of what changed: bigints as text, so the JSON holds them exactly. */
const lineChanges = (lines: readonly RecalculationLine[]) =>
  lines.map((line) => ({
    priceId: line.priceId,
    description: line.description,
    quantity: { from: line.oldQuantity, to: line.newQuantity },
    amountMinor: { from: line.oldAmountMinor?.toString() ?? null, to: line.newAmountMinor?.toString() ?? null },
  }));

const recalculationChanges = (state: Recalculation, now: Date) => ({
  lines: lineChanges(state.recalculated.lines),
  totalMinor: { from: state.invoice.totalMinor.toString(), to: state.totals.totalMinor.toString() },
  eventsSinceLastCalculation: state.eventsSinceLastCalculation,
  usageCalculatedAt: { from: state.invoice.usageCalculatedAt?.toISOString() ?? null, to: now.toISOString() },
});

const eventsPhrase = (count: number) => `${count.toLocaleString("en-US")} event${count === 1 ? "" : "s"}`;

const applyToDraft = async (
  tx: Tx,
  { actor, state, now }: { actor: InvoiceActor; state: Recalculation; now: Date },
): Promise<AppliedRecalculation> => {
  const { invoice, totals } = state;
  await tx.invoiceLine.deleteMany({ where: { invoiceId: invoice.id } });
  await writeLines(tx, { invoiceId: invoice.id, lines: state.recalculated.linesToWrite });
  await tx.invoice.update({
    where: { id: invoice.id },
    data: {
      subtotalMinor: totals.subtotalMinor,
      taxMinor: totals.taxMinor,
      totalMinor: totals.totalMinor,
      amountDueMinor: totals.totalMinor,
      usageCalculatedAt: now,
    },
    select: { id: true },
  });
  const format = summaryFormat(await organizationClock(tx, actor.organizationId));
  const money = (minor: bigint) => format.money(minor, invoice.currency);
  await recordInvoiceAudit(tx, {
    actor,
    invoiceId: invoice.id,
    action: "invoice.recalculated",
    summary: `Recalculated usage from the events stored now: ${money(invoice.totalMinor)} → ${money(totals.totalMinor)} (${eventsPhrase(state.eventsSinceLastCalculation)} since the last calculation)`,
    changes: recalculationChanges(state, now),
  });
  return { invoiceId: invoice.id, changed: true };
};

const replaceFinalized = async (
  tx: Tx,
  { actor, state, now }: { actor: InvoiceActor; state: Recalculation; now: Date },
): Promise<AppliedRecalculation> => {
  const { invoice, totals } = state;
  const { organizationId } = actor;
  if (invoice.replacedBy) {
    throw new UserError(`${invoice.number ?? "This invoice"} already has a corrected invoice: recalculate that one`);
  }
  // Refusals first (an archived payer, a paid invoice), so the void below is the first write.
  const payer = await activeInvoicingCustomer(tx, { organizationId, customerId: invoice.customerId });
  const voided = await voidInvoice(tx, { actor, invoiceId: invoice.id, reason: RECALCULATION_VOID_REASON, now });

  const clock = await organizationClock(tx, organizationId);
  const issueDate = todayIn(clock.timeZone, now);
  // Without payment terms, the corrected invoice gives the customer as long to pay as the first did.
  const dueDate = invoice.paymentTerms
    ? dueDateFor(issueDate, invoice.paymentTerms)
    : new Date(issueDate.getTime() + Math.max(invoice.dueDate.getTime() - invoice.issueDate.getTime(), 0));
  const correctedId = newId("invoice");
  await tx.invoice.create({
    data: {
      id: correctedId,
      organizationId,
      type: "subscription",
      status: "draft",
      publicToken: newPublicToken(),
      currency: invoice.currency,
      customerId: payer.id,
      usageOwnerId: invoice.usageOwnerId ?? state.ownerId,
      subscriptionId: invoice.subscriptionId,
      periodStart: invoice.periodStart,
      periodEnd: invoice.periodEnd,
      issueDate,
      dueDate,
      paymentTerms: invoice.paymentTerms,
      // A custom number stays with the voided invoice; the corrected one takes the same series.
      seriesId: invoice.customNumber ? null : invoice.seriesId,
      memo: invoice.memo,
      footer: invoice.footer,
      subtotalMinor: totals.subtotalMinor,
      taxMinor: totals.taxMinor,
      totalMinor: totals.totalMinor,
      amountDueMinor: totals.totalMinor,
      usageCalculatedAt: now,
      replacesInvoiceId: invoice.id,
    },
    select: { id: true },
  });
  await writeLines(tx, { invoiceId: correctedId, lines: state.recalculated.linesToWrite });

  const format = summaryFormat(clock);
  const money = (minor: bigint) => format.money(minor, invoice.currency);
  const changes = recalculationChanges(state, now);
  await recordInvoiceAudit(tx, {
    actor,
    invoiceId: invoice.id,
    action: "invoice.recalculated",
    summary: `Recalculated ${voided.number} from the events stored now: voided and replaced by a corrected draft of ${money(totals.totalMinor)}`,
    reason: RECALCULATION_VOID_REASON,
    changes: {
      ...changes,
      replacedByInvoiceId: correctedId,
      restoredCreditMinor: voided.restoredCreditMinor.toString(),
    },
  });
  await recordInvoiceAudit(tx, {
    actor,
    invoiceId: correctedId,
    action: "invoice.draft_created",
    summary: `Created a corrected draft for ${payer.name} replacing ${voided.number}: ${money(invoice.totalMinor)} → ${money(totals.totalMinor)}`,
    reason: RECALCULATION_VOID_REASON,
    changes: { ...changes, replacesInvoiceId: invoice.id, replacesNumber: voided.number },
  });
  return {
    invoiceId: correctedId,
    changed: true,
    replacedInvoiceId: invoice.id,
    restoredCreditMinor: voided.restoredCreditMinor,
  };
};

/**
 * Applies the recalculation under the invoice's row lock. `expectedTotalMinor` is the new total the
 * user reviewed: if the events give another one now, nothing is written and they review it again.
 */
export const applyRecalculation = async (
  tx: Tx,
  {
    actor,
    invoiceId,
    expectedTotalMinor,
    now = new Date(),
  }: { actor: InvoiceActor; invoiceId: string; expectedTotalMinor?: bigint; now?: Date },
): Promise<AppliedRecalculation> => {
  await lockInvoice(tx, { actor, invoiceId });
  const state = await loadRecalculation(tx, { actor, invoiceId });
  if (!state.recalculated.changed) return { invoiceId, changed: false };
  const { invoice, totals } = state;
  if (expectedTotalMinor !== undefined && expectedTotalMinor !== totals.totalMinor) {
    const format = summaryFormat(await organizationClock(tx, actor.organizationId));
    const money = (minor: bigint) => format.money(minor, invoice.currency);
    throw new UserError(
      `The recalculated total is now ${money(totals.totalMinor)}, not the ${money(expectedTotalMinor)} you reviewed: events arrived meanwhile. Review the new difference before applying.`,
    );
  }
  // A manual discount line larger than the recounted usage would leave a negative invoice.
  if (totals.subtotalMinor < 0n || totals.taxMinor < 0n) {
    throw new UserError("The recalculated lines add up to less than zero: an invoice total cannot be negative");
  }
  return invoice.status === "draft"
    ? applyToDraft(tx, { actor, state, now })
    : replaceFinalized(tx, { actor, state, now });
};
