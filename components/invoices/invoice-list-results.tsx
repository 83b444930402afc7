// The list's table, its empty state and page links, awaited inside Suspense so the filters show at once.
import Link from "next/link";
import { clearFiltersHref, hasActiveFilters, sortHrefs, type InvoiceListParams } from "@/lib/invoices/list-params";
import type { InvoiceListPage } from "@/lib/invoices/queries";
import { InvoiceListPagination } from "./invoice-list-pagination";
import { InvoiceTable } from "./invoice-table";

type InvoiceListResultsProps = {
  page: Promise<InvoiceListPage>;
  params: InvoiceListParams;
  locale: string;
  /** Today in the organisation's time zone, for "overdue". */
  today: Date;
  canCreate: boolean;
};

const EmptyState = ({ params, canCreate }: { params: InvoiceListParams; canCreate: boolean }) => {
  if (hasActiveFilters(params)) {
    return (
      <p>
        No invoices match these filters.{" "}
        <Link className="text-brand-700 underline" href={clearFiltersHref(params)}>
          Clear filters
        </Link>
      </p>
    );
  }
  return (
    <>
      <p className="font-medium text-ink-900">No invoices yet.</p>
      <p className="mt-1">
        {canCreate ? (
          <Link className="text-brand-700 underline" href="/invoices/new">
            Create your first invoice
          </Link>
        ) : (
          "Someone with the Finance or Admin role can create your first invoice."
        )}
      </p>
    </>
  );
};

export const InvoiceListResults = async ({ page, params, locale, today, canCreate }: InvoiceListResultsProps) => {
  const { rows, previousCursor, nextCursor } = await page;
  return (
    <>
      <InvoiceTable
        label="Invoices"
        rows={rows}
        locale={locale}
        today={today}
        showCustomer
        sorting={{ sort: params.sort, dir: params.dir, hrefs: sortHrefs(params) }}
        empty={<EmptyState params={params} canCreate={canCreate} />}
      />
      <InvoiceListPagination params={params} previousCursor={previousCursor} nextCursor={nextCursor} />
    </>
  );
};
