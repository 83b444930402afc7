// The credit note's references: when it was issued, why (reason and memo), the invoice and the
// customer it belongs to, and when and why it was voided.
import Link from "next/link";
import { Card } from "@/components/ui/card";
import type { CreditNoteDetail } from "@/lib/credit-notes/queries";
import { CREDIT_NOTE_REASON_LABELS } from "@/lib/credit-notes/schemas";
import { formatDateTime, type Locale } from "@/lib/format/date";

const Item = ({ label, children }: { label: string; children: React.ReactNode }) => (
  <div className="grid grid-cols-[7rem_1fr] gap-2">
    <dt className="text-ink-600">{label}</dt>
    <dd className="text-ink-900">{children}</dd>
  </div>
);

export const CreditNoteDetails = ({ detail, format }: { detail: CreditNoteDetail; format: Locale }) => {
  const { creditNote, invoice, customer } = detail;
  const at = (date: Date) => `${formatDateTime(date, format)} (${format.timeZone})`;
  return (
    <Card title="Details">
      <dl className="flex flex-col gap-2 text-sm">
        <Item label="Issued">{at(creditNote.issuedAt)}</Item>
        <Item label="Reason">{CREDIT_NOTE_REASON_LABELS[creditNote.reason]}</Item>
        {creditNote.memo ? (
          <Item label="Memo">
            <span className="whitespace-pre-line">{creditNote.memo}</span>
          </Item>
        ) : null}
        <Item label="Invoice">
          <Link className="font-medium text-brand-700 hover:underline" href={`/invoices/${invoice.id}`}>
            {invoice.number}
          </Link>
        </Item>
        <Item label="Customer">
          <Link className="font-medium text-brand-700 hover:underline" href={`/customers/${customer.id}`}>
            {customer.name}
          </Link>
          <span className="block text-xs text-ink-600">{customer.email}</span>
        </Item>
        <Item label="Currency">{creditNote.currency}</Item>
        {creditNote.voidedAt ? (
          <Item label="Voided">
            {at(creditNote.voidedAt)}
            {creditNote.voidReason ? <span className="block text-ink-700">Reason: {creditNote.voidReason}</span> : null}
          </Item>
        ) : null}
      </dl>
    </Card>
  );
};
