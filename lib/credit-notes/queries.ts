// Reads for the credit note pages, scoped by organisation: the list (filtered in SQL, newest first,
// paged by key on (issuedAt, id), which the index CreditNote(organizationId, issuedAt, id) answers),
// one credit note with everything its page shows, and what the issue form needs from its invoice.
import { cache } from "react";
import { db, type Tx } from "@/lib/db/client";
import { Prisma } from "@/lib/db/generated/client";
import type { CreditNoteReason, CreditNoteStatus } from "@/lib/db/generated/enums";
import { invoiceActionRefusal } from "@/lib/invoices/transitions";
import { loadCreditNoteInvoice, trimDecimal, type CreditNoteInvoice } from "./invoice-context";
import { creditableAmount } from "./preview";
import { CREDIT_NOTE_REASON_LABELS, CREDIT_NOTE_REASONS } from "./schemas";
import { CREDIT_NOTE_ENTITY, creditNoteNumber } from "./shared";

// The labels moved to schemas.ts so client components can import them; pages still find them here.
export { CREDIT_NOTE_REASON_LABELS };

export const CREDIT_NOTE_PAGE_SIZE = 50;

/** A read-only client: the app's `db` or a transaction (tests pass their own). */
type Reader = Tx;

// ---------------------------------------------------------------- cursors

type CursorKey = { issuedAt: Date; id: string };

// Opaque in the address bar; a tampered or stale cursor just starts from the first page.
const encodeCursor = (key: CursorKey): string =>
  Buffer.from(JSON.stringify([key.issuedAt.toISOString(), key.id])).toString("base64url");

const decodeCursor = (cursor: string | undefined): CursorKey | null => {
  if (!cursor) return null;
  try {
    const value: unknown = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8"));
    if (Array.isArray(value) && value.length === 2 && typeof value[0] === "string" && typeof value[1] === "string") {
      const issuedAt = new Date(value[0]);
      if (!Number.isNaN(issuedAt.getTime())) return { issuedAt, id: value[1] };
    }
  } catch {
    // Not base64 JSON: fall through to "no cursor".
  }
  return null;
};

// ---------------------------------------------------------------- the list

export type CreditNoteListRow = {
  id: string;
  number: string;
  status: CreditNoteStatus;
  reason: CreditNoteReason;
  currency: string;
  totalMinor: bigint;
  creditedToDueMinor: bigint;
  refundMinor: bigint;
  walletCreditMinor: bigint;
  outOfBandMinor: bigint;
  issuedAt: Date;
  invoice: { id: string; number: string };
  customer: { id: string; name: string };
};

export type CreditNoteListPage = {
  rows: CreditNoteListRow[];
  /** Cursor for the page after this one, or null on the last page. */
  nextCursor: string | null;
};

export type ListCreditNotesParams = {
  organizationId: string;
  reason?: string;
  customerId?: string;
  /** Issued on or after this calendar date ("YYYY-MM-DD") in timeZone. */
  from?: string;
  /** Issued on or before this calendar date, inclusive. */
  to?: string;
  status?: string;
  cursor?: string;
  /** The organisation's time zone, which decides on which day a credit note was issued. Default UTC. */
  timeZone?: string;
  pageSize?: number;
};

const CALENDAR_DATE = /^\d{4}-\d{2}-\d{2}$/;
const isCalendarDate = (text: string | undefined): text is string => {
  if (text === undefined || !CALENDAR_DATE.test(text)) return false;
  // "2024-02-30" parses to no date at all, or rolls over to March: either way it is not a date.
  const date = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(text);
};

const isReason = (value: string | undefined): value is CreditNoteReason =>
  (CREDIT_NOTE_REASONS as readonly string[]).includes(value ?? "");
const isStatus = (value: string | undefined): value is CreditNoteStatus => value === "issued" || value === "void";

type ListRow = Omit<CreditNoteListRow, "invoice" | "customer"> & {
  invoiceId: string;
  invoiceNumber: string;
  customerId: string;
  customerName: string;
};

/**
 * One page of credit notes, newest first. Filters the request cannot express (an unknown reason, a
 * malformed date) are left out rather than refused, so a hand-edited address still shows a list.
 */
export const listCreditNotes = async (
  params: ListCreditNotesParams,
  client: Reader = db,
): Promise<CreditNoteListPage> => {
  const pageSize = params.pageSize ?? CREDIT_NOTE_PAGE_SIZE;
  const timeZone = params.timeZone ?? "UTC";
  const conditions = [Prisma.sql`cn."organizationId" = ${params.organizationId}`];
  if (isReason(params.reason)) conditions.push(Prisma.sql`cn."reason" = ${params.reason}::"CreditNoteReason"`);
  if (isStatus(params.status)) conditions.push(Prisma.sql`cn."status" = ${params.status}::"CreditNoteStatus"`);
  if (params.customerId) conditions.push(Prisma.sql`cn."customerId" = ${params.customerId}`);
  // The day's bounds are computed once as instants, so the comparison stays an index range.
  if (isCalendarDate(params.from)) {
    conditions.push(Prisma.sql`cn."issuedAt" >= (${params.from}::date::timestamp AT TIME ZONE ${timeZone})`);
  }
  if (isCalendarDate(params.to)) {
    conditions.push(Prisma.sql`cn."issuedAt" < ((${params.to}::date + 1)::timestamp AT TIME ZONE ${timeZone})`);
  }
  const key = decodeCursor(params.cursor);
  if (key) conditions.push(Prisma.sql`(cn."issuedAt", cn."id") < (${key.issuedAt}::timestamptz, ${key.id})`);

  const found = await client.$queryRaw<ListRow[]>`
    SELECT cn."id", cn."number", cn."status", cn."reason", cn."currency", cn."totalMinor",
           cn."creditedToDueMinor", cn."refundMinor", cn."walletCreditMinor", cn."outOfBandMinor", cn."issuedAt",
           cn."invoiceId", i."number" AS "invoiceNumber", cn."customerId", c."name" AS "customerName"
    FROM "CreditNote" cn
    JOIN "Invoice" i ON i."id" = cn."invoiceId"
    JOIN "Customer" c ON c."id" = cn."customerId"
    WHERE ${Prisma.join(conditions, " AND ")}
    ORDER BY cn."issuedAt" DESC, cn."id" DESC
    LIMIT ${pageSize + 1}`;

  const rows = found.slice(0, pageSize).map(({ invoiceId, invoiceNumber, customerId, customerName, ...row }) => ({
    ...row,
    invoice: { id: invoiceId, number: invoiceNumber },
    customer: { id: customerId, name: customerName },
  }));
  const last = rows.at(-1);
  return { rows, nextCursor: found.length > pageSize && last ? encodeCursor(last) : null };
};

// ---------------------------------------------------------------- one credit note

const detailInclude = {
  invoice: {
    select: {
      id: true,
      number: true,
      status: true,
      paymentStatus: true,
      currency: true,
      totalMinor: true,
      creditedMinor: true,
      amountDueMinor: true,
      publicToken: true,
    },
  },
  customer: { select: { id: true, name: true, email: true, externalId: true } },
  lines: { orderBy: { id: "asc" } },
  // Refunds paid out for it.
  payments: {
    orderBy: [{ receivedOn: "asc" }, { createdAt: "asc" }, { id: "asc" }],
    select: {
      id: true,
      kind: true,
      method: true,
      status: true,
      amountMinor: true,
      currency: true,
      receivedOn: true,
      reference: true,
      createdAt: true,
    },
  },
  // The refund credit to the wallet and, after a void, the debit that took it back.
  walletTransactions: {
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    select: {
      id: true,
      walletId: true,
      type: true,
      reason: true,
      amountMinor: true,
      remainingMinor: true,
      balanceAfterMinor: true,
      createdAt: true,
    },
  },
} as const satisfies Prisma.CreditNoteInclude;

const loadCreditNoteDetail = async (organizationId: string, creditNoteId: string, client: Reader = db) => {
  const row = await client.creditNote.findFirst({
    where: { id: creditNoteId, organizationId },
    include: detailInclude,
  });
  if (!row) return null;
  const timeline = await client.auditEntry.findMany({
    where: { organizationId, entityType: CREDIT_NOTE_ENTITY, entityId: creditNoteId },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
  });
  const { invoice, customer, lines, payments, walletTransactions, ...creditNote } = row;
  return {
    creditNote,
    invoice,
    customer,
    lines: lines.map((line) => ({
      ...line,
      quantity: trimDecimal(line.quantity.toFixed()),
      taxRatePercent: trimDecimal(line.taxRatePercent.toFixed()),
    })),
    refunds: payments.filter((payment) => payment.kind === "refund"),
    walletTransactions,
    timeline,
  };
};

/** One credit note and everything its page shows, or null when it is not in this organisation. */
export const getCreditNoteDetail: typeof loadCreditNoteDetail = cache(loadCreditNoteDetail);

export type CreditNoteDetail = NonNullable<Awaited<ReturnType<typeof loadCreditNoteDetail>>>;

// ---------------------------------------------------------------- the issue form

export type CreditNoteFormData = {
  /** The invoice as the preview and the form schema take it (currency, lines, credited quantities). */
  invoice: CreditNoteInvoice;
  customer: { id: string; name: string };
  /** The number the credit note will get if issued now. */
  nextNumber: string;
  creditableMinor: bigint;
  amountDueMinor: bigint;
  paidMinor: bigint;
  /** Paid and not yet refunded: the most a refund can be. */
  refundableMinor: bigint;
  /** Why no credit note can be issued on the invoice now, or null. */
  refusal: string | null;
};

/** What the issue form shows for an invoice, or null when it is not in this organisation. */
export const getCreditNoteFormData = async (
  organizationId: string,
  invoiceId: string,
  client: Reader = db,
): Promise<CreditNoteFormData | null> => {
  const invoice = await loadCreditNoteInvoice(client, { organizationId, invoiceId });
  if (!invoice) return null;
  const [customer, latest] = await Promise.all([
    client.customer.findUniqueOrThrow({ where: { id: invoice.customerId }, select: { id: true, name: true } }),
    client.creditNote.aggregate({ where: { invoiceId }, _max: { sequence: true } }),
  ]);
  return {
    invoice,
    customer,
    nextNumber: invoice.number ? creditNoteNumber(invoice.number, (latest._max.sequence ?? 0) + 1) : "",
    creditableMinor: creditableAmount(invoice),
    amountDueMinor: invoice.amountDueMinor,
    paidMinor: invoice.paidMinor,
    refundableMinor: invoice.paidMinor > invoice.refundedMinor ? invoice.paidMinor - invoice.refundedMinor : 0n,
    refusal: invoiceActionRefusal(invoice, "issue_credit_note"),
  };
};
