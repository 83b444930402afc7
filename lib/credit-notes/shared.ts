// What issuing and voiding a credit note share: who acts, the invoice locked and read as a credit
// note sees it, the credit note's number, the invoice's payment state and the audit entry on the
// credit note.
import { recordAudit, userActor } from "@/lib/audit/record";
import type { Tx } from "@/lib/db/client";
import type { Prisma } from "@/lib/db/generated/client";
import type { PaymentStatus } from "@/lib/db/generated/enums";
import { NotFoundError } from "@/lib/errors";
import { lockInvoice, type InvoiceActor } from "@/lib/invoices/service/shared";
import { loadCreditNoteInvoice, type CreditNoteInvoice } from "./invoice-context";

export type CreditNoteActor = InvoiceActor;

export const CREDIT_NOTE_ENTITY = "credit_note";

/** `INV-202406-0052-CN01`: the invoice's number and the credit note's place among its credit notes. */
export const creditNoteNumber = (invoiceNumber: string, sequence: number): string =>
  `${invoiceNumber}-CN${String(sequence).padStart(2, "0")}`;

/** The payment state the invoice's money describes; once money went back, that is what it says. */
export const paymentStatusOf = (money: {
  paidMinor: bigint;
  walletAppliedMinor: bigint;
  refundedMinor: bigint;
  amountDueMinor: bigint;
}): PaymentStatus => {
  if (money.refundedMinor > 0n) return money.refundedMinor >= money.paidMinor ? "refunded" : "partially_refunded";
  if (money.amountDueMinor === 0n) return "paid";
  return money.paidMinor + money.walletAppliedMinor > 0n ? "partially_paid" : "unpaid";
};

// A non-draft always has a number (a CHECK constraint says so); this narrows the type.
export const numberOf = (invoice: { id: string; number: string | null }): string => {
  if (!invoice.number) throw new Error(`Invoice ${invoice.id} has no number`);
  return invoice.number;
};

export const recordCreditNoteAudit = (
  tx: Tx,
  entry: {
    actor: CreditNoteActor;
    creditNoteId: string;
    action: string;
    summary: string;
    reason?: string | null;
    changes?: Prisma.InputJsonValue;
  },
) =>
  recordAudit(tx, {
    organizationId: entry.actor.organizationId,
    actor: userActor(entry.actor),
    action: entry.action,
    entityType: CREDIT_NOTE_ENTITY,
    entityId: entry.creditNoteId,
    summary: entry.summary,
    reason: entry.reason,
    changes: entry.changes,
  });

/** The invoice locked for the rest of the transaction, read with what a credit note needs. */
export const lockCreditNoteInvoice = async (
  tx: Tx,
  { actor, invoiceId }: { actor: CreditNoteActor; invoiceId: string },
): Promise<CreditNoteInvoice> => {
  await lockInvoice(tx, { actor, invoiceId });
  const invoice = await loadCreditNoteInvoice(tx, { organizationId: actor.organizationId, invoiceId });
  if (!invoice) throw new NotFoundError("Invoice");
  return invoice;
};
