// The list's table and page links, awaited inside Suspense so the search box shows at once.
import type { CustomerListPage } from "@/lib/customers/queries";
import type { CustomerStatusFilter } from "@/lib/customers/schemas";
import { CustomerPagination } from "./customer-pagination";
import { CustomerTable } from "./customer-table";

type CustomerResultsProps = {
  page: Promise<CustomerListPage>;
  locale: string;
  q: string;
  status: CustomerStatusFilter;
  canEdit: boolean;
};

export const CustomerResults = async ({ page, locale, q, status, canEdit }: CustomerResultsProps) => {
  const { rows, previousCursor, nextCursor } = await page;
  return (
    <>
      <CustomerTable rows={rows} locale={locale} q={q} status={status} canEdit={canEdit} />
      <CustomerPagination q={q} status={status} previousCursor={previousCursor} nextCursor={nextCursor} />
    </>
  );
};
