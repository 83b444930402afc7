// An invoice's money while its events are replayed: what was credited, drawn from the wallet, paid and
// refunded, and from that what is still due and which payment status it shows.
import type { PaymentStatus } from "@/lib/db/generated/enums";
import type { PricedLine } from "./invoice-lines";

/** A finalized invoice as its wallet drawdown, payments and credit notes see it. */
export type FinalizedInvoice = {
  id: string;
  number: string;
  customerId: string;
  currency: string;
  totalMinor: bigint;
  lines: PricedLine[];
};

export type InvoiceLedger = {
  creditedMinor: bigint;
  walletAppliedMinor: bigint;
  paidMinor: bigint;
  refundedMinor: bigint;
  paidAt: Date | null;
};

export const newLedger = (): InvoiceLedger => ({
  creditedMinor: 0n,
  walletAppliedMinor: 0n,
  paidMinor: 0n,
  refundedMinor: 0n,
  paidAt: null,
});

export const amountDue = (totalMinor: bigint, ledger: InvoiceLedger): bigint =>
  totalMinor - ledger.creditedMinor - ledger.walletAppliedMinor - ledger.paidMinor + ledger.refundedMinor;

export const paymentStatusOf = (totalMinor: bigint, ledger: InvoiceLedger): PaymentStatus => {
  if (ledger.refundedMinor > 0n) return ledger.refundedMinor >= ledger.paidMinor ? "refunded" : "partially_refunded";
  if (amountDue(totalMinor, ledger) === 0n) return "paid";
  return ledger.paidMinor > 0n ? "partially_paid" : "unpaid";
};

/** The smaller of two amounts in minor units (Math.min does not take bigint). */
export const lesserMinor = (a: bigint, b: bigint): bigint => (a < b ? a : b);
