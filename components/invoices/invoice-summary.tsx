// The invoice's dates and references: issued, due (and on which terms), finalized, paid, voided
// or written off, the series it is numbered from, the memo, the subscription and period it bills
// (and when its usage was last counted), and the invoice it replaces or that replaced it.
import Link from "next/link";
import { Card } from "@/components/ui/card";
import { formatCalendarDate, formatDateTime, type Locale } from "@/lib/format/date";
import { formatBillingPeriod } from "@/lib/format/period";
import { PAYMENT_TERMS_LABELS } from "@/lib/invoices/schemas";
import type { InvoiceSubscription } from "@/lib/billing/invoice-subscription";
import type { InvoiceDetail } from "@/lib/invoices/detail";

const Item = ({ label, children }: { label: string; children: React.ReactNode }) => (
  <div className="grid grid-cols-[8rem_1fr] gap-2">
    <dt className="text-ink-600">{label}</dt>
    <dd className="text-ink-900">{children}</dd>
  </div>
);

const InvoiceLink = ({ invoice }: { invoice: { id: string; number: string | null } }) => (
  <Link className="font-medium text-brand-700 hover:underline" href={`/invoices/${invoice.id}`}>
    {invoice.number ?? "Draft"}
  </Link>
);

export const InvoiceSummary = ({
  detail,
  format,
  subscription = null,
}: {
  detail: InvoiceDetail;
  format: Locale;
  subscription?: InvoiceSubscription | null;
}) => {
  const { invoice, series, replacesInvoice, replacedBy } = detail;
  const { locale } = format;
  const at = (date: Date) => `${formatDateTime(date, format)} (${format.timeZone})`;
  return (
    <Card title="Details">
      <dl className="flex flex-col gap-2 text-sm">
        {subscription ? (
          <Item label="Subscription">
            <Link className="font-medium text-brand-700 hover:underline" href={`/subscriptions/${subscription.id}`}>
              {subscription.planName}
            </Link>
            <span className="text-ink-600"> · {subscription.owner.name}</span>
          </Item>
        ) : null}
        {invoice.periodStart && invoice.periodEnd ? (
          <Item label="Period">
            {formatBillingPeriod({ start: invoice.periodStart, end: invoice.periodEnd }, format)}
          </Item>
        ) : null}
        {invoice.usageCalculatedAt ? <Item label="Usage counted">{at(invoice.usageCalculatedAt)}</Item> : null}
        <Item label="Issue date">{formatCalendarDate(invoice.issueDate, locale)}</Item>
        <Item label="Due date">
          {formatCalendarDate(invoice.dueDate, locale)}
          {invoice.paymentTerms ? (
            <span className="text-ink-600"> · {PAYMENT_TERMS_LABELS[invoice.paymentTerms]}</span>
          ) : null}
        </Item>
        <Item label="Numbering">
          {invoice.customNumber
            ? "Custom number"
            : series
              ? `${series.name} (${series.format})`
              : invoice.status === "draft"
                ? "Customer's default series"
                : "—"}
        </Item>
        <Item label="Currency">{invoice.currency}</Item>
        {invoice.finalizedAt ? <Item label="Finalized">{at(invoice.finalizedAt)}</Item> : null}
        {invoice.paidAt ? <Item label="Paid">{at(invoice.paidAt)}</Item> : null}
        {invoice.voidedAt ? (
          <Item label="Voided">
            {at(invoice.voidedAt)}
            {invoice.voidReason ? <span className="block text-ink-700">Reason: {invoice.voidReason}</span> : null}
          </Item>
        ) : null}
        {invoice.uncollectibleAt ? <Item label="Uncollectible">{at(invoice.uncollectibleAt)}</Item> : null}
        {replacesInvoice ? (
          <Item label="Replaces">
            <InvoiceLink invoice={replacesInvoice} />
          </Item>
        ) : null}
        {replacedBy ? (
          <Item label="Replaced by">
            <InvoiceLink invoice={replacedBy} />
          </Item>
        ) : null}
        {invoice.memo ? (
          <Item label="Memo">
            <span className="whitespace-pre-line">{invoice.memo}</span>
          </Item>
        ) : null}
        {invoice.footer ? (
          <Item label="Footer">
            <span className="whitespace-pre-line">{invoice.footer}</span>
          </Item>
        ) : null}
      </dl>
    </Card>
  );
};
