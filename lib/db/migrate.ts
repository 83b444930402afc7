// Applies prisma/migrations to a PostgreSQL database, recording them in `_prisma_migrations`
// exactly as `prisma migrate deploy` does, for machines where Prisma's schema engine cannot run.
import { createHash, randomUUID } from "node:crypto";
import fs from "node:fs/promises";
import path from "node:path";
import pg from "pg";

export type ApplyMigrationsOptions = {
  connectionString: string;
  /** Defaults to prisma/migrations under the working directory (the repository root). */
  migrationsDir?: string;
  log?: (line: string) => void;
};

export type MigrationErrorReason = "failed" | "checksum_mismatch" | "unfinished";

export class MigrationError extends Error {
  readonly migrationName: string;
  readonly reason: MigrationErrorReason;

  constructor(options: { migrationName: string; reason: MigrationErrorReason; message: string; cause?: unknown }) {
    super(options.message, { cause: options.cause });
    this.name = "MigrationError";
    this.migrationName = options.migrationName;
    this.reason = options.reason;
  }
}

type LocalMigration = { name: string; script: string; checksum: string };

type MigrationRow = {
  migration_name: string;
  checksum: string;
  finished_at: Date | null;
  rolled_back_at: Date | null;
};

// Prisma Migrate's own lock key, so this runner and `prisma migrate deploy` also exclude each other.
const ADVISORY_LOCK_KEY = 72707369;

// Prisma's DDL, column for column, so Prisma's tools read the history this runner writes.
const CREATE_MIGRATIONS_TABLE = `
CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
    "id"                    VARCHAR(36) PRIMARY KEY NOT NULL,
    "checksum"              VARCHAR(64) NOT NULL,
    "finished_at"           TIMESTAMPTZ,
    "migration_name"        VARCHAR(255) NOT NULL,
    "logs"                  TEXT,
    "rolled_back_at"        TIMESTAMPTZ,
    "started_at"            TIMESTAMPTZ NOT NULL DEFAULT now(),
    "applied_steps_count"   INTEGER NOT NULL DEFAULT 0
)`;

/** Prisma's checksum: lowercase hex SHA-256 of the migration.sql file's bytes. */
export const migrationChecksum = (bytes: Uint8Array): string => createHash("sha256").update(bytes).digest("hex");

const readLocalMigrations = async (migrationsDir: string): Promise<LocalMigration[]> => {
  const entries = await fs.readdir(migrationsDir, { withFileTypes: true });
  // Prisma orders migrations by folder name; the timestamp prefix makes that chronological.
  const names = entries
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  return Promise.all(
    names.map(async (name) => {
      const file = path.join(migrationsDir, name, "migration.sql");
      const bytes = await fs.readFile(file).catch((error: NodeJS.ErrnoException) => {
        if (error.code === "ENOENT") {
          throw new Error(`Migration folder ${name} has no migration.sql (looked for ${file}).`);
        }
        throw error;
      });
      return { name, script: bytes.toString("utf8"), checksum: migrationChecksum(bytes) };
    }),
  );
};

// PostgreSQL reports where a statement failed as a character offset into the whole script.
const describePgError = (error: unknown, script: string): string => {
  if (!(error instanceof Error)) return String(error);
  const pgError = error as Partial<pg.DatabaseError>;
  const parts = [pgError.code ? `${error.message} (SQLSTATE ${pgError.code})` : error.message];
  if (pgError.detail) parts.push(`Detail: ${pgError.detail}`);
  const position = Number(pgError.position);
  if (position > 0) {
    const line = script.slice(0, position - 1).split("\n").length;
    parts.push(`At line ${line} of migration.sql`);
  }
  return parts.join(". ");
};

// Refuses to build on a history it cannot trust: a migration another tool left half-applied, or
// an applied migration whose file has been edited since (the database no longer matches it).
const checkHistory = (local: LocalMigration[], rows: MigrationRow[]): Set<string> => {
  const unfinished = rows.find((row) => row.finished_at === null && row.rolled_back_at === null);
  if (unfinished) {
    throw new MigrationError({
      migrationName: unfinished.migration_name,
      reason: "unfinished",
      message:
        `Migration ${unfinished.migration_name} was started but never finished (its _prisma_migrations ` +
        `row has neither finished_at nor rolled_back_at). Check the database by hand, then mark it with ` +
        `\`prisma migrate resolve --applied\` or \`--rolled-back\` before migrating again.`,
    });
  }
  const applied = rows.filter((row) => row.finished_at !== null && row.rolled_back_at === null);
  for (const migration of local) {
    const row = applied.find((candidate) => candidate.migration_name === migration.name);
    if (row && row.checksum !== migration.checksum) {
      throw new MigrationError({
        migrationName: migration.name,
        reason: "checksum_mismatch",
        message:
          `Migration ${migration.name} was edited after it was applied: its migration.sql checksum is ` +
          `${migration.checksum} but the database recorded ${row.checksum}. Restore the applied file ` +
          `and put the change in a new migration.`,
      });
    }
  }
  return new Set(applied.map((row) => row.migration_name));
};

// The script and its history row commit together or not at all, so a failure leaves the database
// exactly as it was before this migration and no row claims otherwise.
const applyOne = async (client: pg.Client, migration: LocalMigration): Promise<void> => {
  try {
    await client.query("BEGIN");
    // Without parameters pg uses the simple query protocol, which runs a multi-statement script.
    await client.query(migration.script);
    await client.query(
      `INSERT INTO "_prisma_migrations"
         ("id", "checksum", "migration_name", "started_at", "finished_at", "applied_steps_count")
       VALUES ($1, $2, $3, now(), clock_timestamp(), 1)`,
      [randomUUID(), migration.checksum, migration.name],
    );
    await client.query("COMMIT");
  } catch (error) {
    await client.query("ROLLBACK").catch(() => undefined);
    throw new MigrationError({
      migrationName: migration.name,
      reason: "failed",
      message: `Migration ${migration.name} failed and was rolled back: ${describePgError(error, migration.script)}`,
      cause: error,
    });
  }
};

export const applyMigrations = async (options: ApplyMigrationsOptions): Promise<{ applied: string[] }> => {
  const migrationsDir = options.migrationsDir ?? path.join(process.cwd(), "prisma", "migrations");
  const log = options.log ?? (() => undefined);
  const local = await readLocalMigrations(migrationsDir);

  const client = new pg.Client({ connectionString: options.connectionString });
  // A dropped connection also fails the query in flight; without a listener it would crash the process.
  client.on("error", (error) => log(`Database connection error: ${error.message}`));
  await client.connect();
  try {
    // Held for the whole run: a second process waits here, then finds everything applied.
    await client.query("SELECT pg_advisory_lock($1)", [ADVISORY_LOCK_KEY]);
    try {
      await client.query(CREATE_MIGRATIONS_TABLE);
      const { rows } = await client.query<MigrationRow>(
        `SELECT "migration_name", "checksum", "finished_at", "rolled_back_at"
           FROM "_prisma_migrations" ORDER BY "started_at", "migration_name"`,
      );
      const appliedBefore = checkHistory(local, rows);
      const localNames = new Set(local.map((migration) => migration.name));
      for (const name of appliedBefore) {
        if (!localNames.has(name)) log(`Migration ${name} is applied but not in ${migrationsDir}.`);
      }

      const applied: string[] = [];
      for (const migration of local) {
        if (appliedBefore.has(migration.name)) continue;
        log(`Applying migration ${migration.name}`);
        await applyOne(client, migration);
        applied.push(migration.name);
      }
      log(
        applied.length === 0
          ? "No pending migrations."
          : `Applied ${applied.length} migration${applied.length === 1 ? "" : "s"}.`,
      );
      return { applied };
    } finally {
      await client.query("SELECT pg_advisory_unlock($1)", [ADVISORY_LOCK_KEY]).catch(() => undefined);
    }
  } finally {
    await client.end();
  }
};
