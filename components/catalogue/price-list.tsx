// A plan's prices as people read them: "$49.00 per month", "$0.40 per hours", and each tiered
// price's tier table with the ranges its invoice lines will print.
import { Table, Td, Th } from "@/components/ui/table";
import type { BillingInterval } from "@/lib/db/generated/enums";
import { describePrice, tierRows } from "@/lib/catalogue/format";
import type { PriceView } from "@/lib/catalogue/queries";
import { PRICE_TYPE_LABELS } from "@/lib/catalogue/schemas";

type PriceListProps = {
  prices: PriceView[];
  currency: string;
  interval: BillingInterval;
  locale: string;
};

export const PriceList = ({ prices, currency, interval, locale }: PriceListProps) => (
  <ol aria-label="Prices" className="flex flex-col gap-3">
    {prices.map((price, index) => (
      <li key={price.id} className="rounded-lg border border-ink-200 bg-white p-4" data-testid={`price-${index + 1}`}>
        <div className="flex flex-wrap items-baseline justify-between gap-2">
          <p className="text-sm font-medium text-ink-900">
            {index + 1}. {price.description}
          </p>
          <p className="text-xs text-ink-600">
            {PRICE_TYPE_LABELS[price.type]}
            {price.meter ? ` · meter ${price.meter.name}` : ""}
          </p>
        </div>
        <p className="tabular mt-1 text-sm text-ink-800">{describePrice(price, { currency, interval, locale })}</p>
        {price.type === "tiered" ? (
          <div className="mt-3">
            <Table label={`${price.description} tiers`}>
              <thead>
                <tr>
                  <Th>Units</Th>
                  <Th align="right">Unit price</Th>
                  <Th align="right">Flat fee</Th>
                </tr>
              </thead>
              <tbody>
                {tierRows(price.tiers, { currency, locale }).map((row) => (
                  <tr key={row.range}>
                    <Td className="tabular">{row.range}</Td>
                    <Td align="right">{row.unitPrice}</Td>
                    <Td align="right">{row.flatFee ?? <span className="text-ink-500">—</span>}</Td>
                  </tr>
                ))}
              </tbody>
            </Table>
          </div>
        ) : null}
      </li>
    ))}
  </ol>
);

/** One line per price, for a table cell: "$299.00 per month · Graduated tiers (3 tiers) per api_call". */
export const PriceSummary = ({ prices, currency, interval, locale }: PriceListProps) => (
  <ul className="flex flex-col gap-0.5">
    {prices.map((price) => (
      <li key={price.id} className="text-sm text-ink-800">
        <span className="text-ink-600">{price.description}:</span>{" "}
        <span className="tabular">{describePrice(price, { currency, interval, locale })}</span>
      </li>
    ))}
  </ul>
);
