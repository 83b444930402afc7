// Issuing a credit note under the invoice's lock, so two credit notes issued at once cannot together
// credit more than the invoice's total: its lines and totals, what comes off the amount due, and the
// already-paid part refunded (a refund payment), credited to the wallet (reason refund) or recorded
// as settled out of band.
import type { Tx } from "@/lib/db/client";
import type { InvoiceStatus, PaymentMethod } from "@/lib/db/generated/enums";
import { UserError } from "@/lib/errors";
import { todayIn } from "@/lib/format/date";
import { newId, newPublicToken } from "@/lib/ids";
import { PAYMENT_METHOD_LABELS } from "@/lib/invoices/schemas";
import { organizationClock, recordInvoiceAudit, summaryFormat } from "@/lib/invoices/service/shared";
import { invoiceActionRefusal } from "@/lib/invoices/transitions";
import { creditWallet } from "@/lib/wallets/service";
import type { CreditNoteInvoice } from "./invoice-context";
import { CREDIT_NOTE_REASON_LABELS, evaluateCreditNote, type IssueCreditNoteInput } from "./schemas";
import {
  creditNoteNumber,
  lockCreditNoteInvoice,
  numberOf,
  paymentStatusOf,
  recordCreditNoteAudit,
  type CreditNoteActor,
} from "./shared";

// A refund goes back the way the money came: the latest payment's method, else "other".
const refundMethod = async (tx: Tx, invoiceId: string): Promise<PaymentMethod> => {
  const latest = await tx.payment.findFirst({
    where: { invoiceId, kind: "payment", status: "succeeded", method: { not: "wallet" } },
    orderBy: [{ receivedOn: "desc" }, { createdAt: "desc" }, { id: "desc" }],
    select: { method: true },
  });
  return latest?.method ?? "other";
};

/** The refund of a credit note's paid-back part: a payment of kind refund, linked to the credit note. */
const payRefund = async (
  tx: Tx,
  {
    actor,
    invoice,
    creditNote,
    amountMinor,
    receivedOn,
  }: {
    actor: CreditNoteActor;
    invoice: Pick<CreditNoteInvoice, "id" | "customerId" | "currency">;
    creditNote: { id: string; number: string };
    amountMinor: bigint;
    receivedOn: Date;
  },
): Promise<{ paymentId: string; method: PaymentMethod }> => {
  const paymentId = newId("payment");
  const method = await refundMethod(tx, invoice.id);
  await tx.payment.create({
    data: {
      id: paymentId,
      organizationId: actor.organizationId,
      invoiceId: invoice.id,
      customerId: invoice.customerId,
      kind: "refund",
      method,
      status: "succeeded",
      currency: invoice.currency,
      amountMinor,
      receivedOn,
      reference: `Refund for ${creditNote.number}`,
      creditNoteId: creditNote.id,
      createdById: actor.id,
    },
    select: { id: true },
  });
  return { paymentId, method };
};

// Void credit notes keep their numbers: the next one is numbered after every one ever issued.
const nextSequence = async (tx: Tx, invoiceId: string): Promise<number> => {
  const { _max } = await tx.creditNote.aggregate({ where: { invoiceId }, _max: { sequence: true } });
  return (_max.sequence ?? 0) + 1;
};

export type IssuedCreditNote = {
  creditNoteId: string;
  number: string;
  invoiceId: string;
  customerId: string;
  totalMinor: bigint;
  amountDueMinor: bigint;
  refundPaymentId: string | null;
  walletTransactionId: string | null;
};

export const issueCreditNote = async (
  tx: Tx,
  { actor, input, now = new Date() }: { actor: CreditNoteActor; input: IssueCreditNoteInput; now?: Date },
): Promise<IssuedCreditNote> => {
  const { organizationId } = actor;
  const invoice = await lockCreditNoteInvoice(tx, { actor, invoiceId: input.invoiceId });
  const refusal = invoiceActionRefusal(invoice, "issue_credit_note");
  if (refusal) throw new UserError(refusal);
  const invoiceNumber = numberOf(invoice);
  const clock = await organizationClock(tx, organizationId);
  const format = summaryFormat(clock);
  const money = (minor: bigint) => format.money(minor, invoice.currency);

  // The same checks the form ran, now against the invoice as the lock holds it.
  const { preview, split, issues } = evaluateCreditNote({ values: input, invoice, locale: clock.locale });
  const [issue] = issues;
  if (issue) throw new UserError(issue.message, { field: issue.path });

  const sequence = await nextSequence(tx, invoice.id);
  const number = creditNoteNumber(invoiceNumber, sequence);
  const creditNoteId = newId("creditNote");
  await tx.creditNote.create({
    data: {
      id: creditNoteId,
      organizationId,
      invoiceId: invoice.id,
      customerId: invoice.customerId,
      number,
      sequence,
      status: "issued",
      reason: input.reason,
      memo: input.memo,
      currency: invoice.currency,
      subtotalMinor: preview.subtotalMinor,
      taxMinor: preview.taxMinor,
      totalMinor: preview.totalMinor,
      creditedToDueMinor: preview.creditedToDueMinor,
      refundMinor: split.refundMinor,
      walletCreditMinor: split.walletCreditMinor,
      outOfBandMinor: split.outOfBandMinor,
      publicToken: newPublicToken(),
      issuedAt: now,
      createdAt: now,
      lines: {
        createMany: {
          data: preview.lines.map((line) => ({ id: newId("creditNoteLine"), ...line })),
        },
      },
    },
    select: { id: true },
  });

  const amountDueMinor = preview.newAmountDueMinor;
  const refundedMinor = invoice.refundedMinor + split.refundMinor;
  // Like Stripe: an open invoice that credit notes leave nothing to pay on is paid.
  const settled = amountDueMinor === 0n && invoice.status !== "paid";
  const status: InvoiceStatus = settled ? "paid" : invoice.status;
  const paymentStatus = paymentStatusOf({ ...invoice, refundedMinor, amountDueMinor });
  await tx.invoice.update({
    where: { id: invoice.id },
    data: {
      creditedMinor: invoice.creditedMinor + preview.totalMinor,
      amountDueMinor,
      refundedMinor,
      paymentStatus,
      status,
      ...(settled ? { paidAt: now } : {}),
    },
    select: { id: true },
  });

  const refund =
    split.refundMinor > 0n
      ? await payRefund(tx, {
          actor,
          invoice,
          creditNote: { id: creditNoteId, number },
          amountMinor: split.refundMinor,
          receivedOn: todayIn(clock.timeZone, now),
        })
      : null;
  const refundPaymentId = refund?.paymentId ?? null;

  let walletTransactionId: string | null = null;
  if (split.walletCreditMinor > 0n) {
    const credited = await creditWallet(tx, {
      actor,
      customerId: invoice.customerId,
      currency: invoice.currency,
      amountMinor: split.walletCreditMinor,
      reason: "refund",
      memo: `Credit note ${number}`,
      invoiceId: invoice.id,
      creditNoteId,
      now,
    });
    walletTransactionId = credited.transactionId;
  }

  const reasonLabel = CREDIT_NOTE_REASON_LABELS[input.reason].toLowerCase();
  const parts = [
    preview.creditedToDueMinor > 0n ? `${money(preview.creditedToDueMinor)} off the amount due` : null,
    split.refundMinor > 0n ? `${money(split.refundMinor)} refunded` : null,
    split.walletCreditMinor > 0n ? `${money(split.walletCreditMinor)} to the wallet` : null,
    split.outOfBandMinor > 0n ? `${money(split.outOfBandMinor)} out of band` : null,
  ].filter((part): part is string => part !== null);
  const changes = {
    creditNoteId,
    creditNoteNumber: number,
    totalMinor: preview.totalMinor.toString(),
    creditedToDueMinor: preview.creditedToDueMinor.toString(),
    refundMinor: split.refundMinor.toString(),
    walletCreditMinor: split.walletCreditMinor.toString(),
    outOfBandMinor: split.outOfBandMinor.toString(),
    amountDueMinor: { from: invoice.amountDueMinor.toString(), to: amountDueMinor.toString() },
    ...(refundPaymentId ? { refundPaymentId } : {}),
    ...(walletTransactionId ? { walletTransactionId } : {}),
  };
  await recordCreditNoteAudit(tx, {
    actor,
    creditNoteId,
    action: "credit_note.issued",
    summary: `Issued ${number} for ${money(preview.totalMinor)} against ${invoiceNumber} (${reasonLabel}): ${parts.join(", ")}`,
    reason: input.memo,
    changes: { ...changes, invoiceId: invoice.id },
  });
  await recordInvoiceAudit(tx, {
    actor,
    invoiceId: invoice.id,
    action: "invoice.credit_note_issued",
    summary: `Issued credit note ${number} for ${money(preview.totalMinor)} (${reasonLabel}): ${parts.join(", ")}; ${money(amountDueMinor)} still due`,
    reason: input.memo,
    changes,
  });
  if (refund) {
    await recordInvoiceAudit(tx, {
      actor,
      invoiceId: invoice.id,
      action: "invoice.refunded",
      summary: `Refunded ${money(split.refundMinor)} by ${PAYMENT_METHOD_LABELS[refund.method].toLowerCase()} for ${number}`,
      changes: {
        paymentId: refund.paymentId,
        creditNoteId,
        amountMinor: split.refundMinor.toString(),
        method: refund.method,
      },
    });
  }
  if (settled) {
    await recordInvoiceAudit(tx, {
      actor,
      invoiceId: invoice.id,
      action: "invoice.paid",
      summary: `${invoiceNumber} has nothing left to pay after ${number}`,
      changes: { status: { from: invoice.status, to: "paid" } },
    });
  }

  return {
    creditNoteId,
    number,
    invoiceId: invoice.id,
    customerId: invoice.customerId,
    totalMinor: preview.totalMinor,
    amountDueMinor,
    refundPaymentId,
    walletTransactionId,
  };
};
