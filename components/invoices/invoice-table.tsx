// The one invoice table, used by the invoice list and the customer page: number (linking to the
// invoice), customer, derived status, payment, dates and right-aligned amounts in their currency.
import Link from "next/link";
import { EmptyRow, Table, Td, Th } from "@/components/ui/table";
import { cn } from "@/lib/cn";
import type { InvoiceStatus, PaymentStatus } from "@/lib/db/generated/enums";
import { formatCalendarDate } from "@/lib/format/date";
import type { InvoiceSort, SortDirection } from "@/lib/invoices/list-params";
import { displayStatus } from "@/lib/invoices/status";
import { formatMoney } from "@/lib/money";
import { InvoiceStatusBadge, PaymentStatusBadge } from "./status-badge";

export type InvoiceTableRow = {
  id: string;
  number: string | null;
  status: InvoiceStatus;
  paymentStatus: PaymentStatus;
  currency: string;
  issueDate: Date;
  dueDate: Date;
  totalMinor: bigint;
  amountDueMinor: bigint;
  /** The billed customer; leave it out where the table is already one customer's. */
  customer?: { id: string; name: string };
  usageOwner?: { id: string; name: string } | null;
};

/** Header links that sort the list; each names where a click leads. */
export type InvoiceTableSorting = {
  sort: InvoiceSort;
  dir: SortDirection;
  hrefs: Record<InvoiceSort, string>;
};

type InvoiceTableProps = {
  label: string;
  rows: InvoiceTableRow[];
  locale: string;
  /** Today in the organisation's time zone, for "overdue". */
  today: Date;
  /** Shows the customer column (the list); the customer page leaves it out. */
  showCustomer?: boolean;
  /** The customer whose page this is, so "usage by" shows only for someone else. */
  billedCustomerId?: string;
  sorting?: InvoiceTableSorting;
  empty: React.ReactNode;
};

const DIRECTION_WORDS: Record<InvoiceSort, Record<SortDirection, string>> = {
  issued: { desc: "newest first", asc: "oldest first" },
  due: { desc: "latest first", asc: "soonest first" },
  total: { desc: "largest first", asc: "smallest first" },
};

const SortHeader = ({
  column,
  label,
  sorting,
  align,
  className,
}: {
  column: InvoiceSort;
  label: string;
  sorting: InvoiceTableSorting | undefined;
  align?: "right";
  className?: string;
}) => {
  if (!sorting) {
    return (
      <Th align={align} className={className}>
        {label}
      </Th>
    );
  }
  const current = sorting.sort === column ? sorting.dir : null;
  return (
    <Th align={align} className={className}>
      <Link
        href={sorting.hrefs[column]}
        className={cn(
          "inline-flex items-center gap-1 hover:text-ink-900 focus-visible:underline",
          current ? "text-ink-900" : "",
        )}
      >
        {label}
        <span aria-hidden className="w-3 text-center">
          {current === "desc" ? "↓" : current === "asc" ? "↑" : ""}
        </span>
        {current ? <span className="sr-only">, sorted {DIRECTION_WORDS[column][current]}</span> : null}
      </Link>
    </Th>
  );
};

// Columns give way as the table narrows (container widths, so the sidebar counts): the payment
// moves under the status, the customer under the number, the issue date under the due date, and
// the total under the amount due, so it stays readable at half a laptop screen. Without a
// customer column (the customer page) the payment keeps its own column sooner.
const tiers = (showCustomer: boolean) => ({
  show: {
    customer: "hidden @4xl:table-cell",
    payment: showCustomer ? "hidden @6xl:table-cell" : "hidden @4xl:table-cell",
    issued: "hidden @3xl:table-cell",
    total: "hidden @2xl:table-cell",
  },
  stacked: {
    customer: "@4xl:hidden",
    payment: showCustomer ? "@6xl:hidden" : "@4xl:hidden",
    issued: "@3xl:hidden",
    total: "@2xl:hidden",
  },
});
const secondLine = "block text-xs font-normal text-ink-600";

export const InvoiceTable = ({
  label,
  rows,
  locale,
  today,
  showCustomer = false,
  billedCustomerId,
  sorting,
  empty,
}: InvoiceTableProps) => {
  const { show, stacked } = tiers(showCustomer);
  return (
    <div className="@container">
      <Table label={label}>
        <thead>
          <tr>
            <Th>Number</Th>
            {showCustomer ? <Th className={show.customer}>Customer</Th> : null}
            <Th>Status</Th>
            <Th className={show.payment}>Payment</Th>
            <SortHeader column="issued" label="Issued" sorting={sorting} className={show.issued} />
            <SortHeader column="due" label="Due" sorting={sorting} />
            <SortHeader column="total" label="Total" sorting={sorting} align="right" className={show.total} />
            <Th align="right" className="whitespace-nowrap">
              Amount due
            </Th>
          </tr>
        </thead>
        <tbody>
          {rows.length === 0 ? (
            <EmptyRow colSpan={showCustomer ? 8 : 7}>{empty}</EmptyRow>
          ) : (
            rows.map((invoice) => {
              const payer = invoice.customer?.id ?? billedCustomerId;
              const usageOwner = invoice.usageOwner && invoice.usageOwner.id !== payer ? invoice.usageOwner : null;
              const payment = invoice.status === "draft" ? null : <PaymentStatusBadge status={invoice.paymentStatus} />;
              const issued = formatCalendarDate(invoice.issueDate, locale);
              const total = formatMoney(invoice.totalMinor, invoice.currency, { locale });
              return (
                <tr key={invoice.id} className="hover:bg-ink-50">
                  <Td className="font-medium whitespace-nowrap">
                    <Link
                      href={`/invoices/${invoice.id}`}
                      className="text-brand-700 hover:underline"
                      aria-label={
                        invoice.number
                          ? undefined
                          : `Draft${invoice.customer ? ` for ${invoice.customer.name}` : ""}, ${issued}`
                      }
                    >
                      {invoice.number ?? "Draft"}
                    </Link>
                    {showCustomer && invoice.customer ? (
                      <span className={cn(secondLine, stacked.customer, "max-w-44 truncate text-ink-700")}>
                        {invoice.customer.name}
                      </span>
                    ) : null}
                    {usageOwner ? (
                      <span className={cn(secondLine, "max-w-44 truncate")}>Usage by {usageOwner.name}</span>
                    ) : null}
                  </Td>
                  {showCustomer ? (
                    <Td className={cn(show.customer, "max-w-56 truncate")}>
                      {invoice.customer ? (
                        <Link className="text-ink-900 hover:underline" href={`/customers/${invoice.customer.id}`}>
                          {invoice.customer.name}
                        </Link>
                      ) : null}
                    </Td>
                  ) : null}
                  <Td className="whitespace-nowrap">
                    <InvoiceStatusBadge status={displayStatus(invoice, today)} />
                    {/* "Paid" twice says nothing more. */}
                    {payment && !(invoice.status === "paid" && invoice.paymentStatus === "paid") ? (
                      <span className={cn("mt-1", stacked.payment, "block")}>{payment}</span>
                    ) : null}
                  </Td>
                  <Td className={show.payment}>{payment}</Td>
                  <Td className={cn(show.issued, "whitespace-nowrap")}>{issued}</Td>
                  <Td className="whitespace-nowrap">
                    {formatCalendarDate(invoice.dueDate, locale)}
                    <span className={cn(secondLine, stacked.issued)}>Issued {issued}</span>
                  </Td>
                  <Td align="right" className={cn(show.total, "whitespace-nowrap")}>
                    {total}
                  </Td>
                  <Td align="right" className="whitespace-nowrap">
                    {formatMoney(invoice.amountDueMinor, invoice.currency, { locale })}
                    <span className={cn(secondLine, stacked.total)}>of {total}</span>
                  </Td>
                </tr>
              );
            })
          )}
        </tbody>
      </Table>
    </div>
  );
};
