// The events API against PostgreSQL, through its route handlers: single and bulk events, repeats
// stored once (also when ten requests race), per-event errors by index, bodies that are malformed
// or too large (a JSON 400/413, never a 500), and API keys that are missing, revoked or foreign.
import { describe, expect, it } from "vitest";
import { setUpActionTests } from "./action-harness";
import { makeCustomer, makeOrganization } from "./invoice-fixtures";
import { event, makeApiKey, send } from "./usage-ingest-fixtures";
import { newId } from "@/lib/ids";

const harness = setUpActionTests();

/** An organisation with an API key and an active customer. */
const setUp = async () => {
  const actor = await makeOrganization(harness.db);
  const apiKey = await makeApiKey(harness.db, actor);
  const customer = await makeCustomer(harness.db, actor, { name: "Acme Corporation" });
  return { actor, key: apiKey.key, apiKeyId: apiKey.id, customer };
};

const storedEvents = (customerId: string) =>
  harness.db.usageEvent.findMany({ where: { customerId }, orderBy: [{ timestamp: "asc" }, { id: "asc" }] });

describe("POST /api/v1/events", () => {
  it("stores one event (201) and answers a repeated event_id with the first event's id (200)", async () => {
    const { key, customer, actor } = await setUp();
    const body = event(customer.externalId, {
      event_id: "req-0001",
      timestamp: "2024-06-28T14:30:00.250+02:00",
      properties: { endpoint: "/v1/exports", status: 200, tags: ["a", "b"] },
    });
    const first = await send("single", body, { key });
    expect(first.status).toBe(201);
    expect(first.body).toEqual({ id: expect.stringMatching(/^evt_/), duplicate: false });
    expect(first.headers.get("cache-control")).toContain("no-store");

    const again = await send("single", { ...body, properties: { endpoint: "/changed" } }, { key });
    expect(again.status).toBe(200);
    expect(again.body).toEqual({ id: first.body.id, duplicate: true });

    const rows = await storedEvents(customer.id);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      id: first.body.id,
      organizationId: actor.organizationId,
      eventName: "api_call",
      idempotencyKey: "req-0001",
      // 14:30:00.250 at +02:00 is 12:30:00.250 UTC.
      timestamp: new Date("2024-06-28T12:30:00.250Z"),
      properties: { endpoint: "/v1/exports", status: 200, tags: ["a", "b"] },
    });
  });

  it("defaults properties to {} and accepts any past timestamp (backfill) and one a little ahead of now", async () => {
    const { key, customer } = await setUp();
    const old = await send(
      "single",
      event(customer.externalId, { properties: undefined, timestamp: "2019-01-31T23:59:59Z" }),
      { key },
    );
    expect(old.status).toBe(201);
    const soon = new Date(Date.now() + 4 * 60_000).toISOString();
    expect((await send("single", event(customer.externalId, { timestamp: soon }), { key })).status).toBe(201);
    const rows = await storedEvents(customer.id);
    expect(rows[0]!.properties).toEqual({});
    expect(rows[0]!.timestamp.toISOString()).toBe("2019-01-31T23:59:59.000Z");
  });

  it("refuses a bad event with a 400 naming the field, and stores nothing", async () => {
    const { key, customer } = await setUp();
    const cases: [Record<string, unknown>, string, RegExp][] = [
      [{ event_name: undefined }, "event_name", /event_name is required/],
      [{ event_name: "  " }, "event_name", /must not be empty/],
      [{ event_name: 42 }, "event_name", /must be a string/],
      [
        { external_customer_id: "nobody-here" },
        "external_customer_id",
        /No customer has the external id "nobody-here"/,
      ],
      [{ timestamp: "2024-06-28 12:00" }, "timestamp", /ISO 8601/],
      [{ timestamp: "2024-06-28T12:00:00" }, "timestamp", /with a time zone/],
      [{ timestamp: "2023-02-29T12:00:00Z" }, "timestamp", /ISO 8601/],
      [{ timestamp: new Date(Date.now() + 6 * 60_000).toISOString() }, "timestamp", /5 minutes in the future/],
      [{ timestamp: 1719576000 }, "timestamp", /ISO 8601/],
      [{ event_id: undefined }, "event_id", /event_id is required/],
      [{ event_id: "x".repeat(201) }, "event_id", /at most 200 characters/],
      [{ properties: [1, 2] }, "properties", /must be a JSON object/],
      [{ properties: { note: "x".repeat(8 * 1024) } }, "properties", /at most 8 KB/],
      [{ properties: { note: "nul \u0000 byte" } }, "properties", /cannot be stored/],
    ];
    for (const [changes, field, message] of cases) {
      const answer = await send("single", event(customer.externalId, changes), { key });
      expect(answer.status, JSON.stringify(changes)).toBe(400);
      expect(answer.body).toEqual({ error: { message: expect.stringMatching(message), field } });
    }
    expect(await storedEvents(customer.id)).toHaveLength(0);
  });

  it("refuses events for an archived customer", async () => {
    const { key, actor } = await setUp();
    const archived = await makeCustomer(harness.db, actor, { archived: true });
    const answer = await send("single", event(archived.externalId), { key });
    expect(answer.status).toBe(400);
    expect(answer.body).toEqual({
      error: { message: expect.stringContaining("archived"), field: "external_customer_id" },
    });
    expect(await storedEvents(archived.id)).toHaveLength(0);
  });

  it("stores the event as usage of the customer the external id names, never of a delegated payer", async () => {
    const { key, actor, customer: owner } = await setUp();
    const payer = await makeCustomer(harness.db, actor, { name: "Sea Channel Partners" });
    const planId = newId("plan");
    await harness.db.plan.create({
      data: { id: planId, organizationId: actor.organizationId, code: "usage", name: "Usage", currency: "USD" },
    });
    const start = new Date("2024-06-01T00:00:00Z");
    await harness.db.subscription.create({
      data: {
        id: newId("subscription"),
        organizationId: actor.organizationId,
        customerId: owner.id,
        invoicingCustomerId: payer.id,
        planId,
        startDate: start,
        billingAnchor: start,
        currentPeriodStart: start,
        currentPeriodEnd: new Date("2024-07-01T00:00:00Z"),
      },
    });
    expect((await send("single", event(owner.externalId), { key })).status).toBe(201);
    expect(await storedEvents(owner.id)).toHaveLength(1);
    expect(await storedEvents(payer.id)).toHaveLength(0);
  });

  it("stores an event_id once when ten requests send it at the same moment", async () => {
    const { key, customer } = await setUp();
    const body = event(customer.externalId, { event_id: "raced-0001" });
    const answers = await Promise.all(Array.from({ length: 10 }, () => send("single", body, { key })));
    expect(answers.map((answer) => answer.status).sort()).toEqual([200, 200, 200, 200, 200, 200, 200, 200, 200, 201]);
    const rows = await storedEvents(customer.id);
    expect(rows).toHaveLength(1);
    for (const answer of answers) expect(answer.body.id).toBe(rows[0]!.id);
  });

  it("keeps the same event_id apart for two customers: it is unique per customer", async () => {
    const { key, actor, customer } = await setUp();
    const other = await makeCustomer(harness.db, actor, { name: "Globex" });
    expect((await send("single", event(customer.externalId, { event_id: "shared" }), { key })).status).toBe(201);
    expect((await send("single", event(other.externalId, { event_id: "shared" }), { key })).status).toBe(201);
  });
});

describe("POST /api/v1/events/bulk", () => {
  it("keeps the good events, reports each bad one by index, and counts a repeat within the batch once", async () => {
    const { key, actor, customer } = await setUp();
    const archived = await makeCustomer(harness.db, actor, { archived: true });
    await send("single", event(customer.externalId, { event_id: "sent-before" }), { key });
    const events = [
      event(customer.externalId, { event_id: "b-1" }),
      event("unknown-customer", { event_id: "b-2" }),
      event(customer.externalId, { event_id: "b-3", timestamp: "28/06/2024" }),
      event(customer.externalId, { event_id: "b-4", event_name: undefined }),
      event(customer.externalId, { event_id: "b-1" }),
      event(customer.externalId, { event_id: "sent-before" }),
      event(archived.externalId, { event_id: "b-7" }),
      "not an event",
      event(customer.externalId, { event_id: "b-9", event_name: "storage_snapshot", properties: { gb: 12.5 } }),
    ];
    const answer = await send("bulk", { events }, { key });
    expect(answer.status).toBe(200);
    expect(answer.body.accepted).toBe(2);
    expect(answer.body.duplicates).toBe(2);
    expect(answer.body.errors).toEqual([
      { index: 1, message: expect.stringContaining("unknown-customer"), field: "external_customer_id" },
      { index: 2, message: expect.stringContaining("ISO 8601"), field: "timestamp" },
      { index: 3, message: "event_name is required", field: "event_name" },
      { index: 6, message: expect.stringContaining("archived"), field: "external_customer_id" },
      { index: 7, message: "An event must be a JSON object", field: null },
    ]);
    const rows = await storedEvents(customer.id);
    const byKey = new Map(rows.map((row) => [row.idempotencyKey, row.id]));
    expect([...byKey.keys()].sort()).toEqual(["b-1", "b-9", "sent-before"]);
    expect(answer.body.results).toEqual([
      { index: 0, id: byKey.get("b-1"), duplicate: false },
      { index: 4, id: byKey.get("b-1"), duplicate: true },
      { index: 5, id: byKey.get("sent-before"), duplicate: true },
      { index: 8, id: byKey.get("b-9"), duplicate: false },
    ]);
  });

  it("stores 1,000 events in one request, and each once when four requests race over the same ids", async () => {
    const { key, customer } = await setUp();
    const events = Array.from({ length: 1_000 }, (_, index) =>
      event(customer.externalId, { event_id: `bulk-${index}`, properties: { n: index } }),
    );
    const answers = await Promise.all(Array.from({ length: 4 }, () => send("bulk", { events }, { key })));
    const accepted = answers.map((answer) => answer.body.accepted as number);
    expect(accepted.reduce((sum, n) => sum + n, 0)).toBe(1_000);
    for (const answer of answers) {
      expect(answer.status).toBe(200);
      expect((answer.body.accepted as number) + (answer.body.duplicates as number)).toBe(1_000);
      expect(answer.body.errors).toEqual([]);
    }
    const [count] = await harness.db.$queryRaw<{ n: bigint }[]>`
      SELECT COUNT(*)::bigint AS n FROM "UsageEvent" WHERE "customerId" = ${customer.id}`;
    expect(count!.n).toBe(1_000n);
    const ids = (answer: (typeof answers)[number]) => (answer.body.results as { id: string }[]).map((r) => r.id);
    expect(ids(answers[1]!)).toEqual(ids(answers[0]!));
  });

  it("refuses a body of the wrong shape, no events or more than 1,000 with a 400 at events", async () => {
    const { key, customer } = await setUp();
    const tooMany = Array.from({ length: 1_001 }, (_, index) => event(customer.externalId, { event_id: `m-${index}` }));
    for (const body of [
      { events: [] },
      { events: tooMany },
      { events: "x" },
      { data: [] },
      [event(customer.externalId)],
    ]) {
      const answer = await send("bulk", body, { key });
      expect(answer.status).toBe(400);
      expect(answer.body).toEqual({ error: { message: expect.any(String), field: "events" } });
    }
    expect(await storedEvents(customer.id)).toHaveLength(0);
  });
});

describe("malformed and oversized bodies", () => {
  it("answers malformed JSON, an empty body, bad UTF-8 and a non-object with a JSON 400", async () => {
    const { key } = await setUp();
    const bodies: [unknown, RegExp][] = [
      ['{"event_name": "api_call",', /not valid JSON/],
      ["", /empty/],
      [new Uint8Array([0x7b, 0x22, 0xff, 0xfe, 0x22, 0x7d]), /not valid JSON/],
      ["[1, 2]", /one event as a JSON object/],
      ["null", /one event as a JSON object/],
    ];
    for (const [body, message] of bodies) {
      for (const which of ["single", "bulk"] as const) {
        const answer = await send(which, body, { key });
        expect(answer.status).toBe(400);
        const error = answer.body.error as { message: string };
        if (which === "single") expect(error.message).toMatch(message);
      }
    }
  });

  it("stops reading past 64 KB for one event and 4 MB for a batch: a JSON 413, also without Content-Length", async () => {
    const { key, customer } = await setUp();
    const big = JSON.stringify(event(customer.externalId, { properties: { pad: "x".repeat(70 * 1024) } }));
    const single = await send("single", big, { key });
    expect(single.status).toBe(413);
    expect(single.body).toEqual({ error: { message: "The body is larger than 64 KB", field: null } });

    // A stream has no declared length: the limit is counted while reading.
    const chunk = new TextEncoder().encode(" ".repeat(64 * 1024));
    let sent = 0;
    const endless = new ReadableStream<Uint8Array>({
      pull: (controller) => {
        sent += chunk.byteLength;
        controller.enqueue(chunk);
        if (sent > 64 * 1024 * 1024) controller.close();
      },
    });
    const streamed = await send("bulk", endless, { key });
    expect(streamed.status).toBe(413);
    expect(streamed.body).toEqual({ error: { message: "The body is larger than 4096 KB", field: null } });
    expect(sent).toBeLessThan(8 * 1024 * 1024);

    const declared = await send("bulk", "{}", { key, headers: { "content-length": String(5 * 1024 * 1024) } });
    expect(declared.status).toBe(413);
    expect(await storedEvents(customer.id)).toHaveLength(0);
  });
});

describe("API keys on the events API", () => {
  it("answers a missing, malformed, unknown or revoked key with a JSON 401", async () => {
    const { key, apiKeyId, customer } = await setUp();
    const body = event(customer.externalId);
    const unknownKey = `bf_live_${"A".repeat(43)}`;
    const variants: Record<string, string>[] = [
      {},
      { authorization: key },
      { authorization: "Bearer nope" },
      { authorization: `Bearer ${unknownKey}` },
    ];
    for (const headers of variants) {
      const answer = await send("single", body, { headers });
      expect(answer.status).toBe(401);
      expect(answer.headers.get("www-authenticate")).toMatch(/^Bearer/);
      expect(answer.body).toEqual({ error: { message: expect.stringContaining("API key") } });
    }
    await harness.db.apiKey.update({ where: { id: apiKeyId }, data: { revokedAt: new Date() } });
    expect((await send("single", body, { key })).status).toBe(401);
    expect((await send("bulk", { events: [body] }, { key })).status).toBe(401);
    expect(await storedEvents(customer.id)).toHaveLength(0);
  });

  it("speaks only for its own organisation: another organisation's customers are unknown to it", async () => {
    const { customer } = await setUp();
    const other = await setUp();
    const answer = await send("single", event(customer.externalId), { key: other.key });
    expect(answer.status).toBe(400);
    expect(answer.body).toMatchObject({ error: { field: "external_customer_id" } });
  });

  it("sets the key's last-used time, and writes it at most once a minute", async () => {
    const { key, apiKeyId, customer } = await setUp();
    const lastUsed = async () => (await harness.db.apiKey.findUniqueOrThrow({ where: { id: apiKeyId } })).lastUsedAt;
    expect(await lastUsed()).toBeNull();
    await send("single", event(customer.externalId), { key });
    const first = await lastUsed();
    expect(first).not.toBeNull();
    expect(Math.abs(first!.getTime() - Date.now())).toBeLessThan(60_000);

    const recent = new Date(Date.now() - 30_000);
    await harness.db.apiKey.update({ where: { id: apiKeyId }, data: { lastUsedAt: recent } });
    await send("single", event(customer.externalId), { key });
    expect(await lastUsed()).toEqual(recent);

    const stale = new Date(Date.now() - 2 * 60_000);
    await harness.db.apiKey.update({ where: { id: apiKeyId }, data: { lastUsedAt: stale } });
    // Even a request whose events are refused shows the key is in use.
    await send("bulk", { events: [event("nobody")] }, { key });
    expect((await lastUsed())!.getTime()).toBeGreaterThan(stale.getTime() + 60_000);
  });
});
