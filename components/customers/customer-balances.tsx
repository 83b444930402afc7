// Money at a glance: wallet credit (the ledger's cached balance) and what finalized invoices still owe.
import { Card } from "@/components/ui/card";
import { formatMoney } from "@/lib/money";
import type { CustomerActivity } from "@/lib/customers/queries";

type CustomerBalancesProps = Pick<CustomerActivity, "wallets" | "outstanding"> & { locale: string };

export const CustomerBalances = ({ wallets, outstanding, locale }: CustomerBalancesProps) => (
  <div className="flex flex-col gap-4">
    <Card title="Outstanding">
      {outstanding.length === 0 ? (
        <p className="text-sm text-ink-600">Nothing due on finalized invoices.</p>
      ) : (
        <dl className="flex flex-col gap-1">
          {outstanding.map((amount) => (
            <div key={amount.currency} className="flex items-baseline justify-between gap-3">
              <dt className="text-sm text-ink-600">Amount due ({amount.currency})</dt>
              <dd className="tabular text-base font-semibold text-ink-900">
                {formatMoney(amount.amountDueMinor, amount.currency, { locale: locale })}
              </dd>
            </div>
          ))}
        </dl>
      )}
    </Card>
    <Card title="Wallet credit">
      {wallets.length === 0 ? (
        <p className="text-sm text-ink-600">No wallet credit.</p>
      ) : (
        <dl className="flex flex-col gap-1">
          {wallets.map((wallet) => (
            <div key={wallet.id} className="flex items-baseline justify-between gap-3">
              <dt className="text-sm text-ink-600">Wallet credit ({wallet.currency})</dt>
              <dd className="tabular text-base font-semibold text-ink-900">
                {formatMoney(wallet.balanceMinor, wallet.currency, { locale: locale })}
              </dd>
            </div>
          ))}
        </dl>
      )}
    </Card>
  </div>
);
