import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { Suspense } from "react";
import { CustomerActions } from "@/components/customers/customer-actions";
import { CustomerActivitySections, CustomerBalancesSection } from "@/components/customers/customer-activity";
import { CustomerDetails } from "@/components/customers/customer-details";
import { CustomerHeader } from "@/components/customers/customer-header";
import { SkeletonBlock, TableSkeleton } from "@/components/ui/skeleton";
import { hasRole } from "@/lib/auth/roles";
import { requireUser } from "@/lib/auth/session";
import { archiveCustomer, restoreCustomer } from "@/lib/customers/actions";
import { getCustomer, getCustomerActivity } from "@/lib/customers/queries";
import { todayIn } from "@/lib/format/date";
import { getOrganization } from "@/lib/organization/queries";

type CustomerPageProps = { params: Promise<{ id: string }> };

export const generateMetadata = async ({ params }: CustomerPageProps): Promise<Metadata> => {
  const user = await requireUser();
  const { id } = await params;
  const customer = await getCustomer({ organizationId: user.organizationId, customerId: id });
  return { title: customer?.name ?? "Customer not found" };
};

const CustomerPage = async ({ params }: CustomerPageProps) => {
  const user = await requireUser();
  const { id } = await params;
  const scope = { organizationId: user.organizationId, customerId: id };
  const [organization, customer] = await Promise.all([getOrganization(user.organizationId), getCustomer(scope)]);
  // Before any Suspense boundary, so an unknown id (or another organisation's) answers 404.
  if (!customer) notFound();
  const activity = getCustomerActivity(scope);
  const format = { locale: organization.locale, timeZone: organization.timeZone };
  const canEdit = hasRole(user.role, "finance");
  return (
    <>
      <CustomerHeader
        customer={customer}
        format={format}
        actions={
          canEdit ? (
            <CustomerActions
              customer={{ id: customer.id, name: customer.name, status: customer.status }}
              archiveAction={archiveCustomer}
              restoreAction={restoreCustomer}
            />
          ) : null
        }
      />
      <div className="flex flex-col gap-6">
        <div className="grid gap-6 lg:grid-cols-3">
          <div className="lg:col-span-2">
            <CustomerDetails customer={customer} format={format} />
          </div>
          <Suspense fallback={<SkeletonBlock className="h-48" />}>
            <CustomerBalancesSection activity={activity} locale={format.locale} />
          </Suspense>
        </div>
        <Suspense fallback={<TableSkeleton label="Loading invoices and history" rows={5} />}>
          <CustomerActivitySections
            activity={activity}
            customerId={customer.id}
            format={format}
            today={todayIn(format.timeZone)}
          />
        </Suspense>
      </div>
    </>
  );
};

export default CustomerPage;
