// Money received and returned on the demo's invoices: payments against the amount due, refunds of
// credit notes that exceed it, and receipts numbered in the order the payments arrived.
import type { Prisma } from "@/lib/db/generated/client";
import type { PaymentMethod } from "@/lib/db/generated/enums";
import { newId, newPublicToken } from "@/lib/ids";
import { DEMO_ORG_ID } from "../demo";
import { auditRow, money, words } from "./audit";
import { addHours, byTime, calendarDate } from "./clock";
import { amountDue, type FinalizedInvoice, type InvoiceLedger } from "./ledger";
import { seriesNumber } from "./organization";

export type PaymentSeed = { at: Date; method: PaymentMethod; reference: string; amountMinor?: bigint };

/** A payment whose receipt is numbered once every invoice's payments are known. */
export type PendingReceipt = { payment: Prisma.PaymentCreateManyInput; at: Date; amountRemainingMinor: bigint };

const paymentRow = ({
  invoice,
  kind,
  method,
  amountMinor,
  at,
  reference,
  creditNoteId,
}: {
  invoice: FinalizedInvoice;
  kind: "payment" | "refund";
  method: PaymentMethod;
  amountMinor: bigint;
  at: Date;
  reference: string;
  creditNoteId?: string;
}): Prisma.PaymentCreateManyInput => ({
  id: newId("payment"),
  organizationId: DEMO_ORG_ID,
  invoiceId: invoice.id,
  customerId: invoice.customerId,
  kind,
  method,
  status: "succeeded",
  currency: invoice.currency,
  amountMinor,
  receivedOn: calendarDate(at),
  reference,
  creditNoteId,
  createdAt: at,
});

/** Records a payment on the ledger; without an amount it settles what is due. */
export const recordPayment = ({
  invoice,
  ledger,
  seed,
}: {
  invoice: FinalizedInvoice;
  ledger: InvoiceLedger;
  seed: PaymentSeed;
}): {
  payment: Prisma.PaymentCreateManyInput;
  receipt: PendingReceipt;
  auditEntry: Prisma.AuditEntryCreateManyInput;
} => {
  const amountMinor = seed.amountMinor ?? amountDue(invoice.totalMinor, ledger);
  ledger.paidMinor += amountMinor;
  const remaining = amountDue(invoice.totalMinor, ledger);
  if (remaining === 0n) ledger.paidAt = seed.at;
  const payment = paymentRow({
    invoice,
    kind: "payment",
    method: seed.method,
    amountMinor,
    at: seed.at,
    reference: seed.reference,
  });
  return {
    payment,
    receipt: { payment, at: seed.at, amountRemainingMinor: remaining },
    auditEntry: auditRow({
      at: seed.at,
      action: "invoice.payment_recorded",
      entityType: "invoice",
      entityId: invoice.id,
      summary: `Recorded ${money(amountMinor, invoice.currency)} by ${words(seed.method)} (${seed.reference}); ${money(remaining, invoice.currency)} still due`,
    }),
  };
};

/** Pays back the part of a credit note the customer had already paid, by bank transfer two hours later. */
export const refundCreditNote = ({
  invoice,
  creditNote,
  amountMinor,
}: {
  invoice: FinalizedInvoice;
  creditNote: { id: string; number: string; issuedAt: Date };
  amountMinor: bigint;
}): { payment: Prisma.PaymentCreateManyInput; auditEntry: Prisma.AuditEntryCreateManyInput } => {
  const at = addHours(creditNote.issuedAt, 2);
  return {
    payment: paymentRow({
      invoice,
      kind: "refund",
      method: "bank_transfer",
      amountMinor,
      at,
      reference: `Refund for ${creditNote.number}`,
      creditNoteId: creditNote.id,
    }),
    auditEntry: auditRow({
      at,
      action: "invoice.refunded",
      entityType: "invoice",
      entityId: invoice.id,
      summary: `Refunded ${money(amountMinor, invoice.currency)} by bank transfer for ${creditNote.number}`,
    }),
  };
};

/** Receipts for every payment, numbered across all invoices in the order the payments arrived. */
export const receiptRows = ({
  pending,
  seriesId,
}: {
  pending: readonly PendingReceipt[];
  seriesId: string;
}): Prisma.ReceiptCreateManyInput[] =>
  [...pending].sort(byTime).map((receipt, index) => ({
    id: newId("receipt"),
    organizationId: DEMO_ORG_ID,
    paymentId: receipt.payment.id,
    seriesId,
    number: seriesNumber({ series: "receipt", counter: index + 1, date: receipt.at }),
    amountMinor: receipt.payment.amountMinor,
    currency: receipt.payment.currency,
    amountRemainingMinor: receipt.amountRemainingMinor,
    publicToken: newPublicToken(),
    issuedAt: receipt.at,
  }));
