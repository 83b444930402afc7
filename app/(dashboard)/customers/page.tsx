import type { Metadata } from "next";
import Link from "next/link";
import { Suspense } from "react";
import { CustomerResults } from "@/components/customers/customer-results";
import { CustomerSearch } from "@/components/customers/customer-search";
import { CustomerStatusTabs } from "@/components/customers/customer-status-tabs";
import { TableSkeleton } from "@/components/ui/skeleton";
import { Button } from "@/components/ui/button";
import { PageHeader } from "@/components/ui/card";
import { hasRole } from "@/lib/auth/roles";
import { requireUser } from "@/lib/auth/session";
import { listCustomers } from "@/lib/customers/queries";
import { customerListParamsSchema } from "@/lib/customers/schemas";
import { getOrganization } from "@/lib/organization/queries";

export const metadata: Metadata = { title: "Customers" };

type CustomersPageProps = { searchParams: Promise<Record<string, string | string[] | undefined>> };

const CustomersPage = async ({ searchParams }: CustomersPageProps) => {
  const user = await requireUser();
  const { q, status, after, before } = customerListParamsSchema.parse(await searchParams);
  const organization = await getOrganization(user.organizationId);
  // Not awaited: the table streams in under Suspense while the search box is already usable.
  const page = listCustomers({ organizationId: user.organizationId, q, status, after, before });
  const canEdit = hasRole(user.role, "finance");
  return (
    <>
      <PageHeader
        title="Customers"
        description="Who you bill: their details, what they owe and their wallet credit."
        actions={
          canEdit ? (
            <Button asChild>
              <Link href="/customers/new">New customer</Link>
            </Button>
          ) : null
        }
      />
      <div className="mb-4 flex flex-wrap items-center justify-between gap-3">
        <CustomerSearch q={q} status={status} />
        <CustomerStatusTabs q={q} status={status} />
      </div>
      <Suspense fallback={<TableSkeleton label="Loading customers" />}>
        <CustomerResults page={page} locale={organization.locale} q={q} status={status} canEdit={canEdit} />
      </Suspense>
    </>
  );
};

export default CustomersPage;
