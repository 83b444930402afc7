// The customer's billing details as invoices will show them.
import { Card } from "@/components/ui/card";
import { countryName } from "@/lib/customers/format";
import type { CustomerRecord } from "@/lib/customers/queries";
import { formatDateTime, type Locale } from "@/lib/format/date";

const Row = ({ label, children }: { label: string; children: React.ReactNode }) => (
  <div className="grid grid-cols-3 gap-3 py-2">
    <dt className="text-sm text-ink-600">{label}</dt>
    <dd className="col-span-2 text-sm text-ink-900">{children ?? <span className="text-ink-600">Not set</span>}</dd>
  </div>
);

export const CustomerDetails = ({ customer, format }: { customer: CustomerRecord; format: Locale }) => {
  const address = [
    customer.addressLine1,
    customer.addressLine2,
    [customer.postalCode, customer.city].filter(Boolean).join(" "),
    customer.country ? countryName(customer.country) : null,
  ].filter((line): line is string => Boolean(line));
  return (
    <Card title="Details">
      <dl className="divide-y divide-ink-100">
        <Row label="Email">{customer.email}</Row>
        <Row label="External id">
          <span className="font-mono text-xs">{customer.externalId}</span>
        </Row>
        <Row label="Billing address">
          {address.length > 0 ? (
            <address className="not-italic">
              {address.map((line) => (
                <span key={line} className="block">
                  {line}
                </span>
              ))}
            </address>
          ) : null}
        </Row>
        <Row label="Tax id">{customer.taxId}</Row>
        <Row label="Currency">{customer.currency ?? "Organisation default"}</Row>
        <Row label="Default invoice series">{customer.defaultInvoiceSeries?.name ?? "Organisation default"}</Row>
        <Row label="Customer since">{formatDateTime(customer.createdAt, format)}</Row>
      </dl>
    </Card>
  );
};
