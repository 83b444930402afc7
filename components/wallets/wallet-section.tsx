// The customer page's Wallet: per currency, the balance (the ledger's sum), what it is made of by
// reason, credit expiring in the next 30 days, and the ledger. Finance tops up; admins may debit.
import Link from "next/link";
import { formatDateTime, type Locale } from "@/lib/format/date";
import { formatMoney } from "@/lib/money";
import { WALLET_REASON_LABELS } from "@/lib/wallets/schemas";
import type { debitWallet, topUpWallet } from "@/lib/wallets/actions";
import { getWalletLedger } from "@/lib/wallets/queries";
import { DebitDialog } from "./debit-dialog";
import { TopUpDialog, type Option } from "./top-up-dialog";
import { WalletLedger, type CustomerWallet } from "./wallet-ledger";

export type WalletControls = {
  topUp: {
    action: typeof topUpWallet;
    currencies: Option[];
    reasons: React.ComponentProps<typeof TopUpDialog>["reasons"];
    earliestExpiry: string;
  } | null;
  debit: { action: typeof debitWallet } | null;
};

/** An older page of one wallet's ledger, from the address (?wallet=<id>&ledger=<cursor>). */
export type LedgerPage = { walletId?: string; cursor?: string };

type WalletSectionProps = {
  wallets: Promise<CustomerWallet[]>;
  customer: { id: string; organizationId: string; name: string };
  format: Locale;
  controls: WalletControls;
  ledgerPage: LedgerPage;
};

const WalletCurrency = ({
  wallet,
  format,
  customerId,
  olderPage,
}: {
  wallet: CustomerWallet;
  format: Locale;
  customerId: string;
  olderPage: boolean;
}) => {
  const money = (minor: bigint) => formatMoney(minor, wallet.currency, { locale: format.locale });
  const reasons = wallet.byReason.filter((part) => part.remainingMinor > 0n);
  return (
    <section aria-label={`${wallet.currency} wallet`} className="flex flex-col gap-4">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h3 className="text-sm font-semibold text-ink-900">{wallet.currency} wallet</h3>
        <p className="text-sm text-ink-600">
          Balance{" "}
          <span
            className="tabular text-lg font-semibold text-ink-900"
            data-testid={`wallet-balance-${wallet.currency}`}
          >
            {money(wallet.balanceMinor)}
          </span>
        </p>
      </div>
      <div className="grid gap-4 md:grid-cols-2">
        <div>
          <h4 className="mb-1 text-xs font-semibold tracking-wide text-ink-600 uppercase">Balance by reason</h4>
          {reasons.length === 0 ? (
            <p className="text-sm text-ink-600">No credit left.</p>
          ) : (
            <dl aria-label={`Balance by reason (${wallet.currency})`} className="flex flex-col gap-1 text-sm">
              {reasons.map((part) => (
                <div key={part.reason} className="flex justify-between gap-3">
                  <dt className="text-ink-700">{WALLET_REASON_LABELS[part.reason]}</dt>
                  <dd className="tabular text-ink-900">{money(part.remainingMinor)}</dd>
                </div>
              ))}
            </dl>
          )}
        </div>
        <div>
          <h4 className="mb-1 text-xs font-semibold tracking-wide text-ink-600 uppercase">
            Expiring in the next 30 days
          </h4>
          {wallet.expiringSoon.length === 0 ? (
            <p className="text-sm text-ink-600">Nothing expires in the next 30 days.</p>
          ) : (
            <ul
              aria-label={`Expiring in the next 30 days (${wallet.currency})`}
              className="flex flex-col gap-1 text-sm"
            >
              {wallet.expiringSoon.map((credit) => (
                <li key={credit.transactionId} className="flex justify-between gap-3">
                  <span className="text-ink-700">
                    {WALLET_REASON_LABELS[credit.reason]} ·{" "}
                    <time dateTime={credit.expiresAt.toISOString()}>{formatDateTime(credit.expiresAt, format)}</time>
                  </span>
                  <span className="tabular text-ink-900">{money(credit.remainingMinor)}</span>
                </li>
              ))}
            </ul>
          )}
        </div>
      </div>
      <WalletLedger wallet={wallet} format={format} />
      {olderPage || wallet.ledgerNextCursor ? (
        <nav aria-label={`${wallet.currency} ledger pages`} className="flex justify-end gap-2 text-sm">
          {olderPage ? (
            <Link className={pageLinkClass} href={`/customers/${customerId}#wallet-heading`}>
              Newest
            </Link>
          ) : null}
          {wallet.ledgerNextCursor ? (
            <Link
              rel="next"
              className={pageLinkClass}
              href={`/customers/${customerId}?${new URLSearchParams({ wallet: wallet.walletId, ledger: wallet.ledgerNextCursor })}#wallet-heading`}
            >
              Older
            </Link>
          ) : null}
        </nav>
      ) : null}
    </section>
  );
};

const pageLinkClass = "rounded-md border border-ink-300 bg-white px-3 py-1.5 font-medium text-ink-900 hover:bg-ink-50";

// The page a wallet's ledger shows: the newest, or the older one the address asks for.
const withLedgerPage = async (
  wallets: CustomerWallet[],
  { organizationId, ledgerPage }: { organizationId: string; ledgerPage: LedgerPage },
): Promise<CustomerWallet[]> => {
  const { walletId, cursor } = ledgerPage;
  if (!walletId || !cursor || !wallets.some((wallet) => wallet.walletId === walletId)) return wallets;
  const older = await getWalletLedger({ organizationId, walletId, cursor });
  return wallets.map((wallet) =>
    wallet.walletId === walletId ? { ...wallet, ledger: older.entries, ledgerNextCursor: older.nextCursor } : wallet,
  );
};

export const WalletSection = async ({
  wallets: pending,
  customer,
  format,
  controls,
  ledgerPage,
}: WalletSectionProps) => {
  const wallets = await withLedgerPage(await pending, { organizationId: customer.organizationId, ledgerPage });
  const { topUp, debit } = controls;
  const withBalance = wallets.filter((wallet) => wallet.balanceMinor > 0n);
  return (
    <section aria-labelledby="wallet-heading" className="rounded-lg border border-ink-200 bg-white">
      <header className="flex flex-wrap items-center justify-between gap-2 border-b border-ink-100 px-4 py-3">
        <h2 id="wallet-heading" className="text-sm font-semibold text-ink-900">
          Wallet
        </h2>
        <div className="flex items-center gap-2">
          {debit && withBalance.length > 0 ? (
            <DebitDialog
              customerId={customer.id}
              customerName={customer.name}
              wallets={withBalance.map((wallet) => ({
                currency: wallet.currency,
                balanceLabel: formatMoney(wallet.balanceMinor, wallet.currency, { locale: format.locale }),
              }))}
              action={debit.action}
            />
          ) : null}
          {topUp ? (
            <TopUpDialog
              customerId={customer.id}
              customerName={customer.name}
              currencies={topUp.currencies}
              reasons={topUp.reasons}
              earliestExpiry={topUp.earliestExpiry}
              action={topUp.action}
            />
          ) : null}
        </div>
      </header>
      <div className="flex flex-col gap-8 p-4">
        {wallets.length === 0 ? (
          <p className="text-sm text-ink-600">
            No wallet credit yet.{topUp ? " Top up to add prepaid, promotional or goodwill credit." : ""}
          </p>
        ) : (
          wallets.map((wallet) => (
            <WalletCurrency
              key={wallet.walletId}
              wallet={wallet}
              format={format}
              customerId={customer.id}
              olderPage={wallet.walletId === ledgerPage.walletId && Boolean(ledgerPage.cursor)}
            />
          ))
        )}
      </div>
    </section>
  );
};
