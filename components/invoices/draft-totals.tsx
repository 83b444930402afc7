// Live totals under the draft's lines: each line parsed as the server will parse it, then summed by
// the same lib/invoices/totals module the server stores totals with, so both agree to the cent.
import { computeInvoiceTotals, computeLine, type LineInput } from "@/lib/invoices/totals";
import { formatMoney, formatPercent, isSupportedCurrency, parseMoney, parsePercent, parseQuantity } from "@/lib/money";

export type DraftLineText = { quantity: string; unitPrice: string; taxRate: string };

export type LiveTotals = {
  /** Per form line: its amount, or null while what was typed does not parse yet. */
  lineAmounts: (bigint | null)[];
  subtotalMinor: bigint;
  taxMinor: bigint;
  totalMinor: bigint;
  taxes: { ratePercent: string; baseMinor: bigint; taxMinor: bigint }[];
  /** Lines left out of the totals because they do not parse yet. */
  skipped: number;
};

// An empty rate means no tax, as it does for the schema: finance leaves it blank for exempt lines.
const rateText = (taxRate: string) => (taxRate.trim() === "" ? "0" : taxRate);

/** The line as the server will store it, or null while any of its three numbers is incomplete. */
export const parseDraftLine = (line: DraftLineText, currency: string): LineInput | null => {
  if (!isSupportedCurrency(currency)) return null;
  const quantity = parseQuantity(line.quantity);
  // As the schema: a negative price is a discount line, a zero price a free item.
  const unit = parseMoney(line.unitPrice, currency, { allowZero: true, allowNegative: true });
  const rate = parsePercent(rateText(line.taxRate));
  if (!quantity.ok || !unit.ok || !rate.ok) return null;
  return { quantity: quantity.quantity, unitAmountMinor: unit.minor, taxRatePercent: rate.percent };
};

export const computeLiveTotals = (lines: readonly DraftLineText[], currency: string): LiveTotals => {
  const parsed = lines.map((line) => parseDraftLine(line, currency));
  const complete = parsed.filter((line): line is LineInput => line !== null);
  const totals = computeInvoiceTotals(complete);
  return {
    lineAmounts: parsed.map((line) => (line ? computeLine(line).amountMinor : null)),
    subtotalMinor: totals.subtotalMinor,
    taxMinor: totals.taxMinor,
    totalMinor: totals.totalMinor,
    taxes: totals.taxes,
    skipped: parsed.length - complete.length,
  };
};

/** "—" for a line that does not parse yet, else its amount in the draft's currency. */
export const formatLineAmount = (amountMinor: bigint | null, currency: string, locale: string): string =>
  amountMinor === null || !isSupportedCurrency(currency) ? "—" : formatMoney(amountMinor, currency, { locale });

export const DraftTotals = ({ totals, currency, locale }: { totals: LiveTotals; currency: string; locale: string }) => {
  if (!isSupportedCurrency(currency)) return null;
  const money = (minor: bigint) => formatMoney(minor, currency, { locale });
  return (
    <div className="flex flex-col items-end gap-1">
      <dl aria-label="Totals" className="grid w-full max-w-sm grid-cols-[1fr_auto] gap-y-1 text-sm">
        <dt className="text-ink-600">Subtotal</dt>
        <dd className="tabular pl-6 text-right text-ink-900" data-testid="draft-subtotal">
          {money(totals.subtotalMinor)}
        </dd>
        {totals.taxes
          .filter((tax) => tax.taxMinor !== 0n || tax.ratePercent !== "0")
          .map((tax) => (
            <div key={tax.ratePercent} className="contents">
              <dt className="text-ink-600">
                Tax {formatPercent(tax.ratePercent, locale)} <span className="text-xs">on {money(tax.baseMinor)}</span>
              </dt>
              <dd className="tabular pl-6 text-right text-ink-900">{money(tax.taxMinor)}</dd>
            </div>
          ))}
        <dt className="border-t border-ink-200 pt-1 font-semibold text-ink-900">Total</dt>
        <dd
          className="tabular border-t border-ink-200 pt-1 pl-6 text-right font-semibold text-ink-900"
          data-testid="draft-total"
        >
          {money(totals.totalMinor)}
        </dd>
      </dl>
      {totals.skipped > 0 ? (
        <p className="text-xs text-ink-600">
          {totals.skipped === 1 ? "One line is" : `${totals.skipped} lines are`} not counted until its quantity, unit
          price and tax rate are complete.
        </p>
      ) : null}
    </div>
  );
};
