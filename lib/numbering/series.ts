// Adding, changing and choosing the default number series. Each function runs inside the caller's
// transaction and writes its audit entry there. Taking numbers at finalization is assign.ts's job.
import { diffFields, recordAudit, userActor } from "@/lib/audit/record";
import type { CurrentUser } from "@/lib/auth/session";
import type { Tx } from "@/lib/db/client";
import type { NumberSeriesKind } from "@/lib/db/generated/enums";
import { isUniqueViolation, NotFoundError, UserError } from "@/lib/errors";
import { newId } from "@/lib/ids";
import { lockSeriesKind } from "./assign";
import {
  parseNextNumber,
  SERIES_KIND_NOUNS,
  type CreateNumberSeriesInput,
  type UpdateNumberSeriesInput,
} from "./schemas";

/** Who acts: the signed-in user (tests pass a plain object of the same shape). */
export type Actor = Pick<CurrentUser, "id" | "organizationId" | "name" | "email">;

const ENTITY_TYPE = "number_series";

const SERIES_COLUMNS = {
  id: true,
  organizationId: true,
  kind: true,
  name: true,
  format: true,
  nextNumber: true,
  isDefault: true,
} as const;

export type NumberSeriesRow = {
  id: string;
  organizationId: string;
  kind: NumberSeriesKind;
  name: string;
  format: string;
  nextNumber: number;
  isDefault: boolean;
};

/**
 * Locks every series of one kind in the organisation, in id order, and returns them as they are
 * now. The advisory lock serialises changes even when there is no row yet to lock (the first
 * series of a kind becomes its default); the row locks wait for finalizations that are advancing
 * a counter, so what is read here is what the change replaces.
 */
const lockSeriesOfKind = async (
  tx: Tx,
  { organizationId, kind }: { organizationId: string; kind: NumberSeriesKind },
): Promise<NumberSeriesRow[]> => {
  await lockSeriesKind(tx, { organizationId, kind });
  await tx.$executeRaw`
    SELECT 1 FROM "NumberSeries"
    WHERE "organizationId" = ${organizationId} AND "kind" = ${kind}::"NumberSeriesKind"
    ORDER BY "id"
    FOR UPDATE`;
  return tx.numberSeries.findMany({ where: { organizationId, kind }, select: SERIES_COLUMNS, orderBy: { id: "asc" } });
};

const findSeries = async (tx: Tx, { organizationId, seriesId }: { organizationId: string; seriesId: string }) => {
  const series = await tx.numberSeries.findFirst({
    where: { id: seriesId, organizationId },
    select: { id: true, kind: true },
  });
  // Another organisation's series is as good as absent: never confirm it exists.
  if (!series) throw new NotFoundError("Number series");
  return series;
};

// ---------------------------------------------------------------- names

const sameName = (a: string, b: string) => a.localeCompare(b, undefined, { sensitivity: "accent" }) === 0;

const nameTaken = (name: string, kind: NumberSeriesKind) =>
  new UserError(`There is already ${kind === "invoice" ? "an" : "a"} ${SERIES_KIND_NOUNS[kind]} series named ${name}`, {
    field: "name",
  });

// Names differing only in case would read as the same series in a list, so the check ignores case.
// Every change holds the kind's lock, so the check cannot race; the unique index (exact names)
// stays the last word for writers that bypass this module. A failed statement aborts a PostgreSQL
// transaction, hence the savepoint.
const writeHoldingName = async <T>(
  tx: Tx,
  { name, kind }: { name: string; kind: NumberSeriesKind },
  write: () => Promise<T>,
): Promise<T> => {
  await tx.$executeRaw`SAVEPOINT number_series_name`;
  let result: T;
  try {
    result = await write();
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
    await tx.$executeRaw`ROLLBACK TO SAVEPOINT number_series_name`;
    throw nameTaken(name, kind);
  }
  await tx.$executeRaw`RELEASE SAVEPOINT number_series_name`;
  return result;
};

// ---------------------------------------------------------------- numbers already issued

/**
 * A POSIX regular expression matching the numbers a (valid) format prints, capturing the counter:
 * "INV-{YYYY}{MM}-{NNNN}" -> ^INV\-[0-9]{4}[0-9]{2}\-([0-9]{4,})$. A counter wider than its
 * padding is printed whole, hence "at least N digits".
 */
export const issuedNumberPattern = (format: string): string => {
  const body = format.replace(/\{(YYYY|YY|MM|DD|N+)\}|([^{}])/g, (_match, token?: string, literal?: string) => {
    if (literal !== undefined) return /[A-Za-z0-9]/.test(literal) ? literal : `\\${literal}`;
    if (token === "YYYY") return "[0-9]{4}";
    if (token === "YY" || token === "MM" || token === "DD") return "[0-9]{2}";
    return `([0-9]{${token?.length ?? 1},})`;
  });
  return `^${body}$`;
};

export type IssuedNumber = { number: string; counter: bigint };

const highestIssuedFor = async (
  tx: Tx,
  {
    organizationId,
    seriesId,
    kind,
    pattern,
  }: { organizationId: string; seriesId: string; kind: NumberSeriesKind; pattern: string },
): Promise<IssuedNumber | null> => {
  // Custom numbers typed on a draft were never taken from the series, so they do not count.
  const rows =
    kind === "invoice"
      ? await tx.$queryRaw<{ number: string; counter: string }[]>`
          SELECT "number", substring("number" from ${pattern}) AS "counter"
          FROM "Invoice"
          WHERE "organizationId" = ${organizationId} AND "seriesId" = ${seriesId}
            AND "number" IS NOT NULL AND NOT "customNumber" AND "number" ~ ${pattern}
          ORDER BY substring("number" from ${pattern})::numeric DESC
          LIMIT 1`
      : await tx.$queryRaw<{ number: string; counter: string }[]>`
          SELECT "number", substring("number" from ${pattern}) AS "counter"
          FROM "Receipt"
          WHERE "organizationId" = ${organizationId} AND "seriesId" = ${seriesId} AND "number" ~ ${pattern}
          ORDER BY substring("number" from ${pattern})::numeric DESC
          LIMIT 1`;
  const row = rows[0];
  return row ? { number: row.number, counter: BigInt(row.counter) } : null;
};

/**
 * The issued number with the highest counter, read with each format the series has had in play
 * (the stored one and the one being saved): numbers printed under either could be reissued.
 */
export const highestIssuedNumber = async (
  tx: Tx,
  params: { organizationId: string; seriesId: string; kind: NumberSeriesKind; formats: string[] },
): Promise<IssuedNumber | null> => {
  let highest: IssuedNumber | null = null;
  for (const format of new Set(params.formats)) {
    const found = await highestIssuedFor(tx, { ...params, pattern: issuedNumberPattern(format) });
    if (found && (!highest || found.counter > highest.counter)) highest = found;
  }
  return highest;
};

// ---------------------------------------------------------------- create

export const createNumberSeries = async (
  tx: Tx,
  { actor, input }: { actor: Actor; input: CreateNumberSeriesInput },
): Promise<NumberSeriesRow> => {
  const { organizationId } = actor;
  const existing = await lockSeriesOfKind(tx, { organizationId, kind: input.kind });
  const holder = existing.find((series) => sameName(series.name, input.name));
  if (holder) throw nameTaken(holder.name, input.kind);
  // Every kind has exactly one default once it has a series: the first one added is it.
  const isDefault = !existing.some((series) => series.isDefault);

  const series = await writeHoldingName(tx, input, () =>
    tx.numberSeries.create({
      data: {
        id: newId("numberSeries"),
        organizationId,
        kind: input.kind,
        name: input.name,
        format: input.format,
        nextNumber: input.nextNumber,
        isDefault,
      },
      select: SERIES_COLUMNS,
    }),
  );

  await recordAudit(tx, {
    organizationId,
    actor: userActor(actor),
    action: "number_series.created",
    entityType: ENTITY_TYPE,
    entityId: series.id,
    summary: `Added the ${SERIES_KIND_NOUNS[series.kind]} series ${series.name} (${series.format}, next number ${series.nextNumber})${isDefault ? " as the default" : ""}`,
    changes: { name: series.name, kind: series.kind, format: series.format, nextNumber: series.nextNumber, isDefault },
  });
  return series;
};

// ---------------------------------------------------------------- update

const FIELD_WORDS: Record<string, string> = { name: "name", format: "format", nextNumber: "next number" };

export const updateNumberSeries = async (
  tx: Tx,
  { actor, input }: { actor: Actor; input: UpdateNumberSeriesInput },
): Promise<NumberSeriesRow> => {
  const { organizationId } = actor;
  const { kind } = await findSeries(tx, { organizationId, seriesId: input.seriesId });
  const locked = await lockSeriesOfKind(tx, { organizationId, kind });
  const before = locked.find((series) => series.id === input.seriesId);
  if (!before) throw new NotFoundError("Number series");

  const holder = locked.find((series) => series.id !== before.id && sameName(series.name, input.name));
  if (holder) throw nameTaken(holder.name, kind);

  // Left alone in the form: keep the counter where finalizations have moved it since.
  const untouched = input.nextNumberWas !== undefined && parseNextNumber(input.nextNumberWas) === input.nextNumber;
  const after = {
    name: input.name,
    format: input.format,
    nextNumber: untouched ? before.nextNumber : input.nextNumber,
  };
  const changes = diffFields(before, after);
  if (Object.keys(changes).length === 0) return before;

  if (changes.nextNumber || changes.format) {
    const issued = await highestIssuedNumber(tx, {
      organizationId,
      seriesId: before.id,
      kind,
      formats: [before.format, after.format],
    });
    if (issued && BigInt(after.nextNumber) <= issued.counter) {
      throw new UserError(
        `${issued.number} was already issued from this series: the next number must be at least ${issued.counter + 1n}`,
        { field: "nextNumber" },
      );
    }
  }

  const series = await writeHoldingName(tx, { name: after.name, kind }, () =>
    tx.numberSeries.update({ where: { id: before.id }, data: after, select: SERIES_COLUMNS }),
  );

  await recordAudit(tx, {
    organizationId,
    actor: userActor(actor),
    action: "number_series.updated",
    entityType: ENTITY_TYPE,
    entityId: series.id,
    summary: `Changed the ${SERIES_KIND_NOUNS[kind]} series ${series.name}: ${Object.keys(changes)
      .map((field) => FIELD_WORDS[field] ?? field)
      .join(", ")}`,
    changes: changes as Record<string, { from: string | number; to: string | number }>,
  });
  return series;
};

// ---------------------------------------------------------------- default

/**
 * Makes a series the default of its kind: the one documents are numbered from when nothing else
 * is chosen. Under the kind's lock, so two people switching at once leave exactly one default.
 */
export const makeDefaultNumberSeries = async (
  tx: Tx,
  { actor, seriesId }: { actor: Actor; seriesId: string },
): Promise<NumberSeriesRow> => {
  const { organizationId } = actor;
  const { kind } = await findSeries(tx, { organizationId, seriesId });
  const locked = await lockSeriesOfKind(tx, { organizationId, kind });
  const target = locked.find((series) => series.id === seriesId);
  if (!target) throw new NotFoundError("Number series");
  if (target.isDefault) return target;

  const previous = locked.filter((series) => series.isDefault);
  await tx.numberSeries.updateMany({
    where: { organizationId, kind, isDefault: true, id: { not: seriesId } },
    data: { isDefault: false },
  });
  const series = await tx.numberSeries.update({
    where: { id: seriesId },
    data: { isDefault: true },
    select: SERIES_COLUMNS,
  });

  const was = previous.map((series) => series.name).join(", ");
  await recordAudit(tx, {
    organizationId,
    actor: userActor(actor),
    action: "number_series.made_default",
    entityType: ENTITY_TYPE,
    entityId: series.id,
    summary: `Made ${series.name} the default ${SERIES_KIND_NOUNS[kind]} series${was ? ` (was ${was})` : ""}`,
    changes: {
      isDefault: { from: false, to: true },
      previousDefault: previous.map(({ id, name }) => ({ id, name })),
    },
  });
  return series;
};
