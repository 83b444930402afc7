// Whether the credit note page offers a void, and if not why, in the words the service refuses with
// (lib/credit-notes/service.ts, lib/wallets/reversals.ts): the page shows the reason instead of a
// button that could only fail.
import type { CreditNoteDetail } from "@/lib/credit-notes/queries";
import { formatMoney } from "@/lib/money";

type VoidState = Pick<CreditNoteDetail, "creditNote" | "invoice" | "walletTransactions">;

/** Null when the credit note can be voided now; else why not. */
export const creditNoteVoidRefusal = ({ creditNote, invoice, walletTransactions }: VoidState, locale: string) => {
  if (creditNote.status === "void") return "This credit note is already void";
  if (creditNote.refundMinor > 0n) return "A refunded credit note cannot be voided";
  if (invoice.status === "void") return `${invoice.number} is void: its credit notes stay as they were issued`;
  const refundCredit = walletTransactions.find((entry) => entry.type === "credit" && entry.reason === "refund");
  if (refundCredit && refundCredit.remainingMinor !== null && refundCredit.remainingMinor < refundCredit.amountMinor) {
    const money = (minor: bigint) => formatMoney(minor, creditNote.currency, { locale });
    const used = refundCredit.amountMinor - refundCredit.remainingMinor;
    return `${money(used)} of the ${money(refundCredit.amountMinor)} this credit note put in the customer's wallet has already been used, so it cannot be voided`;
  }
  return null;
};
