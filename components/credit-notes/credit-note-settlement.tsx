// Where the credit note's amount went: off the invoice's amount due, refunded (with the refund
// payments), credited to the customer's wallet (with the ledger entries), or settled out of band.
import Link from "next/link";
import { Card } from "@/components/ui/card";
import type { CreditNoteDetail } from "@/lib/credit-notes/queries";
import { formatCalendarDate } from "@/lib/format/date";
import { PAYMENT_METHOD_LABELS } from "@/lib/invoices/schemas";
import { formatMoney } from "@/lib/money";
import { WALLET_REASON_LABELS } from "@/lib/wallets/schemas";

const Row = ({
  label,
  value,
  testId,
  children,
}: {
  label: string;
  value: string;
  testId: string;
  children?: React.ReactNode;
}) => (
  <div className="flex flex-col gap-0.5 border-b border-ink-100 pb-2 last:border-0 last:pb-0">
    <div className="flex items-baseline justify-between gap-3">
      <dt className="text-ink-700">{label}</dt>
      <dd className="tabular font-medium text-ink-900" data-testid={testId}>
        {value}
      </dd>
    </div>
    {children ? <div className="text-xs text-ink-600">{children}</div> : null}
  </div>
);

export const CreditNoteSettlement = ({ detail, locale }: { detail: CreditNoteDetail; locale: string }) => {
  const { creditNote, invoice, customer, refunds, walletTransactions } = detail;
  const money = (minor: bigint) => formatMoney(minor, creditNote.currency, { locale });
  return (
    <Card title="Where it went">
      <dl className="flex flex-col gap-2 text-sm">
        <Row
          label={`Off ${invoice.number}'s amount due`}
          value={money(creditNote.creditedToDueMinor)}
          testId="credit-note-to-due"
        />
        <Row label="Refunded" value={money(creditNote.refundMinor)} testId="credit-note-refund">
          {refunds.map((refund) => (
            <p key={refund.id}>
              {PAYMENT_METHOD_LABELS[refund.method]} refund of {money(refund.amountMinor)} on{" "}
              {formatCalendarDate(refund.receivedOn, locale)}
              {refund.reference ? ` · ${refund.reference}` : ""}
            </p>
          ))}
        </Row>
        <Row label="Credited to the wallet" value={money(creditNote.walletCreditMinor)} testId="credit-note-wallet">
          {walletTransactions.length > 0 ? (
            <>
              {walletTransactions.map((entry) => (
                <p key={entry.id}>
                  {entry.type === "credit" ? "Credit" : "Debit"} · {WALLET_REASON_LABELS[entry.reason]}{" "}
                  {money(entry.amountMinor)}
                  {entry.type === "credit" && entry.remainingMinor !== null
                    ? ` (${money(entry.remainingMinor)} unspent)`
                    : ""}
                </p>
              ))}
              <Link className="text-brand-700 hover:underline" href={`/customers/${customer.id}`}>
                {customer.name}&apos;s wallet
              </Link>
            </>
          ) : null}
        </Row>
        <Row label="Out of band" value={money(creditNote.outOfBandMinor)} testId="credit-note-out-of-band" />
      </dl>
    </Card>
  );
};
