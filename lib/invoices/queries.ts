// Reads for the invoice list: filtered in SQL, paged by key on (sort column, id) with a row-value
// comparison the indexes Invoice(organizationId, <column>, id) answer directly, so page 2,000 costs
// what page 1 does; and the counts per displayed status ("overdue" derived, never stored).
import { db, type Tx } from "@/lib/db/client";
import { Prisma } from "@/lib/db/generated/client";
import type { CustomerStatus, InvoiceStatus, PaymentStatus } from "@/lib/db/generated/enums";
import {
  decodeInvoiceCursor,
  encodeInvoiceCursor,
  type InvoiceListFilters,
  type InvoiceSort,
  type SortDirection,
} from "./list-params";
import type { DisplayStatus } from "./status";

export const INVOICE_PAGE_SIZE = 50;

/** A read-only client: the app's `db` or a transaction (tests pass their own). */
type Reader = Tx;

export type InvoiceListRow = {
  id: string;
  number: string | null;
  status: InvoiceStatus;
  paymentStatus: PaymentStatus;
  currency: string;
  issueDate: Date;
  dueDate: Date;
  totalMinor: bigint;
  amountDueMinor: bigint;
  customer: { id: string; name: string };
  /** Whose usage the invoice counts, when someone else pays for it. */
  usageOwner: { id: string; name: string } | null;
};

export type InvoiceListPage = {
  rows: InvoiceListRow[];
  /** Cursor for the page after this one, or null on the last page. */
  nextCursor: string | null;
  /** Cursor for the page before this one, or null on the first page. */
  previousCursor: string | null;
};

export type ListInvoicesParams = InvoiceListFilters & {
  organizationId: string;
  /** Today in the organisation's time zone (todayIn), which decides "overdue". */
  today: Date;
  sort: InvoiceSort;
  dir: SortDirection;
  after?: string;
  before?: string;
  pageSize?: number;
};

// ---------------------------------------------------------------- SQL pieces

// Column names are fixed here, never taken from the request.
const SORT_COLUMN: Record<InvoiceSort, Prisma.Sql> = {
  issued: Prisma.raw(`i."issueDate"`),
  due: Prisma.raw(`i."dueDate"`),
  total: Prisma.raw(`i."totalMinor"`),
};

const sortValueOf = (sort: InvoiceSort, row: { issueDate: Date; dueDate: Date; totalMinor: bigint }): string => {
  if (sort === "total") return row.totalMinor.toString();
  return isoDate(sort === "issued" ? row.issueDate : row.dueDate);
};

// A cursor's value goes back with the column's own type, so the comparison stays an index range.
const sortValueSql = (sort: InvoiceSort, value: string): Prisma.Sql =>
  sort === "total" ? Prisma.sql`${value}::bigint` : Prisma.sql`${value}::date`;

// DATE columns are compared with "YYYY-MM-DD" text cast to date: a JS Date would travel as a
// timestamp and be cut to a date in the session's time zone, which may not be UTC.
const isoDate = (date: Date): string => date.toISOString().slice(0, 10);

// Prisma passes the pattern straight to ILIKE, where `_` and `%` are wildcards and `\` escapes.
const escapeLike = (text: string) => text.replace(/[\\%_]/g, (character) => `\\${character}`);

const overdueSql = (today: Date) =>
  Prisma.sql`(i."status" = 'finalized' AND i."amountDueMinor" > 0 AND i."dueDate" < ${isoDate(today)}::date)`;

const statusSql = (status: DisplayStatus, today: Date): Prisma.Sql =>
  status === "overdue" ? overdueSql(today) : Prisma.sql`i."status" = ${status}::"InvoiceStatus"`;

/** Every filter but the status, which the counts leave out so each tab shows what it would list. */
const filterConditions = (organizationId: string, filters: InvoiceListFilters): Prisma.Sql[] => {
  const conditions = [Prisma.sql`i."organizationId" = ${organizationId}`];
  // A draft is not payable yet, so it has no payment state to filter on.
  if (filters.payment) {
    conditions.push(Prisma.sql`i."paymentStatus" = ${filters.payment}::"PaymentStatus" AND i."status" <> 'draft'`);
  }
  if (filters.customer) conditions.push(Prisma.sql`i."customerId" = ${filters.customer}`);
  if (filters.currency) conditions.push(Prisma.sql`i."currency" = ${filters.currency}`);
  if (filters.from) conditions.push(Prisma.sql`i."issueDate" >= ${filters.from}::date`);
  if (filters.to) conditions.push(Prisma.sql`i."issueDate" <= ${filters.to}::date`);
  const q = filters.q.trim();
  if (q) {
    const pattern = `%${escapeLike(q)}%`;
    // Customers are few next to invoices: their matching ids are found once, then probed per row.
    conditions.push(Prisma.sql`(i."number" ILIKE ${pattern} OR i."customerId" IN (
      SELECT c."id" FROM "Customer" c WHERE c."organizationId" = ${organizationId} AND c."name" ILIKE ${pattern}))`);
  }
  return conditions;
};

const whereSql = (conditions: Prisma.Sql[]) => Prisma.join(conditions, " AND ");

// ---------------------------------------------------------------- the list

type PageRow = Omit<InvoiceListRow, "customer" | "usageOwner" | "currency"> & {
  currency: string;
  customerId: string;
  customerName: string;
  usageOwnerId: string | null;
  usageOwnerName: string | null;
};

/** The page's SQL, and how to read its rows; exported so the plan can be checked (EXPLAIN). */
export const invoicePageQuery = (params: ListInvoicesParams) => {
  const { sort, dir, today } = params;
  const pageSize = params.pageSize ?? INVOICE_PAGE_SIZE;
  const afterKey = decodeInvoiceCursor(params.after, { sort, dir });
  const beforeKey = afterKey ? null : decodeInvoiceCursor(params.before, { sort, dir });
  const backward = beforeKey !== null;
  const key = afterKey ?? beforeKey;

  // Walking back reads the rows before the cursor in reverse order, then turns the page round.
  const readDescending = (dir === "desc") !== backward;
  const order = readDescending ? Prisma.raw("DESC") : Prisma.raw("ASC");
  const column = SORT_COLUMN[sort];

  const conditions = filterConditions(params.organizationId, params);
  if (params.status) conditions.push(statusSql(params.status, today));
  if (key) {
    const comparison = readDescending ? Prisma.raw("<") : Prisma.raw(">");
    conditions.push(Prisma.sql`(${column}, i."id") ${comparison} (${sortValueSql(sort, key.value)}, ${key.id})`);
  }

  // The page is chosen from Invoice alone (one index range, LIMIT); then each row's names are
  // looked up by primary key, so the cost stays the same however many customers there are.
  const sql = Prisma.sql`
    SELECT p.*,
           (SELECT c."name" FROM "Customer" c WHERE c."id" = p."customerId") AS "customerName",
           (SELECT u."name" FROM "Customer" u WHERE u."id" = p."usageOwnerId") AS "usageOwnerName"
    FROM (
      SELECT i."id", i."number", i."status"::text AS "status", i."paymentStatus"::text AS "paymentStatus",
             i."currency", i."issueDate", i."dueDate", i."totalMinor", i."amountDueMinor",
             i."customerId", i."usageOwnerId", ${column} AS "sortValue"
      FROM "Invoice" i
      WHERE ${whereSql(conditions)}
      ORDER BY ${column} ${order}, i."id" ${order}
      LIMIT ${pageSize + 1}
    ) p
    ORDER BY p."sortValue" ${order}, p."id" ${order}`;
  return { sql, pageSize, backward, fromCursor: afterKey !== null };
};

export const listInvoices = async (params: ListInvoicesParams, client: Reader = db): Promise<InvoiceListPage> => {
  const { sort, dir } = params;
  const { sql, pageSize, backward, fromCursor } = invoicePageQuery(params);
  const found = await client.$queryRaw<PageRow[]>(sql);

  // One extra row says whether another page exists in the direction of travel.
  const hasMoreInDirection = found.length > pageSize;
  const page = found.slice(0, pageSize);
  if (backward) page.reverse();

  const rows = page.map((row): InvoiceListRow => ({
    id: row.id,
    number: row.number,
    status: row.status,
    paymentStatus: row.paymentStatus,
    currency: row.currency.trim(),
    issueDate: row.issueDate,
    dueDate: row.dueDate,
    totalMinor: row.totalMinor,
    amountDueMinor: row.amountDueMinor,
    customer: { id: row.customerId, name: row.customerName },
    usageOwner:
      row.usageOwnerId && row.usageOwnerName !== null ? { id: row.usageOwnerId, name: row.usageOwnerName } : null,
  }));

  const cursorOf = (row: InvoiceListRow | undefined) =>
    row ? encodeInvoiceCursor({ sort, dir, value: sortValueOf(sort, row), id: row.id }) : null;
  // Arriving from a cursor means rows exist on the side we came from.
  const hasNext = backward ? true : hasMoreInDirection;
  const hasPrevious = backward ? hasMoreInDirection : fromCursor;
  return {
    rows,
    nextCursor: hasNext ? cursorOf(rows.at(-1)) : null,
    previousCursor: hasPrevious ? cursorOf(rows[0]) : null,
  };
};

// ---------------------------------------------------------------- counts per status

export type InvoiceStatusCounts = Record<DisplayStatus | "all", number>;

type CountsParams = InvoiceListFilters & { organizationId: string; today: Date };

/** The counts' SQL; exported so the plan can be checked (EXPLAIN). */
export const invoiceCountsQuery = (params: CountsParams) => Prisma.sql`
  SELECT i."status"::text AS "status", COUNT(*)::int AS "count",
         (COUNT(*) FILTER (WHERE ${overdueSql(params.today)}))::int AS "overdue"
  FROM "Invoice" i
  WHERE ${whereSql(filterConditions(params.organizationId, params))}
  GROUP BY i."status"`;

/**
 * How many invoices each status tab would list under the other filters, in one grouped pass.
 * "Open" counts every finalized invoice, overdue ones included; "Overdue" is the part of it past due.
 */
export const countInvoicesByStatus = async (
  params: CountsParams,
  client: Reader = db,
): Promise<InvoiceStatusCounts> => {
  const groups = await client.$queryRaw<{ status: InvoiceStatus; count: number; overdue: number }[]>(
    invoiceCountsQuery(params),
  );
  const counts: InvoiceStatusCounts = {
    all: 0,
    draft: 0,
    finalized: 0,
    overdue: 0,
    paid: 0,
    uncollectible: 0,
    void: 0,
  };
  for (const group of groups) {
    counts[group.status] = group.count;
    counts.all += group.count;
    counts.overdue += group.overdue;
  }
  return counts;
};

// ---------------------------------------------------------------- what the filters offer

export type InvoiceCustomerOption = { id: string; name: string; status: CustomerStatus };

/** At most this many customers are offered to pick from by name; the search box covers the rest. */
export const CUSTOMER_OPTIONS_LIMIT = 2000;

export type InvoiceFilterOptions = { customers: InvoiceCustomerOption[]; currencies: string[] };

/**
 * The customers to pick from, archived ones too (their invoices stay in the list), by name, and the
 * currencies billed in. Customers are few next to invoices, so the browser narrows them as one types;
 * currencies come from the customers and the organisation's default (an invoice takes one of those),
 * not from a scan of every invoice.
 */
export const listInvoiceFilterOptions = async (
  params: {
    organizationId: string;
    defaultCurrency: string;
    selected: Pick<InvoiceListFilters, "customer" | "currency">;
  },
  client: Reader = db,
): Promise<InvoiceFilterOptions> => {
  const { organizationId, selected } = params;
  const [customers, customerCurrencies] = await Promise.all([
    client.customer.findMany({
      where: { organizationId },
      orderBy: [{ name: "asc" }, { id: "asc" }],
      take: CUSTOMER_OPTIONS_LIMIT,
      select: { id: true, name: true, status: true },
    }),
    client.customer.findMany({
      where: { organizationId, currency: { not: null } },
      distinct: ["currency"],
      select: { currency: true },
    }),
  ]);
  // The chosen customer is always offered, even beyond the limit, so its name shows in the filter.
  if (selected.customer && !customers.some((option) => option.id === selected.customer)) {
    const chosen = await client.customer.findFirst({
      where: { id: selected.customer, organizationId },
      select: { id: true, name: true, status: true },
    });
    if (chosen) customers.push(chosen);
  }
  const currencies = new Set([params.defaultCurrency.trim()]);
  for (const row of customerCurrencies) if (row.currency) currencies.add(row.currency.trim());
  if (selected.currency) currencies.add(selected.currency);
  return { customers, currencies: [...currencies].sort() };
};
