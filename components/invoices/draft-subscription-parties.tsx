// Who a subscription draft bills and in what currency, shown rather than offered: the subscription
// fixes both (its invoicing customer pays, in its plan's currency). The server refuses a change too.
import Link from "next/link";

type DraftSubscriptionPartiesProps = {
  subscriptionId: string;
  customerName: string | null;
  currency: string;
  /** A refusal from the server (the values were changed some other way). */
  customerError?: string;
  currencyError?: string;
};

const Fixed = ({ label, value, error }: { label: string; value: string; error?: string }) => (
  <div className="flex flex-col gap-1">
    <dt className="text-sm font-medium text-ink-700">{label}</dt>
    <dd className="flex h-9 items-center rounded-md border border-ink-200 bg-ink-50 px-3 text-sm text-ink-900">
      {value}
    </dd>
    {error ? (
      <dd role="alert" className="text-sm text-red-700">
        {error}
      </dd>
    ) : null}
  </div>
);

export const DraftSubscriptionParties = ({
  subscriptionId,
  customerName,
  currency,
  customerError,
  currencyError,
}: DraftSubscriptionPartiesProps) => (
  <section aria-labelledby="invoice-bill-to" className="flex flex-col gap-2">
    <h2 id="invoice-bill-to" className="mb-2 text-sm font-semibold text-ink-900">
      Bill to
    </h2>
    <dl className="grid gap-4 sm:grid-cols-2">
      <Fixed label="Customer" value={customerName ?? "The subscription's invoicing customer"} error={customerError} />
      <Fixed label="Currency" value={currency} error={currencyError} />
    </dl>
    <p className="text-xs text-ink-600">
      This invoice bills a{" "}
      <Link href={`/subscriptions/${subscriptionId}`} className="font-medium text-brand-700 hover:underline">
        subscription
      </Link>
      : it goes to the subscription&apos;s invoicing customer, in its plan&apos;s currency, and neither can change here.
    </p>
  </section>
);
