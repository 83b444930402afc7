// Reads for the subscription pages, always scoped to the signed-in user's organisation: the list
// (paged by key on the time-sortable id), one subscription with its plan, invoices and history, the
// plans a form may offer, and the customers the owner and payer fields search.
import { db, type Tx } from "@/lib/db/client";
import type { BillingInterval, CustomerStatus, Prisma } from "@/lib/db/generated/client";
import type { SubscriptionStatusFilter } from "./schemas";
import { SUBSCRIPTION_ENTITY } from "./shared";

type Reader = Tx;

export const SUBSCRIPTION_PAGE_SIZE = 25;
const INVOICES_SHOWN = 50;

// ---------------------------------------------------------------- list

const statusWhere = (status: SubscriptionStatusFilter): Prisma.SubscriptionWhereInput => {
  switch (status) {
    case "all":
      return {};
    case "active":
      return { status: "active", cancelAtPeriodEnd: false };
    case "canceling":
      return { status: "active", cancelAtPeriodEnd: true };
    case "canceled":
      return { status: "canceled" };
    default: {
      const never: never = status;
      throw new Error(`Unknown status filter ${String(never)}`);
    }
  }
};

const listSelect = {
  id: true,
  status: true,
  startDate: true,
  currentPeriodStart: true,
  currentPeriodEnd: true,
  cancelAtPeriodEnd: true,
  canceledAt: true,
  customer: { select: { id: true, name: true } },
  invoicingCustomer: { select: { id: true, name: true } },
  plan: { select: { id: true, name: true, currency: true, interval: true } },
} as const satisfies Prisma.SubscriptionSelect;

export type SubscriptionListRow = Prisma.SubscriptionGetPayload<{ select: typeof listSelect }>;

/** Newest first; `after` is the id of the last row of the previous page (ids sort by creation). */
export const listSubscriptions = async (
  params: { organizationId: string; status: SubscriptionStatusFilter; after?: string; pageSize?: number },
  client: Reader = db,
): Promise<{ rows: SubscriptionListRow[]; nextCursor: string | null }> => {
  const pageSize = params.pageSize ?? SUBSCRIPTION_PAGE_SIZE;
  const found = await client.subscription.findMany({
    where: {
      organizationId: params.organizationId,
      ...statusWhere(params.status),
      ...(params.after ? { id: { lt: params.after } } : {}),
    },
    orderBy: { id: "desc" },
    take: pageSize + 1,
    select: listSelect,
  });
  const rows = found.slice(0, pageSize);
  return { rows, nextCursor: found.length > pageSize ? (rows.at(-1)?.id ?? null) : null };
};

// ---------------------------------------------------------------- one subscription

const detailSelect = {
  ...listSelect,
  organizationId: true,
  billingAnchor: true,
  createdAt: true,
  customer: { select: { id: true, name: true, externalId: true, status: true } },
  invoicingCustomer: { select: { id: true, name: true, externalId: true, status: true } },
  plan: {
    select: {
      id: true,
      code: true,
      name: true,
      currency: true,
      interval: true,
      archivedAt: true,
      prices: {
        orderBy: [{ position: "asc" }, { createdAt: "asc" }],
        select: {
          id: true,
          type: true,
          description: true,
          unitAmountMinor: true,
          tierMode: true,
          meter: {
            select: { id: true, name: true, eventName: true, aggregation: true, property: true, filters: true },
          },
          tiers: { orderBy: { position: "asc" }, select: { upTo: true, unitAmountMinor: true, flatAmountMinor: true } },
        },
      },
    },
  },
  invoices: {
    orderBy: [{ periodStart: "desc" }, { createdAt: "desc" }],
    take: INVOICES_SHOWN,
    select: {
      id: true,
      number: true,
      status: true,
      currency: true,
      periodStart: true,
      periodEnd: true,
      dueDate: true,
      totalMinor: true,
      amountDueMinor: true,
    },
  },
} as const satisfies Prisma.SubscriptionSelect;

/** The subscription and everything its page shows, or null when it is not in this organisation. */
export const getSubscriptionDetail = async (
  params: { organizationId: string; subscriptionId: string },
  client: Reader = db,
) => {
  const [subscription, timeline] = await Promise.all([
    client.subscription.findFirst({
      where: { id: params.subscriptionId, organizationId: params.organizationId },
      select: detailSelect,
    }),
    client.auditEntry.findMany({
      where: {
        organizationId: params.organizationId,
        entityType: SUBSCRIPTION_ENTITY,
        entityId: params.subscriptionId,
      },
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    }),
  ]);
  return subscription ? { subscription, timeline } : null;
};

export type SubscriptionDetail = NonNullable<Awaited<ReturnType<typeof getSubscriptionDetail>>>;
export type SubscriptionPrice = SubscriptionDetail["subscription"]["plan"]["prices"][number];

// ---------------------------------------------------------------- form choices

export type PlanOption = { id: string; name: string; code: string; currency: string; interval: BillingInterval };

/** Plans a subscription may be put on: not archived; optionally only those billed like another. */
export const listActivePlans = async (
  params: { organizationId: string; currency?: string; interval?: BillingInterval },
  client: Reader = db,
): Promise<PlanOption[]> =>
  client.plan.findMany({
    where: {
      organizationId: params.organizationId,
      archivedAt: null,
      ...(params.currency ? { currency: params.currency } : {}),
      ...(params.interval ? { interval: params.interval } : {}),
    },
    orderBy: [{ name: "asc" }, { id: "asc" }],
    select: { id: true, name: true, code: true, currency: true, interval: true },
  });

export type SubscriptionCustomerOption = {
  id: string;
  name: string;
  externalId: string;
  email: string;
  status: CustomerStatus;
};

const customerOptionSelect = { id: true, name: true, externalId: true, email: true, status: true } as const;

// Prisma passes `contains` straight into ILIKE, so a `_` in "acme_corp" would match any character.
const escapeLike = (text: string) => text.replace(/[\\%_]/g, (character) => `\\${character}`);

/** Customers by name, email or external id; archived ones only when asked (listed after active ones). */
export const searchSubscriptionCustomers = async (
  params: { organizationId: string; q: string; includeArchived: boolean },
  client: Reader = db,
): Promise<SubscriptionCustomerOption[]> => {
  const pattern = escapeLike(params.q.trim());
  const contains = { contains: pattern, mode: "insensitive" } as const;
  return client.customer.findMany({
    where: {
      organizationId: params.organizationId,
      ...(params.includeArchived ? {} : { status: "active" }),
      ...(pattern ? { OR: [{ name: contains }, { email: contains }, { externalId: contains }] } : {}),
    },
    orderBy: [{ status: "asc" }, { name: "asc" }, { id: "asc" }],
    take: 10,
    select: customerOptionSelect,
  });
};

export const getSubscriptionCustomerOption = async (
  params: { organizationId: string; customerId: string },
  client: Reader = db,
): Promise<SubscriptionCustomerOption | null> =>
  client.customer.findFirst({
    where: { id: params.customerId, organizationId: params.organizationId },
    select: customerOptionSelect,
  });
