import type { Metadata } from "next";
import Link from "next/link";
import { InvoiceStatusBadge, PaymentStatusBadge } from "@/components/invoices/status-badge";
import { PageHeader } from "@/components/ui/card";
import { EmptyRow, Table, Td, Th } from "@/components/ui/table";
import { requireUser } from "@/lib/auth/session";
import { cn } from "@/lib/cn";
import { formatCalendarDate, todayIn } from "@/lib/format/date";
import { countInvoicesByStatus, DISPLAY_STATUSES, listInvoices } from "@/lib/invoices/queries";
import { displayStatus, STATUS_LABELS, type DisplayStatus } from "@/lib/invoices/status";
import { formatMoney } from "@/lib/money";
import { getOrganization } from "@/lib/organization/queries";

export const metadata: Metadata = { title: "Invoices" };

const isDisplayStatus = (value: string | undefined): value is DisplayStatus =>
  DISPLAY_STATUSES.some((status) => status === value);

const InvoicesPage = async ({ searchParams }: { searchParams: Promise<{ status?: string; cursor?: string }> }) => {
  const user = await requireUser();
  const params = await searchParams;
  const status = isDisplayStatus(params.status) ? params.status : undefined;
  const organization = await getOrganization(user.organizationId);
  const today = todayIn(organization.timeZone);
  const [{ invoices, nextCursor }, counts] = await Promise.all([
    listInvoices({ organizationId: user.organizationId, today, status, cursor: params.cursor }),
    countInvoicesByStatus(user.organizationId, today),
  ]);
  const locale = organization.locale;
  return (
    <>
      <PageHeader title="Invoices" description="One-off and subscription invoices, newest first." />
      <nav aria-label="Filter by status" className="mb-4 flex flex-wrap gap-2">
        <Link
          href="/invoices"
          aria-current={!status ? "page" : undefined}
          className={cn(
            "rounded-full border px-3 py-1 text-sm",
            !status ? "border-brand-600 bg-brand-50 text-brand-800" : "border-ink-200 bg-white text-ink-700",
          )}
        >
          All
        </Link>
        {DISPLAY_STATUSES.map((value) => (
          <Link
            key={value}
            href={`/invoices?status=${value}`}
            aria-current={status === value ? "page" : undefined}
            className={cn(
              "rounded-full border px-3 py-1 text-sm",
              status === value ? "border-brand-600 bg-brand-50 text-brand-800" : "border-ink-200 bg-white text-ink-700",
            )}
          >
            {STATUS_LABELS[value]} <span className="tabular text-ink-600">{counts[value]}</span>
          </Link>
        ))}
      </nav>
      <Table label="Invoices">
        <thead>
          <tr>
            <Th>Number</Th>
            <Th>Customer</Th>
            <Th>Status</Th>
            <Th>Payment</Th>
            <Th>Issued</Th>
            <Th>Due</Th>
            <Th align="right">Total</Th>
            <Th align="right">Amount due</Th>
          </tr>
        </thead>
        <tbody>
          {invoices.length === 0 ? (
            <EmptyRow colSpan={8}>
              No invoices {status ? `with status ${STATUS_LABELS[status].toLowerCase()}` : "yet"}.
            </EmptyRow>
          ) : (
            invoices.map((invoice) => (
              <tr key={invoice.id} className="hover:bg-ink-50">
                <Td className="font-medium whitespace-nowrap">
                  {invoice.number ?? <span className="text-ink-600">Draft</span>}
                </Td>
                <Td>
                  <Link className="text-brand-700 hover:underline" href={`/customers/${invoice.customer.id}`}>
                    {invoice.customer.name}
                  </Link>
                </Td>
                <Td>
                  <InvoiceStatusBadge status={displayStatus(invoice, today)} />
                </Td>
                <Td>{invoice.status === "draft" ? null : <PaymentStatusBadge status={invoice.paymentStatus} />}</Td>
                <Td className="whitespace-nowrap">{formatCalendarDate(invoice.issueDate, locale)}</Td>
                <Td className="whitespace-nowrap">{formatCalendarDate(invoice.dueDate, locale)}</Td>
                <Td align="right">{formatMoney(invoice.totalMinor, invoice.currency, { locale })}</Td>
                <Td align="right">{formatMoney(invoice.amountDueMinor, invoice.currency, { locale })}</Td>
              </tr>
            ))
          )}
        </tbody>
      </Table>
      {nextCursor ? (
        <div className="mt-4 flex justify-end">
          <Link
            className="rounded-md border border-ink-300 bg-white px-3 py-1.5 text-sm"
            href={`/invoices?${new URLSearchParams({ ...(status ? { status } : {}), cursor: nextCursor })}`}
          >
            Next page
          </Link>
        </div>
      ) : null}
    </>
  );
};

export default InvoicesPage;
