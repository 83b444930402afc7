// Active / Archived / All, as links so the filter lives in the address and works without script.
import Link from "next/link";
import { cn } from "@/lib/cn";
import { CUSTOMER_STATUS_FILTERS, type CustomerStatusFilter } from "@/lib/customers/schemas";
import { customersHref } from "./list-href";

const LABELS: Record<CustomerStatusFilter, string> = { active: "Active", archived: "Archived", all: "All" };

export const CustomerStatusTabs = ({ q, status }: { q: string; status: CustomerStatusFilter }) => (
  <nav aria-label="Filter by status" className="flex flex-wrap gap-2">
    {CUSTOMER_STATUS_FILTERS.map((value) => (
      <Link
        key={value}
        href={customersHref({ q, status: value })}
        aria-current={status === value ? "page" : undefined}
        className={cn(
          "rounded-full border px-3 py-1 text-sm",
          status === value
            ? "border-brand-600 bg-brand-50 text-brand-800"
            : "border-ink-200 bg-white text-ink-700 hover:bg-ink-50",
        )}
      >
        {LABELS[value]}
      </Link>
    ))}
  </nav>
);
