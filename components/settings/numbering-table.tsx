// One kind's number series: name, format, counter, the number the next document would get today,
// which is the default, and how many documents carry it. Finance and admins get the controls.
import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { EmptyRow, Table, Td, Th } from "@/components/ui/table";
import type { NumberSeriesKind } from "@/lib/db/generated/enums";
import type { makeDefaultNumberSeries } from "@/lib/numbering/actions";
import type { NumberSeriesListRow } from "@/lib/numbering/queries";
import { SERIES_KIND_NOUNS } from "@/lib/numbering/schemas";
import { NumberingDefaultButton } from "./numbering-default-button";

type NumberingTableProps = {
  kind: NumberSeriesKind;
  rows: NumberSeriesListRow[];
  locale: string;
  /** Present for finance and admins: without it the table is read-only. */
  makeDefaultAction?: typeof makeDefaultNumberSeries;
};

export const SERIES_TABLE_LABELS: Record<NumberSeriesKind, string> = {
  invoice: "Invoice series",
  receipt: "Receipt series",
};

// The numbering code creates these defaults when the first document of the kind needs a number.
const EMPTY_TEXT: Record<NumberSeriesKind, string> = {
  invoice: "No invoice series yet. The first invoice finalized gets INV-{YYYY}{MM}-{NNNN}.",
  receipt: "No receipt series yet. The first payment recorded gets a receipt numbered RCP-{YYYY}-{NNNNN}.",
};

const usedBy = (kind: NumberSeriesKind, count: number, locale: string) => {
  const noun = SERIES_KIND_NOUNS[kind];
  return `${new Intl.NumberFormat(locale).format(count)} ${count === 1 ? noun : `${noun}s`}`;
};

export const NumberingTable = ({ kind, rows, locale, makeDefaultAction }: NumberingTableProps) => {
  const columns = makeDefaultAction ? 6 : 5;
  const currentDefault = rows.find((row) => row.isDefault)?.name ?? null;
  return (
    <Table label={SERIES_TABLE_LABELS[kind]}>
      <thead>
        <tr>
          <Th>Name</Th>
          <Th>Format</Th>
          <Th align="right">Next number</Th>
          <Th>Next document today</Th>
          <Th align="right">Used by</Th>
          {makeDefaultAction ? (
            <Th align="right">
              <span className="sr-only">Actions</span>
            </Th>
          ) : null}
        </tr>
      </thead>
      <tbody>
        {rows.length === 0 ? (
          <EmptyRow colSpan={columns}>
            {EMPTY_TEXT[kind]}
            {makeDefaultAction ? " To choose another format, add a series below." : null}
          </EmptyRow>
        ) : null}
        {rows.map((row) => (
          <tr key={row.id} data-testid={`series-row-${row.id}`}>
            <Td className="font-medium text-ink-900">
              <span className="flex flex-wrap items-center gap-2">
                {row.name}
                {row.isDefault ? <Badge tone="info">Default</Badge> : null}
              </span>
            </Td>
            <Td className="font-mono text-xs whitespace-nowrap text-ink-900">{row.format}</Td>
            <Td align="right">{row.nextNumber}</Td>
            <Td className="font-mono text-xs whitespace-nowrap text-ink-900">
              {row.preview.ok ? row.preview.number : <span className="text-red-700">{row.preview.error}</span>}
            </Td>
            <Td align="right" className="whitespace-nowrap text-ink-700">
              {usedBy(kind, row.documentCount, locale)}
            </Td>
            {makeDefaultAction ? (
              <Td align="right">
                <span className="flex items-center justify-end gap-2">
                  {row.isDefault ? null : (
                    <NumberingDefaultButton
                      series={{
                        id: row.id,
                        kind,
                        name: row.name,
                        format: row.format,
                        preview: row.preview.ok ? row.preview.number : null,
                      }}
                      currentDefault={currentDefault}
                      action={makeDefaultAction}
                    />
                  )}
                  <Button asChild size="sm" variant="ghost">
                    <Link href={`/settings/numbering/${row.id}`} aria-label={`Edit ${row.name}`}>
                      Edit
                    </Link>
                  </Button>
                </span>
              </Td>
            ) : null}
          </tr>
        ))}
      </tbody>
    </Table>
  );
};
