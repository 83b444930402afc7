import type { Metadata } from "next";
import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { PageHeader } from "@/components/ui/card";
import { EmptyRow, Table, Td, Th } from "@/components/ui/table";
import { requireUser } from "@/lib/auth/session";
import { formatDateTime } from "@/lib/format/date";
import { getOrganization } from "@/lib/organization/queries";
import { listSubscriptions } from "@/lib/subscriptions/queries";

export const metadata: Metadata = { title: "Subscriptions" };

const SubscriptionsPage = async () => {
  const user = await requireUser();
  const organization = await getOrganization(user.organizationId);
  const subscriptions = await listSubscriptions(user.organizationId);
  const { locale, timeZone } = organization;
  return (
    <>
      <PageHeader title="Subscriptions" description="Who uses each plan, and who is invoiced for it." />
      <Table label="Subscriptions">
        <thead>
          <tr>
            <Th>Customer (owner)</Th>
            <Th>Invoiced to</Th>
            <Th>Plan</Th>
            <Th>Status</Th>
            <Th>Current period ({timeZone})</Th>
          </tr>
        </thead>
        <tbody>
          {subscriptions.length === 0 ? (
            <EmptyRow colSpan={5}>No subscriptions yet.</EmptyRow>
          ) : (
            subscriptions.map((subscription) => {
              const delegated = subscription.invoicingCustomer.id !== subscription.customer.id;
              return (
                <tr key={subscription.id}>
                  <Td>
                    <Link className="text-brand-700 hover:underline" href={`/customers/${subscription.customer.id}`}>
                      {subscription.customer.name}
                    </Link>
                  </Td>
                  <Td>
                    {delegated ? (
                      <Link
                        className="text-brand-700 hover:underline"
                        href={`/customers/${subscription.invoicingCustomer.id}`}
                      >
                        {subscription.invoicingCustomer.name}
                      </Link>
                    ) : (
                      <span className="text-ink-600">Same customer</span>
                    )}
                  </Td>
                  <Td>
                    {subscription.plan.name}{" "}
                    <span className="text-ink-600">
                      · {subscription.plan.currency} / {subscription.plan.interval}
                    </span>
                  </Td>
                  <Td>
                    <Badge tone={subscription.status === "active" ? "success" : "neutral"}>
                      {subscription.status === "active"
                        ? subscription.cancelAtPeriodEnd
                          ? "Cancels at period end"
                          : "Active"
                        : "Canceled"}
                    </Badge>
                  </Td>
                  <Td>
                    {formatDateTime(subscription.currentPeriodStart, { locale, timeZone })} –{" "}
                    {formatDateTime(subscription.currentPeriodEnd, { locale, timeZone })}
                  </Td>
                </tr>
              );
            })
          )}
        </tbody>
      </Table>
    </>
  );
};

export default SubscriptionsPage;
