// Loading a recalculation: the subscription invoice, its plan's lines for the period as the events
// stored now give them (lib/billing/lines.ts), how many events arrived since the last calculation, and
// what differs. Reads only; recalculate.ts previews it or applies it.
import type { Tx } from "@/lib/db/client";
import type { InvoiceStatus } from "@/lib/db/generated/enums";
import { NotFoundError, UserError } from "@/lib/errors";
import type { InvoiceActor } from "@/lib/invoices/service/shared";
import { computeInvoiceTotals } from "@/lib/invoices/totals";
import { countEventsReceivedSince } from "@/lib/usage/aggregate";
import { subscriptionPeriodLines } from "./lines";
import { recalculateLines } from "./recalculate-diff";

const recalculationSelect = {
  id: true,
  type: true,
  status: true,
  number: true,
  customNumber: true,
  seriesId: true,
  currency: true,
  customerId: true,
  usageOwnerId: true,
  subscriptionId: true,
  periodStart: true,
  periodEnd: true,
  issueDate: true,
  dueDate: true,
  paymentTerms: true,
  memo: true,
  footer: true,
  totalMinor: true,
  amountDueMinor: true,
  paidMinor: true,
  creditedMinor: true,
  usageCalculatedAt: true,
  replacedBy: { select: { id: true, number: true } },
  lines: {
    orderBy: { position: "asc" },
    select: {
      priceId: true,
      description: true,
      quantity: true,
      unitAmountMinor: true,
      amountMinor: true,
      taxRatePercent: true,
      periodStart: true,
      periodEnd: true,
    },
  },
} as const;

const notRecalculable = (status: InvoiceStatus, replacedBy: { number: string | null } | null): string | null => {
  if (status !== "void") return null;
  return replacedBy
    ? `A void invoice cannot be recalculated: recalculate its corrected invoice${replacedBy.number ? ` ${replacedBy.number}` : ""} instead`
    : "A void invoice cannot be recalculated";
};

/** The invoice, its plan lines as the events give them now, and what differs; refuses what cannot be recalculated. */
export const loadRecalculation = async (tx: Tx, { actor, invoiceId }: { actor: InvoiceActor; invoiceId: string }) => {
  const invoice = await tx.invoice.findFirst({
    where: { id: invoiceId, organizationId: actor.organizationId },
    select: recalculationSelect,
  });
  if (!invoice) throw new NotFoundError("Invoice");
  const { subscriptionId, periodStart, periodEnd } = invoice;
  if (invoice.type !== "subscription" || !subscriptionId || !periodStart || !periodEnd) {
    throw new UserError("Only a subscription invoice can be recalculated: this one bills no subscription period");
  }
  const refusal = notRecalculable(invoice.status, invoice.replacedBy);
  if (refusal) throw new UserError(refusal);
  const subscription = await tx.subscription.findFirstOrThrow({
    where: { id: subscriptionId, organizationId: actor.organizationId },
    select: {
      customerId: true,
      plan: { select: { prices: { select: { meter: { select: { eventName: true } } } } } },
    },
  });
  // Billing always writes the plan's lines with their price, and the draft form keeps it; an invoice
  // holding lines but none with a price had every plan line removed by hand, and adding the plan's
  // lines to those would bill the period twice.
  if (
    invoice.lines.length > 0 &&
    invoice.lines.every((line) => line.priceId === null) &&
    subscription.plan.prices.length > 0
  ) {
    throw new UserError(
      "This invoice's lines were edited by hand, so its usage lines can no longer be told apart from the others and recalculating would bill the plan twice. Correct its lines by hand instead.",
    );
  }
  const period = { start: periodStart, end: periodEnd };
  const eventNames = [
    ...new Set(subscription.plan.prices.flatMap((price) => (price.meter ? [price.meter.eventName] : []))),
  ];
  const planLines = await subscriptionPeriodLines(tx, { subscriptionId, period });
  const eventsSinceLastCalculation =
    eventNames.length === 0
      ? 0
      : await countEventsReceivedSince(tx, {
          organizationId: actor.organizationId,
          customerId: subscription.customerId,
          eventNames,
          period,
          // Never calculated (an invoice made before usage was tracked): every event is news.
          since: invoice.usageCalculatedAt ?? new Date(0),
        });
  const current = invoice.lines.map((line) => ({
    ...line,
    quantity: line.quantity.toString(),
    taxRatePercent: line.taxRatePercent.toString(),
  }));
  const recalculated = recalculateLines({ current, planLines });
  const totals = computeInvoiceTotals(recalculated.linesToWrite);
  return { invoice, ownerId: subscription.customerId, recalculated, totals, eventsSinceLastCalculation };
};

export type Recalculation = Awaited<ReturnType<typeof loadRecalculation>>;
