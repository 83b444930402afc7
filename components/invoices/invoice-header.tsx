// The invoice's identity and state at a glance: number (or Draft), lifecycle and payment badges,
// who is billed (and whose usage, for a delegated payer), the total and what is still due, the
// invoice it corrects or that corrected it, with the actions the page allows.
import Link from "next/link";
import { formatCalendarDate } from "@/lib/format/date";
import type { InvoiceDetail } from "@/lib/invoices/detail";
import { displayStatus } from "@/lib/invoices/status";
import { formatMoney } from "@/lib/money";
import { InvoiceStatusBadge, PaymentStatusBadge } from "./status-badge";

const InvoiceLink = ({ invoice }: { invoice: { id: string; number: string | null } }) => (
  <Link className="font-medium text-brand-700 hover:underline" href={`/invoices/${invoice.id}`}>
    {invoice.number ?? "Draft"}
  </Link>
);

type InvoiceHeaderProps = {
  detail: InvoiceDetail;
  locale: string;
  /** Today in the organisation's time zone, for "overdue". */
  today: Date;
  actions?: React.ReactNode;
};

export const InvoiceHeader = ({ detail, locale, today, actions }: InvoiceHeaderProps) => {
  const { invoice, customer, usageOwner, replacesInvoice, replacedBy } = detail;
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
        <p className="mt-1 text-sm text-ink-600" data-testid="invoice-billed-to">
          Billed to{" "}
          <Link className="font-medium text-brand-700 hover:underline" href={`/customers/${customer.id}`}>
            {customer.name}
          </Link>{" "}
          {usageOwner && usageOwner.id !== customer.id ? (
            <>
              · usage by{" "}
              <Link className="font-medium text-brand-700 hover:underline" href={`/customers/${usageOwner.id}`}>
                {usageOwner.name}
              </Link>{" "}
            </>
          ) : null}
          · <span className="tabular">{money(invoice.totalMinor)}</span>
          {/* A void invoice is owed nothing, whatever amount it was issued with. */}
          {draft || invoice.status === "void" ? null : (
            <>
              {" "}
              · <span className="tabular">{money(invoice.amountDueMinor)}</span> due{" "}
              {formatCalendarDate(invoice.dueDate, locale)}
            </>
          )}
          {draft && invoice.number ? <> · will be numbered {invoice.number}</> : null}
        </p>
        {replacesInvoice || replacedBy ? (
          <p className="mt-1 text-sm text-ink-700" data-testid="invoice-replacement">
            {replacesInvoice ? (
              <>
                Corrected invoice: replaces <InvoiceLink invoice={replacesInvoice} />
              </>
            ) : null}
            {replacesInvoice && replacedBy ? " · " : null}
            {replacedBy ? (
              <>
                Replaced by <InvoiceLink invoice={replacedBy} />
              </>
            ) : null}
          </p>
        ) : null}
      </div>
      {actions}
    </div>
  );
};
