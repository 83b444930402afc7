// One wallet's ledger, newest first: every credit and debit with its reason, amount, the balance
// after it, who posted it and when, and the invoice or credit note behind it.
import Link from "next/link";
import { EmptyRow, Table, Td, Th } from "@/components/ui/table";
import { formatDateTime, type Locale } from "@/lib/format/date";
import { formatMoney } from "@/lib/money";
import type { getCustomerWallets } from "@/lib/wallets/queries";
import { WALLET_REASON_LABELS } from "@/lib/wallets/schemas";

export type CustomerWallet = Awaited<ReturnType<typeof getCustomerWallets>>[number];
type LedgerEntry = CustomerWallet["ledger"][number];

const linkClass = "font-medium text-brand-700 hover:underline";

const Source = ({ entry }: { entry: LedgerEntry }) => (
  <>
    {entry.invoice ? (
      <Link className={linkClass} href={`/invoices/${entry.invoice.id}`}>
        {entry.invoice.number ?? "Invoice"}
      </Link>
    ) : null}
    {entry.invoice && entry.creditNote ? " · " : null}
    {entry.creditNote ? (
      <Link className={linkClass} href={`/credit-notes/${entry.creditNote.id}`}>
        {entry.creditNote.number}
      </Link>
    ) : null}
  </>
);

export const WalletLedger = ({ wallet, format }: { wallet: CustomerWallet; format: Locale }) => {
  const money = (minor: bigint) => formatMoney(minor, wallet.currency, { locale: format.locale });
  return (
    <Table label={`Wallet ledger (${wallet.currency})`}>
      <thead>
        <tr>
          <Th>When</Th>
          <Th>Reason</Th>
          <Th>Details</Th>
          <Th>By</Th>
          <Th align="right">Amount</Th>
          <Th align="right">Balance after</Th>
        </tr>
      </thead>
      <tbody>
        {wallet.ledger.length === 0 ? (
          <EmptyRow colSpan={6}>No transactions yet.</EmptyRow>
        ) : (
          wallet.ledger.map((entry) => {
            const credit = entry.type === "credit";
            return (
              <tr key={entry.id}>
                <Td className="whitespace-nowrap">
                  <time dateTime={entry.createdAt.toISOString()}>{formatDateTime(entry.createdAt, format)}</time>
                </Td>
                <Td className="whitespace-nowrap">
                  {credit ? "Credit" : "Debit"} · {WALLET_REASON_LABELS[entry.reason]}
                </Td>
                <Td className="text-ink-700">
                  <span className="flex flex-col gap-0.5">
                    {entry.invoice || entry.creditNote ? (
                      <span>
                        <Source entry={entry} />
                      </span>
                    ) : null}
                    {entry.memo ? <span className="whitespace-pre-line">{entry.memo}</span> : null}
                    {credit && entry.expiresAt ? (
                      <span className="text-xs text-ink-600">Expires {formatDateTime(entry.expiresAt, format)}</span>
                    ) : null}
                  </span>
                </Td>
                <Td className="text-ink-700">{entry.actorLabel ?? "System"}</Td>
                <Td align="right" className={credit ? "text-emerald-800" : "text-ink-900"}>
                  {credit ? `+${money(entry.amountMinor)}` : money(-entry.amountMinor)}
                </Td>
                <Td align="right">{money(entry.balanceAfterMinor)}</Td>
              </tr>
            );
          })
        )}
      </tbody>
    </Table>
  );
};
