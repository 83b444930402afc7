// Assigning document numbers from a series inside the transaction that issues the document. The
// series row is the counter: advancing it locks the row until commit, so concurrent finalizations
// of one series queue up and get distinct, gap-free numbers, and a rollback gives the number back.
import type { Tx } from "@/lib/db/client";
import type { NumberSeries } from "@/lib/db/generated/client";
import type { NumberSeriesKind } from "@/lib/db/generated/enums";
import { NotFoundError, UserError } from "@/lib/errors";
import { newId } from "@/lib/ids";
import { formatSeriesNumber } from "./format";

/** What an organisation that never set up numbering gets, created on first use. */
export const DEFAULT_SERIES: Record<NumberSeriesKind, { name: string; format: string }> = {
  invoice: { name: "Default", format: "INV-{YYYY}{MM}-{NNNN}" },
  receipt: { name: "Receipts", format: "RCP-{YYYY}-{NNNNN}" },
};

// A number typed by hand (a custom invoice number) may already hold the series' next value; it is
// skipped. More than this many in a row means the counter sits among hand-typed numbers.
const MAX_SKIPPED_NUMBERS = 25;

export type TakeNextNumberInput = {
  organizationId: string;
  seriesId: string;
  kind: NumberSeriesKind;
  /**
   * The date the number prints ({YYYY}{MM}{DD}), read in timeZone. A calendar date (a DATE column
   * such as an issue date, already the organisation's date, stored as UTC midnight) goes with
   * timeZone "UTC" so it is printed as it is.
   */
  date: Date;
  timeZone: string;
};

const numberTaken = async (
  tx: Tx,
  { organizationId, kind, number }: { organizationId: string; kind: NumberSeriesKind; number: string },
) => {
  switch (kind) {
    case "invoice":
      return (await tx.invoice.count({ where: { organizationId, number } })) > 0;
    case "receipt":
      return (await tx.receipt.count({ where: { organizationId, number } })) > 0;
    default: {
      const unknown: never = kind;
      throw new Error(`Unhandled series kind ${String(unknown)}`);
    }
  }
};

/**
 * Advances the series' counter and returns the formatted number. Call it inside the transaction
 * that stores the number, as late as possible: the series row stays locked until that commits.
 */
export const takeNextNumber = async (tx: Tx, input: TakeNextNumberInput): Promise<string> => {
  const { organizationId, seriesId, kind, date, timeZone } = input;
  for (let skipped = 0; ; skipped++) {
    const rows = await tx.$queryRaw<{ counter: number; format: string; name: string }[]>`
      UPDATE "NumberSeries" SET "nextNumber" = "nextNumber" + 1, "updatedAt" = now()
      WHERE "id" = ${seriesId} AND "organizationId" = ${organizationId} AND "kind" = ${kind}::"NumberSeriesKind"
      RETURNING "nextNumber" - 1 AS counter, "format", "name"`;
    const series = rows[0];
    if (!series) throw new NotFoundError("Number series");
    const number = formatSeriesNumber({ format: series.format, counter: series.counter, date, timeZone });
    // The hand-typed holder exists, so skipping its number leaves no gap among issued numbers.
    if (!(await numberTaken(tx, { organizationId, kind, number }))) return number;
    if (skipped === MAX_SKIPPED_NUMBERS) {
      throw new UserError(
        `The series ${series.name} keeps reaching numbers already used by other documents (last: ${number}). Raise its next number in the numbering settings.`,
      );
    }
  }
};

/**
 * The organisation's default series of a kind: the one marked default, else the oldest; when it
 * has none, the standard one is created (concurrent callers end up with the same row).
 */
// Two-key advisory locks live apart from the one-key ones the seed and migrations take.
const SERIES_LOCK_CLASS = 0x4e53; // "NS"

/**
 * Serialises changes to one organisation's series of one kind, even before any row exists to
 * lock: Settings > Numbering and the automatic default below both take it, so two "first" series
 * can never both become the default.
 */
export const lockSeriesKind = async (
  tx: Tx,
  { organizationId, kind }: { organizationId: string; kind: NumberSeriesKind },
): Promise<void> => {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(${SERIES_LOCK_CLASS}::int, hashtext(${`${organizationId}:${kind}`}))`;
};

const findDefault = (tx: Tx, organizationId: string, kind: NumberSeriesKind) =>
  tx.numberSeries.findFirst({
    where: { organizationId, kind },
    orderBy: [{ isDefault: "desc" }, { createdAt: "asc" }, { id: "asc" }],
  });

export const defaultSeries = async (tx: Tx, organizationId: string, kind: NumberSeriesKind): Promise<NumberSeries> => {
  const existing = await findDefault(tx, organizationId, kind);
  if (existing) return existing;
  await lockSeriesKind(tx, { organizationId, kind });
  const createdMeanwhile = await findDefault(tx, organizationId, kind);
  if (createdMeanwhile) return createdMeanwhile;
  const { name, format } = DEFAULT_SERIES[kind];
  // ON CONFLICT rather than create(): a unique violation would abort the caller's transaction.
  await tx.$executeRaw`
    INSERT INTO "NumberSeries" ("id", "organizationId", "kind", "name", "format", "nextNumber", "isDefault", "updatedAt")
    VALUES (${newId("numberSeries")}, ${organizationId}, ${kind}::"NumberSeriesKind", ${name}, ${format}, 1, true, now())
    ON CONFLICT ("organizationId", "kind", "name") DO NOTHING`;
  return tx.numberSeries.findFirstOrThrow({ where: { organizationId, kind, name } });
};
