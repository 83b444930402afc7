import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { Suspense } from "react";
import { BillNowButton } from "@/components/billing/bill-now-button";
import { formatMoment } from "@/lib/format/period";
import { PlanPrices } from "@/components/subscriptions/plan-prices";
import { SubscriptionActions } from "@/components/subscriptions/subscription-actions";
import { SubscriptionInvoices } from "@/components/subscriptions/subscription-invoices";
import { SubscriptionParties, SubscriptionSummary } from "@/components/subscriptions/subscription-overview";
import { UsageSoFarSection } from "@/components/subscriptions/usage-so-far";
import { AuditTimeline } from "@/components/ui/audit-timeline";
import { PageHeader } from "@/components/ui/card";
import { TableSkeleton } from "@/components/ui/skeleton";
import { hasRole } from "@/lib/auth/roles";
import { requireUser } from "@/lib/auth/session";
import { billSubscriptionNow } from "@/lib/billing/actions";
import { todayIn } from "@/lib/format/date";
import { getOrganization } from "@/lib/organization/queries";
import { cancelSubscription, resumeSubscription } from "@/lib/subscriptions/actions";
import { getSubscriptionDetail } from "@/lib/subscriptions/queries";
import { displayStatusOf } from "@/lib/subscriptions/status";
import { getUsageSoFar } from "@/lib/subscriptions/usage";

type SubscriptionPageProps = { params: Promise<{ id: string }> };

export const generateMetadata = async ({ params }: SubscriptionPageProps): Promise<Metadata> => {
  const user = await requireUser();
  const { id } = await params;
  const detail = await getSubscriptionDetail({ organizationId: user.organizationId, subscriptionId: id });
  if (!detail) return { title: "Subscription not found" };
  return { title: `${detail.subscription.customer.name} · ${detail.subscription.plan.name}` };
};

const SubscriptionPage = async ({ params }: SubscriptionPageProps) => {
  const user = await requireUser();
  const { id } = await params;
  const [organization, detail] = await Promise.all([
    getOrganization(user.organizationId),
    getSubscriptionDetail({ organizationId: user.organizationId, subscriptionId: id }),
  ]);
  if (!detail) notFound();
  const { subscription, timeline } = detail;
  const format = { locale: organization.locale, timeZone: organization.timeZone };
  const delegated = subscription.invoicingCustomer.id !== subscription.customer.id;
  // Not awaited: the usage streams in under Suspense while the rest of the page shows.
  const usage = getUsageSoFar(subscription, new Date());
  return (
    <>
      <PageHeader
        title={`${subscription.customer.name} · ${subscription.plan.name}`}
        description={
          delegated
            ? `Invoice to ${subscription.invoicingCustomer.name} · usage by ${subscription.customer.name}`
            : `Invoiced to ${subscription.customer.name}`
        }
        actions={
          hasRole(user.role, "finance") ? (
            <SubscriptionActions
              subscription={{
                id: subscription.id,
                status: displayStatusOf(subscription),
                label: `${subscription.customer.name}'s ${subscription.plan.name} subscription`,
                periodEndText: formatMoment(subscription.currentPeriodEnd, format),
              }}
              actions={{ cancel: cancelSubscription, resume: resumeSubscription }}
              billNow={
                <BillNowButton
                  subscriptionId={subscription.id}
                  action={billSubscriptionNow}
                  payerName={subscription.invoicingCustomer.name}
                />
              }
            />
          ) : null
        }
      />
      <div className="flex flex-col gap-6">
        <div className="grid gap-6 lg:grid-cols-3">
          <div className="flex flex-col gap-6 lg:col-span-2">
            <SubscriptionParties subscription={subscription} />
            <PlanPrices plan={subscription.plan} locale={format.locale} />
          </div>
          <SubscriptionSummary subscription={subscription} format={format} />
        </div>
        <Suspense fallback={<TableSkeleton label="Loading the usage" rows={3} />}>
          <UsageSoFarSection
            usage={usage}
            ownerName={subscription.customer.name}
            currency={subscription.plan.currency}
            format={format}
          />
        </Suspense>
        <SubscriptionInvoices
          invoices={subscription.invoices}
          payerName={subscription.invoicingCustomer.name}
          canceled={subscription.status === "canceled"}
          format={format}
          today={todayIn(format.timeZone)}
        />
        <AuditTimeline entries={timeline} format={format} />
      </div>
    </>
  );
};

export default SubscriptionPage;
