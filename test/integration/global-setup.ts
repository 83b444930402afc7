// Starts one throw-away PostgreSQL for the whole integration run (or uses DATABASE_URL's server)
// and builds a migrated template database that tests clone in milliseconds.
import os from "node:os";
import path from "node:path";
import fs from "node:fs";
import pg from "pg";
import type { TestProject } from "vitest/node";
import { startEmbeddedPostgres, type EmbeddedDatabase } from "../../lib/db/embedded";
import { applyMigrations } from "../../lib/db/migrate";

export const TEMPLATE_DB = "billfold_test_template";

let embedded: EmbeddedDatabase | undefined;

const withDatabase = (url: string, database: string) => {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
};

export default async function setup(project: TestProject) {
  let adminUrl: string;
  const external = process.env.DATABASE_URL;
  if (external) {
    adminUrl = withDatabase(external, "postgres");
  } else {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "billfold-test-pg-"));
    // PostgreSQL runs as the postgres user, which must be able to enter the (root-owned) folder.
    fs.chmodSync(dataDir, 0o755);
    embedded = await startEmbeddedPostgres({ dataDir: path.join(dataDir, "data"), ephemeral: true });
    adminUrl = embedded.adminUrl;
  }
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${TEMPLATE_DB}`);
  await admin.query(`CREATE DATABASE ${TEMPLATE_DB}`);
  await admin.end();
  await applyMigrations({ connectionString: withDatabase(adminUrl, TEMPLATE_DB) });
  project.provide("pgAdminUrl", adminUrl);
  return async () => {
    await embedded?.stop();
  };
}

declare module "vitest" {
  // Module augmentation merges only with an interface.
  // eslint-disable-next-line @typescript-eslint/consistent-type-definitions
  export interface ProvidedContext {
    pgAdminUrl: string;
  }
}
