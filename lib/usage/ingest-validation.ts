// What the events API accepts as one usage event, checked field by field so a bad event gets a
// message at the field that caused it. No I/O: the customer lookup and the insert are ingest.ts's.

export type EventField = "event_name" | "external_customer_id" | "timestamp" | "properties" | "event_id";

export type ValidEvent = {
  eventName: string;
  externalCustomerId: string;
  timestamp: Date;
  properties: Record<string, unknown>;
  eventId: string;
};

export type EventProblem = { message: string; field: EventField | null };

export type EventCheck = { ok: true; event: ValidEvent } | { ok: false; problem: EventProblem };

export const MAX_NAME_LENGTH = 200;
export const MAX_EVENT_ID_LENGTH = 200;
export const MAX_EXTERNAL_ID_LENGTH = 255;
export const MAX_PROPERTIES_BYTES = 8 * 1024;
const MAX_PROPERTIES_DEPTH = 32;
/** Clocks drift: a timestamp a little ahead of ours is accepted, more is a sender's bug. */
export const MAX_FUTURE_MS = 5 * 60 * 1000;

// PostgreSQL stores neither a NUL character nor half of a UTF-16 surrogate pair (in text or jsonb):
// refused here, at the field, rather than failing the whole batch's insert.
const UNSTORABLE = /\u0000|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

const problem = (field: EventField | null, message: string): EventCheck => ({ ok: false, problem: { field, message } });

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value);

/** A required, non-blank text field: the value, or what is wrong with it. */
const textField = (
  body: Record<string, unknown>,
  field: EventField,
  maxLength: number,
): { value: string } | { message: string } => {
  const value = body[field];
  if (value === undefined || value === null) return { message: `${field} is required` };
  if (typeof value !== "string") return { message: `${field} must be a string` };
  if (value.trim() === "") return { message: `${field} must not be empty` };
  if (value.length > maxLength) return { message: `${field} can be at most ${maxLength} characters` };
  if (UNSTORABLE.test(value))
    return { message: `${field} contains a character that cannot be stored (NUL or a lone surrogate)` };
  return { value };
};

// 2024-06-28T12:00:00Z, 2024-06-28T14:00:00.123+02:00, 2024-06-28T12:00Z: a date, a time and a zone.
const ISO_TIMESTAMP =
  /^(\d{4})-(\d{2})-(\d{2})[Tt ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?(?:([Zz])|([+-])(\d{2}):?(\d{2}))$/;

const isLeapYear = (year: number) => (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31] as const;
const daysInMonth = (year: number, month: number) => (month === 2 && isLeapYear(year) ? 29 : MONTH_DAYS[month - 1]!);

/** The instant an ISO 8601 timestamp with a zone names, or null when it is not one (or not a real date). */
export const parseEventTimestamp = (text: string): Date | null => {
  const match = ISO_TIMESTAMP.exec(text);
  if (!match) return null;
  const [, y, mo, d, h, mi, s = "0", fraction = "", zulu, sign, offsetHours = "0", offsetMinutes = "0"] = match;
  const [year, month, day, hour, minute, second] = [y, mo, d, h, mi, s].map(Number) as [
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null;
  if (hour > 23 || minute > 59 || second > 59) return null;
  const offsetH = Number(offsetHours);
  const offsetM = Number(offsetMinutes);
  if (offsetH > 23 || offsetM > 59) return null;
  // Stored to the millisecond, as the column is.
  const millisecond = Number(fraction.padEnd(3, "0").slice(0, 3));
  const wallClock = new Date(Date.UTC(2000, month - 1, day, hour, minute, second, millisecond));
  // Date.UTC maps years 0-99 to 1900-1999: set the year on its own.
  wallClock.setUTCFullYear(year);
  const offsetMs = zulu ? 0 : (sign === "-" ? -1 : 1) * (offsetH * 60 + offsetM) * 60_000;
  return new Date(wallClock.getTime() - offsetMs);
};

/** Why the properties cannot be stored, or null when they can. */
const propertiesProblem = (value: unknown, depth = 0): string | null => {
  if (depth > MAX_PROPERTIES_DEPTH) return `properties are nested more than ${MAX_PROPERTIES_DEPTH} levels deep`;
  if (typeof value === "string")
    return UNSTORABLE.test(value)
      ? "properties contain a character that cannot be stored (NUL or a lone surrogate)"
      : null;
  if (Array.isArray(value)) {
    for (const item of value) {
      const found = propertiesProblem(item, depth + 1);
      if (found) return found;
    }
    return null;
  }
  if (isPlainObject(value)) {
    for (const [key, item] of Object.entries(value)) {
      const found = propertiesProblem(key, depth + 1) ?? propertiesProblem(item, depth + 1);
      if (found) return found;
    }
  }
  return null;
};

/** Checks one event of a request body as the sender wrote it. `now` decides what "the future" is. */
export const validateEvent = (raw: unknown, now: Date): EventCheck => {
  if (!isPlainObject(raw)) return problem(null, "An event must be a JSON object");

  const eventName = textField(raw, "event_name", MAX_NAME_LENGTH);
  if ("message" in eventName) return problem("event_name", eventName.message);

  const customer = textField(raw, "external_customer_id", MAX_EXTERNAL_ID_LENGTH);
  if ("message" in customer) return problem("external_customer_id", customer.message);

  const timestampText = raw.timestamp;
  if (timestampText === undefined || timestampText === null) return problem("timestamp", "timestamp is required");
  const timestamp = typeof timestampText === "string" ? parseEventTimestamp(timestampText) : null;
  if (!timestamp) {
    return problem(
      "timestamp",
      "timestamp must be an ISO 8601 date and time with a time zone, like 2024-06-28T12:00:00Z",
    );
  }
  if (timestamp.getTime() > now.getTime() + MAX_FUTURE_MS) {
    return problem("timestamp", "timestamp is more than 5 minutes in the future");
  }

  const eventId = textField(raw, "event_id", MAX_EVENT_ID_LENGTH);
  if ("message" in eventId) return problem("event_id", eventId.message);

  const properties = raw.properties ?? {};
  if (!isPlainObject(properties)) return problem("properties", "properties must be a JSON object");
  if (Buffer.byteLength(JSON.stringify(properties), "utf8") > MAX_PROPERTIES_BYTES) {
    return problem("properties", `properties can be at most ${MAX_PROPERTIES_BYTES / 1024} KB of JSON`);
  }
  const unstorable = propertiesProblem(properties);
  if (unstorable) return problem("properties", unstorable);

  return {
    ok: true,
    event: {
      eventName: eventName.value,
      externalCustomerId: customer.value,
      timestamp,
      properties,
      eventId: eventId.value,
    },
  };
};
