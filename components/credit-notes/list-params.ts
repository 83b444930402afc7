// The credit note list's address bar: filters (reason, customer, issue dates, status) and the page
// cursor, read from the search params (a malformed value means "no filter", never an error page)
// and written back as short links.
import { z } from "zod";
import { CREDIT_NOTE_REASONS } from "@/lib/credit-notes/schemas";

export const CREDIT_NOTE_STATUS_FILTERS = ["issued", "void"] as const;

// Search params may repeat (?reason=a&reason=b); the first one counts.
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

export const creditNoteListParamsSchema = z.object({
  reason: optional(z.enum(CREDIT_NOTE_REASONS)),
  status: optional(z.enum(CREDIT_NOTE_STATUS_FILTERS)),
  customer: optional(z.string().regex(/^[A-Za-z0-9_]{1,64}$/)),
  /** Issued on or after this calendar date ("YYYY-MM-DD"), in the organisation's time zone. */
  from: optional(calendarDate),
  /** Issued on or before this calendar date, inclusive. */
  to: optional(calendarDate),
  cursor: optional(z.string().max(500)),
});

/** Plain strings only, so the page can hand them to client components as they are. */
export type CreditNoteListParams = z.output<typeof creditNoteListParamsSchema>;
export type CreditNoteListFilters = Omit<CreditNoteListParams, "cursor">;

export const hasActiveFilters = (params: CreditNoteListFilters): boolean =>
  Boolean(params.reason || params.status || params.customer || params.from || params.to);

/** The list's address for these params, empty ones left out so shared links stay short. */
export const creditNoteListHref = (params: Partial<CreditNoteListParams>): string => {
  const search = new URLSearchParams();
  if (params.reason) search.set("reason", params.reason);
  if (params.status) search.set("status", params.status);
  if (params.customer) search.set("customer", params.customer);
  if (params.from) search.set("from", params.from);
  if (params.to) search.set("to", params.to);
  if (params.cursor) search.set("cursor", params.cursor);
  const query = search.toString();
  return query ? `/credit-notes?${query}` : "/credit-notes";
};
