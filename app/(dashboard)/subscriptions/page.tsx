import type { Metadata } from "next";
import Link from "next/link";
import { Suspense } from "react";
import { SubscriptionResults } from "@/components/subscriptions/subscription-results";
import { SubscriptionStatusTabs } from "@/components/subscriptions/subscription-status-tabs";
import { Button } from "@/components/ui/button";
import { PageHeader } from "@/components/ui/card";
import { TableSkeleton } from "@/components/ui/skeleton";
import { hasRole } from "@/lib/auth/roles";
import { requireUser } from "@/lib/auth/session";
import { getOrganization } from "@/lib/organization/queries";
import { listSubscriptions } from "@/lib/subscriptions/queries";
import { subscriptionListParamsSchema } from "@/lib/subscriptions/schemas";

export const metadata: Metadata = { title: "Subscriptions" };

type SubscriptionsPageProps = { searchParams: Promise<Record<string, string | string[] | undefined>> };

const SubscriptionsPage = async ({ searchParams }: SubscriptionsPageProps) => {
  const user = await requireUser();
  const { status, after } = subscriptionListParamsSchema.parse(await searchParams);
  const organization = await getOrganization(user.organizationId);
  // Not awaited: the table streams in under Suspense.
  const page = listSubscriptions({ organizationId: user.organizationId, status, after });
  const canCreate = hasRole(user.role, "finance");
  return (
    <>
      <PageHeader
        title="Subscriptions"
        description="Who uses each plan, and who is invoiced for it."
        actions={
          canCreate ? (
            <Button asChild>
              <Link href="/subscriptions/new">New subscription</Link>
            </Button>
          ) : null
        }
      />
      <div className="mb-4">
        <SubscriptionStatusTabs status={status} />
      </div>
      <Suspense key={`${status}:${after ?? ""}`} fallback={<TableSkeleton label="Loading subscriptions" />}>
        <SubscriptionResults
          page={page}
          status={status}
          paged={Boolean(after)}
          format={{ locale: organization.locale, timeZone: organization.timeZone }}
          canCreate={canCreate}
        />
      </Suspense>
    </>
  );
};

export default SubscriptionsPage;
