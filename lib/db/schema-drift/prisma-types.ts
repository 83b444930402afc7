// The PostgreSQL column type Prisma creates for a field, spelled as format_type() prints it, so a
// column's type can be compared as text.
import type { DmmfField } from "./dmmf";

type ExpectedType = { enumName: string } | { type: string } | { unmapped: string };

const withPrecision = (name: string, args: readonly string[], suffix = "") =>
  `${name}${args.length > 0 ? `(${args.join(",")})` : ""}${suffix}`;

// What format_type() prints for each Prisma type and @db native type on PostgreSQL.
const NATIVE_TYPES: Record<string, (args: readonly string[]) => string> = {
  Text: () => "text",
  Char: (args) => withPrecision("character", args),
  VarChar: (args) => withPrecision("character varying", args),
  Uuid: () => "uuid",
  Xml: () => "xml",
  Inet: () => "inet",
  Citext: () => "citext",
  Bit: (args) => withPrecision("bit", args),
  VarBit: (args) => withPrecision("bit varying", args),
  Boolean: () => "boolean",
  Integer: () => "integer",
  SmallInt: () => "smallint",
  Oid: () => "oid",
  BigInt: () => "bigint",
  DoublePrecision: () => "double precision",
  Real: () => "real",
  Decimal: (args) => withPrecision("numeric", args),
  Money: () => "money",
  Timestamp: (args) => withPrecision("timestamp", args, " without time zone"),
  Timestamptz: (args) => withPrecision("timestamp", args, " with time zone"),
  Date: () => "date",
  Time: (args) => withPrecision("time", args, " without time zone"),
  Timetz: (args) => withPrecision("time", args, " with time zone"),
  Json: () => "json",
  JsonB: () => "jsonb",
  ByteA: () => "bytea",
};

const DEFAULT_TYPES: Record<string, string> = {
  String: "text",
  Boolean: "boolean",
  Int: "integer",
  BigInt: "bigint",
  Float: "double precision",
  Decimal: "numeric(65,30)",
  DateTime: "timestamp(3) without time zone",
  Json: "jsonb",
  Bytes: "bytea",
};

export const expectedType = (field: DmmfField, enumNames: Map<string, string>): ExpectedType => {
  const list = field.isList ? "[]" : "";
  if (field.kind === "enum") return { enumName: `${enumNames.get(field.type) ?? field.type}${list}` };
  if (field.nativeType) {
    const [name, args] = field.nativeType;
    const render = NATIVE_TYPES[name];
    return render ? { type: `${render(args)}${list}` } : { unmapped: `@db.${name}` };
  }
  const type = DEFAULT_TYPES[field.type];
  return type ? { type: `${type}${list}` } : { unmapped: field.type };
};
