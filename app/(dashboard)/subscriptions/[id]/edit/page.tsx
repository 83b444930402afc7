import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { NoPermission } from "@/components/customers/no-permission";
import { formatMoment } from "@/lib/format/period";
import { SubscriptionEditForm } from "@/components/subscriptions/subscription-edit-form";
import { Card, PageHeader } from "@/components/ui/card";
import { hasRole } from "@/lib/auth/roles";
import { requireUser } from "@/lib/auth/session";
import { getOrganization } from "@/lib/organization/queries";
import { updateSubscription } from "@/lib/subscriptions/actions";
import { getSubscriptionDetail, listActivePlans } from "@/lib/subscriptions/queries";

export const metadata: Metadata = { title: "Edit subscription" };

type EditSubscriptionPageProps = { params: Promise<{ id: string }> };

const EditSubscriptionPage = async ({ params }: EditSubscriptionPageProps) => {
  const user = await requireUser();
  const { id } = await params;
  if (!hasRole(user.role, "finance")) {
    return <NoPermission what="change subscriptions" backHref={`/subscriptions/${id}`} />;
  }
  const [organization, detail] = await Promise.all([
    getOrganization(user.organizationId),
    getSubscriptionDetail({ organizationId: user.organizationId, subscriptionId: id }),
  ]);
  if (!detail) notFound();
  const { subscription } = detail;
  const title = `Edit ${subscription.customer.name}'s ${subscription.plan.name} subscription`;
  if (subscription.status === "canceled") {
    return (
      <>
        <PageHeader title={title} />
        <Card>
          <p className="text-sm text-ink-700">This subscription is canceled: it can no longer be changed.</p>
          <Link
            className="mt-3 inline-block text-sm font-medium text-brand-700 hover:underline"
            href={`/subscriptions/${id}`}
          >
            Back to the subscription
          </Link>
        </Card>
      </>
    );
  }
  const { plan } = subscription;
  const others = await listActivePlans({
    organizationId: user.organizationId,
    currency: plan.currency,
    interval: plan.interval,
  });
  const plans = [
    { id: plan.id, name: plan.name, code: plan.code, currency: plan.currency, interval: plan.interval, current: true },
    ...others.filter((option) => option.id !== plan.id).map((option) => ({ ...option, current: false })),
  ];
  const delegated = subscription.invoicingCustomer.id !== subscription.customer.id;
  return (
    <>
      <PageHeader
        title={title}
        description="Change the plan, or set the subscription to end with its current period."
      />
      <Card>
        <SubscriptionEditForm
          subscriptionId={subscription.id}
          defaultValues={{ planId: plan.id, cancelAtPeriodEnd: subscription.cancelAtPeriodEnd }}
          plans={plans}
          owner={subscription.customer}
          payer={delegated ? subscription.invoicingCustomer : null}
          periodEndText={formatMoment(subscription.currentPeriodEnd, {
            locale: organization.locale,
            timeZone: organization.timeZone,
          })}
          timeZone={organization.timeZone}
          action={updateSubscription}
        />
      </Card>
    </>
  );
};

export default EditSubscriptionPage;
