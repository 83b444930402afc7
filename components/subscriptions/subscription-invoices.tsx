// The invoices raised for the subscription, newest period first: number (or "Draft"), the period it
// bills, its state and its total. They are billed to the invoicing customer.
import Link from "next/link";
import { InvoiceStatusBadge } from "@/components/invoices/status-badge";
import { Card } from "@/components/ui/card";
import { EmptyRow, Table, Td, Th } from "@/components/ui/table";
import type { Locale } from "@/lib/format/date";
import { formatBillingPeriod } from "@/lib/format/period";
import { displayStatus } from "@/lib/invoices/status";
import { formatMoney } from "@/lib/money";
import type { SubscriptionDetail } from "@/lib/subscriptions/queries";

type Invoice = SubscriptionDetail["subscription"]["invoices"][number];

export const SubscriptionInvoices = ({
  invoices,
  payerName,
  canceled,
  format,
  today,
}: {
  invoices: Invoice[];
  payerName: string;
  canceled: boolean;
  format: Locale;
  /** Today in the organisation's time zone, for "overdue". */
  today: Date;
}) => (
  <Card title="Invoices">
    <Table label="Invoices of this subscription">
      <thead>
        <tr>
          <Th>Number</Th>
          <Th>
            Period <span className="normal-case">({format.timeZone})</span>
          </Th>
          <Th>Status</Th>
          <Th align="right">Total</Th>
        </tr>
      </thead>
      <tbody>
        {invoices.length === 0 ? (
          <EmptyRow colSpan={4}>
            {canceled
              ? "No invoices were raised for this subscription."
              : `No invoices yet. Each period is billed to ${payerName} when it ends, or now with “Bill now”.`}
          </EmptyRow>
        ) : (
          invoices.map((invoice) => (
            <tr key={invoice.id} className="hover:bg-ink-50">
              <Td>
                <Link className="font-medium text-brand-700 hover:underline" href={`/invoices/${invoice.id}`}>
                  {invoice.status === "draft" || !invoice.number ? "Draft" : invoice.number}
                </Link>
              </Td>
              <Td className="tabular">
                {invoice.periodStart && invoice.periodEnd
                  ? formatBillingPeriod({ start: invoice.periodStart, end: invoice.periodEnd }, format)
                  : "—"}
              </Td>
              <Td>
                <InvoiceStatusBadge status={displayStatus(invoice, today)} />
              </Td>
              <Td align="right">{formatMoney(invoice.totalMinor, invoice.currency, { locale: format.locale })}</Td>
            </tr>
          ))
        )}
      </tbody>
    </Table>
  </Card>
);
