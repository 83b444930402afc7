// Subscriptions the customer uses (owner) or pays for (invoicing customer): a delegated payer's
// page shows whose usage it is billed for, and the owner's page shows who is billed.
import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { EmptyRow, Table, Td, Th } from "@/components/ui/table";
import type { CustomerActivity } from "@/lib/customers/queries";
import type { Locale } from "@/lib/format/date";

type Subscription = CustomerActivity["subscriptions"][number];

const CustomerLink = ({ customer }: { customer: { id: string; name: string } }) => (
  <Link className="text-brand-700 hover:underline" href={`/customers/${customer.id}`}>
    {customer.name}
  </Link>
);

const Relationship = ({ subscription, customerId }: { subscription: Subscription; customerId: string }) => {
  const owns = subscription.customer.id === customerId;
  const pays = subscription.invoicingCustomer.id === customerId;
  if (owns && pays) return <>Uses and pays</>;
  if (owns) {
    return (
      <>
        Uses; billed to <CustomerLink customer={subscription.invoicingCustomer} />
      </>
    );
  }
  return (
    <>
      Pays for <CustomerLink customer={subscription.customer} />
    </>
  );
};

export const CustomerSubscriptions = ({
  subscriptions,
  customerId,
  format,
}: {
  subscriptions: Subscription[];
  customerId: string;
  format: Locale;
}) => {
  const date = new Intl.DateTimeFormat(format.locale, { dateStyle: "medium", timeZone: format.timeZone });
  return (
    <Card title="Subscriptions">
      <Table label="Subscriptions this customer uses or pays for">
        <thead>
          <tr>
            <Th>Plan</Th>
            <Th>Relationship</Th>
            <Th>Status</Th>
            <Th>Current period ({format.timeZone})</Th>
          </tr>
        </thead>
        <tbody>
          {subscriptions.length === 0 ? (
            <EmptyRow colSpan={4}>This customer neither uses nor pays for a subscription.</EmptyRow>
          ) : (
            subscriptions.map((subscription) => (
              <tr key={subscription.id} className="hover:bg-ink-50">
                <Td className="font-medium">
                  {subscription.plan.name}
                  <span className="block text-xs font-normal text-ink-600">
                    {subscription.plan.currency} · {subscription.plan.interval === "month" ? "Monthly" : "Yearly"}
                  </span>
                </Td>
                <Td>
                  <Relationship subscription={subscription} customerId={customerId} />
                </Td>
                <Td>
                  {subscription.status === "active" ? (
                    <Badge tone={subscription.cancelAtPeriodEnd ? "warning" : "success"}>
                      {subscription.cancelAtPeriodEnd ? "Cancels at period end" : "Active"}
                    </Badge>
                  ) : (
                    <Badge tone="neutral">Canceled</Badge>
                  )}
                </Td>
                <Td className="tabular">
                  {subscription.status === "active"
                    ? `${date.format(subscription.currentPeriodStart)} – ${date.format(subscription.currentPeriodEnd)}`
                    : subscription.canceledAt
                      ? `Canceled ${date.format(subscription.canceledAt)}`
                      : "—"}
                </Td>
              </tr>
            ))
          )}
        </tbody>
      </Table>
    </Card>
  );
};
