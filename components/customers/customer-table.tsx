// The customer list: who they are, how they are billed and what they still owe.
import Link from "next/link";
import { EmptyRow, Table, Td, Th } from "@/components/ui/table";
import { countryName } from "@/lib/customers/format";
import type { CustomerListRow } from "@/lib/customers/queries";
import type { CustomerStatusFilter } from "@/lib/customers/schemas";
import { CustomerStatusBadge } from "./customer-status-badge";
import { customersHref } from "./list-href";
import { OutstandingAmounts } from "./outstanding-amounts";

type CustomerTableProps = {
  rows: CustomerListRow[];
  locale: string;
  q: string;
  status: CustomerStatusFilter;
  canEdit: boolean;
};

const COLUMNS = 7;

const EmptyState = ({ q, status, canEdit }: Omit<CustomerTableProps, "rows" | "locale">) => {
  if (q) {
    return (
      <>
        <p className="font-medium text-ink-900">No customers match “{q}”.</p>
        <p className="mt-1">
          Search by part of a name, an email or an external id, or{" "}
          <Link className="text-brand-700 underline" href={customersHref({ status })}>
            clear the search
          </Link>
          .
        </p>
      </>
    );
  }
  if (status === "archived") {
    return <p>No archived customers. Customers you archive appear here and can be restored.</p>;
  }
  return (
    <>
      <p className="font-medium text-ink-900">No customers yet.</p>
      <p className="mt-1">
        {canEdit ? (
          <Link className="text-brand-700 underline" href="/customers/new">
            Add your first customer
          </Link>
        ) : (
          "Someone with the Finance or Admin role can add your first customer."
        )}
      </p>
    </>
  );
};

export const CustomerTable = ({ rows, locale, q, status, canEdit }: CustomerTableProps) => (
  <Table label="Customers">
    <thead>
      <tr>
        <Th>Name</Th>
        <Th>External id</Th>
        <Th>Email</Th>
        <Th>Country</Th>
        <Th>Currency</Th>
        <Th>Status</Th>
        <Th align="right">Outstanding</Th>
      </tr>
    </thead>
    <tbody>
      {rows.length === 0 ? (
        <EmptyRow colSpan={COLUMNS}>
          <EmptyState q={q} status={status} canEdit={canEdit} />
        </EmptyRow>
      ) : (
        rows.map((customer) => (
          <tr key={customer.id} className="hover:bg-ink-50">
            <Td className="font-medium">
              <Link className="text-brand-700 hover:underline" href={`/customers/${customer.id}`}>
                {customer.name}
              </Link>
            </Td>
            <Td className="font-mono text-xs text-ink-700">{customer.externalId}</Td>
            <Td className="text-ink-700">{customer.email}</Td>
            <Td>
              {customer.country ? (
                <abbr title={countryName(customer.country)} className="no-underline">
                  {customer.country}
                </abbr>
              ) : (
                <span className="text-ink-600">—</span>
              )}
            </Td>
            <Td>{customer.currency ?? <span className="text-ink-600">—</span>}</Td>
            <Td>
              <CustomerStatusBadge status={customer.status} />
            </Td>
            <Td align="right">
              <OutstandingAmounts amounts={customer.outstanding} locale={locale} />
            </Td>
          </tr>
        ))
      )}
    </tbody>
  </Table>
);
