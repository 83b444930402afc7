// The credit note list: number, invoice, customer, reason, state, when, and where the money went
// (off the amount due, refunded, to the wallet, out of band), newest first, a page at a time.
import Link from "next/link";
import { EmptyRow, Table, Td, Th } from "@/components/ui/table";
import type { CreditNoteListPage, CreditNoteListRow } from "@/lib/credit-notes/queries";
import { CREDIT_NOTE_REASON_LABELS } from "@/lib/credit-notes/schemas";
import { formatDateTime, type Locale } from "@/lib/format/date";
import { formatMoney } from "@/lib/money";
import { CreditNoteStatusBadge } from "./credit-note-status-badge";
import { creditNoteListHref, type CreditNoteListParams } from "./list-params";

const linkClass = "font-medium text-brand-700 hover:underline";

/** Where the credit note's amount went, in a few words: "Due $100.00 · Wallet $20.00". */
const settlement = (row: CreditNoteListRow, locale: string): string => {
  const money = (minor: bigint) => formatMoney(minor, row.currency, { locale });
  const parts = [
    row.creditedToDueMinor > 0n ? `Off due ${money(row.creditedToDueMinor)}` : null,
    row.refundMinor > 0n ? `Refund ${money(row.refundMinor)}` : null,
    row.walletCreditMinor > 0n ? `Wallet ${money(row.walletCreditMinor)}` : null,
    row.outOfBandMinor > 0n ? `Out of band ${money(row.outOfBandMinor)}` : null,
  ];
  return parts.filter(Boolean).join(" · ") || "—";
};

type CreditNoteTableProps = {
  page: Promise<CreditNoteListPage>;
  params: CreditNoteListParams;
  format: Locale;
  filtered: boolean;
};

export const CreditNoteTable = async ({ page: pending, params, format, filtered }: CreditNoteTableProps) => {
  const page = await pending;
  return (
    <>
      <Table label="Credit notes">
        <thead>
          <tr>
            <Th>Number</Th>
            <Th>Invoice</Th>
            <Th>Customer</Th>
            <Th>Reason</Th>
            <Th>Status</Th>
            <Th>Issued</Th>
            <Th>Settled as</Th>
            <Th align="right">Amount</Th>
          </tr>
        </thead>
        <tbody>
          {page.rows.length === 0 ? (
            <EmptyRow colSpan={8}>
              {filtered
                ? "No credit notes match these filters. Clear them to see every credit note."
                : "No credit notes yet. Issue one from a finalized invoice's page."}
            </EmptyRow>
          ) : (
            page.rows.map((row) => (
              <tr key={row.id}>
                <Td className="whitespace-nowrap">
                  <Link className={linkClass} href={`/credit-notes/${row.id}`}>
                    {row.number}
                  </Link>
                </Td>
                <Td className="whitespace-nowrap">
                  <Link className="text-brand-700 hover:underline" href={`/invoices/${row.invoice.id}`}>
                    {row.invoice.number}
                  </Link>
                </Td>
                <Td>
                  <Link className="text-brand-700 hover:underline" href={`/customers/${row.customer.id}`}>
                    {row.customer.name}
                  </Link>
                </Td>
                <Td>{CREDIT_NOTE_REASON_LABELS[row.reason]}</Td>
                <Td>
                  <CreditNoteStatusBadge status={row.status} />
                </Td>
                <Td className="whitespace-nowrap">{formatDateTime(row.issuedAt, format)}</Td>
                <Td className="text-xs text-ink-700">{settlement(row, format.locale)}</Td>
                <Td align="right" className={row.status === "void" ? "text-ink-500 line-through" : undefined}>
                  {formatMoney(row.totalMinor, row.currency, { locale: format.locale })}
                </Td>
              </tr>
            ))
          )}
        </tbody>
      </Table>
      {params.cursor || page.nextCursor ? (
        <nav aria-label="Credit note pages" className="mt-3 flex justify-end gap-2">
          {params.cursor ? (
            <Link
              className="rounded-md border border-ink-300 bg-white px-3 py-1.5 text-sm font-medium text-ink-900 hover:bg-ink-50"
              href={creditNoteListHref({ ...params, cursor: undefined })}
            >
              First page
            </Link>
          ) : null}
          {page.nextCursor ? (
            <Link
              rel="next"
              className="rounded-md border border-ink-300 bg-white px-3 py-1.5 text-sm font-medium text-ink-900 hover:bg-ink-50"
              href={creditNoteListHref({ ...params, cursor: page.nextCursor })}
            >
              Next
            </Link>
          ) : null}
        </nav>
      ) : null}
    </>
  );
};
