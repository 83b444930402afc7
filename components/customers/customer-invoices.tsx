// The customer's latest invoices as the billed customer, newest first.
import { InvoiceStatusBadge, PaymentStatusBadge } from "@/components/invoices/status-badge";
import { Card } from "@/components/ui/card";
import { EmptyRow, Table, Td, Th } from "@/components/ui/table";
import { formatMoney } from "@/lib/money";
import { CUSTOMER_INVOICES_SHOWN, type CustomerActivity } from "@/lib/customers/queries";
import { formatCalendarDate } from "@/lib/format/date";
import { displayStatus } from "@/lib/invoices/status";

type CustomerInvoicesProps = Pick<CustomerActivity, "invoices" | "invoiceCount"> & {
  customerId: string;
  locale: string;
  /** Today in the organisation's time zone, for "overdue". */
  today: Date;
};

export const CustomerInvoices = ({ invoices, invoiceCount, customerId, locale, today }: CustomerInvoicesProps) => (
  <Card
    title="Invoices"
    actions={
      invoiceCount > CUSTOMER_INVOICES_SHOWN ? (
        <p className="text-xs text-ink-600">
          Latest {CUSTOMER_INVOICES_SHOWN} of {invoiceCount}
        </p>
      ) : null
    }
  >
    <Table label="Invoices billed to this customer">
      <thead>
        <tr>
          <Th>Number</Th>
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
          <EmptyRow colSpan={7}>No invoices billed to this customer yet.</EmptyRow>
        ) : (
          invoices.map((invoice) => (
            <tr key={invoice.id} className="hover:bg-ink-50">
              <Td className="font-medium">
                {invoice.number ?? <span className="text-ink-600">Draft</span>}
                {invoice.usageOwner && invoice.usageOwner.id !== customerId ? (
                  <span className="block text-xs font-normal text-ink-600">Usage by {invoice.usageOwner.name}</span>
                ) : null}
              </Td>
              <Td>
                <InvoiceStatusBadge status={displayStatus(invoice, today)} />
              </Td>
              <Td>{invoice.status === "draft" ? null : <PaymentStatusBadge status={invoice.paymentStatus} />}</Td>
              <Td>{formatCalendarDate(invoice.issueDate, locale)}</Td>
              <Td>{formatCalendarDate(invoice.dueDate, locale)}</Td>
              <Td align="right">{formatMoney(invoice.totalMinor, invoice.currency, { locale: locale })}</Td>
              <Td align="right">{formatMoney(invoice.amountDueMinor, invoice.currency, { locale: locale })}</Td>
            </tr>
          ))
        )}
      </tbody>
    </Table>
  </Card>
);
