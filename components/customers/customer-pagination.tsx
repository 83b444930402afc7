// Previous / Next by cursor: each link carries the key of the row at the page's edge.
import Link from "next/link";
import type { CustomerStatusFilter } from "@/lib/customers/schemas";
import { customersHref } from "./list-href";

type CustomerPaginationProps = {
  q: string;
  status: CustomerStatusFilter;
  previousCursor: string | null;
  nextCursor: string | null;
};

const linkClass =
  "rounded-md border border-ink-300 bg-white px-3 py-1.5 text-sm font-medium text-ink-900 hover:bg-ink-50";
const disabledClass = "rounded-md border border-ink-200 bg-ink-50 px-3 py-1.5 text-sm text-ink-500";

export const CustomerPagination = ({ q, status, previousCursor, nextCursor }: CustomerPaginationProps) => {
  if (!previousCursor && !nextCursor) return null;
  return (
    <nav aria-label="Customer pages" className="mt-4 flex justify-end gap-2">
      {previousCursor ? (
        <Link rel="prev" className={linkClass} href={customersHref({ q, status, before: previousCursor })}>
          Previous
        </Link>
      ) : (
        <span aria-disabled="true" className={disabledClass}>
          Previous
        </span>
      )}
      {nextCursor ? (
        <Link rel="next" className={linkClass} href={customersHref({ q, status, after: nextCursor })}>
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
