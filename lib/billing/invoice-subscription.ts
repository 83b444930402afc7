// The subscription a subscription invoice bills, as the invoice page names it: its plan, its owner
// (whose usage it counts) and its payer. Scoped by the organisation.
import { db, type Tx } from "@/lib/db/client";

export type InvoiceSubscription = {
  id: string;
  planName: string;
  owner: { id: string; name: string };
  payer: { id: string; name: string };
};

export const getInvoiceSubscription = async (
  organizationId: string,
  subscriptionId: string | null,
  client: Tx = db,
): Promise<InvoiceSubscription | null> => {
  if (!subscriptionId) return null;
  const subscription = await client.subscription.findFirst({
    where: { id: subscriptionId, organizationId },
    select: {
      id: true,
      plan: { select: { name: true } },
      customer: { select: { id: true, name: true } },
      invoicingCustomer: { select: { id: true, name: true } },
    },
  });
  if (!subscription) return null;
  return {
    id: subscription.id,
    planName: subscription.plan.name,
    owner: subscription.customer,
    payer: subscription.invoicingCustomer,
  };
};
