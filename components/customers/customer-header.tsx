// The customer's name and state at a glance, with the actions the signed-in role allows.
import { formatDateTime, type Locale } from "@/lib/format/date";
import type { CustomerRecord } from "@/lib/customers/queries";
import { CustomerStatusBadge } from "./customer-status-badge";

export const CustomerHeader = ({
  customer,
  format,
  actions,
}: {
  customer: CustomerRecord;
  format: Locale;
  actions?: React.ReactNode;
}) => (
  <div className="mb-6 flex flex-wrap items-start justify-between gap-4">
    <div>
      <p className="text-sm text-ink-600">Customer</p>
      <div className="flex flex-wrap items-center gap-3">
        <h1 className="text-xl font-semibold text-ink-900">{customer.name}</h1>
        <CustomerStatusBadge status={customer.status} />
      </div>
      <p className="mt-1 text-sm text-ink-600">
        <span className="font-mono text-xs">{customer.externalId}</span> · {customer.email}
        {customer.status === "archived" && customer.archivedAt ? (
          <> · Archived {formatDateTime(customer.archivedAt, format)}</>
        ) : null}
      </p>
    </div>
    {actions ? <div className="flex items-center gap-2">{actions}</div> : null}
  </div>
);
