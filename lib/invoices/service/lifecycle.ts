// The ends of an issued invoice's life other than payment: void (the document was wrong; its number
// and record stay, and wallet credit it consumed goes back to its credits) and uncollectible
// (written off; it can still be paid later). Each records why.
import type { Tx } from "@/lib/db/client";
import { restoreInvoiceCredit } from "@/lib/wallets/reversals";
import {
  assertInvoiceAction,
  lockInvoice,
  organizationClock,
  recordInvoiceAudit,
  summaryFormat,
  type InvoiceActor,
} from "./shared";

export type InvoiceLifecycleResult = { invoiceId: string; customerId: string; number: string };

/** A void also says how much wallet credit it gave back (0 when the invoice consumed none). */
export type VoidedInvoice = InvoiceLifecycleResult & { restoredCreditMinor: bigint };

// A non-draft always has a number (a CHECK constraint says so); this narrows the type.
const numberOf = (invoice: { id: string; number: string | null }): string => {
  if (!invoice.number) throw new Error(`Invoice ${invoice.id} has no number`);
  return invoice.number;
};

/**
 * Voids a finalized or uncollectible invoice that took no money. The amounts stay as they were
 * issued (the record shows what was billed); the status says nothing is owed. Wallet credit it
 * consumed is given back to the credits it came from in the same transaction (its wallet payments
 * stay as history); credit whose expiry passed meanwhile expires at once.
 */
export const voidInvoice = async (
  tx: Tx,
  {
    actor,
    invoiceId,
    reason,
    now = new Date(),
  }: { actor: InvoiceActor; invoiceId: string; reason: string; now?: Date },
): Promise<VoidedInvoice> => {
  const invoice = await lockInvoice(tx, { actor, invoiceId });
  // Refuses money received (giving it back is a credit note's job); wallet credit is restored below.
  assertInvoiceAction(invoice, "void");
  const number = numberOf(invoice);
  await tx.invoice.update({
    where: { id: invoiceId },
    data: { status: "void", voidedAt: now, voidReason: reason },
    select: { id: true },
  });
  await recordInvoiceAudit(tx, {
    actor,
    invoiceId,
    action: "invoice.voided",
    summary: `Voided ${number}; its number stays used`,
    reason,
    changes: { status: { from: invoice.status, to: "void" } },
  });
  // Under the invoice's lock, then each wallet's: the order every wallet service takes them in.
  const restored =
    invoice.walletAppliedMinor > 0n ? await restoreInvoiceCredit(tx, { actor, invoiceId, now }) : { restoredMinor: 0n };
  return { invoiceId, customerId: invoice.customerId, number, restoredCreditMinor: restored.restoredMinor };
};

export const markInvoiceUncollectible = async (
  tx: Tx,
  {
    actor,
    invoiceId,
    reason,
    now = new Date(),
  }: { actor: InvoiceActor; invoiceId: string; reason: string | null; now?: Date },
): Promise<InvoiceLifecycleResult> => {
  const invoice = await lockInvoice(tx, { actor, invoiceId });
  assertInvoiceAction(invoice, "mark_uncollectible");
  const number = numberOf(invoice);
  await tx.invoice.update({
    where: { id: invoiceId },
    data: { status: "uncollectible", uncollectibleAt: now },
    select: { id: true },
  });
  const format = summaryFormat(await organizationClock(tx, actor.organizationId));
  await recordInvoiceAudit(tx, {
    actor,
    invoiceId,
    action: "invoice.marked_uncollectible",
    summary: `Marked ${number} uncollectible: ${format.money(invoice.amountDueMinor, invoice.currency)} written off`,
    reason,
    changes: { status: { from: invoice.status, to: "uncollectible" } },
  });
  return { invoiceId, customerId: invoice.customerId, number };
};
