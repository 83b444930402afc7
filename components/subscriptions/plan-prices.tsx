// The plan's prices as the subscription is billed: flat fees per period, per-unit and tiered usage
// prices with their meter and tiers (the same ranges the invoice lines name).
import { Card } from "@/components/ui/card";
import { EmptyRow, Table, Td, Th } from "@/components/ui/table";
import { tierRangeLabel, type TierInput } from "@/lib/billing/tiers";
import { formatMoney } from "@/lib/money";
import type { SubscriptionDetail, SubscriptionPrice } from "@/lib/subscriptions/queries";

type Plan = SubscriptionDetail["subscription"]["plan"];

const TYPE_LABELS: Record<SubscriptionPrice["type"], string> = {
  flat: "Flat fee",
  per_unit: "Per unit",
  tiered: "Tiered",
};

const tierInputs = (price: SubscriptionPrice): TierInput[] =>
  price.tiers.map((tier) => ({
    upTo: tier.upTo === null ? null : tier.upTo.toFixed(),
    unitAmountMinor: tier.unitAmountMinor,
    flatAmountMinor: tier.flatAmountMinor,
  }));

const PriceAmount = ({ price, plan, locale }: { price: SubscriptionPrice; plan: Plan; locale: string }) => {
  const money = (minor: bigint) => formatMoney(minor, plan.currency, { locale });
  switch (price.type) {
    case "flat":
      return <>{`${money(price.unitAmountMinor ?? 0n)} per ${plan.interval}`}</>;
    case "per_unit":
      return <>{`${money(price.unitAmountMinor ?? 0n)} per unit`}</>;
    case "tiered": {
      const tiers = tierInputs(price);
      return (
        <ul className="flex flex-col gap-0.5">
          <li className="text-xs text-ink-600">
            {price.tierMode === "volume"
              ? "Volume: every unit at its total's tier"
              : "Graduated: each tier's units at its price"}
          </li>
          {tiers.map((tier, index) => (
            <li key={index}>
              {tierRangeLabel(tiers, index)}: {money(tier.unitAmountMinor)} each
              {tier.flatAmountMinor !== 0n ? ` + ${money(tier.flatAmountMinor)} flat` : ""}
            </li>
          ))}
        </ul>
      );
    }
    default: {
      const never: never = price.type;
      throw new Error(`Unknown price type ${String(never)}`);
    }
  }
};

export const PlanPrices = ({ plan, locale }: { plan: Plan; locale: string }) => (
  <Card title={`Plan: ${plan.name}`}>
    <Table label="Plan prices">
      <thead>
        <tr>
          <Th>Price</Th>
          <Th>Type</Th>
          <Th>Meter</Th>
          <Th align="right">Amount ({plan.currency})</Th>
        </tr>
      </thead>
      <tbody>
        {plan.prices.length === 0 ? (
          <EmptyRow colSpan={4}>This plan has no prices: its invoices would be empty.</EmptyRow>
        ) : (
          plan.prices.map((price) => (
            <tr key={price.id}>
              <Td className="font-medium">{price.description}</Td>
              <Td>{TYPE_LABELS[price.type]}</Td>
              <Td>{price.meter ? price.meter.name : <span className="text-ink-600">—</span>}</Td>
              <Td align="right">
                <PriceAmount price={price} plan={plan} locale={locale} />
              </Td>
            </tr>
          ))
        )}
      </tbody>
    </Table>
  </Card>
);
