// Usage summary: events per customer and event name in a period, counted in SQL (never loaded).
import { db } from "@/lib/db/client";

export type UsageSummaryRow = {
  customerId: string;
  customerName: string;
  eventName: string;
  events: number;
  lastEventAt: Date;
};

export const summarizeUsage = async (options: {
  organizationId: string;
  from: Date;
  to: Date;
}): Promise<UsageSummaryRow[]> => {
  const rows = await db.$queryRaw<
    { customerId: string; customerName: string; eventName: string; events: bigint; lastEventAt: Date }[]
  >`
    SELECT e."customerId", c."name" AS "customerName", e."eventName", COUNT(*)::bigint AS events, MAX(e."timestamp") AS "lastEventAt"
    FROM "UsageEvent" e JOIN "Customer" c ON c."id" = e."customerId"
    WHERE e."organizationId" = ${options.organizationId} AND e."timestamp" >= ${options.from} AND e."timestamp" < ${options.to}
    GROUP BY e."customerId", c."name", e."eventName"
    ORDER BY c."name", e."eventName"`;
  return rows.map((row) => ({ ...row, events: Number(row.events) }));
};
