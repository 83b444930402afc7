// The overview's figures, each summed in SQL per currency (documents never mix currencies).
import { db } from "@/lib/db/client";
import { startOfMonth } from "@/lib/format/date";

export type CurrencyTotal = { currency: string; amountMinor: bigint; count: number };

type Row = { currency: string; amount: bigint | null; count: bigint };

const toTotals = (rows: Row[]): CurrencyTotal[] =>
  rows.map((row) => ({ currency: row.currency.trim(), amountMinor: row.amount ?? 0n, count: Number(row.count) }));

export const getOverview = async (organizationId: string, today: Date) => {
  const monthStart = startOfMonth(today);
  const [outstanding, overdue, paidThisMonth, walletCredit, recentActivity, draftCount] = await Promise.all([
    db.$queryRaw<Row[]>`
      SELECT "currency", SUM("amountDueMinor")::bigint AS amount, COUNT(*)::bigint AS count
      FROM "Invoice"
      WHERE "organizationId" = ${organizationId} AND "status" = 'finalized' AND "amountDueMinor" > 0
      GROUP BY "currency" ORDER BY "currency"`,
    db.$queryRaw<Row[]>`
      SELECT "currency", SUM("amountDueMinor")::bigint AS amount, COUNT(*)::bigint AS count
      FROM "Invoice"
      WHERE "organizationId" = ${organizationId} AND "status" = 'finalized' AND "amountDueMinor" > 0
        AND "dueDate" < ${today}::date
      GROUP BY "currency" ORDER BY "currency"`,
    db.$queryRaw<Row[]>`
      SELECT "currency",
             SUM(CASE WHEN "kind" = 'payment' THEN "amountMinor" ELSE -"amountMinor" END)::bigint AS amount,
             COUNT(*)::bigint AS count
      FROM "Payment"
      WHERE "organizationId" = ${organizationId} AND "status" = 'succeeded' AND "receivedOn" >= ${monthStart}::date
      GROUP BY "currency" ORDER BY "currency"`,
    // The ledger's sum, not a stored balance: what the wallets hold is what their entries add up to.
    db.$queryRaw<Row[]>`
      SELECT w."currency",
             SUM(CASE WHEN t."type" = 'credit' THEN t."amountMinor" ELSE -t."amountMinor" END)::bigint AS amount,
             COUNT(DISTINCT w."id")::bigint AS count
      FROM "WalletTransaction" t
      JOIN "Wallet" w ON w."id" = t."walletId"
      JOIN "Customer" c ON c."id" = w."customerId"
      WHERE c."organizationId" = ${organizationId}
      GROUP BY w."currency" HAVING SUM(CASE WHEN t."type" = 'credit' THEN t."amountMinor" ELSE -t."amountMinor" END) <> 0
      ORDER BY w."currency"`,
    db.auditEntry.findMany({
      where: { organizationId },
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      take: 10,
      select: {
        id: true,
        actorLabel: true,
        summary: true,
        entityType: true,
        entityId: true,
        createdAt: true,
        reason: true,
      },
    }),
    db.invoice.count({ where: { organizationId, status: "draft" } }),
  ]);
  return {
    outstanding: toTotals(outstanding),
    overdue: toTotals(overdue),
    paidThisMonth: toTotals(paidThisMonth),
    walletCredit: toTotals(walletCredit),
    recentActivity,
    draftCount,
  };
};

export type Overview = Awaited<ReturnType<typeof getOverview>>;

/** Where an audit entry's document lives in the console, when it has a page. */
export const entityHref = (entityType: string, entityId: string): string | null => {
  switch (entityType) {
    case "customer":
      return `/customers/${entityId}`;
    default:
      return null;
  }
};
