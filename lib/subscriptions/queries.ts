// Reads for the subscription list: owner (who uses it) and invoicing customer (who pays).
import { db } from "@/lib/db/client";

export const listSubscriptions = async (organizationId: string) =>
  db.subscription.findMany({
    where: { organizationId },
    orderBy: [{ status: "asc" }, { createdAt: "desc" }],
    take: 100,
    select: {
      id: true,
      status: true,
      currentPeriodStart: true,
      currentPeriodEnd: true,
      cancelAtPeriodEnd: true,
      customer: { select: { id: true, name: true } },
      invoicingCustomer: { select: { id: true, name: true } },
      plan: { select: { name: true, currency: true, interval: true } },
    },
  });
