// What the credit note credits: each line (an invoice line and the quantity taken back, or an
// amount), its tax, and the totals. Every figure is the stored one.
import { Card } from "@/components/ui/card";
import { Table, Td, Th } from "@/components/ui/table";
import type { CreditNoteDetail } from "@/lib/credit-notes/queries";
import { formatMoney, formatPercent, formatQuantity } from "@/lib/money";

export const CreditNoteLines = ({ detail, locale }: { detail: CreditNoteDetail; locale: string }) => {
  const { creditNote, lines } = detail;
  const money = (minor: bigint) => formatMoney(minor, creditNote.currency, { locale });
  return (
    <Card title="Lines">
      <div className="flex flex-col gap-4">
        <Table label="Credit note lines">
          <thead>
            <tr>
              <Th>Description</Th>
              <Th align="right">Quantity</Th>
              <Th align="right">Unit price</Th>
              <Th align="right">Tax</Th>
              <Th align="right">Amount</Th>
            </tr>
          </thead>
          <tbody>
            {lines.map((line) => (
              <tr key={line.id}>
                <Td>{line.description}</Td>
                <Td align="right">{formatQuantity(line.quantity, locale)}</Td>
                <Td align="right">{money(line.unitAmountMinor)}</Td>
                <Td align="right">
                  {money(line.taxMinor)}{" "}
                  <span className="text-xs text-ink-600">({formatPercent(line.taxRatePercent, locale)})</span>
                </Td>
                <Td align="right">{money(line.amountMinor)}</Td>
              </tr>
            ))}
          </tbody>
        </Table>
        <dl
          aria-label="Credit note totals"
          className="ml-auto grid w-full max-w-sm grid-cols-[1fr_auto] gap-y-1 text-sm"
        >
          <dt className="text-ink-600">Subtotal</dt>
          <dd className="tabular text-right text-ink-900">{money(creditNote.subtotalMinor)}</dd>
          <dt className="text-ink-600">Tax</dt>
          <dd className="tabular text-right text-ink-900">{money(creditNote.taxMinor)}</dd>
          <dt className="border-t border-ink-200 pt-1 font-semibold text-ink-900">Total credited</dt>
          <dd
            className="tabular border-t border-ink-200 pt-1 text-right font-semibold text-ink-900"
            data-testid="credit-note-total"
          >
            {money(creditNote.totalMinor)}
          </dd>
        </dl>
      </div>
    </Card>
  );
};
