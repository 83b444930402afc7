// The invoice's money from total to what is still due: subtotal, tax per rate, total, then what
// credit notes, wallet credit and payments took off it. Every figure is the stored one.
import { formatMoney, formatPercent } from "@/lib/money";
import type { InvoiceDetail } from "@/lib/invoices/detail";
import { decimalText } from "./invoice-lines";

type TaxGroup = { ratePercent: string; baseMinor: bigint; taxMinor: bigint };

const compareRates = (a: string, b: string) => {
  // Canonical decimal text: compare the integer parts by length first, then as text.
  const [aInt = "", aFrac = ""] = a.split(".");
  const [bInt = "", bFrac = ""] = b.split(".");
  if (aInt.length !== bInt.length) return aInt.length - bInt.length;
  const width = Math.max(aFrac.length, bFrac.length);
  return `${aInt}.${aFrac.padEnd(width, "0")}`.localeCompare(`${bInt}.${bFrac.padEnd(width, "0")}`);
};

/** The stored lines' tax grouped by rate, lowest rate first, as the PDF prints it. */
export const taxByRate = (lines: InvoiceDetail["lines"]): TaxGroup[] => {
  const groups = new Map<string, TaxGroup>();
  for (const line of lines) {
    const ratePercent = decimalText(line.taxRatePercent);
    const group = groups.get(ratePercent) ?? { ratePercent, baseMinor: 0n, taxMinor: 0n };
    group.baseMinor += line.amountMinor;
    group.taxMinor += line.taxMinor;
    groups.set(ratePercent, group);
  }
  return [...groups.values()].sort((a, b) => compareRates(a.ratePercent, b.ratePercent));
};

const Row = ({
  label,
  value,
  strong = false,
  testId,
}: {
  label: React.ReactNode;
  value: string;
  strong?: boolean;
  testId?: string;
}) => (
  <>
    <dt className={strong ? "border-t border-ink-200 pt-1 font-semibold text-ink-900" : "text-ink-600"}>{label}</dt>
    <dd
      data-testid={testId}
      className={
        strong
          ? "tabular border-t border-ink-200 pt-1 pl-6 text-right font-semibold text-ink-900"
          : "tabular pl-6 text-right text-ink-900"
      }
    >
      {value}
    </dd>
  </>
);

export const InvoiceTotals = ({ detail, locale }: { detail: InvoiceDetail; locale: string }) => {
  const { invoice, lines, creditNotes } = detail;
  const money = (minor: bigint) => formatMoney(minor, invoice.currency, { locale });
  const minus = (minor: bigint) => formatMoney(-minor, invoice.currency, { locale });
  const taxes = taxByRate(lines).filter((tax) => tax.ratePercent !== "0" || tax.taxMinor !== 0n);
  const draft = invoice.status === "draft";
  const creditNoteNumbers = creditNotes
    .filter((note) => note.status === "issued")
    .map((note) => note.number)
    .join(", ");
  return (
    <div className="flex justify-end">
      <dl aria-label="Invoice totals" className="grid w-full max-w-md grid-cols-[1fr_auto] gap-y-1 text-sm">
        <Row label="Subtotal" value={money(invoice.subtotalMinor)} testId="invoice-subtotal" />
        {taxes.map((tax) => (
          <Row
            key={tax.ratePercent}
            label={
              <>
                Tax {formatPercent(tax.ratePercent, locale)} <span className="text-xs">on {money(tax.baseMinor)}</span>
              </>
            }
            value={money(tax.taxMinor)}
          />
        ))}
        {taxes.length === 0 ? <Row label="Tax" value={money(invoice.taxMinor)} /> : null}
        <Row label="Total" value={money(invoice.totalMinor)} strong testId="invoice-total" />
        {draft ? null : (
          <>
            {invoice.creditedMinor > 0n ? (
              <Row
                label={`Credit notes${creditNoteNumbers ? ` (${creditNoteNumbers})` : ""}`}
                value={minus(invoice.creditedMinor)}
              />
            ) : null}
            {invoice.walletAppliedMinor > 0n ? (
              <Row label="Credits applied" value={minus(invoice.walletAppliedMinor)} />
            ) : null}
            <Row label="Amount paid" value={minus(invoice.paidMinor)} testId="invoice-paid" />
            {invoice.refundedMinor > 0n ? <Row label="Refunded" value={money(invoice.refundedMinor)} /> : null}
            <Row label="Amount due" value={money(invoice.amountDueMinor)} strong testId="invoice-amount-due" />
          </>
        )}
      </dl>
    </div>
  );
};
