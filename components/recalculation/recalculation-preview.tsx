// What a recalculation would change, before it is applied: each line's old and new quantity and
// amount, the change in total, how many events arrived since the last calculation, and, for an
// issued invoice, that it will be voided and replaced.
import { Table, Td, Th } from "@/components/ui/table";
import type { RecalculationPreviewData } from "@/lib/billing/recalculate-actions";
import { cn } from "@/lib/cn";
import { formatMoney, formatQuantity } from "@/lib/money";

type PreviewProps = { preview: RecalculationPreviewData; locale: string; invoiceLabel: string };

const Notice = ({ tone, children }: { tone: "warning" | "info"; children: React.ReactNode }) => (
  <div
    role="note"
    className={cn(
      "rounded-md border px-3 py-2 text-sm",
      tone === "warning" ? "border-amber-200 bg-amber-50 text-amber-900" : "border-ink-200 bg-ink-50 text-ink-700",
    )}
  >
    {children}
  </div>
);

export const RecalculationPreview = ({ preview, locale, invoiceLabel }: PreviewProps) => {
  const money = (minor: string) => formatMoney(BigInt(minor), preview.currency, { locale });
  const quantity = (value: string | null) => (value === null ? "—" : formatQuantity(value, locale));
  const amount = (value: string | null) => (value === null ? "—" : money(value));
  const difference = BigInt(preview.newTotalMinor) - BigInt(preview.oldTotalMinor);
  const events = preview.eventsSinceLastCalculation;
  return (
    <div className="flex flex-col gap-4">
      <p className="text-sm text-ink-700" data-testid="recalculation-events">
        {events.toLocaleString(locale)} {events === 1 ? "event" : "events"} arrived for this period since the last
        calculation.
      </p>
      <Table label="Recalculated lines">
        <thead>
          <tr>
            <Th>Line</Th>
            <Th align="right">Old qty</Th>
            <Th align="right">New qty</Th>
            <Th align="right">Old amount</Th>
            <Th align="right">New amount</Th>
          </tr>
        </thead>
        <tbody>
          {preview.lines.map((line, index) => {
            const moved = line.oldQuantity !== line.newQuantity || line.oldAmountMinor !== line.newAmountMinor;
            return (
              <tr key={`${line.priceId ?? ""}-${line.description}-${index}`} className={moved ? "bg-amber-50/60" : ""}>
                <Td>
                  {line.description}
                  {line.oldQuantity === null ? <span className="block text-xs text-ink-600">New line</span> : null}
                  {line.newQuantity === null ? <span className="block text-xs text-ink-600">Removed</span> : null}
                </Td>
                <Td align="right">{quantity(line.oldQuantity)}</Td>
                <Td align="right" className={moved ? "font-medium text-ink-900" : ""}>
                  {quantity(line.newQuantity)}
                </Td>
                <Td align="right">{amount(line.oldAmountMinor)}</Td>
                <Td align="right" className={moved ? "font-medium text-ink-900" : ""}>
                  {amount(line.newAmountMinor)}
                </Td>
              </tr>
            );
          })}
        </tbody>
      </Table>
      <dl className="grid grid-cols-[1fr_auto] gap-x-6 gap-y-1 text-sm" aria-label="Change in total">
        <dt className="text-ink-600">Total now</dt>
        <dd className="tabular text-right">{money(preview.oldTotalMinor)}</dd>
        <dt className="text-ink-600">Recalculated total</dt>
        <dd className="tabular text-right font-medium text-ink-900">{money(preview.newTotalMinor)}</dd>
        <dt className="text-ink-600">Change</dt>
        <dd className="tabular text-right font-semibold text-ink-900" data-testid="recalculation-change">
          {formatMoney(difference, preview.currency, { locale, signDisplay: "exceptZero" })}
        </dd>
      </dl>
      {!preview.changed ? (
        <Notice tone="info">
          The events stored now give exactly what the invoice says: there is nothing to apply.
        </Notice>
      ) : preview.applyRefusal ? (
        <Notice tone="warning">
          {invoiceLabel} cannot be replaced by a corrected invoice. {preview.applyRefusal}.
        </Notice>
      ) : preview.replacesFinalized ? (
        <Notice tone="warning">
          {invoiceLabel} is issued, so it cannot change. Applying voids it (its number stays used, and any wallet credit
          it used goes back to the wallet) and creates a corrected draft that replaces it, for you to review and
          finalize.
        </Notice>
      ) : null}
    </div>
  );
};
