// The organisation's meters: what each counts, its filters, and which plans' prices use it.
import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { EmptyRow, Table, Td, Th } from "@/components/ui/table";
import type { MeterListRow } from "@/lib/catalogue/queries";
import { METER_AGGREGATION_LABELS } from "@/lib/catalogue/schemas";

export const filtersText = (filters: Record<string, string> | null): string | null =>
  filters
    ? Object.entries(filters)
        .map(([key, value]) => `${key} = ${value}`)
        .join(", ")
    : null;

export const MetersTable = ({ rows, canEdit }: { rows: MeterListRow[]; canEdit: boolean }) => (
  <Table label="Meters">
    <thead>
      <tr>
        <Th>Name</Th>
        <Th>Event name</Th>
        <Th>Aggregation</Th>
        <Th>Filters</Th>
        <Th>Used by</Th>
      </tr>
    </thead>
    <tbody>
      {rows.length === 0 ? (
        <EmptyRow colSpan={5}>
          No meters yet.{" "}
          {canEdit ? "Add one to count usage events, then price it in a plan." : "An admin adds meters to count usage."}
        </EmptyRow>
      ) : null}
      {rows.map((row) => (
        <tr key={row.id} data-testid={`meter-row-${row.name}`}>
          <Td className="font-medium">
            <Link className="text-brand-700 hover:underline" href={`/settings/catalogue/meters/${row.id}`}>
              {row.name}
            </Link>
          </Td>
          <Td className="font-mono text-xs text-ink-900">{row.eventName}</Td>
          <Td className="text-ink-800">
            {METER_AGGREGATION_LABELS[row.aggregation]}
            {row.property ? <span className="font-mono text-xs text-ink-700"> · {row.property}</span> : null}
          </Td>
          <Td className="font-mono text-xs text-ink-700">
            {filtersText(row.filters) ?? <span className="font-sans text-ink-500">—</span>}
          </Td>
          <Td>
            {row.planNames.length === 0 ? (
              <span className="text-ink-500">No plan</span>
            ) : (
              <span className="flex flex-wrap gap-1">
                {row.planNames.map((name) => (
                  <Badge key={name}>{name}</Badge>
                ))}
              </span>
            )}
          </Td>
        </tr>
      ))}
    </tbody>
  </Table>
);
