// What finalized invoices still owe, per currency. Wallet credit has its own section (the ledger sum).
import { Card } from "@/components/ui/card";
import { formatMoney } from "@/lib/money";
import type { CustomerActivity } from "@/lib/customers/queries";

type CustomerBalancesProps = Pick<CustomerActivity, "outstanding"> & { locale: string };

export const CustomerBalances = ({ outstanding, locale }: CustomerBalancesProps) => (
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
  </div>
);
