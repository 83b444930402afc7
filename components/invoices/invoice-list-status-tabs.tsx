// All / Draft / Open / Overdue / ... with how many invoices each would list under the other filters,
// as links so the filter lives in the address and works without script.
import Link from "next/link";
import { cn } from "@/lib/cn";
import { INVOICE_STATUS_FILTERS, invoiceListHref, type InvoiceListParams } from "@/lib/invoices/list-params";
import type { InvoiceStatusCounts } from "@/lib/invoices/queries";
import { STATUS_LABELS, type DisplayStatus } from "@/lib/invoices/status";

const TABS: { value: DisplayStatus | undefined; label: string }[] = [
  { value: undefined, label: "All" },
  ...INVOICE_STATUS_FILTERS.map((value) => ({ value, label: STATUS_LABELS[value] })),
];

export const InvoiceListStatusTabs = ({
  params,
  counts,
}: {
  params: InvoiceListParams;
  counts: InvoiceStatusCounts;
}) => (
  <nav aria-label="Filter by status" className="flex flex-wrap gap-1.5">
    {TABS.map(({ value, label }) => {
      const current = params.status === value;
      return (
        <Link
          key={label}
          href={invoiceListHref({ ...params, status: value, after: undefined, before: undefined })}
          aria-current={current ? "page" : undefined}
          className={cn(
            "rounded-full border px-3 py-1 text-sm whitespace-nowrap",
            current
              ? "border-brand-600 bg-brand-50 text-brand-800"
              : "border-ink-200 bg-white text-ink-700 hover:bg-ink-50",
          )}
        >
          {label} <span className="tabular text-ink-600">{counts[value ?? "all"]}</span>
        </Link>
      );
    })}
  </nav>
);
