// Finds where a PostgreSQL database differs from the Prisma schema (tables, columns, types, nullability,
// defaults, enums, keys, indexes, foreign keys), so migrations written by hand cannot drift from it.
import type pg from "pg";

// The parts of Prisma's DMMF (`getDMMF` from @prisma/internals) the comparison reads.
type DmmfDefault = { name: string; args: readonly unknown[] } | string | number | boolean | readonly unknown[];

export type DmmfField = {
  name: string;
  dbName?: string | null;
  kind: string;
  type: string;
  isList: boolean;
  isRequired: boolean;
  isId: boolean;
  nativeType?: readonly [string, readonly string[]] | null;
  default?: DmmfDefault;
  relationFromFields?: readonly string[];
  relationToFields?: readonly string[];
  relationOnDelete?: string;
  relationOnUpdate?: string;
};

export type DmmfModel = {
  name: string;
  dbName: string | null;
  fields: readonly DmmfField[];
  primaryKey: { fields: readonly string[] } | null;
};

export type DmmfDocument = {
  datamodel: {
    models: readonly DmmfModel[];
    enums: readonly {
      name: string;
      dbName?: string | null;
      values: readonly { name: string; dbName: string | null }[];
    }[];
    indexes: readonly {
      model: string;
      type: string;
      dbName?: string | null;
      algorithm?: string;
      fields: readonly { name: string; sortOrder?: string }[];
    }[];
  };
};

export type DatabaseIntrospection = {
  tables: string[];
  columns: {
    table: string;
    name: string;
    /** format_type() output, e.g. `timestamp(3) with time zone`. */
    type: string;
    /** The enum's type name when the column is an enum (`Name[]` for an enum array). */
    enumName: string | null;
    notNull: boolean;
    /** pg_get_expr() of the default, e.g. `'USD'::bpchar` or `CURRENT_TIMESTAMP`. */
    default: string | null;
    identity: string;
    generated: string;
  }[];
  enums: { name: string; values: string[] }[];
  primaryKeys: { table: string; name: string; columns: string[] }[];
  indexes: {
    table: string;
    name: string;
    unique: boolean;
    primary: boolean;
    method: string;
    partial: boolean;
    /** Key columns in order; null for an expression. */
    columns: (string | null)[];
    descending: boolean[];
    includedColumns: number;
  }[];
  foreignKeys: {
    table: string;
    name: string;
    columns: string[];
    referencedTable: string;
    referencedColumns: string[];
    onDelete: string;
    onUpdate: string;
    deferrable: boolean;
  }[];
};

const IGNORED_TABLES = new Set(["_prisma_migrations"]);

// ---------------------------------------------------------------- introspection

const FK_ACTIONS: Record<string, string> = {
  a: "NO ACTION",
  r: "RESTRICT",
  c: "CASCADE",
  n: "SET NULL",
  d: "SET DEFAULT",
};

const columnList = (keys: string, relation: string) => `ARRAY(
  SELECT a.attname::text FROM unnest(${keys}) WITH ORDINALITY AS k(attnum, ord)
  JOIN pg_attribute a ON a.attrelid = ${relation} AND a.attnum = k.attnum ORDER BY k.ord)`;

/** Reads the structure of one schema (default `public`) from pg_catalog. */
export const introspectDatabase = async (
  client: Pick<pg.ClientBase, "query">,
  schema = "public",
): Promise<DatabaseIntrospection> => {
  const tables = await client.query<{ name: string }>(
    `SELECT c.relname AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
     WHERE n.nspname = $1 AND c.relkind IN ('r', 'p') ORDER BY 1`,
    [schema],
  );
  const columns = await client.query<DatabaseIntrospection["columns"][number]>(
    `SELECT t.relname AS "table", a.attname AS name, format_type(a.atttypid, a.atttypmod) AS type,
            CASE WHEN ty.typtype = 'e' THEN ty.typname::text
                 WHEN ety.typtype = 'e' THEN ety.typname::text || '[]' END AS "enumName",
            a.attnotnull AS "notNull", pg_get_expr(d.adbin, d.adrelid) AS "default",
            a.attidentity::text AS identity, a.attgenerated::text AS generated
     FROM pg_attribute a
     JOIN pg_class t ON t.oid = a.attrelid JOIN pg_namespace n ON n.oid = t.relnamespace
     JOIN pg_type ty ON ty.oid = a.atttypid
     LEFT JOIN pg_type ety ON ety.oid = ty.typelem AND ty.typcategory = 'A'
     LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
     WHERE n.nspname = $1 AND t.relkind IN ('r', 'p') AND a.attnum > 0 AND NOT a.attisdropped
     ORDER BY t.relname, a.attnum`,
    [schema],
  );
  const enums = await client.query<{ name: string; values: string[] }>(
    `SELECT t.typname::text AS name, array_agg(e.enumlabel::text ORDER BY e.enumsortorder) AS values
     FROM pg_type t JOIN pg_enum e ON e.enumtypid = t.oid JOIN pg_namespace n ON n.oid = t.typnamespace
     WHERE n.nspname = $1 GROUP BY t.typname ORDER BY 1`,
    [schema],
  );
  const primaryKeys = await client.query<DatabaseIntrospection["primaryKeys"][number]>(
    `SELECT t.relname AS "table", c.conname AS name, ${columnList("c.conkey", "c.conrelid")} AS columns
     FROM pg_constraint c JOIN pg_class t ON t.oid = c.conrelid JOIN pg_namespace n ON n.oid = t.relnamespace
     WHERE n.nspname = $1 AND c.contype = 'p' ORDER BY 1`,
    [schema],
  );
  const indexes = await client.query<DatabaseIntrospection["indexes"][number]>(
    `SELECT t.relname AS "table", i.relname AS name, x.indisunique AS "unique", x.indisprimary AS "primary",
            am.amname AS method, x.indpred IS NOT NULL AS partial,
            ARRAY(SELECT a.attname::text FROM unnest(x.indkey::int2[]) WITH ORDINALITY AS k(attnum, ord)
                  LEFT JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = k.attnum AND k.attnum > 0
                  WHERE k.ord <= x.indnkeyatts ORDER BY k.ord) AS columns,
            ARRAY(SELECT (o.opt & 1) = 1 FROM unnest(x.indoption::int2[]) WITH ORDINALITY AS o(opt, ord)
                  ORDER BY o.ord) AS descending,
            x.indnatts - x.indnkeyatts AS "includedColumns"
     FROM pg_index x
     JOIN pg_class i ON i.oid = x.indexrelid JOIN pg_class t ON t.oid = x.indrelid
     JOIN pg_namespace n ON n.oid = t.relnamespace JOIN pg_am am ON am.oid = i.relam
     WHERE n.nspname = $1 ORDER BY 1, 2`,
    [schema],
  );
  const foreignKeys = await client.query<DatabaseIntrospection["foreignKeys"][number]>(
    `SELECT t.relname AS "table", c.conname AS name, ${columnList("c.conkey", "c.conrelid")} AS columns,
            rt.relname AS "referencedTable", ${columnList("c.confkey", "c.confrelid")} AS "referencedColumns",
            c.confdeltype::text AS "onDelete", c.confupdtype::text AS "onUpdate", c.condeferrable AS deferrable
     FROM pg_constraint c JOIN pg_class t ON t.oid = c.conrelid JOIN pg_namespace n ON n.oid = t.relnamespace
     JOIN pg_class rt ON rt.oid = c.confrelid
     WHERE n.nspname = $1 AND c.contype = 'f' ORDER BY 1, 2`,
    [schema],
  );
  return {
    tables: tables.rows.map((row) => row.name),
    columns: columns.rows,
    enums: enums.rows,
    primaryKeys: primaryKeys.rows,
    indexes: indexes.rows,
    foreignKeys: foreignKeys.rows.map((fk) => ({
      ...fk,
      onDelete: FK_ACTIONS[fk.onDelete] ?? fk.onDelete,
      onUpdate: FK_ACTIONS[fk.onUpdate] ?? fk.onUpdate,
    })),
  };
};

// ---------------------------------------------------------------- what Prisma would create

// Prisma's default constraint names (psl ConstraintNames): table and columns joined by `_`, cut to
// PostgreSQL's 63-byte identifier limit before the suffix.
const MAX_IDENTIFIER_BYTES = 63;

const truncateBytes = (value: string, maxBytes: number): string => {
  const bytes = Buffer.from(value, "utf8");
  if (bytes.length < maxBytes) return value;
  let end = maxBytes;
  // Never cut a multi-byte character in half (continuation bytes are 0b10xxxxxx).
  while (end > 0 && ((bytes[end] ?? 0) & 0xc0) === 0x80) end--;
  return bytes.subarray(0, end).toString("utf8");
};

export const prismaConstraintName = (
  table: string,
  columns: readonly string[],
  suffix: "_pkey" | "_key" | "_idx" | "_fkey",
): string => {
  const base = suffix === "_pkey" ? table : `${table}_${columns.join("_")}`;
  return `${truncateBytes(base, MAX_IDENTIFIER_BYTES - suffix.length)}${suffix}`;
};

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

const expectedType = (field: DmmfField, enumNames: Map<string, string>): ExpectedType => {
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

// ---------------------------------------------------------------- defaults

type Default = { kind: "none" } | { kind: "literal"; value: string } | { kind: "expression"; sql: string };

// pg_get_expr() prints literals as `'text'::type`, `42`, `'-1'::integer` or `false`.
const parseDatabaseDefault = (sql: string | null): Default => {
  if (sql === null) return { kind: "none" };
  const quoted = /^'((?:[^']|'')*)'::[^']+$/.exec(sql);
  if (quoted) return { kind: "literal", value: (quoted[1] ?? "").replaceAll("''", "'") };
  const bare = /^\(?(-?\d+(?:\.\d+)?|true|false)\)?$/.exec(sql);
  if (bare) return { kind: "literal", value: bare[1] ?? "" };
  return { kind: "expression", sql };
};

// Defaults made by Prisma Client (uuid(), cuid(), ...) never reach the database.
const CLIENT_DEFAULTS = new Set(["uuid", "cuid", "nanoid", "ulid"]);

const expectedDefault = (field: DmmfField, enumValues: Map<string, Map<string, string>>): Default | string => {
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

const sameDefault = (field: DmmfField, expected: Default, actual: Default): boolean => {
  if (expected.kind === "none" || actual.kind === "none") return expected.kind === actual.kind;
  if (expected.kind === "literal") return actual.kind === "literal" && sameLiteral(field, expected.value, actual.value);
  if (actual.kind !== "expression") return false;
  if (expected.sql === "nextval(" || expected.sql === "ARRAY[]") return actual.sql.startsWith(expected.sql);
  const squash = (sql: string) => sql.replace(/\s+/g, " ").trim();
  return squash(expected.sql) === squash(actual.sql);
};

const showDefault = (value: Default): string =>
  value.kind === "none" ? "none" : value.kind === "literal" ? `'${value.value}'` : value.sql;

// ---------------------------------------------------------------- the comparison

const list = (names: readonly (string | null)[]) => `(${names.map((name) => name ?? "<expression>").join(", ")})`;

const INDEX_METHODS: Record<string, string> = {
  BTree: "btree",
  Hash: "hash",
  Gist: "gist",
  Gin: "gin",
  SpGist: "spgist",
  Brin: "brin",
};

const PRISMA_ACTIONS: Record<string, string> = {
  Cascade: "CASCADE",
  Restrict: "RESTRICT",
  NoAction: "NO ACTION",
  SetNull: "SET NULL",
  SetDefault: "SET DEFAULT",
};

/** Every way the database differs from the schema, in words; empty when they agree. */
export const compareSchemaToDatabase = (dmmf: DmmfDocument, db: DatabaseIntrospection): string[] => {
  const differences: string[] = [];
  const { models, enums, indexes } = dmmf.datamodel;
  const enumNames = new Map(enums.map((e) => [e.name, e.dbName ?? e.name]));
  const enumValues = new Map(enums.map((e) => [e.name, new Map(e.values.map((v) => [v.name, v.dbName ?? v.name]))]));
  const tableOf = (model: DmmfModel) => model.dbName ?? model.name;
  const columnOf = (model: DmmfModel, fieldName: string) =>
    model.fields.find((field) => field.name === fieldName)?.dbName ?? fieldName;

  for (const schemaEnum of enums) {
    const name = enumNames.get(schemaEnum.name) ?? schemaEnum.name;
    const expected = schemaEnum.values.map((value) => value.dbName ?? value.name);
    const actual = db.enums.find((candidate) => candidate.name === name);
    if (!actual) differences.push(`Enum "${name}" is missing from the database.`);
    else if (actual.values.join() !== expected.join()) {
      differences.push(
        `Enum "${name}" has values ${list(actual.values)} in the database, the schema has ${list(expected)}.`,
      );
    }
  }
  const schemaEnumNames = new Set(enumNames.values());
  for (const dbEnum of db.enums) {
    if (!schemaEnumNames.has(dbEnum.name))
      differences.push(`Enum "${dbEnum.name}" is in the database but not in the schema.`);
  }

  const schemaTables = new Set(models.map(tableOf));
  for (const table of db.tables) {
    if (!schemaTables.has(table) && !IGNORED_TABLES.has(table)) {
      differences.push(`Table "${table}" is in the database but not in the schema.`);
    }
  }

  for (const model of models) {
    const table = tableOf(model);
    if (!db.tables.includes(table)) {
      differences.push(`Table "${table}" (model ${model.name}) is missing from the database.`);
      continue;
    }

    // Columns: every scalar field, with its type, nullability and default, and nothing more.
    const scalarFields = model.fields.filter((field) => field.kind !== "object");
    const dbColumns = db.columns.filter((column) => column.table === table);
    for (const field of scalarFields) {
      const name = field.dbName ?? field.name;
      const where = `${table}.${name}`;
      const column = dbColumns.find((candidate) => candidate.name === name);
      if (!column) {
        differences.push(`Column ${where} (field ${model.name}.${field.name}) is missing from the database.`);
        continue;
      }
      const type = expectedType(field, enumNames);
      if ("unmapped" in type)
        differences.push(
          `${where}: cannot check the type ${type.unmapped}; teach schema-drift.ts its PostgreSQL name.`,
        );
      else if ("enumName" in type && column.enumName !== type.enumName) {
        differences.push(`${where}: type is ${column.type} in the database, the schema wants enum ${type.enumName}.`);
      } else if ("type" in type && (column.enumName !== null || column.type !== type.type)) {
        differences.push(`${where}: type is ${column.type} in the database, the schema wants ${type.type}.`);
      }
      // Prisma creates list columns nullable even when the field is required.
      const notNull = field.isRequired && !field.isList;
      if (column.notNull !== notNull) {
        differences.push(
          `${where}: ${column.notNull ? "NOT NULL" : "nullable"} in the database, ${notNull ? "required" : "optional"} in the schema.`,
        );
      }
      if (column.identity || column.generated)
        differences.push(`${where}: is an identity or generated column in the database.`);
      const wanted = expectedDefault(field, enumValues);
      const actual = parseDatabaseDefault(column.default);
      if (typeof wanted === "string") differences.push(`${where}: cannot check ${wanted}.`);
      else if (!sameDefault(field, wanted, actual)) {
        differences.push(
          `${where}: default is ${showDefault(actual)} in the database, the schema wants ${showDefault(wanted)}.`,
        );
      }
    }
    const schemaColumns = new Set(scalarFields.map((field) => field.dbName ?? field.name));
    for (const column of dbColumns) {
      if (!schemaColumns.has(column.name))
        differences.push(`Column ${table}.${column.name} is in the database but not in the schema.`);
    }

    // Primary key.
    const idIndex = indexes.find((index) => index.model === model.name && index.type === "id");
    const idFields = model.primaryKey?.fields ?? model.fields.filter((field) => field.isId).map((field) => field.name);
    const pkColumns = idFields.map((field) => columnOf(model, field));
    const pkName = idIndex?.dbName ?? prismaConstraintName(table, pkColumns, "_pkey");
    const pk = db.primaryKeys.find((candidate) => candidate.table === table);
    if (pkColumns.length === 0) {
      if (pk) differences.push(`${table}: primary key ${pk.name} is in the database but the schema has no @id.`);
    } else if (!pk)
      differences.push(`${table}: primary key ${pkName} ${list(pkColumns)} is missing from the database.`);
    else if (pk.name !== pkName || pk.columns.join() !== pkColumns.join()) {
      differences.push(
        `${table}: primary key is ${pk.name} ${list(pk.columns)} in the database, the schema wants ${pkName} ${list(pkColumns)}.`,
      );
    }

    // Indexes: each @unique, @@unique and @@index by name, and no others besides the primary key's.
    const schemaIndexes = indexes
      .filter((index) => index.model === model.name && (index.type === "unique" || index.type === "normal"))
      .map((index) => {
        const columns = index.fields.map((field) => columnOf(model, field.name));
        const unique = index.type === "unique";
        return {
          name: index.dbName ?? prismaConstraintName(table, columns, unique ? "_key" : "_idx"),
          unique,
          columns,
          method: INDEX_METHODS[index.algorithm ?? "BTree"] ?? index.algorithm ?? "btree",
          descending: index.fields.map((field) => field.sortOrder === "desc"),
        };
      });
    const dbIndexes = db.indexes.filter((index) => index.table === table && !index.primary);
    for (const wanted of schemaIndexes) {
      const kind = wanted.unique ? "unique index" : "index";
      const actual = dbIndexes.find((index) => index.name === wanted.name);
      if (!actual) {
        differences.push(`${table}: ${kind} ${wanted.name} on ${list(wanted.columns)} is missing from the database.`);
        continue;
      }
      if (actual.unique !== wanted.unique)
        differences.push(`${table}: ${wanted.name} is ${actual.unique ? "" : "not "}unique in the database.`);
      if (actual.columns.join() !== wanted.columns.join()) {
        differences.push(
          `${table}: ${wanted.name} is on ${list(actual.columns)} in the database, the schema wants ${list(wanted.columns)}.`,
        );
      }
      if (actual.method !== wanted.method)
        differences.push(
          `${table}: ${wanted.name} uses ${actual.method} in the database, the schema wants ${wanted.method}.`,
        );
      if (actual.descending.join() !== wanted.descending.join())
        differences.push(`${table}: ${wanted.name} has a different sort order in the database.`);
      if (actual.partial || actual.includedColumns > 0)
        differences.push(`${table}: ${wanted.name} is partial or has INCLUDE columns in the database.`);
    }
    const schemaIndexNames = new Set(schemaIndexes.map((index) => index.name));
    for (const index of dbIndexes) {
      if (!schemaIndexNames.has(index.name)) {
        differences.push(
          `${table}: ${index.unique ? "unique index" : "index"} ${index.name} on ${list(index.columns)} is in the database but not in the schema.`,
        );
      }
    }

    // Foreign keys, named and acted on as Prisma does. A relation's `map:` is not in the DMMF, so a
    // mapped foreign key name shows up here as a difference rather than passing unseen.
    const relations = model.fields.filter((field) => (field.relationFromFields?.length ?? 0) > 0);
    const dbForeignKeys = db.foreignKeys.filter((fk) => fk.table === table);
    const schemaForeignKeyNames = new Set<string>();
    for (const relation of relations) {
      const target = models.find((candidate) => candidate.name === relation.type);
      const columns = (relation.relationFromFields ?? []).map((field) => columnOf(model, field));
      const name = prismaConstraintName(table, columns, "_fkey");
      schemaForeignKeyNames.add(name);
      const referencedTable = target ? tableOf(target) : relation.type;
      const referencedColumns = (relation.relationToFields ?? []).map((field) =>
        target ? columnOf(target, field) : field,
      );
      const onDelete = PRISMA_ACTIONS[relation.relationOnDelete ?? (relation.isRequired ? "Restrict" : "SetNull")];
      const onUpdate = PRISMA_ACTIONS[relation.relationOnUpdate ?? "Cascade"];
      const wanted = `${list(columns)} -> ${referencedTable}${list(referencedColumns)} ON DELETE ${onDelete} ON UPDATE ${onUpdate}`;
      const fk = dbForeignKeys.find((candidate) => candidate.name === name);
      if (!fk) {
        differences.push(`${table}: foreign key ${name} ${wanted} is missing from the database.`);
        continue;
      }
      const actual = `${list(fk.columns)} -> ${fk.referencedTable}${list(fk.referencedColumns)} ON DELETE ${fk.onDelete} ON UPDATE ${fk.onUpdate}`;
      if (actual !== wanted)
        differences.push(`${table}: foreign key ${name} is ${actual} in the database, the schema wants ${wanted}.`);
      if (fk.deferrable) differences.push(`${table}: foreign key ${name} is DEFERRABLE in the database.`);
    }
    for (const fk of dbForeignKeys) {
      if (!schemaForeignKeyNames.has(fk.name)) {
        differences.push(
          `${table}: foreign key ${fk.name} ${list(fk.columns)} -> ${fk.referencedTable} is in the database but not in the schema.`,
        );
      }
    }
  }
  return differences;
};
