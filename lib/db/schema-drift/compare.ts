// The comparator: every way an introspected database differs from the Prisma schema, in words, so the
// drift test can print exactly what a hand-written migration got wrong.
import { expectedDefault, parseDatabaseDefault, sameDefault, showDefault } from "./defaults";
import type { DmmfDocument, DmmfModel } from "./dmmf";
import type { DatabaseIntrospection } from "./introspect";
import { prismaConstraintName } from "./prisma-names";
import { expectedType } from "./prisma-types";

// Prisma's own bookkeeping, not part of the schema.
const IGNORED_TABLES = new Set(["_prisma_migrations"]);

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

const list = (names: readonly (string | null)[]) => `(${names.map((name) => name ?? "<expression>").join(", ")})`;

const tableOf = (model: DmmfModel) => model.dbName ?? model.name;

const columnOf = (model: DmmfModel, fieldName: string) =>
  model.fields.find((field) => field.name === fieldName)?.dbName ?? fieldName;

type Datamodel = DmmfDocument["datamodel"];

/** One model whose table exists, with what every per-table check needs. */
type TableCheck = {
  model: DmmfModel;
  table: string;
  datamodel: Datamodel;
  db: DatabaseIntrospection;
  /** Enum name -> its database name. */
  enumNames: Map<string, string>;
  /** Enum name -> value name -> the value's database name. */
  enumValues: Map<string, Map<string, string>>;
};

const compareEnums = ({
  enums,
  enumNames,
  db,
}: {
  enums: Datamodel["enums"];
  enumNames: Map<string, string>;
  db: DatabaseIntrospection;
}): string[] => {
  const differences: string[] = [];
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
  return differences;
};

const compareExtraTables = (models: Datamodel["models"], db: DatabaseIntrospection): string[] => {
  const schemaTables = new Set(models.map(tableOf));
  return db.tables
    .filter((table) => !schemaTables.has(table) && !IGNORED_TABLES.has(table))
    .map((table) => `Table "${table}" is in the database but not in the schema.`);
};

// Columns: every scalar field, with its type, nullability and default, and nothing more.
const compareColumns = ({ model, table, db, enumNames, enumValues }: TableCheck): string[] => {
  const differences: string[] = [];
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
        `${where}: cannot check the type ${type.unmapped}; teach schema-drift/prisma-types.ts its PostgreSQL name.`,
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
  return differences;
};

const comparePrimaryKey = ({ model, table, datamodel, db }: TableCheck): string[] => {
  const idIndex = datamodel.indexes.find((index) => index.model === model.name && index.type === "id");
  const idFields = model.primaryKey?.fields ?? model.fields.filter((field) => field.isId).map((field) => field.name);
  const pkColumns = idFields.map((field) => columnOf(model, field));
  const pkName = idIndex?.dbName ?? prismaConstraintName(table, pkColumns, "_pkey");
  const pk = db.primaryKeys.find((candidate) => candidate.table === table);
  if (pkColumns.length === 0) {
    return pk ? [`${table}: primary key ${pk.name} is in the database but the schema has no @id.`] : [];
  }
  if (!pk) return [`${table}: primary key ${pkName} ${list(pkColumns)} is missing from the database.`];
  if (pk.name !== pkName || pk.columns.join() !== pkColumns.join()) {
    return [
      `${table}: primary key is ${pk.name} ${list(pk.columns)} in the database, the schema wants ${pkName} ${list(pkColumns)}.`,
    ];
  }
  return [];
};

// Indexes: each @unique, @@unique and @@index by name, and no others besides the primary key's.
const compareIndexes = ({ model, table, datamodel, db }: TableCheck): string[] => {
  const differences: string[] = [];
  const schemaIndexes = datamodel.indexes
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
  return differences;
};

// Foreign keys, named and acted on as Prisma does. A relation's `map:` is not in the DMMF, so a
// mapped foreign key name shows up here as a difference rather than passing unseen.
const compareForeignKeys = ({ model, table, datamodel, db }: TableCheck): string[] => {
  const differences: string[] = [];
  const relations = model.fields.filter((field) => (field.relationFromFields?.length ?? 0) > 0);
  const dbForeignKeys = db.foreignKeys.filter((fk) => fk.table === table);
  const schemaForeignKeyNames = new Set<string>();
  for (const relation of relations) {
    const target = datamodel.models.find((candidate) => candidate.name === relation.type);
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
  return differences;
};

/** Every way the database differs from the schema, in words; empty when they agree. */
export const compareSchemaToDatabase = (dmmf: DmmfDocument, db: DatabaseIntrospection): string[] => {
  const { datamodel } = dmmf;
  const { models, enums } = datamodel;
  const enumNames = new Map(enums.map((e) => [e.name, e.dbName ?? e.name]));
  const enumValues = new Map(enums.map((e) => [e.name, new Map(e.values.map((v) => [v.name, v.dbName ?? v.name]))]));
  const differences = [...compareEnums({ enums, enumNames, db }), ...compareExtraTables(models, db)];
  for (const model of models) {
    const table = tableOf(model);
    if (!db.tables.includes(table)) {
      differences.push(`Table "${table}" (model ${model.name}) is missing from the database.`);
      continue;
    }
    const check: TableCheck = { model, table, datamodel, db, enumNames, enumValues };
    differences.push(
      ...compareColumns(check),
      ...comparePrimaryKey(check),
      ...compareIndexes(check),
      ...compareForeignKeys(check),
    );
  }
  return differences;
};
