// Voiding a credit note: what it took off the amount due is due again, its unspent wallet credit is
// taken back, and an invoice it settled reopens. One that was refunded cannot be voided: money that
// left cannot be called back by a void.
import type { Tx } from "@/lib/db/client";
import type { InvoiceStatus } from "@/lib/db/generated/enums";
import { NotFoundError, UserError } from "@/lib/errors";
import { organizationClock, recordInvoiceAudit, summaryFormat } from "@/lib/invoices/service/shared";
import { reverseCreditNoteWalletCredit } from "@/lib/wallets/service";
import {
  lockCreditNoteInvoice,
  numberOf,
  paymentStatusOf,
  recordCreditNoteAudit,
  type CreditNoteActor,
} from "./shared";

export type VoidedCreditNote = { creditNoteId: string; number: string; invoiceId: string; customerId: string };

/**
 * Voids a credit note nothing of which was refunded (money that left cannot be called back by a
 * void), putting back what it took off the amount due and taking back its wallet credit if that is
 * still unspent. The invoice reopens if the credit note was what settled it.
 */
export const voidCreditNote = async (
  tx: Tx,
  {
    actor,
    creditNoteId,
    reason,
    now = new Date(),
  }: { actor: CreditNoteActor; creditNoteId: string; reason: string; now?: Date },
): Promise<VoidedCreditNote> => {
  const found = await tx.creditNote.findFirst({
    where: { id: creditNoteId, organizationId: actor.organizationId },
    select: { invoiceId: true },
  });
  if (!found) throw new NotFoundError("Credit note");
  // The invoice first, as issuing does: every change to its credit notes queues on that one lock.
  const invoice = await lockCreditNoteInvoice(tx, { actor, invoiceId: found.invoiceId });
  const creditNote = await tx.creditNote.findUniqueOrThrow({ where: { id: creditNoteId } });
  const invoiceNumber = numberOf(invoice);

  if (creditNote.status === "void") throw new UserError("This credit note is already void");
  if (creditNote.refundMinor > 0n) throw new UserError("A refunded credit note cannot be voided");
  if (invoice.status === "void") {
    throw new UserError(`${invoiceNumber} is void: its credit notes stay as they were issued`);
  }

  if (creditNote.walletCreditMinor > 0n) await reverseCreditNoteWalletCredit(tx, { actor, creditNoteId });

  const amountDueMinor = invoice.amountDueMinor + creditNote.creditedToDueMinor;
  const reopened = invoice.status === "paid" && amountDueMinor > 0n;
  // Written off before the credit settled it: it goes back to being written off.
  const status: InvoiceStatus = reopened ? (invoice.uncollectibleAt ? "uncollectible" : "finalized") : invoice.status;
  await tx.invoice.update({
    where: { id: invoice.id },
    data: {
      creditedMinor: invoice.creditedMinor - creditNote.totalMinor,
      amountDueMinor,
      paymentStatus: paymentStatusOf({ ...invoice, amountDueMinor }),
      status,
      ...(reopened ? { paidAt: null } : {}),
    },
    select: { id: true },
  });
  await tx.creditNote.update({
    where: { id: creditNoteId },
    data: { status: "void", voidedAt: now, voidReason: reason },
    select: { id: true },
  });

  const format = summaryFormat(await organizationClock(tx, actor.organizationId));
  const money = (minor: bigint) => format.money(minor, invoice.currency);
  const restored = [
    creditNote.creditedToDueMinor > 0n ? `${money(creditNote.creditedToDueMinor)} due again` : null,
    creditNote.walletCreditMinor > 0n ? `${money(creditNote.walletCreditMinor)} taken back from the wallet` : null,
  ].filter((part): part is string => part !== null);
  const outcome = restored.length > 0 ? `: ${restored.join(", ")}` : "";
  await recordCreditNoteAudit(tx, {
    actor,
    creditNoteId,
    action: "credit_note.voided",
    summary: `Voided ${creditNote.number}${outcome}; its number stays used`,
    reason,
    changes: { status: { from: "issued", to: "void" }, invoiceId: invoice.id },
  });
  await recordInvoiceAudit(tx, {
    actor,
    invoiceId: invoice.id,
    action: "invoice.credit_note_voided",
    summary: `Voided credit note ${creditNote.number}${outcome}; ${money(amountDueMinor)} due`,
    reason,
    changes: {
      creditNoteId,
      amountDueMinor: { from: invoice.amountDueMinor.toString(), to: amountDueMinor.toString() },
      ...(reopened ? { status: { from: invoice.status, to: status } } : {}),
    },
  });
  return { creditNoteId, number: creditNote.number, invoiceId: invoice.id, customerId: invoice.customerId };
};
