// Previous / Next by cursor: each link carries the key of the row at the page's edge, with the
// filters and the order, so a page deep in the list is one index range away.
import Link from "next/link";
import { invoiceListHref, type InvoiceListParams } from "@/lib/invoices/list-params";

type InvoiceListPaginationProps = {
  params: InvoiceListParams;
  previousCursor: string | null;
  nextCursor: string | null;
};

const linkClass =
  "rounded-md border border-ink-300 bg-white px-3 py-1.5 text-sm font-medium text-ink-900 hover:bg-ink-50";
const disabledClass = "rounded-md border border-ink-200 bg-ink-50 px-3 py-1.5 text-sm text-ink-500";

export const InvoiceListPagination = ({ params, previousCursor, nextCursor }: InvoiceListPaginationProps) => {
  if (!previousCursor && !nextCursor) return null;
  return (
    <nav aria-label="Invoice pages" className="mt-3 flex justify-end gap-2">
      {previousCursor ? (
        <Link
          rel="prev"
          className={linkClass}
          href={invoiceListHref({ ...params, after: undefined, before: previousCursor })}
        >
          Previous
        </Link>
      ) : (
        <span aria-disabled="true" className={disabledClass}>
          Previous
        </span>
      )}
      {nextCursor ? (
        <Link
          rel="next"
          className={linkClass}
          href={invoiceListHref({ ...params, after: nextCursor, before: undefined })}
        >
          Next
        </Link>
      ) : (
        <span aria-disabled="true" className={disabledClass}>
          Next
        </span>
      )}
    </nav>
  );
};
