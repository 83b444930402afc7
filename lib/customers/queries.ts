// Reads for the customer pages, always scoped to the signed-in user's organisation. The list is
// paginated by key on (name, id), the order of the index Customer(organizationId, status, name, id).
import { db, type Tx } from "@/lib/db/client";
import type { CustomerStatus, Prisma } from "@/lib/db/generated/client";
import type { CustomerStatusFilter } from "./schemas";

export const CUSTOMER_PAGE_SIZE = 25;
export const CUSTOMER_INVOICES_SHOWN = 20;
const SUBSCRIPTIONS_SHOWN = 50;
const HISTORY_SHOWN = 100;

/** A read-only client: the app's `db` or a transaction (tests pass their own). */
type Reader = Tx;

// ---------------------------------------------------------------- cursors

type CursorKey = { name: string; id: string };

// Opaque in the address bar; a tampered or stale cursor just starts from the first page.
export const encodeCursor = (key: CursorKey): string =>
  Buffer.from(JSON.stringify([key.name, key.id])).toString("base64url");

export const decodeCursor = (cursor: string | undefined): CursorKey | null => {
  if (!cursor) return null;
  try {
    const value: unknown = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8"));
    if (Array.isArray(value) && value.length === 2 && typeof value[0] === "string" && typeof value[1] === "string") {
      return { name: value[0], id: value[1] };
    }
  } catch {
    // Not base64 JSON: fall through to "no cursor".
  }
  return null;
};

// ---------------------------------------------------------------- list

export type OutstandingAmount = { currency: string; amountDueMinor: bigint };

export type CustomerListRow = {
  id: string;
  name: string;
  externalId: string;
  email: string;
  country: string | null;
  currency: string | null;
  status: CustomerStatus;
  outstanding: OutstandingAmount[];
};

export type CustomerListPage = {
  rows: CustomerListRow[];
  /** Cursor for the page after this one, or null on the last page. */
  nextCursor: string | null;
  /** Cursor for the page before this one, or null on the first page. */
  previousCursor: string | null;
};

export type ListCustomersParams = {
  organizationId: string;
  q?: string;
  status: CustomerStatusFilter;
  after?: string;
  before?: string;
  pageSize?: number;
};

// Prisma passes `contains` straight into ILIKE, so a `_` in "acme_corp" would match any character.
const escapeLike = (text: string) => text.replace(/[\\%_]/g, (character) => `\\${character}`);

const searchFilter = (q: string | undefined): Prisma.CustomerWhereInput => {
  const text = q?.trim();
  if (!text) return {};
  const contains = { contains: escapeLike(text), mode: "insensitive" } as const;
  return { OR: [{ name: contains }, { email: contains }, { externalId: contains }] };
};

// Written as `name >= x AND (name > x OR id > y)` so PostgreSQL can range-scan the index on name.
const keysetFilter = (key: CursorKey | null, direction: "forward" | "backward"): Prisma.CustomerWhereInput => {
  if (!key) return {};
  return direction === "forward"
    ? { name: { gte: key.name }, OR: [{ name: { gt: key.name } }, { id: { gt: key.id } }] }
    : { name: { lte: key.name }, OR: [{ name: { lt: key.name } }, { id: { lt: key.id } }] };
};

/** Outstanding amount due per customer and currency: finalized invoices only, summed in SQL. */
export const outstandingByCustomer = async (
  params: { organizationId: string; customerIds: string[] },
  client: Reader = db,
): Promise<Map<string, OutstandingAmount[]>> => {
  const result = new Map<string, OutstandingAmount[]>();
  if (params.customerIds.length === 0) return result;
  const groups = await client.invoice.groupBy({
    by: ["customerId", "currency"],
    where: {
      organizationId: params.organizationId,
      customerId: { in: params.customerIds },
      status: "finalized",
      amountDueMinor: { gt: 0 },
    },
    _sum: { amountDueMinor: true },
    orderBy: [{ customerId: "asc" }, { currency: "asc" }],
  });
  for (const group of groups) {
    const amounts = result.get(group.customerId) ?? [];
    amounts.push({ currency: group.currency, amountDueMinor: group._sum.amountDueMinor ?? 0n });
    result.set(group.customerId, amounts);
  }
  return result;
};

export const listCustomers = async (params: ListCustomersParams, client: Reader = db): Promise<CustomerListPage> => {
  const pageSize = params.pageSize ?? CUSTOMER_PAGE_SIZE;
  const afterKey = decodeCursor(params.after);
  const beforeKey = afterKey ? null : decodeCursor(params.before);
  const backward = beforeKey !== null;

  const found = await client.customer.findMany({
    where: {
      AND: [
        { organizationId: params.organizationId },
        params.status === "all" ? {} : { status: params.status },
        searchFilter(params.q),
        backward ? keysetFilter(beforeKey, "backward") : keysetFilter(afterKey, "forward"),
      ],
    },
    orderBy: backward ? [{ name: "desc" }, { id: "desc" }] : [{ name: "asc" }, { id: "asc" }],
    // One extra row says whether another page exists in the direction of travel.
    take: pageSize + 1,
    select: { id: true, name: true, externalId: true, email: true, country: true, currency: true, status: true },
  });

  const hasMoreInDirection = found.length > pageSize;
  const page = found.slice(0, pageSize);
  if (backward) page.reverse();

  const outstanding = await outstandingByCustomer(
    { organizationId: params.organizationId, customerIds: page.map((row) => row.id) },
    client,
  );

  const first = page[0];
  const last = page[page.length - 1];
  // Arriving from a cursor means rows exist on the side we came from.
  const hasNext = backward ? true : hasMoreInDirection;
  const hasPrevious = backward ? hasMoreInDirection : afterKey !== null;

  return {
    rows: page.map((row) => ({ ...row, outstanding: outstanding.get(row.id) ?? [] })),
    nextCursor: hasNext && last ? encodeCursor(last) : null,
    previousCursor: hasPrevious && first ? encodeCursor(first) : null,
  };
};

// ---------------------------------------------------------------- one customer

export const listInvoiceSeriesOptions = async (organizationId: string, client: Reader = db) =>
  client.numberSeries.findMany({
    where: { organizationId, kind: "invoice" },
    orderBy: [{ isDefault: "desc" }, { name: "asc" }],
    select: { id: true, name: true, format: true, isDefault: true },
  });

export type InvoiceSeriesOption = Awaited<ReturnType<typeof listInvoiceSeriesOptions>>[number];

const customerSelect = {
  id: true,
  externalId: true,
  name: true,
  email: true,
  addressLine1: true,
  addressLine2: true,
  city: true,
  postalCode: true,
  country: true,
  taxId: true,
  currency: true,
  status: true,
  archivedAt: true,
  createdAt: true,
  updatedAt: true,
  defaultInvoiceSeriesId: true,
  defaultInvoiceSeries: { select: { id: true, name: true } },
} satisfies Prisma.CustomerSelect;

/** The customer, or null when it does not exist in this organisation (the page then 404s). */
export const getCustomer = async (params: { organizationId: string; customerId: string }, client: Reader = db) =>
  client.customer.findFirst({
    where: { id: params.customerId, organizationId: params.organizationId },
    select: customerSelect,
  });

export type CustomerRecord = NonNullable<Awaited<ReturnType<typeof getCustomer>>>;

/**
 * What the customer page shows besides the customer itself, read in parallel. Call it only for a
 * customer already found in this organisation (getCustomer): the page 404s before asking.
 */
export const getCustomerActivity = async (
  params: { organizationId: string; customerId: string },
  client: Reader = db,
) => {
  const { organizationId, customerId } = params;
  const [wallets, invoices, invoiceCount, outstanding, subscriptions, history] = await Promise.all([
    client.wallet.findMany({
      where: { customerId, customer: { organizationId } },
      orderBy: { currency: "asc" },
      select: { id: true, currency: true, balanceMinor: true },
    }),
    client.invoice.findMany({
      where: { organizationId, customerId },
      orderBy: [{ issueDate: "desc" }, { createdAt: "desc" }, { id: "desc" }],
      take: CUSTOMER_INVOICES_SHOWN,
      select: {
        id: true,
        number: true,
        status: true,
        paymentStatus: true,
        currency: true,
        issueDate: true,
        dueDate: true,
        totalMinor: true,
        amountDueMinor: true,
        usageOwner: { select: { id: true, name: true } },
      },
    }),
    client.invoice.count({ where: { organizationId, customerId } }),
    outstandingByCustomer({ organizationId, customerIds: [customerId] }, client),
    client.subscription.findMany({
      where: { organizationId, OR: [{ customerId }, { invoicingCustomerId: customerId }] },
      orderBy: [{ status: "asc" }, { startDate: "desc" }],
      take: SUBSCRIPTIONS_SHOWN,
      select: {
        id: true,
        status: true,
        startDate: true,
        currentPeriodStart: true,
        currentPeriodEnd: true,
        cancelAtPeriodEnd: true,
        canceledAt: true,
        plan: { select: { name: true, code: true, currency: true, interval: true } },
        customer: { select: { id: true, name: true } },
        invoicingCustomer: { select: { id: true, name: true } },
      },
    }),
    client.auditEntry.findMany({
      where: { organizationId, entityType: "customer", entityId: customerId },
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      take: HISTORY_SHOWN,
      select: { id: true, actorLabel: true, action: true, summary: true, reason: true, changes: true, createdAt: true },
    }),
  ]);

  return {
    wallets,
    invoices,
    invoiceCount,
    outstanding: outstanding.get(customerId) ?? [],
    subscriptions,
    history,
  };
};

export type CustomerActivity = Awaited<ReturnType<typeof getCustomerActivity>>;
