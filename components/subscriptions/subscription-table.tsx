// Subscriptions in a dense table: the plan links to the subscription, the owner and a delegated
// payer to their customers, the current period on the organisation's calendar (where periods turn).
import Link from "next/link";
import { EmptyRow, Table, Td, Th } from "@/components/ui/table";
import type { Locale } from "@/lib/format/date";
import type { SubscriptionListRow } from "@/lib/subscriptions/queries";
import { SubscriptionPlanCell, SubscriptionStateCells } from "./subscription-cells";

const linkClass = "text-brand-700 hover:underline";

export const SubscriptionTable = ({
  rows,
  format,
  empty,
}: {
  rows: SubscriptionListRow[];
  format: Locale;
  empty: React.ReactNode;
}) => (
  <Table label="Subscriptions">
    <thead>
      <tr>
        <Th>Plan</Th>
        <Th>Customer (uses it)</Th>
        <Th>Invoiced to</Th>
        <Th>Status</Th>
        <Th>
          Current period <span className="normal-case">({format.timeZone})</span>
        </Th>
      </tr>
    </thead>
    <tbody>
      {rows.length === 0 ? (
        <EmptyRow colSpan={5}>{empty}</EmptyRow>
      ) : (
        rows.map((subscription) => {
          const delegated = subscription.invoicingCustomer.id !== subscription.customer.id;
          return (
            <tr key={subscription.id} className="hover:bg-ink-50">
              <SubscriptionPlanCell subscription={subscription} />
              <Td>
                <Link className={linkClass} href={`/customers/${subscription.customer.id}`}>
                  {subscription.customer.name}
                </Link>
              </Td>
              <Td>
                {delegated ? (
                  <Link className={linkClass} href={`/customers/${subscription.invoicingCustomer.id}`}>
                    {subscription.invoicingCustomer.name}
                  </Link>
                ) : (
                  <span className="text-ink-600">Same customer</span>
                )}
              </Td>
              <SubscriptionStateCells subscription={subscription} format={format} />
            </tr>
          );
        })
      )}
    </tbody>
  </Table>
);
