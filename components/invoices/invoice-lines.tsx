// The invoice's lines as stored: quantity x unit price rounded once per line, and where the exact
// product had more decimals than the currency, the rounding is shown rather than hidden.
import { Table, Td, Th } from "@/components/ui/table";
import { computeLine } from "@/lib/invoices/totals";
import { currencyExponent, formatMoney, formatPercent, formatQuantity } from "@/lib/money";
import type { InvoiceDetail } from "@/lib/invoices/detail";

type Line = InvoiceDetail["lines"][number];

// Decimal columns arrive as decimal.js values; toFixed() is their plain text without an exponent.
export const decimalText = (value: { toFixed: () => string } | string | number): string =>
  typeof value === "object" ? value.toFixed() : String(value);

// "96062.5" minor units of a 2-decimal currency -> "960.625": the decimal point moved, no arithmetic.
export const minorTextToMajor = (minor: string, exponent: number): string => {
  const negative = minor.startsWith("-");
  const [whole = "0", fraction = ""] = minor.replace(/^-/, "").split(".");
  const padded = whole.padStart(exponent + 1, "0");
  const integer = padded.slice(0, padded.length - exponent);
  const decimals = `${padded.slice(padded.length - exponent)}${fraction}`.replace(/0+$/, "");
  return `${negative ? "-" : ""}${integer}${decimals ? `.${decimals}` : ""}`;
};

const isZeroText = (text: string) => /^-?0*(\.0*)?$/.test(text);

/** "Exactly 960.625 GBP, rounded half-up" where the product had more decimals than the currency. */
const roundingNote = (line: Line, currency: string, locale: string): string | null => {
  const { roundingMinor, exactMinor } = computeLine({
    quantity: decimalText(line.quantity),
    unitAmountMinor: line.unitAmountMinor,
    taxRatePercent: decimalText(line.taxRatePercent),
  });
  if (isZeroText(roundingMinor)) return null;
  const exact = formatQuantity(minorTextToMajor(exactMinor, currencyExponent(currency)), locale);
  return `Exactly ${exact} ${currency}, rounded half-up`;
};

export const InvoiceLines = ({ detail, locale }: { detail: InvoiceDetail; locale: string }) => {
  const { invoice, lines } = detail;
  const money = (minor: bigint) => formatMoney(minor, invoice.currency, { locale });
  // A delegated payer's invoice: each plan line bills the owner's usage, and says whose.
  const usageBy = detail.usageOwner && detail.usageOwner.id !== invoice.customerId ? detail.usageOwner.name : null;
  return (
    <Table label="Invoice lines">
      <thead>
        <tr>
          <Th>Description</Th>
          <Th align="right">Quantity</Th>
          <Th align="right">Unit price</Th>
          <Th align="right">Tax rate</Th>
          <Th align="right">Tax</Th>
          <Th align="right">Amount</Th>
        </tr>
      </thead>
      <tbody>
        {lines.map((line) => {
          const note = roundingNote(line, invoice.currency, locale);
          return (
            <tr key={line.id}>
              <Td className="min-w-48">
                {line.description}
                {usageBy && line.priceId ? (
                  <span className="block text-xs text-ink-600">Usage by {usageBy}</span>
                ) : null}
              </Td>
              <Td align="right">{formatQuantity(decimalText(line.quantity), locale)}</Td>
              <Td align="right">{money(line.unitAmountMinor)}</Td>
              <Td align="right">{formatPercent(decimalText(line.taxRatePercent), locale)}</Td>
              <Td align="right">{money(line.taxMinor)}</Td>
              <Td align="right">
                {money(line.amountMinor)}
                {note ? <span className="ml-auto block max-w-48 text-xs text-ink-600">{note}</span> : null}
              </Td>
            </tr>
          );
        })}
      </tbody>
    </Table>
  );
};
