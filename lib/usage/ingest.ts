// Taking usage events in for an organisation: check each event, find the customers their external
// ids name (one statement), and store the batch (one statement) so a repeated event_id for the same
// customer is stored once, whether it repeats within the batch, an earlier request, or a request
// running at the same moment. Good events are kept when others in the batch are refused.
import type { Tx } from "@/lib/db/client";
import { newId } from "@/lib/ids";
import { validateEvent, type EventField, type ValidEvent } from "./ingest-validation";

export const MAX_EVENTS_PER_REQUEST = 1_000;

export type IngestError = { index: number; message: string; field: EventField | null };
export type IngestResult = { index: number; id: string; duplicate: boolean };
export type IngestOutcome = {
  /** Events stored by this request. */
  accepted: number;
  /** Events whose event_id the customer had already sent (stored once, earlier or in this batch). */
  duplicates: number;
  errors: IngestError[];
  results: IngestResult[];
};

type CustomerRef = { id: string; status: "active" | "archived" };

/** The organisation's customers for the given external ids, in one statement. */
const customersByExternalId = async (
  client: Tx,
  { organizationId, externalIds }: { organizationId: string; externalIds: string[] },
): Promise<Map<string, CustomerRef>> => {
  const rows = await client.$queryRaw<(CustomerRef & { externalId: string })[]>`
    SELECT "id", "externalId", "status"::text AS "status" FROM "Customer"
    WHERE "organizationId" = ${organizationId}
      AND "externalId" IN (SELECT jsonb_array_elements_text(${JSON.stringify(externalIds)}::jsonb))`;
  return new Map(rows.map((row) => [row.externalId, { id: row.id, status: row.status }]));
};

type EventRow = {
  id: string;
  customerId: string;
  eventName: string;
  timestamp: string;
  properties: Record<string, unknown>;
  idempotencyKey: string;
};

type StoredRow = { inputId: string; id: string | null; duplicate: boolean };

/**
 * Inserts the rows in one statement; a row whose (customer, event_id) is stored already is skipped
 * and answered with the stored event's id. A row that lost a race with a request committing at the
 * same moment is not visible to this statement's snapshot: its id comes from a second read.
 */
const storeEvents = async (
  client: Tx,
  { organizationId, rows }: { organizationId: string; rows: EventRow[] },
): Promise<Map<string, { id: string; duplicate: boolean }>> => {
  if (rows.length === 0) return new Map();
  const payload = JSON.stringify(rows);
  const stored = await client.$queryRaw<StoredRow[]>`
    WITH "input" AS (
      SELECT * FROM jsonb_to_recordset(${payload}::jsonb) AS t(
        "id" text, "customerId" text, "eventName" text, "timestamp" timestamptz, "properties" jsonb, "idempotencyKey" text
      )
    ), "inserted" AS (
      INSERT INTO "UsageEvent" ("id", "organizationId", "customerId", "eventName", "timestamp", "properties", "idempotencyKey")
      SELECT "id", ${organizationId}, "customerId", "eventName", "timestamp", "properties", "idempotencyKey" FROM "input"
      ON CONFLICT ("customerId", "idempotencyKey") DO NOTHING
      RETURNING "id"
    )
    SELECT i."id" AS "inputId", COALESCE(n."id", e."id") AS "id", (n."id" IS NULL) AS "duplicate"
    FROM "input" i
    LEFT JOIN "inserted" n ON n."id" = i."id"
    LEFT JOIN "UsageEvent" e
      ON n."id" IS NULL AND e."customerId" = i."customerId" AND e."idempotencyKey" = i."idempotencyKey"`;
  const outcome = new Map<string, { id: string; duplicate: boolean }>();
  const raced: EventRow[] = [];
  const byId = new Map(rows.map((row) => [row.id, row]));
  for (const row of stored) {
    if (row.id) outcome.set(row.inputId, { id: row.id, duplicate: row.duplicate });
    else raced.push(byId.get(row.inputId)!);
  }
  if (raced.length > 0) {
    const keys = JSON.stringify(
      raced.map((row) => ({ customerId: row.customerId, idempotencyKey: row.idempotencyKey })),
    );
    const existing = await client.$queryRaw<{ id: string; customerId: string; idempotencyKey: string }[]>`
      SELECT e."id", e."customerId", e."idempotencyKey" FROM "UsageEvent" e
      JOIN jsonb_to_recordset(${keys}::jsonb) AS k("customerId" text, "idempotencyKey" text)
        ON e."customerId" = k."customerId" AND e."idempotencyKey" = k."idempotencyKey"`;
    const found = new Map(existing.map((row) => [`${row.customerId}\u0000${row.idempotencyKey}`, row.id]));
    for (const row of raced) {
      const id = found.get(`${row.customerId}\u0000${row.idempotencyKey}`);
      if (!id) throw new Error(`Usage event ${row.idempotencyKey} was neither stored nor found`);
      outcome.set(row.id, { id, duplicate: true });
    }
  }
  return outcome;
};

/**
 * Checks and stores a batch of events (as the sender wrote them) for the organisation. Each event
 * is usage of the customer its external id names (the subscription's owner, never a payer).
 */
export const ingestUsageEvents = async (
  client: Tx,
  { organizationId, events, now = new Date() }: { organizationId: string; events: unknown[]; now?: Date },
): Promise<IngestOutcome> => {
  if (events.length > MAX_EVENTS_PER_REQUEST) {
    throw new Error(`At most ${MAX_EVENTS_PER_REQUEST} events per request, got ${events.length}`);
  }
  const errors: IngestError[] = [];
  const valid: { index: number; event: ValidEvent }[] = [];
  events.forEach((raw, index) => {
    const check = validateEvent(raw, now);
    if (check.ok) valid.push({ index, event: check.event });
    else errors.push({ index, message: check.problem.message, field: check.problem.field });
  });

  const externalIds = [...new Set(valid.map(({ event }) => event.externalCustomerId))];
  const customers =
    externalIds.length > 0 ? await customersByExternalId(client, { organizationId, externalIds }) : new Map();

  const rows: EventRow[] = [];
  // Each accepted index and the row that stores it: a repeat within the batch shares the first's row.
  const placements: { index: number; rowId: string; repeat: boolean }[] = [];
  const firstRowByKey = new Map<string, string>();
  for (const { index, event } of valid) {
    const customer = customers.get(event.externalCustomerId);
    if (!customer) {
      errors.push({
        index,
        message: `No customer has the external id "${event.externalCustomerId}"`,
        field: "external_customer_id",
      });
      continue;
    }
    if (customer.status === "archived") {
      errors.push({
        index,
        message: `Customer "${event.externalCustomerId}" is archived and takes no new usage`,
        field: "external_customer_id",
      });
      continue;
    }
    const key = `${customer.id}\u0000${event.eventId}`;
    const first = firstRowByKey.get(key);
    if (first) {
      placements.push({ index, rowId: first, repeat: true });
      continue;
    }
    const row: EventRow = {
      id: newId("usageEvent"),
      customerId: customer.id,
      eventName: event.eventName,
      timestamp: event.timestamp.toISOString(),
      properties: event.properties,
      idempotencyKey: event.eventId,
    };
    rows.push(row);
    firstRowByKey.set(key, row.id);
    placements.push({ index, rowId: row.id, repeat: false });
  }

  const stored = await storeEvents(client, { organizationId, rows });
  const results: IngestResult[] = placements.map(({ index, rowId, repeat }) => {
    const row = stored.get(rowId)!;
    return { index, id: row.id, duplicate: repeat || row.duplicate };
  });
  const accepted = results.filter((result) => !result.duplicate).length;
  return {
    accepted,
    duplicates: results.length - accepted,
    errors: errors.sort((a, b) => a.index - b.index),
    results,
  };
};
