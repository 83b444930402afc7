import type { Metadata } from "next";
import Link from "next/link";
import { Suspense } from "react";
import { TableSkeleton } from "@/components/ui/skeleton";
import { InvoiceListFilters } from "@/components/invoices/invoice-list-filters";
import { InvoiceListResults } from "@/components/invoices/invoice-list-results";
import { InvoiceListStatusTabs } from "@/components/invoices/invoice-list-status-tabs";
import { Button } from "@/components/ui/button";
import { PageHeader } from "@/components/ui/card";
import { hasRole } from "@/lib/auth/roles";
import { requireUser } from "@/lib/auth/session";
import { todayIn } from "@/lib/format/date";
import { clearFiltersHref, hasActiveFilters, invoiceListParamsSchema } from "@/lib/invoices/list-params";
import { countInvoicesByStatus, listInvoiceFilterOptions, listInvoices } from "@/lib/invoices/queries";
import { getOrganization } from "@/lib/organization/queries";

export const metadata: Metadata = { title: "Invoices" };

type InvoicesPageProps = { searchParams: Promise<Record<string, string | string[] | undefined>> };

const InvoicesPage = async ({ searchParams }: InvoicesPageProps) => {
  const user = await requireUser();
  const params = invoiceListParamsSchema.parse(await searchParams);
  const organization = await getOrganization(user.organizationId);
  // One "today" for the query and the badges, in the organisation's zone: it decides "overdue".
  const today = todayIn(organization.timeZone);
  const scope = { organizationId: user.organizationId, today };
  // Not awaited: the table streams in under Suspense while the filters are already usable.
  const page = listInvoices({ ...scope, ...params });
  const [counts, options] = await Promise.all([
    countInvoicesByStatus({ ...scope, ...params }),
    listInvoiceFilterOptions({
      organizationId: user.organizationId,
      defaultCurrency: organization.defaultCurrency,
      selected: params,
    }),
  ]);
  const canCreate = hasRole(user.role, "finance");
  const shown = counts[params.status ?? "all"];
  return (
    <>
      <PageHeader
        title="Invoices"
        description="One-off and subscription invoices. Overdue means open, unpaid and past its due date."
        actions={
          canCreate ? (
            <Button asChild>
              <Link href="/invoices/new">New invoice</Link>
            </Button>
          ) : null
        }
      />
      <div className="mb-3 flex flex-col gap-3">
        <InvoiceListFilters params={params} customers={options.customers} currencies={options.currencies} />
        <InvoiceListStatusTabs params={params} counts={counts} />
        <p className="text-sm text-ink-600" aria-live="polite">
          <span className="tabular">{shown.toLocaleString(organization.locale)}</span>{" "}
          {shown === 1 ? "invoice" : "invoices"}
          {hasActiveFilters(params) ? (
            <>
              {" · "}
              <Link className="text-brand-700 underline" href={clearFiltersHref(params)}>
                Clear filters
              </Link>
            </>
          ) : null}
        </p>
      </div>
      <Suspense fallback={<TableSkeleton label="Loading invoices" />}>
        <InvoiceListResults
          page={page}
          params={params}
          locale={organization.locale}
          today={today}
          canCreate={canCreate}
        />
      </Suspense>
    </>
  );
};

export default InvoicesPage;
