// Amounts per currency, one per line: totals never mix currencies.
import { formatMoney } from "@/lib/money";

type Amount = { currency: string; amountDueMinor: bigint };

export const OutstandingAmounts = ({
  amounts,
  locale,
  empty = "—",
}: {
  amounts: Amount[];
  locale: string;
  empty?: string;
}) =>
  amounts.length === 0 ? (
    <span className="text-ink-600">{empty}</span>
  ) : (
    <span className="flex flex-col items-end">
      {amounts.map((amount) => (
        <span key={amount.currency} className="tabular">
          {formatMoney(amount.amountDueMinor, amount.currency, { locale: locale })}
        </span>
      ))}
    </span>
  );
