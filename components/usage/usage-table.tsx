// One meter's usage per customer for the period: quantity and how many events it is made of,
// largest first, with the total where adding up means something (counts and sums).
import Link from "next/link";
import { EmptyRow, Table, Td, Th } from "@/components/ui/table";
import type { UsageByCustomerRow } from "@/lib/usage/queries";
import { formatUsageQuantity } from "./usage-format";

type UsageTableProps = {
  rows: UsageByCustomerRow[];
  /** How many customers had usage (the table may show fewer). */
  customerCount: number;
  total: string | null;
  /** "api_calls, June 2024" for the table's name. */
  label: string;
  unit: string;
  locale: string;
  emptyText: string;
};

export const UsageTable = ({ rows, customerCount, total, label, unit, locale, emptyText }: UsageTableProps) => {
  const count = new Intl.NumberFormat(locale);
  const events = rows.reduce((sum, row) => sum + row.events, 0);
  return (
    <div className="flex flex-col gap-2">
      <Table label={`Usage by customer: ${label}`}>
        <thead>
          <tr>
            <Th>Customer</Th>
            <Th align="right">Quantity ({unit})</Th>
            <Th align="right">Events</Th>
          </tr>
        </thead>
        <tbody>
          {rows.length === 0 ? <EmptyRow colSpan={3}>{emptyText}</EmptyRow> : null}
          {rows.map((row) => (
            <tr key={row.customerId} data-testid={`usage-row-${row.customerId}`}>
              <Td>
                <Link className="font-medium text-brand-700 hover:underline" href={`/customers/${row.customerId}`}>
                  {row.customerName}
                </Link>
                {row.externalId ? <span className="ml-2 font-mono text-xs text-ink-600">{row.externalId}</span> : null}
              </Td>
              <Td align="right">{formatUsageQuantity(row.quantity, locale)}</Td>
              <Td align="right">{count.format(row.events)}</Td>
            </tr>
          ))}
        </tbody>
        {total !== null && rows.length > 1 && rows.length === customerCount ? (
          <tfoot>
            <tr className="bg-ink-50 font-semibold text-ink-900">
              <Td>Total, {count.format(customerCount)} customers</Td>
              <Td align="right">{formatUsageQuantity(total, locale)}</Td>
              <Td align="right">{count.format(events)}</Td>
            </tr>
          </tfoot>
        ) : null}
      </Table>
      {customerCount > rows.length ? (
        <p className="text-sm text-ink-600">
          Showing the {count.format(rows.length)} largest of {count.format(customerCount)} customers
          {total !== null ? ` (all together: ${formatUsageQuantity(total, locale)} ${unit})` : ""}. Choose a customer
          above to see any one of them.
        </p>
      ) : null}
    </div>
  );
};
