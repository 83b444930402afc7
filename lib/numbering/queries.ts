// Reads for Settings > Numbering, scoped to the signed-in user's organisation: every series with
// the number it would give a document finalized today, and how many documents use it.
import { db, type Tx } from "@/lib/db/client";
import type { NumberSeriesKind } from "@/lib/db/generated/enums";
import { seriesPreview } from "./format";
import { highestIssuedNumber } from "./series";

/** A read-only client: the app's `db` or a transaction (tests pass their own). */
type Reader = Tx;

export type NumberSeriesListRow = {
  id: string;
  kind: NumberSeriesKind;
  name: string;
  format: string;
  nextNumber: number;
  isDefault: boolean;
  /** The number a document finalized today would get, or why there is none (a bad stored format). */
  preview: { ok: true; number: string } | { ok: false; error: string };
  /** Invoices (drafts included) or receipts that carry this series. */
  documentCount: number;
};

export type NumberSeriesList = Record<NumberSeriesKind, NumberSeriesListRow[]>;

const countsBySeries = async (organizationId: string, client: Reader): Promise<Map<string, number>> => {
  // Two grouped counts, not a count per row: the page costs the same with ten series or a hundred.
  const [invoices, receipts] = await Promise.all([
    client.invoice.groupBy({
      by: ["seriesId"],
      where: { organizationId, seriesId: { not: null } },
      _count: { _all: true },
    }),
    client.receipt.groupBy({
      by: ["seriesId"],
      where: { organizationId, seriesId: { not: null } },
      _count: { _all: true },
    }),
  ]);
  const counts = new Map<string, number>();
  for (const group of [...invoices, ...receipts]) {
    if (group.seriesId) counts.set(group.seriesId, (counts.get(group.seriesId) ?? 0) + group._count._all);
  }
  return counts;
};

/** Every series of the organisation, by kind: the default first, then by name. */
export const listNumberSeries = async ({
  organizationId,
  timeZone,
  now = new Date(),
  client = db,
}: {
  organizationId: string;
  /** The organisation's zone: it decides the date in each preview. */
  timeZone: string;
  now?: Date;
  client?: Reader;
}): Promise<NumberSeriesList> => {
  const [series, counts] = await Promise.all([
    client.numberSeries.findMany({
      where: { organizationId },
      select: { id: true, kind: true, name: true, format: true, nextNumber: true, isDefault: true },
      orderBy: [{ isDefault: "desc" }, { name: "asc" }, { id: "asc" }],
    }),
    countsBySeries(organizationId, client),
  ]);
  const list: NumberSeriesList = { invoice: [], receipt: [] };
  for (const row of series) {
    list[row.kind].push({
      ...row,
      preview: seriesPreview({ format: row.format, nextNumber: row.nextNumber, timeZone, date: now }),
      documentCount: counts.get(row.id) ?? 0,
    });
  }
  return list;
};

export type NumberSeriesDetail = {
  id: string;
  kind: NumberSeriesKind;
  name: string;
  format: string;
  nextNumber: number;
  isDefault: boolean;
  /** The issued number with the highest counter, shown beside the next number it must pass. */
  lastIssued: string | null;
  /** The other series of the same kind, so the form can warn when two would print the same numbers. */
  siblings: { kind: NumberSeriesKind; name: string; format: string }[];
};

/** One series for its edit form, or null when the organisation has no such series. */
export const getNumberSeries = async ({
  organizationId,
  seriesId,
  client = db,
}: {
  organizationId: string;
  seriesId: string;
  client?: Reader;
}): Promise<NumberSeriesDetail | null> => {
  const series = await client.numberSeries.findFirst({
    where: { id: seriesId, organizationId },
    select: { id: true, kind: true, name: true, format: true, nextNumber: true, isDefault: true },
  });
  if (!series) return null;
  const [siblings, lastIssued] = await Promise.all([
    client.numberSeries.findMany({
      where: { organizationId, kind: series.kind, id: { not: series.id } },
      select: { kind: true, name: true, format: true },
      orderBy: { name: "asc" },
    }),
    highestIssuedNumber(client, { organizationId, seriesId: series.id, kind: series.kind, formats: [series.format] }),
  ]);
  return { ...series, lastIssued: lastIssued?.number ?? null, siblings };
};
