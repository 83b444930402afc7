// Finalizing: the single commit point of an invoice. In one transaction it assigns the number,
// fixes the bill-to details, opens the invoice for payment and records it; from then on the
// database refuses any change to its money, lines, customer, currency, number or dates.
import type { Tx } from "@/lib/db/client";
import { isUniqueViolation, UserError } from "@/lib/errors";
import { defaultSeries, takeNextNumber } from "@/lib/numbering/assign";
import { invoiceHoldingNumber, invoiceNumberTaken } from "./draft";
import {
  activeInvoicingCustomer,
  assertInvoiceAction,
  billToSnapshot,
  lockInvoice,
  organizationClock,
  recordInvoiceAudit,
  summaryFormat,
  type InvoiceActor,
  type InvoicingCustomer,
  type LockedInvoice,
} from "./shared";

export type FinalizedInvoice = {
  invoiceId: string;
  customerId: string;
  number: string;
  status: "finalized" | "paid";
};

// The series the draft chose, else the customer's default, else the organisation's.
const seriesFor = async (
  tx: Tx,
  { invoice, customer }: { invoice: LockedInvoice; customer: InvoicingCustomer },
): Promise<string> => {
  const chosen = invoice.seriesId ?? customer.defaultInvoiceSeriesId;
  if (chosen) return chosen;
  return (await defaultSeries(tx, invoice.organizationId, "invoice")).id;
};

export const finalizeInvoice = async (
  tx: Tx,
  { actor, invoiceId, now = new Date() }: { actor: InvoiceActor; invoiceId: string; now?: Date },
): Promise<FinalizedInvoice> => {
  const { organizationId } = actor;
  const invoice = await lockInvoice(tx, { actor, invoiceId });
  assertInvoiceAction(invoice, "finalize");
  if ((await tx.invoiceLine.count({ where: { invoiceId } })) === 0) {
    throw new UserError("Add at least one line before finalizing");
  }
  const customer = await activeInvoicingCustomer(tx, { organizationId, customerId: invoice.customerId });
  const clock = await organizationClock(tx, organizationId);

  // Everything that can refuse runs before the number is taken: the series row stays locked from
  // here to commit, and every other finalization of the series waits for it.
  let number: string;
  let seriesId: string | null = null;
  if (invoice.customNumber && invoice.number) {
    number = invoice.number;
    if (await invoiceHoldingNumber(tx, { organizationId, number, exceptInvoiceId: invoiceId })) {
      throw invoiceNumberTaken(number);
    }
  } else {
    seriesId = await seriesFor(tx, { invoice, customer });
    // The issue date is already the organisation's calendar date (UTC midnight): print it as it is.
    number = await takeNextNumber(tx, {
      organizationId,
      seriesId,
      kind: "invoice",
      date: invoice.issueDate,
      timeZone: "UTC",
    });
  }

  // An invoice for nothing is settled the moment it is issued.
  const settled = invoice.totalMinor === 0n;
  const status = settled ? "paid" : "finalized";
  try {
    await tx.invoice.update({
      where: { id: invoiceId },
      data: {
        status,
        paymentStatus: settled ? "paid" : "unpaid",
        number,
        seriesId,
        finalizedAt: now,
        paidAt: settled ? now : null,
        billToSnapshot: billToSnapshot(customer),
        amountDueMinor: invoice.totalMinor,
      },
      select: { id: true },
    });
  } catch (error) {
    // A draft saved a moment ago with this number as its custom number. The transaction rolls
    // back, the series number with it; finalizing again takes the next one.
    if (isUniqueViolation(error)) {
      throw new UserError(
        `${number} was taken by another invoice a moment ago. Finalize again to take the next number.`,
      );
    }
    throw error;
  }

  const format = summaryFormat(clock);
  await recordInvoiceAudit(tx, {
    actor,
    invoiceId,
    action: "invoice.finalized",
    summary: `Finalized ${number}: ${format.money(invoice.totalMinor, invoice.currency)} due ${format.date(invoice.dueDate)}`,
    changes: {
      number,
      seriesId,
      customNumber: invoice.customNumber,
      totalMinor: invoice.totalMinor.toString(),
      amountDueMinor: invoice.totalMinor.toString(),
    },
  });
  if (settled) {
    await recordInvoiceAudit(tx, {
      actor,
      invoiceId,
      action: "invoice.paid",
      summary: `${number} is paid: nothing was due`,
    });
  }
  return { invoiceId, customerId: customer.id, number, status };
};
