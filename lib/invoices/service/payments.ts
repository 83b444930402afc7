// Recording money received against an invoice: one payment, exactly one numbered receipt showing
// what remains due, and the invoice's paid and due amounts moved, all in one transaction under the
// invoice's lock, so two payments recorded at once cannot together exceed the amount due.
import type { Tx } from "@/lib/db/client";
import { UserError } from "@/lib/errors";
import { todayIn } from "@/lib/format/date";
import { newId, newPublicToken } from "@/lib/ids";
import { parseMoney } from "@/lib/money";
import { defaultSeries, takeNextNumber } from "@/lib/numbering/assign";
import { PAYMENT_METHOD_LABELS, type RecordPaymentInput } from "../schemas";
import {
  assertInvoiceAction,
  lockInvoice,
  organizationClock,
  recordInvoiceAudit,
  summaryFormat,
  type InvoiceActor,
} from "./shared";

export type RecordedPayment = {
  invoiceId: string;
  customerId: string;
  paymentId: string;
  receiptId: string;
  receiptNumber: string;
  amountDueMinor: bigint;
};

export const recordPayment = async (
  tx: Tx,
  { actor, input, now = new Date() }: { actor: InvoiceActor; input: RecordPaymentInput; now?: Date },
): Promise<RecordedPayment> => {
  const { organizationId } = actor;
  const invoice = await lockInvoice(tx, { actor, invoiceId: input.invoiceId });
  assertInvoiceAction(invoice, "record_payment");
  const clock = await organizationClock(tx, organizationId);
  const format = summaryFormat(clock);

  const parsed = parseMoney(input.amount, invoice.currency);
  if (!parsed.ok) throw new UserError(parsed.error, { field: "amount" });
  const amountMinor = parsed.minor;
  if (amountMinor > invoice.amountDueMinor) {
    throw new UserError(
      `The amount due is ${format.money(invoice.amountDueMinor, invoice.currency)}: a payment cannot exceed it`,
      { field: "amount" },
    );
  }
  // "Today" is the organisation's date: at 01:00 in Singapore it is already tomorrow there.
  if (input.receivedOn.getTime() > todayIn(clock.timeZone, now).getTime()) {
    throw new UserError("The payment date cannot be in the future", { field: "receivedOn" });
  }

  const remainingMinor = invoice.amountDueMinor - amountMinor;
  const settled = remainingMinor === 0n;
  const paymentId = newId("payment");
  await tx.payment.create({
    data: {
      id: paymentId,
      organizationId,
      invoiceId: invoice.id,
      customerId: invoice.customerId,
      kind: "payment",
      method: input.method,
      status: "succeeded",
      currency: invoice.currency,
      amountMinor,
      receivedOn: input.receivedOn,
      reference: input.reference,
      createdById: actor.id,
    },
    select: { id: true },
  });

  // Numbered last: the receipt series stays locked from here to commit.
  const series = await defaultSeries(tx, organizationId, "receipt");
  // receivedOn is a calendar date (UTC midnight) in the organisation's zone: print it as it is.
  const receiptNumber = await takeNextNumber(tx, {
    organizationId,
    seriesId: series.id,
    kind: "receipt",
    date: input.receivedOn,
    timeZone: "UTC",
  });
  const receiptId = newId("receipt");
  await tx.receipt.create({
    data: {
      id: receiptId,
      organizationId,
      paymentId,
      seriesId: series.id,
      number: receiptNumber,
      amountMinor,
      currency: invoice.currency,
      amountRemainingMinor: remainingMinor,
      publicToken: newPublicToken(),
      issuedAt: now,
    },
    select: { id: true },
  });

  await tx.invoice.update({
    where: { id: invoice.id },
    data: {
      paidMinor: invoice.paidMinor + amountMinor,
      amountDueMinor: remainingMinor,
      paymentStatus: settled ? "paid" : "partially_paid",
      ...(settled ? { status: "paid", paidAt: now } : {}),
    },
    select: { id: true },
  });

  const method = PAYMENT_METHOD_LABELS[input.method].toLowerCase();
  const reference = input.reference ? ` (${input.reference})` : "";
  await recordInvoiceAudit(tx, {
    actor,
    invoiceId: invoice.id,
    action: "invoice.payment_recorded",
    summary: `Recorded ${format.money(amountMinor, invoice.currency)} by ${method}${reference}, receipt ${receiptNumber}; ${format.money(remainingMinor, invoice.currency)} still due`,
    changes: {
      paymentId,
      receiptId,
      receiptNumber,
      amountMinor: amountMinor.toString(),
      receivedOn: input.receivedOn.toISOString().slice(0, 10),
      method: input.method,
      amountDueMinor: { from: invoice.amountDueMinor.toString(), to: remainingMinor.toString() },
    },
  });
  if (settled) {
    await recordInvoiceAudit(tx, {
      actor,
      invoiceId: invoice.id,
      action: "invoice.paid",
      summary: `${invoice.number ?? "The invoice"} is paid in full`,
      changes: { status: { from: invoice.status, to: "paid" } },
    });
  }
  return {
    invoiceId: invoice.id,
    customerId: invoice.customerId,
    paymentId,
    receiptId,
    receiptNumber,
    amountDueMinor: remainingMinor,
  };
};
