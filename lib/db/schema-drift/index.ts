// Finds where a PostgreSQL database differs from the Prisma schema (tables, columns, types, nullability,
// defaults, enums, keys, indexes, foreign keys), so migrations written by hand cannot drift from it.
export { compareSchemaToDatabase } from "./compare";
export type { DmmfDocument, DmmfField, DmmfModel } from "./dmmf";
export { introspectDatabase, type DatabaseIntrospection } from "./introspect";
export { prismaConstraintName } from "./prisma-names";
