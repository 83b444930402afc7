// The credit note at a glance: its number and state, the invoice it credits and the customer, its
// amount, and the actions its state allows (the PDF always; a void while nothing was refunded).
import Link from "next/link";
import { Button } from "@/components/ui/button";
import type { voidCreditNote } from "@/lib/credit-notes/actions";
import type { CreditNoteDetail } from "@/lib/credit-notes/queries";
import { formatMoney } from "@/lib/money";
import { CreditNoteStatusBadge } from "./credit-note-status-badge";
import { VoidCreditNoteDialog } from "./void-credit-note-dialog";

type CreditNoteHeaderProps = {
  detail: CreditNoteDetail;
  locale: string;
  /** The void action when the user's role and the credit note's state allow it. */
  voidAction: typeof voidCreditNote | null;
  /** Why it cannot be voided, shown in place of the button to someone who could otherwise. */
  voidRefusal: string | null;
};

/** What a void puts back, in this credit note's amounts. */
const voidConsequence = (detail: CreditNoteDetail, locale: string): string => {
  const { creditNote, invoice } = detail;
  const money = (minor: bigint) => formatMoney(minor, creditNote.currency, { locale });
  const parts = [
    creditNote.creditedToDueMinor > 0n
      ? `${invoice.number}'s amount due rises again by ${money(creditNote.creditedToDueMinor)}.`
      : null,
    creditNote.walletCreditMinor > 0n
      ? `The ${money(creditNote.walletCreditMinor)} credited to the customer's wallet is taken back.`
      : null,
    creditNote.outOfBandMinor > 0n ? `The ${money(creditNote.outOfBandMinor)} out of band is no longer counted.` : null,
  ];
  return parts.filter(Boolean).join(" ") || "Nothing else changes.";
};

export const CreditNoteHeader = ({ detail, locale, voidAction, voidRefusal }: CreditNoteHeaderProps) => {
  const { creditNote, invoice, customer } = detail;
  return (
    <div className="mb-6 flex flex-wrap items-start justify-between gap-4">
      <div>
        <p className="text-sm text-ink-600">
          <Link href="/credit-notes" className="hover:underline">
            Credit notes
          </Link>{" "}
          / Credit note
        </p>
        <div className="flex flex-wrap items-center gap-3">
          <h1 className="text-xl font-semibold text-ink-900">{creditNote.number}</h1>
          <span data-testid="credit-note-status">
            <CreditNoteStatusBadge status={creditNote.status} />
          </span>
        </div>
        <p className="mt-1 text-sm text-ink-600">
          Credits{" "}
          <Link className="font-medium text-brand-700 hover:underline" href={`/invoices/${invoice.id}`}>
            {invoice.number}
          </Link>{" "}
          for{" "}
          <Link className="font-medium text-brand-700 hover:underline" href={`/customers/${customer.id}`}>
            {customer.name}
          </Link>{" "}
          · <span className="tabular">{formatMoney(creditNote.totalMinor, creditNote.currency, { locale })}</span>
        </p>
      </div>
      <div className="flex flex-col items-end gap-1">
        <div className="flex flex-wrap items-center justify-end gap-2">
          <Button asChild variant="secondary">
            <a href={`/api/credit-notes/${creditNote.id}/pdf`} download>
              Download PDF
            </a>
          </Button>
          {voidAction ? (
            <VoidCreditNoteDialog
              creditNoteId={creditNote.id}
              number={creditNote.number}
              consequence={voidConsequence(detail, locale)}
              action={voidAction}
            />
          ) : null}
        </div>
        {voidRefusal ? <p className="max-w-xs text-right text-xs text-ink-600">{voidRefusal}</p> : null}
      </div>
    </div>
  );
};
