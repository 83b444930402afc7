// Column defaults on both sides: the one Prisma would create for a field and the one pg_get_expr()
// prints, read into one shape so literals compare by value and expressions by their text.
import type { DmmfField } from "./dmmf";

export type Default = { kind: "none" } | { kind: "literal"; value: string } | { kind: "expression"; sql: string };

// pg_get_expr() prints literals as `'text'::type`, `42`, `'-1'::integer` or `false`.
export const parseDatabaseDefault = (sql: string | null): Default => {
  if (sql === null) return { kind: "none" };
  const quoted = /^'((?:[^']|'')*)'::[^']+$/.exec(sql);
  if (quoted) return { kind: "literal", value: (quoted[1] ?? "").replaceAll("''", "'") };
  const bare = /^\(?(-?\d+(?:\.\d+)?|true|false)\)?$/.exec(sql);
  if (bare) return { kind: "literal", value: bare[1] ?? "" };
  return { kind: "expression", sql };
};

// Defaults made by Prisma Client (uuid(), cuid(), ...) never reach the database.
const CLIENT_DEFAULTS = new Set(["uuid", "cuid", "nanoid", "ulid"]);

export const expectedDefault = (field: DmmfField, enumValues: Map<string, Map<string, string>>): Default | string => {
  const value = field.default;
  if (value === undefined) return { kind: "none" };
  if (Array.isArray(value)) {
    return value.length === 0 ? { kind: "expression", sql: "ARRAY[]" } : "a non-empty list default (not checked)";
  }
  if (typeof value === "object" && value !== null && "name" in value) {
    if (value.name === "now") return { kind: "expression", sql: "CURRENT_TIMESTAMP" };
    if (value.name === "autoincrement") return { kind: "expression", sql: "nextval(" };
    if (value.name === "dbgenerated") {
      const sql = value.args[0];
      return typeof sql === "string" ? { kind: "expression", sql } : "dbgenerated() without an expression";
    }
    if (CLIENT_DEFAULTS.has(value.name)) return { kind: "none" };
    return `@default(${value.name}()) (not checked)`;
  }
  if (field.kind === "enum") {
    return { kind: "literal", value: enumValues.get(field.type)?.get(String(value)) ?? String(value) };
  }
  return { kind: "literal", value: String(value) };
};

const canonicalNumber = (value: string): string =>
  value.includes(".") ? value.replace(/\.?0+$/, "") : value.replace(/^\+/, "");

const sameLiteral = (field: DmmfField, expected: string, actual: string): boolean => {
  switch (field.type) {
    case "Int":
    case "BigInt":
    case "Float":
    case "Decimal":
      return canonicalNumber(expected) === canonicalNumber(actual);
    case "Json":
      try {
        return JSON.stringify(JSON.parse(expected)) === JSON.stringify(JSON.parse(actual));
      } catch {
        return expected === actual;
      }
    case "DateTime": {
      // A timestamp without a zone is printed without one; Prisma wrote it in UTC.
      const withZone = /[zZ]|[+-]\d\d(:?\d\d)?$/.test(actual) ? actual : `${actual}Z`;
      return Date.parse(expected) === Date.parse(withZone.replace(" ", "T"));
    }
    default:
      return expected === actual;
  }
};

export const sameDefault = (field: DmmfField, expected: Default, actual: Default): boolean => {
  if (expected.kind === "none" || actual.kind === "none") return expected.kind === actual.kind;
  if (expected.kind === "literal") return actual.kind === "literal" && sameLiteral(field, expected.value, actual.value);
  if (actual.kind !== "expression") return false;
  if (expected.sql === "nextval(" || expected.sql === "ARRAY[]") return actual.sql.startsWith(expected.sql);
  const squash = (sql: string) => sql.replace(/\s+/g, " ").trim();
  return squash(expected.sql) === squash(actual.sql);
};

export const showDefault = (value: Default): string =>
  value.kind === "none" ? "none" : value.kind === "literal" ? `'${value.value}'` : value.sql;
