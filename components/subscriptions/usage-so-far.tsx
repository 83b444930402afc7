// Usage so far in the current period, per meter of the plan's usage prices: the owner's events
// aggregated up to now, and what they come to before tax if the period were billed now.
import { Card } from "@/components/ui/card";
import { EmptyRow, Table, Td, Th } from "@/components/ui/table";
import type { Locale } from "@/lib/format/date";
import { formatBillingPeriod } from "@/lib/format/period";
import { formatMoney, formatQuantity } from "@/lib/money";
import type { UsageSoFar } from "@/lib/subscriptions/usage";

type UsageSoFarSectionProps = {
  usage: Promise<UsageSoFar | null>;
  ownerName: string;
  currency: string;
  format: Locale;
};

export const UsageSoFarSection = async ({ usage, ownerName, currency, format }: UsageSoFarSectionProps) => {
  const { locale } = format;
  const soFar = await usage;
  const money = (minor: bigint) => formatMoney(minor, currency, { locale });
  const title = soFar?.periodEnded ? "Usage in the period" : "Usage so far";
  return (
    <Card title={title}>
      {soFar ? (
        <p className="mb-3 text-sm text-ink-700">
          {ownerName}&apos;s events in {formatBillingPeriod(soFar.period, format)} ({format.timeZone})
          {soFar.periodEnded ? ", the whole period." : ", up to now."}
        </p>
      ) : (
        <p className="mb-3 text-sm text-ink-700">The current period has not started yet.</p>
      )}
      <Table label={title}>
        <thead>
          <tr>
            <Th>Price</Th>
            <Th>Meter</Th>
            <Th align="right">Quantity</Th>
            <Th align="right">Amount</Th>
          </tr>
        </thead>
        <tbody>
          {!soFar || soFar.rows.length === 0 ? (
            <EmptyRow colSpan={4}>
              {soFar ? "This plan has no usage prices: only its flat fees are billed." : "No usage yet."}
            </EmptyRow>
          ) : (
            soFar.rows.map((row) => (
              <tr key={row.priceId}>
                <Td>{row.description}</Td>
                <Td>{row.meterName}</Td>
                <Td align="right">{formatQuantity(row.quantity, locale)}</Td>
                <Td align="right">{money(row.amountMinor)}</Td>
              </tr>
            ))
          )}
        </tbody>
        {soFar ? (
          <tfoot>
            <tr>
              <td colSpan={3} className="px-3 py-2 text-right font-medium text-ink-900">
                {soFar.periodEnded ? "The period" : "The period so far"}, flat fees included, before tax
              </td>
              <Td align="right" className="font-semibold">
                {money(soFar.periodAmountMinor)}
              </Td>
            </tr>
          </tfoot>
        ) : null}
      </Table>
    </Card>
  );
};
