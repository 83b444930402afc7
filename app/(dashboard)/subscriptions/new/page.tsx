import type { Metadata } from "next";
import { NoPermission } from "@/components/customers/no-permission";
import { SubscriptionForm } from "@/components/subscriptions/subscription-form";
import { Card, PageHeader } from "@/components/ui/card";
import { hasRole } from "@/lib/auth/roles";
import { requireUser } from "@/lib/auth/session";
import { todayIn } from "@/lib/format/date";
import { calendarDateText } from "@/lib/forms/calendar-date";
import { getOrganization } from "@/lib/organization/queries";
import { createSubscription, searchCustomersForSubscription } from "@/lib/subscriptions/actions";
import { getSubscriptionCustomerOption, listActivePlans } from "@/lib/subscriptions/queries";

export const metadata: Metadata = { title: "New subscription" };

type NewSubscriptionPageProps = { searchParams: Promise<{ customer?: string | string[] }> };

const NewSubscriptionPage = async ({ searchParams }: NewSubscriptionPageProps) => {
  const user = await requireUser();
  if (!hasRole(user.role, "finance")) return <NoPermission what="create subscriptions" backHref="/subscriptions" />;
  const { customer: customerParam } = await searchParams;
  const customerId = typeof customerParam === "string" ? customerParam : undefined;
  const [organization, plans, preset] = await Promise.all([
    getOrganization(user.organizationId),
    listActivePlans({ organizationId: user.organizationId }),
    customerId ? getSubscriptionCustomerOption({ organizationId: user.organizationId, customerId }) : null,
  ]);
  // "New subscription" from a customer's page starts with that customer, unless it is archived.
  const owner = preset?.status === "active" ? preset : null;
  return (
    <>
      <PageHeader
        title="New subscription"
        description="Subscribe a customer to a plan. Usage is always the customer's; invoices can go to another customer."
      />
      {preset && !owner ? (
        <p
          role="status"
          className="mb-4 rounded-md border border-amber-200 bg-amber-50 px-3 py-2 text-sm text-amber-900"
        >
          {preset.name} is archived and cannot be subscribed: restore the customer first, or choose another one.
        </p>
      ) : null}
      <Card>
        <SubscriptionForm
          plans={plans}
          owner={owner}
          today={calendarDateText(todayIn(organization.timeZone))}
          format={{ locale: organization.locale, timeZone: organization.timeZone }}
          cancelHref={owner ? `/customers/${owner.id}` : "/subscriptions"}
          actions={{ create: createSubscription, searchCustomers: searchCustomersForSubscription }}
        />
      </Card>
    </>
  );
};

export default NewSubscriptionPage;
