// Reads a PostgreSQL schema's structure from pg_catalog: tables, columns, enums, keys, indexes and
// foreign keys, in the shape the comparator checks against the Prisma schema.
import type pg from "pg";

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
