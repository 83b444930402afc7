// Who the subscription is for and who pays for it, and its dates: start, anchor, the current period
// and how it ends, all on the organisation's calendar (periods turn at midnight in its zone).
import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { formatDateTime, type Locale } from "@/lib/format/date";
import { formatBillingPeriod, formatMoment } from "@/lib/format/period";
import type { SubscriptionDetail } from "@/lib/subscriptions/queries";
import { planLabel } from "./plan-label";
import { SubscriptionStatusBadge } from "./subscription-status-badge";

type Subscription = SubscriptionDetail["subscription"];

const linkClass = "font-medium text-brand-700 hover:underline";

const CustomerLink = ({ customer }: { customer: Subscription["customer"] }) => (
  <>
    <Link className={linkClass} href={`/customers/${customer.id}`}>
      {customer.name}
    </Link>
    {customer.status === "archived" ? (
      <>
        {" "}
        <Badge tone="neutral">Archived</Badge>
      </>
    ) : null}
    <span className="block text-xs text-ink-600">{customer.externalId}</span>
  </>
);

export const SubscriptionParties = ({ subscription }: { subscription: Subscription }) => {
  const delegated = subscription.invoicingCustomer.id !== subscription.customer.id;
  return (
    <Card title="Customers">
      <dl className="grid gap-4 sm:grid-cols-2">
        <div>
          <dt className="text-xs font-medium tracking-wide text-ink-600 uppercase">Customer (uses it)</dt>
          <dd className="mt-1 text-sm">
            <CustomerLink customer={subscription.customer} />
          </dd>
        </div>
        <div>
          <dt className="text-xs font-medium tracking-wide text-ink-600 uppercase">Invoiced to</dt>
          <dd className="mt-1 text-sm">
            {delegated ? (
              <CustomerLink customer={subscription.invoicingCustomer} />
            ) : (
              <span className="text-ink-700">The customer itself</span>
            )}
          </dd>
        </div>
      </dl>
      {delegated ? (
        <p className="mt-4 rounded-md bg-brand-50 px-3 py-2 text-sm text-brand-800" data-testid="delegated-payer">
          Invoice to {subscription.invoicingCustomer.name}: invoices and wallet credit are{" "}
          {subscription.invoicingCustomer.name}&apos;s; usage is {subscription.customer.name}&apos;s. The payer is
          fixed: to change it, cancel and create a new subscription.
        </p>
      ) : null}
    </Card>
  );
};

const Row = ({ term, children }: { term: string; children: React.ReactNode }) => (
  <div className="flex justify-between gap-4 border-b border-ink-100 py-2 last:border-0">
    <dt className="text-sm text-ink-600">{term}</dt>
    <dd className="text-right text-sm text-ink-900">{children}</dd>
  </div>
);

export const SubscriptionSummary = ({ subscription, format }: { subscription: Subscription; format: Locale }) => {
  const period = { start: subscription.currentPeriodStart, end: subscription.currentPeriodEnd };
  return (
    <Card title="Details">
      <dl>
        <Row term="Status">
          <SubscriptionStatusBadge subscription={subscription} />
        </Row>
        <Row term="Plan">{planLabel(subscription.plan)}</Row>
        <Row term="Start">{formatMoment(subscription.startDate, format)}</Row>
        <Row term="Billing anchor">{formatMoment(subscription.billingAnchor, format)}</Row>
        <Row term={subscription.status === "canceled" ? "Last period" : "Current period"}>
          <span className="tabular">{formatBillingPeriod(period, format)}</span>
        </Row>
        {subscription.cancelAtPeriodEnd && subscription.status === "active" ? (
          <Row term="Ends">{formatMoment(subscription.currentPeriodEnd, format)}</Row>
        ) : null}
        {subscription.canceledAt ? <Row term="Canceled">{formatDateTime(subscription.canceledAt, format)}</Row> : null}
      </dl>
      <p className="mt-3 text-xs text-ink-600" data-testid="subscription-zone">
        Dates and times in {format.timeZone}: periods turn at midnight there.
      </p>
    </Card>
  );
};
