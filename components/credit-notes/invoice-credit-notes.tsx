// The invoice page's credit notes: each one with its number, reason, amount and state, and what
// they add up to: the original total, what was credited, and the amount due now.
import Link from "next/link";
import { Card } from "@/components/ui/card";
import { EmptyRow, Table, Td, Th } from "@/components/ui/table";
import { CREDIT_NOTE_REASON_LABELS } from "@/lib/credit-notes/schemas";
import { formatDateTime, type Locale } from "@/lib/format/date";
import type { InvoiceDetail } from "@/lib/invoices/detail";
import { formatMoney } from "@/lib/money";
import { CreditNoteStatusBadge } from "./credit-note-status-badge";

type InvoiceCreditNotesProps = {
  detail: InvoiceDetail;
  format: Locale;
  /** Whether the invoice's state and the user's role allow a new credit note (the header offers it). */
  canIssue: boolean;
};

export const InvoiceCreditNotes = ({ detail, format, canIssue }: InvoiceCreditNotesProps) => {
  const { invoice, creditNotes } = detail;
  const money = (minor: bigint) => formatMoney(minor, invoice.currency, { locale: format.locale });
  return (
    <Card title="Credit notes">
      <div className="flex flex-col gap-3">
        <Table label="Credit notes on this invoice">
          <thead>
            <tr>
              <Th>Number</Th>
              <Th>Issued</Th>
              <Th>Reason</Th>
              <Th>Status</Th>
              <Th align="right">Amount</Th>
            </tr>
          </thead>
          <tbody>
            {creditNotes.length === 0 ? (
              <EmptyRow colSpan={5}>
                {canIssue
                  ? "No credit notes. Use “Issue credit note” to credit lines or an amount of this invoice."
                  : "No credit notes."}
              </EmptyRow>
            ) : (
              creditNotes.map((note) => (
                <tr key={note.id}>
                  <Td>
                    <Link className="font-medium text-brand-700 hover:underline" href={`/credit-notes/${note.id}`}>
                      {note.number}
                    </Link>
                  </Td>
                  <Td className="whitespace-nowrap">{formatDateTime(note.issuedAt, format)}</Td>
                  <Td>{CREDIT_NOTE_REASON_LABELS[note.reason]}</Td>
                  <Td>
                    <CreditNoteStatusBadge status={note.status} />
                  </Td>
                  <Td align="right" className={note.status === "void" ? "text-ink-500 line-through" : undefined}>
                    {money(-note.totalMinor)}
                  </Td>
                </tr>
              ))
            )}
          </tbody>
        </Table>
        {creditNotes.length > 0 ? (
          <dl aria-label="Credited" className="ml-auto grid w-full max-w-sm grid-cols-[1fr_auto] gap-y-1 text-sm">
            <dt className="text-ink-600">Original total</dt>
            <dd className="tabular text-right text-ink-900" data-testid="credit-notes-original-total">
              {money(invoice.totalMinor)}
            </dd>
            <dt className="text-ink-600">Credited</dt>
            <dd className="tabular text-right text-ink-900" data-testid="credit-notes-credited">
              {money(-invoice.creditedMinor)}
            </dd>
            <dt className="border-t border-ink-200 pt-1 font-semibold text-ink-900">Amount due now</dt>
            <dd className="tabular border-t border-ink-200 pt-1 text-right font-semibold text-ink-900">
              {money(invoice.amountDueMinor)}
            </dd>
          </dl>
        ) : null}
      </div>
    </Card>
  );
};
