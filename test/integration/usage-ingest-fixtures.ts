// Helpers for the events API tests: an organisation's API key made through the real service, and
// requests to the route handlers as a client sends them (JSON, raw bytes, or a stream).
import { expect } from "vitest";
import { userActor } from "@/lib/audit/record";
import { createApiKey } from "@/lib/api-keys/service";
import type { Db } from "@/lib/db/client";
import type { InvoiceActor } from "@/lib/invoices/service/shared";

export const makeApiKey = async (db: Db, actor: InvoiceActor, name = "Ingest test key") =>
  db.$transaction((tx) =>
    createApiKey(tx, { organizationId: actor.organizationId, actor: userActor(actor), input: { name } }),
  );

export type ApiAnswer = { status: number; headers: Headers; body: Record<string, unknown> };

type Route = { POST: (request: Request) => Promise<Response> };

const routes = async (): Promise<{ single: Route; bulk: Route }> => ({
  single: await import("@/app/api/v1/events/route"),
  bulk: await import("@/app/api/v1/events/bulk/route"),
});

/** Sends a body (an object is sent as JSON; a string or bytes as they are) with the key, if any. */
export const send = async (
  which: "single" | "bulk",
  body: unknown,
  { key, headers = {} }: { key?: string; headers?: Record<string, string> } = {},
): Promise<ApiAnswer> => {
  const route = (await routes())[which];
  const payload =
    typeof body === "string" || body instanceof Uint8Array || body instanceof ReadableStream
      ? body
      : JSON.stringify(body);
  const request = new Request(`http://billfold.test/api/v1/events${which === "bulk" ? "/bulk" : ""}`, {
    method: "POST",
    headers: { "content-type": "application/json", ...(key ? { authorization: `Bearer ${key}` } : {}), ...headers },
    body: payload as BodyInit,
    // A stream body needs half duplex in Node's fetch.
    ...(payload instanceof ReadableStream ? { duplex: "half" } : {}),
  } as RequestInit);
  const response = await route.POST(request);
  expect(response.headers.get("content-type")).toMatch(/^application\/json/);
  return {
    status: response.status,
    headers: response.headers,
    body: (await response.json()) as Record<string, unknown>,
  };
};

/** An event as a client would send it, for the customer with this external id. */
export const event = (externalCustomerId: string, values: Record<string, unknown> = {}) => ({
  event_name: "api_call",
  external_customer_id: externalCustomerId,
  timestamp: "2024-06-28T12:00:00Z",
  event_id: `evt-${Math.random().toString(36).slice(2)}`,
  properties: { endpoint: "/v1/reports" },
  ...values,
});
