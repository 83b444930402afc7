// Per-test databases on the integration run's PostgreSQL: empty ones (for migration tests) and
// migrated ones cloned from the template that global-setup built.
import { randomBytes } from "node:crypto";
import pg from "pg";
import { inject } from "vitest";

export type TestDatabase = { url: string; name: string; drop: () => Promise<void> };

const TEMPLATE_DB = "billfold_test_template";

const withDatabase = (url: string, database: string) => {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
};

const adminQuery = async (sql: string) => {
  const client = new pg.Client({ connectionString: inject("pgAdminUrl") });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
};

const create = async (template?: string): Promise<TestDatabase> => {
  const name = `billfold_t_${randomBytes(6).toString("hex")}`;
  await adminQuery(`CREATE DATABASE ${name}${template ? ` TEMPLATE ${template}` : ""}`);
  return {
    name,
    url: withDatabase(inject("pgAdminUrl"), name),
    drop: () => adminQuery(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`),
  };
};

/** A fresh, empty database: no tables, no migrations. */
export const createTestDatabase = () => create();

/** A database with every migration applied, cloned from the run's template. */
export const createMigratedTestDatabase = () => create(TEMPLATE_DB);
