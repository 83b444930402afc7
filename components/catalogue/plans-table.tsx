// The organisation's plans: code, name, currency and interval, what each price charges, how many
// active subscriptions use it, and whether it is archived.
import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { EmptyRow, Table, Td, Th } from "@/components/ui/table";
import type { PlanListRow } from "@/lib/catalogue/queries";
import { BILLING_INTERVAL_LABELS } from "@/lib/catalogue/schemas";
import { PriceSummary } from "./price-list";

export const PlansTable = ({ rows, canEdit, locale }: { rows: PlanListRow[]; canEdit: boolean; locale: string }) => (
  <Table label="Plans">
    <thead>
      <tr>
        <Th>Plan</Th>
        <Th>Billing</Th>
        <Th>Prices</Th>
        <Th align="right">Active subscriptions</Th>
        <Th>Status</Th>
      </tr>
    </thead>
    <tbody>
      {rows.length === 0 ? (
        <EmptyRow colSpan={5}>
          No plans yet. {canEdit ? "Add a plan with its prices to subscribe customers to it." : "An admin adds plans."}
        </EmptyRow>
      ) : null}
      {rows.map((row) => (
        <tr key={row.id} data-testid={`plan-row-${row.code}`} className="align-top">
          <Td>
            <Link className="font-medium text-brand-700 hover:underline" href={`/settings/catalogue/plans/${row.id}`}>
              {row.name}
            </Link>
            <p className="font-mono text-xs text-ink-600">{row.code}</p>
          </Td>
          <Td className="whitespace-nowrap text-ink-800">
            {BILLING_INTERVAL_LABELS[row.interval]} · {row.currency}
          </Td>
          <Td>
            <PriceSummary prices={row.prices} currency={row.currency} interval={row.interval} locale={locale} />
          </Td>
          <Td align="right">{new Intl.NumberFormat(locale).format(row.activeSubscriptions)}</Td>
          <Td>{row.archivedAt ? <Badge tone="neutral">Archived</Badge> : <Badge tone="success">Active</Badge>}</Td>
        </tr>
      ))}
    </tbody>
  </Table>
);
