// The slower half of the customer page (money, invoices, subscriptions, history), awaited inside
// Suspense so the customer's details show at once. The page starts the read; these only wait for it.
import type { Locale } from "@/lib/format/date";
import type { CustomerActivity } from "@/lib/customers/queries";
import { CustomerBalances } from "./customer-balances";
import { CustomerHistory } from "./customer-history";
import { CustomerInvoices } from "./customer-invoices";
import { CustomerSubscriptions } from "./customer-subscriptions";

export const CustomerBalancesSection = async ({
  activity,
  locale,
}: {
  activity: Promise<CustomerActivity>;
  locale: string;
}) => {
  const { outstanding } = await activity;
  return <CustomerBalances outstanding={outstanding} locale={locale} />;
};

export const CustomerActivitySections = async ({
  activity,
  customerId,
  format,
  today,
}: {
  activity: Promise<CustomerActivity>;
  customerId: string;
  format: Locale;
  /** Today in the organisation's time zone, for "overdue". */
  today: Date;
}) => {
  const { invoices, invoiceCount, subscriptions, history } = await activity;
  return (
    <>
      <CustomerInvoices
        invoices={invoices}
        invoiceCount={invoiceCount}
        customerId={customerId}
        locale={format.locale}
        today={today}
      />
      <CustomerSubscriptions subscriptions={subscriptions} customerId={customerId} format={format} />
      <CustomerHistory history={history} format={format} />
    </>
  );
};
