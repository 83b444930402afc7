// The invoice's identity and state at a glance: number (or Draft), lifecycle and payment badges,
// who is billed, the total and what is still due, with the actions the page allows.
import Link from "next/link";
import { formatCalendarDate } from "@/lib/format/date";
import type { InvoiceDetail } from "@/lib/invoices/detail";
import { displayStatus } from "@/lib/invoices/status";
import { formatMoney } from "@/lib/money";
import { InvoiceStatusBadge, PaymentStatusBadge } from "./status-badge";

type InvoiceHeaderProps = {
  detail: InvoiceDetail;
  locale: string;
  /** Today in the organisation's time zone, for "overdue". */
  today: Date;
  actions?: React.ReactNode;
};

export const InvoiceHeader = ({ detail, locale, today, actions }: InvoiceHeaderProps) => {
  const { invoice, customer } = detail;
  const draft = invoice.status === "draft";
  const money = (minor: bigint) => formatMoney(minor, invoice.currency, { locale });
  return (
    <div className="mb-6 flex flex-wrap items-start justify-between gap-4">
      <div>
        <p className="text-sm text-ink-600">
          <Link href="/invoices" className="hover:underline">
            Invoices
          </Link>{" "}
          / {invoice.type === "subscription" ? "Subscription invoice" : "One-off invoice"}
        </p>
        <div className="flex flex-wrap items-center gap-3">
          <h1 className="text-xl font-semibold text-ink-900">{draft ? "Draft" : invoice.number}</h1>
          <span className="flex items-center gap-2" data-testid="invoice-badges">
            <InvoiceStatusBadge status={displayStatus(invoice, today)} />
            {/* A draft has no payment state yet, and "Paid" twice says nothing more. */}
            {draft || invoice.paymentStatus === invoice.status ? null : (
              <PaymentStatusBadge status={invoice.paymentStatus} />
            )}
          </span>
        </div>
        <p className="mt-1 text-sm text-ink-600">
          Billed to{" "}
          <Link className="font-medium text-brand-700 hover:underline" href={`/customers/${customer.id}`}>
            {customer.name}
          </Link>{" "}
          · <span className="tabular">{money(invoice.totalMinor)}</span>
          {draft ? null : (
            <>
              {" "}
              · <span className="tabular">{money(invoice.amountDueMinor)}</span> due{" "}
              {formatCalendarDate(invoice.dueDate, locale)}
            </>
          )}
          {draft && invoice.number ? <> · will be numbered {invoice.number}</> : null}
        </p>
      </div>
      {actions}
    </div>
  );
};
