// The invoice list's address bar: filters, sort and page cursor read from the search params (a
// malformed value falls back to "no filter", never an error page) and written back as short links.
import { z } from "zod";
import type { PaymentStatus } from "@/lib/db/generated/enums";
import type { DisplayStatus } from "./status";

export const INVOICE_STATUS_FILTERS = [
  "draft",
  "finalized",
  "overdue",
  "paid",
  "uncollectible",
  "void",
] as const satisfies readonly DisplayStatus[];

export const PAYMENT_STATUS_FILTERS = [
  "unpaid",
  "partially_paid",
  "paid",
  "partially_refunded",
  "refunded",
] as const satisfies readonly PaymentStatus[];

export const INVOICE_SORTS = ["issued", "due", "total"] as const;
export type InvoiceSort = (typeof INVOICE_SORTS)[number];

export const SORT_DIRECTIONS = ["desc", "asc"] as const;
export type SortDirection = (typeof SORT_DIRECTIONS)[number];

export const DEFAULT_SORT: InvoiceSort = "issued";
export const DEFAULT_DIRECTION: SortDirection = "desc";

// Search params may repeat (?q=a&q=b); the first one counts.
const firstValue = (value: unknown) => (Array.isArray(value) ? value[0] : value);

const optional = <Schema extends z.ZodType>(schema: Schema) =>
  z
    .preprocess((value) => {
      const first = firstValue(value);
      // An empty field from a plain GET form means "no filter".
      return first === "" ? undefined : first;
    }, schema.optional())
    .catch(undefined);

const isCalendarDate = (text: string): boolean => {
  const date = new Date(`${text}T00:00:00.000Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === text;
};

const calendarDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/)
  .refine(isCalendarDate);

// People call a finalized invoice "open", and may type that into the address.
const statusFilter = z.preprocess((value) => (value === "open" ? "finalized" : value), z.enum(INVOICE_STATUS_FILTERS));

export const invoiceListParamsSchema = z.object({
  q: z.preprocess(firstValue, z.string().trim().max(200).catch("")).catch(""),
  status: optional(statusFilter),
  payment: optional(z.enum(PAYMENT_STATUS_FILTERS)),
  customer: optional(z.string().regex(/^[A-Za-z0-9_]{1,64}$/)),
  currency: optional(
    z
      .string()
      .trim()
      .toUpperCase()
      .regex(/^[A-Z]{3}$/),
  ),
  /** Issue date from, inclusive ("YYYY-MM-DD"). */
  from: optional(calendarDate),
  /** Issue date to, inclusive ("YYYY-MM-DD"). */
  to: optional(calendarDate),
  sort: z.preprocess(firstValue, z.enum(INVOICE_SORTS)).catch(DEFAULT_SORT),
  dir: z.preprocess(firstValue, z.enum(SORT_DIRECTIONS)).catch(DEFAULT_DIRECTION),
  after: optional(z.string().max(500)),
  before: optional(z.string().max(500)),
});

/** Plain strings only, so the page can hand them to client components as they are. */
export type InvoiceListParams = z.output<typeof invoiceListParamsSchema>;
export type InvoiceListFilters = Pick<
  InvoiceListParams,
  "q" | "status" | "payment" | "customer" | "currency" | "from" | "to"
>;

/** True when anything narrows the list, so the empty state says "clear filters" rather than "create". */
export const hasActiveFilters = (params: InvoiceListFilters): boolean =>
  Boolean(
    params.q || params.status || params.payment || params.customer || params.currency || params.from || params.to,
  );

/** The list's address for these params, defaults left out so shared links stay short. */
export const invoiceListHref = (params: Partial<InvoiceListParams>): string => {
  const search = new URLSearchParams();
  if (params.q) search.set("q", params.q);
  if (params.status) search.set("status", params.status);
  if (params.payment) search.set("payment", params.payment);
  if (params.customer) search.set("customer", params.customer);
  if (params.currency) search.set("currency", params.currency);
  if (params.from) search.set("from", params.from);
  if (params.to) search.set("to", params.to);
  if (params.sort && params.sort !== DEFAULT_SORT) search.set("sort", params.sort);
  if (params.dir && params.dir !== DEFAULT_DIRECTION) search.set("dir", params.dir);
  if (params.after) search.set("after", params.after);
  else if (params.before) search.set("before", params.before);
  const query = search.toString();
  return query ? `/invoices?${query}` : "/invoices";
};

/** Back to every invoice, in the same order. */
export const clearFiltersHref = (params: Pick<InvoiceListParams, "sort" | "dir">): string =>
  invoiceListHref({ sort: params.sort, dir: params.dir });

/**
 * Where each sortable column's header leads: the column the list is sorted by turns round, another
 * column starts with its largest or latest first. A new order starts again at the first page.
 */
export const sortHrefs = (params: InvoiceListParams): Record<InvoiceSort, string> => {
  const hrefFor = (sort: InvoiceSort) =>
    invoiceListHref({
      ...params,
      sort,
      dir: params.sort === sort && params.dir === "desc" ? "asc" : "desc",
      after: undefined,
      before: undefined,
    });
  return { issued: hrefFor("issued"), due: hrefFor("due"), total: hrefFor("total") };
};

// ---------------------------------------------------------------- cursors

/**
 * The key of the row at a page's edge: the sort column's value ("YYYY-MM-DD" for dates, the minor
 * units as digits for totals) and the id that breaks ties. It names its sort and direction, so a
 * cursor kept from another order is ignored rather than landing somewhere arbitrary.
 */
export type InvoiceCursor = { sort: InvoiceSort; dir: SortDirection; value: string; id: string };

const CURSOR_VALUE: Record<InvoiceSort, RegExp> = {
  issued: /^\d{4}-\d{2}-\d{2}$/,
  due: /^\d{4}-\d{2}-\d{2}$/,
  total: /^\d{1,19}$/,
};

// PostgreSQL's bigint: a larger total in a forged cursor would fail the cast, not just miss.
const MAX_BIGINT = 9_223_372_036_854_775_807n;

// Opaque in the address bar; base64url keeps it one token without escaping.
export const encodeInvoiceCursor = (cursor: InvoiceCursor): string =>
  Buffer.from(JSON.stringify([cursor.sort, cursor.dir, cursor.value, cursor.id])).toString("base64url");

/** The cursor, or null when absent, tampered with or made for another sort (the list then starts over). */
export const decodeInvoiceCursor = (
  text: string | undefined,
  expected: { sort: InvoiceSort; dir: SortDirection },
): InvoiceCursor | null => {
  if (!text) return null;
  let value: unknown;
  try {
    value = JSON.parse(Buffer.from(text, "base64url").toString("utf8"));
  } catch {
    return null;
  }
  if (!Array.isArray(value) || value.length !== 4 || !value.every((part) => typeof part === "string")) return null;
  const [sort, dir, key, id] = value as [string, string, string, string];
  if (sort !== expected.sort || dir !== expected.dir) return null;
  if (!CURSOR_VALUE[expected.sort].test(key) || !/^[A-Za-z0-9_]{1,64}$/.test(id)) return null;
  if (expected.sort === "total" ? BigInt(key) > MAX_BIGINT : !isCalendarDate(key)) return null;
  return { sort: expected.sort, dir: expected.dir, value: key, id };
};
