import { describe, expect, it } from "vitest";
import { parseEventTimestamp, validateEvent } from "./ingest-validation";

const NOW = new Date("2024-06-28T12:00:00Z");
const good = {
  event_name: "api_call",
  external_customer_id: "acme-corp",
  timestamp: "2024-06-28T11:00:00Z",
  event_id: "evt-1",
  properties: { endpoint: "/v1/reports" },
};

describe("parseEventTimestamp", () => {
  it("reads ISO 8601 with Z or an offset, to the millisecond", () => {
    expect(parseEventTimestamp("2024-06-28T12:00:00Z")?.toISOString()).toBe("2024-06-28T12:00:00.000Z");
    expect(parseEventTimestamp("2024-06-28T14:00:00.123456+02:00")?.toISOString()).toBe("2024-06-28T12:00:00.123Z");
    expect(parseEventTimestamp("2024-06-28T07:30-0430")?.toISOString()).toBe("2024-06-28T12:00:00.000Z");
    expect(parseEventTimestamp("2024-06-28t12:00:00.5z")?.toISOString()).toBe("2024-06-28T12:00:00.500Z");
  });

  it("handles leap years and years before 100 without Date's 19xx shift", () => {
    expect(parseEventTimestamp("2024-02-29T00:00:00Z")?.toISOString()).toBe("2024-02-29T00:00:00.000Z");
    expect(parseEventTimestamp("2000-02-29T00:00:00Z")).not.toBeNull();
    expect(parseEventTimestamp("1900-02-29T00:00:00Z")).toBeNull();
    expect(parseEventTimestamp("2023-02-29T00:00:00Z")).toBeNull();
    expect(parseEventTimestamp("0099-01-01T00:00:00Z")?.getUTCFullYear()).toBe(99);
  });

  it("refuses what is not a date and time with a zone", () => {
    for (const text of [
      "2024-06-28",
      "2024-06-28T12:00:00",
      "28/06/2024 12:00",
      "2024-13-01T00:00:00Z",
      "2024-04-31T00:00:00Z",
      "2024-06-28T24:00:00Z",
      "2024-06-28T12:60:00Z",
      "2024-06-28T12:00:00+25:00",
      "1719576000",
      " 2024-06-28T12:00:00Z",
    ]) {
      expect(parseEventTimestamp(text), text).toBeNull();
    }
  });
});

describe("validateEvent", () => {
  it("accepts a well-formed event and defaults properties to {}", () => {
    expect(validateEvent(good, NOW)).toEqual({
      ok: true,
      event: {
        eventName: "api_call",
        externalCustomerId: "acme-corp",
        timestamp: new Date("2024-06-28T11:00:00Z"),
        properties: { endpoint: "/v1/reports" },
        eventId: "evt-1",
      },
    });
    const bare = validateEvent({ ...good, properties: undefined }, NOW);
    expect(bare.ok && bare.event.properties).toEqual({});
  });

  it("allows 5 minutes of clock drift, not more", () => {
    expect(validateEvent({ ...good, timestamp: "2024-06-28T12:05:00Z" }, NOW).ok).toBe(true);
    expect(validateEvent({ ...good, timestamp: "2024-06-28T12:05:00.001Z" }, NOW)).toEqual({
      ok: false,
      problem: { field: "timestamp", message: "timestamp is more than 5 minutes in the future" },
    });
  });

  it.each([
    [null, null],
    [[good], null],
    [{ ...good, event_name: "" }, "event_name"],
    [{ ...good, external_customer_id: 7 }, "external_customer_id"],
    [{ ...good, timestamp: undefined }, "timestamp"],
    [{ ...good, event_id: " " }, "event_id"],
    [{ ...good, event_id: "x".repeat(201) }, "event_id"],
    [{ ...good, event_name: "bad\u0000name" }, "event_name"],
    [{ ...good, event_id: "half \ud83d pair" }, "event_id"],
    [{ ...good, properties: "x" }, "properties"],
    [{ ...good, properties: { ["\ud800"]: 1 } }, "properties"],
    [{ ...good, properties: { big: "é".repeat(4097) } }, "properties"],
  ])("refuses %j at %s", (raw, field) => {
    const check = validateEvent(raw, NOW);
    expect(check.ok).toBe(false);
    if (!check.ok) expect(check.problem.field).toBe(field);
  });

  it("accepts whole surrogate pairs (emoji) and properties of exactly 8 KB", () => {
    expect(validateEvent({ ...good, event_id: "🚀-1", properties: { note: "✓ 🚀" } }, NOW).ok).toBe(true);
    // {"a":"…"} is 8 bytes of JSON around the value.
    expect(validateEvent({ ...good, properties: { a: "x".repeat(8 * 1024 - 8) } }, NOW).ok).toBe(true);
    expect(validateEvent({ ...good, properties: { a: "x".repeat(8 * 1024 - 7) } }, NOW).ok).toBe(false);
  });

  it("refuses properties nested deeper than 32 levels", () => {
    let deep: unknown = 1;
    for (let i = 0; i < 40; i++) deep = { d: deep };
    const check = validateEvent({ ...good, properties: deep }, NOW);
    expect(check.ok ? null : check.problem.message).toMatch(/nested/);
  });
});
