// Subscriptions the customer uses (owner) or pays for (invoicing customer): a delegated payer's
// page shows whose usage it is billed for, and the owner's page shows who is billed. Finance can
// start a new subscription for the customer from here.
import Link from "next/link";
import { SubscriptionPlanCell, SubscriptionStateCells } from "@/components/subscriptions/subscription-cells";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { EmptyRow, Table, Td, Th } from "@/components/ui/table";
import { hasRole } from "@/lib/auth/roles";
import { getCurrentUser } from "@/lib/auth/session";
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

export const CustomerSubscriptions = async ({
  subscriptions,
  customerId,
  format,
}: {
  subscriptions: Subscription[];
  customerId: string;
  format: Locale;
}) => {
  // The session is read once per request (cached): the page above already asked for it.
  const user = await getCurrentUser();
  const canCreate = user !== null && hasRole(user.role, "finance");
  return (
    <Card
      title="Subscriptions"
      actions={
        canCreate ? (
          <Button asChild size="sm" variant="secondary">
            <Link href={`/subscriptions/new?customer=${customerId}`}>New subscription</Link>
          </Button>
        ) : null
      }
    >
      <Table label="Subscriptions this customer uses or pays for">
        <thead>
          <tr>
            <Th>Plan</Th>
            <Th>Relationship</Th>
            <Th>Status</Th>
            <Th>
              Current period <span className="normal-case">({format.timeZone})</span>
            </Th>
          </tr>
        </thead>
        <tbody>
          {subscriptions.length === 0 ? (
            <EmptyRow colSpan={4}>This customer neither uses nor pays for a subscription.</EmptyRow>
          ) : (
            subscriptions.map((subscription) => (
              <tr key={subscription.id} className="hover:bg-ink-50">
                <SubscriptionPlanCell subscription={subscription} />
                <Td>
                  <Relationship subscription={subscription} customerId={customerId} />
                </Td>
                <SubscriptionStateCells subscription={subscription} format={format} />
              </tr>
            ))
          )}
        </tbody>
      </Table>
    </Card>
  );
};
