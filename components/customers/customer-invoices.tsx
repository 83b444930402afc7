// The customer's latest invoices as the billed customer, newest first, in the invoice list's table.
import Link from "next/link";
import { InvoiceTable } from "@/components/invoices/invoice-table";
import { Card } from "@/components/ui/card";
import { CUSTOMER_INVOICES_SHOWN, type CustomerActivity } from "@/lib/customers/queries";
import { invoiceListHref } from "@/lib/invoices/list-params";

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
          Latest {CUSTOMER_INVOICES_SHOWN} of {invoiceCount} ·{" "}
          <Link className="text-brand-700 underline" href={invoiceListHref({ customer: customerId })}>
            See all
          </Link>
        </p>
      ) : null
    }
  >
    <InvoiceTable
      label="Invoices billed to this customer"
      rows={invoices}
      locale={locale}
      today={today}
      billedCustomerId={customerId}
      empty="No invoices billed to this customer yet."
    />
  </Card>
);
