// Reads for the invoice list: filtered in SQL, paginated by key (issue date, id), with counts per
// displayed status ("overdue" derived from the due date, never stored).
import { db } from "@/lib/db/client";
import type { Prisma } from "@/lib/db/generated/client";
import type { InvoiceStatus } from "@/lib/db/generated/enums";
import type { DisplayStatus } from "./status";

export const INVOICE_PAGE_SIZE = 50;

export const DISPLAY_STATUSES = [
  "draft",
  "finalized",
  "overdue",
  "paid",
  "uncollectible",
  "void",
] as const satisfies readonly DisplayStatus[];

const statusWhere = (status: DisplayStatus | undefined, today: Date): Prisma.InvoiceWhereInput => {
  if (!status) return {};
  if (status === "overdue") return { status: "finalized", amountDueMinor: { gt: 0 }, dueDate: { lt: today } };
  return { status };
};

/** Cursor: the last row's issue date and id, so the next page starts strictly after it. */
export const encodeCursor = (row: { issueDate: Date; id: string }) =>
  `${row.issueDate.toISOString().slice(0, 10)}_${row.id}`;

const decodeCursor = (cursor: string | undefined): { issueDate: Date; id: string } | undefined => {
  const match = cursor?.match(/^(\d{4}-\d{2}-\d{2})_(inv_[0-9A-Z]+)$/);
  if (!match?.[1] || !match[2]) return undefined;
  return { issueDate: new Date(`${match[1]}T00:00:00.000Z`), id: match[2] };
};

export const listInvoices = async (options: {
  organizationId: string;
  today: Date;
  status?: DisplayStatus;
  cursor?: string;
}) => {
  const after = decodeCursor(options.cursor);
  const where: Prisma.InvoiceWhereInput = {
    organizationId: options.organizationId,
    ...statusWhere(options.status, options.today),
    ...(after
      ? { OR: [{ issueDate: { lt: after.issueDate } }, { issueDate: after.issueDate, id: { lt: after.id } }] }
      : {}),
  };
  const rows = await db.invoice.findMany({
    where,
    orderBy: [{ issueDate: "desc" }, { id: "desc" }],
    take: INVOICE_PAGE_SIZE + 1,
    select: {
      id: true,
      number: true,
      status: true,
      paymentStatus: true,
      type: true,
      currency: true,
      issueDate: true,
      dueDate: true,
      totalMinor: true,
      amountDueMinor: true,
      customer: { select: { id: true, name: true } },
    },
  });
  const page = rows.slice(0, INVOICE_PAGE_SIZE);
  const last = page.at(-1);
  return { invoices: page, nextCursor: rows.length > INVOICE_PAGE_SIZE && last ? encodeCursor(last) : undefined };
};

export const countInvoicesByStatus = async (
  organizationId: string,
  today: Date,
): Promise<Record<DisplayStatus, number>> => {
  const [byStatus, overdue] = await Promise.all([
    db.invoice.groupBy({ by: ["status"], where: { organizationId }, _count: { _all: true } }),
    db.invoice.count({ where: { organizationId, ...statusWhere("overdue", today) } }),
  ]);
  const counts: Record<DisplayStatus, number> = { draft: 0, finalized: 0, overdue, paid: 0, uncollectible: 0, void: 0 };
  for (const row of byStatus) counts[row.status as InvoiceStatus] = row._count._all;
  return counts;
};
