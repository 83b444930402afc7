// The events API over HTTP: the API key, a body read with a byte limit, its shape, and JSON answers.
// Whatever a client sends, it gets a JSON answer it can act on (400, 401, 413), never a 500; only a
// failure on our side is a 500, logged with a reference the answer quotes.
import { randomUUID } from "node:crypto";
import { authenticateApiKey, type ApiKeyPrincipal } from "@/lib/api-keys/service";
import { db } from "@/lib/db/client";
import { log } from "@/lib/log";
import { ingestUsageEvents, MAX_EVENTS_PER_REQUEST, type IngestOutcome } from "./ingest";
import type { EventField } from "./ingest-validation";

export const SINGLE_EVENT_MAX_BYTES = 64 * 1024;
export const BULK_MAX_BYTES = 4 * 1024 * 1024;

const NO_STORE = { "Cache-Control": "no-store, private, max-age=0", "X-Content-Type-Options": "nosniff" } as const;

export const jsonResponse = (status: number, body: unknown, headers: Record<string, string> = {}): Response =>
  new Response(JSON.stringify(body), {
    status,
    headers: { ...NO_STORE, ...headers, "Content-Type": "application/json; charset=utf-8" },
  });

type ErrorField = EventField | "events" | null;

const errorResponse = (status: number, message: string, field?: ErrorField, headers?: Record<string, string>) =>
  jsonResponse(status, { error: field === undefined ? { message } : { message, field } }, headers);

const unauthorized = () =>
  errorResponse(
    401,
    "Send a valid API key as Authorization: Bearer <key>. Keys are created, and revoked, in Settings > API keys.",
    undefined,
    { "WWW-Authenticate": 'Bearer realm="billfold"' },
  );

type BodyRead = { ok: true; value: unknown } | { ok: false; response: Response };

const tooLarge = (limit: number): BodyRead => ({
  ok: false,
  response: errorResponse(413, `The body is larger than ${limit / 1024} KB`, null),
});

/** Reads the body as UTF-8 JSON, stopping as soon as it passes `limit` bytes (whatever Content-Length claims). */
export const readJsonBody = async (request: Request, limit: number): Promise<BodyRead> => {
  const declared = Number(request.headers.get("content-length"));
  if (Number.isFinite(declared) && declared > limit) return tooLarge(limit);
  const chunks: Uint8Array[] = [];
  let size = 0;
  if (request.body) {
    const reader = request.body.getReader();
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      size += value.byteLength;
      if (size > limit) {
        await reader.cancel().catch(() => undefined);
        return tooLarge(limit);
      }
      chunks.push(value);
    }
  }
  if (size === 0) return { ok: false, response: errorResponse(400, "The body is empty: send a JSON object", null) };
  const bytes = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  try {
    return { ok: true, value: JSON.parse(new TextDecoder("utf-8", { fatal: true }).decode(bytes)) };
  } catch {
    return { ok: false, response: errorResponse(400, "The body is not valid JSON (UTF-8)", null) };
  }
};

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value);

/** Authenticates, runs the handler, and turns a failure on our side into a logged, referenced 500. */
const withApiKey = async (
  request: Request,
  route: string,
  handle: (principal: ApiKeyPrincipal) => Promise<Response>,
): Promise<Response> => {
  const requestId = randomUUID();
  try {
    const principal = await authenticateApiKey(request.headers.get("authorization"));
    if (!principal) return unauthorized();
    return await handle(principal);
  } catch (error) {
    log.error("events API failed", { route, requestId, error });
    return errorResponse(500, `Something went wrong on our side. Reference: ${requestId}`, undefined, {
      "X-Request-Id": requestId,
    });
  }
};

const ingest = (principal: ApiKeyPrincipal, events: unknown[]): Promise<IngestOutcome> =>
  ingestUsageEvents(db, { organizationId: principal.organizationId, events });

/** POST /api/v1/events: one event. 201 when stored, 200 when its event_id was stored already. */
export const handleSingleEvent = (request: Request): Promise<Response> =>
  withApiKey(request, "events", async (principal) => {
    const body = await readJsonBody(request, SINGLE_EVENT_MAX_BYTES);
    if (!body.ok) return body.response;
    if (!isObject(body.value)) {
      return errorResponse(400, "The body must be one event as a JSON object (use /api/v1/events/bulk for many)", null);
    }
    const outcome = await ingest(principal, [body.value]);
    const error = outcome.errors[0];
    if (error) return errorResponse(400, error.message, error.field);
    const result = outcome.results[0]!;
    return jsonResponse(result.duplicate ? 200 : 201, { id: result.id, duplicate: result.duplicate });
  });

/** POST /api/v1/events/bulk: `{ "events": [...] }`, 1 to 1,000. Good events are kept; each bad one is reported by index. */
export const handleBulkEvents = (request: Request): Promise<Response> =>
  withApiKey(request, "events.bulk", async (principal) => {
    const body = await readJsonBody(request, BULK_MAX_BYTES);
    if (!body.ok) return body.response;
    const events = isObject(body.value) ? body.value.events : undefined;
    if (!Array.isArray(events)) {
      return errorResponse(400, 'The body must be a JSON object with an "events" array', "events");
    }
    if (events.length === 0 || events.length > MAX_EVENTS_PER_REQUEST) {
      return errorResponse(
        400,
        `"events" must hold between 1 and ${MAX_EVENTS_PER_REQUEST.toLocaleString("en-US")} events (got ${events.length.toLocaleString("en-US")})`,
        "events",
      );
    }
    return jsonResponse(200, await ingest(principal, events));
  });
