// The migration runner against a real PostgreSQL: history rows Prisma agrees with, all-or-nothing
// migrations, refusals of an untrustworthy history, concurrent starts, and the domain guards.
import { createHash } from "node:crypto";
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { applyMigrations, MigrationError } from "@/lib/db/migrate";
import { createMigratedTestDatabase, createTestDatabase, type TestDatabase } from "./db";

const MIGRATIONS_DIR = path.resolve(import.meta.dirname, "../../prisma/migrations");

const databases: TestDatabase[] = [];
const tempDirs: string[] = [];

const freshDatabase = async () => {
  const db = await createTestDatabase();
  databases.push(db);
  return db;
};

const connect = async (url: string) => {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  return client;
};

const withClient = async <T>(url: string, work: (client: pg.Client) => Promise<T>): Promise<T> => {
  const client = await connect(url);
  try {
    return await work(client);
  } finally {
    await client.end();
  }
};

// A copy of the real migrations that a test may add to or edit without touching the repository.
const copyOfMigrations = async () => {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), "billfold-migrations-"));
  tempDirs.push(dir);
  await fs.cp(MIGRATIONS_DIR, dir, { recursive: true });
  return dir;
};

const sha256 = async (file: string) =>
  createHash("sha256")
    .update(await fs.readFile(file))
    .digest("hex");

const historyRows = (client: pg.Client) =>
  client
    .query<{
      id: string;
      checksum: string;
      migration_name: string;
      finished_at: Date | null;
      rolled_back_at: Date | null;
      logs: string | null;
      applied_steps_count: number;
    }>(`SELECT * FROM "_prisma_migrations" ORDER BY "migration_name"`)
    .then((result) => result.rows);

const tableExists = (client: pg.Client, name: string) =>
  client
    .query<{ exists: boolean }>(`SELECT to_regclass($1) IS NOT NULL AS exists`, [`"${name}"`])
    .then((r) => r.rows[0]?.exists);

let migrationNames: string[];

beforeAll(async () => {
  const entries = await fs.readdir(MIGRATIONS_DIR, { withFileTypes: true });
  migrationNames = entries
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort();
});

afterEach(async () => {
  await Promise.all(tempDirs.splice(0).map((dir) => fs.rm(dir, { recursive: true, force: true })));
});

afterAll(async () => {
  await Promise.all(databases.splice(0).map((db) => db.drop()));
});

describe("applyMigrations", () => {
  it("applies every migration once, in name order, recorded as Prisma records it", async () => {
    expect(migrationNames.slice(0, 2)).toEqual(["20261121000000_init", "20261121000100_domain_guards"]);
    expect(migrationNames).toEqual([...migrationNames].sort());
    const db = await freshDatabase();
    const lines: string[] = [];

    const result = await applyMigrations({ connectionString: db.url, log: (line) => lines.push(line) });

    expect(result.applied).toEqual(migrationNames);
    expect(lines).toContain("Applying migration 20261121000000_init");
    await withClient(db.url, async (client) => {
      const rows = await historyRows(client);
      expect(rows.map((row) => row.migration_name)).toEqual(migrationNames);
      for (const row of rows) {
        expect(row.checksum).toBe(await sha256(path.join(MIGRATIONS_DIR, row.migration_name, "migration.sql")));
        expect(row.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
        expect(row.finished_at).toBeInstanceOf(Date);
        expect(row.rolled_back_at).toBeNull();
        expect(row.logs).toBeNull();
        expect(row.applied_steps_count).toBe(1);
      }
      expect(await tableExists(client, "Invoice")).toBe(true);

      // The history table has Prisma's own columns, so `prisma migrate deploy` can take over.
      const columns = await client.query(
        `SELECT column_name, data_type, character_maximum_length, is_nullable, column_default
         FROM information_schema.columns WHERE table_name = '_prisma_migrations' ORDER BY ordinal_position`,
      );
      expect(columns.rows).toEqual([
        {
          column_name: "id",
          data_type: "character varying",
          character_maximum_length: 36,
          is_nullable: "NO",
          column_default: null,
        },
        {
          column_name: "checksum",
          data_type: "character varying",
          character_maximum_length: 64,
          is_nullable: "NO",
          column_default: null,
        },
        {
          column_name: "finished_at",
          data_type: "timestamp with time zone",
          character_maximum_length: null,
          is_nullable: "YES",
          column_default: null,
        },
        {
          column_name: "migration_name",
          data_type: "character varying",
          character_maximum_length: 255,
          is_nullable: "NO",
          column_default: null,
        },
        {
          column_name: "logs",
          data_type: "text",
          character_maximum_length: null,
          is_nullable: "YES",
          column_default: null,
        },
        {
          column_name: "rolled_back_at",
          data_type: "timestamp with time zone",
          character_maximum_length: null,
          is_nullable: "YES",
          column_default: null,
        },
        {
          column_name: "started_at",
          data_type: "timestamp with time zone",
          character_maximum_length: null,
          is_nullable: "NO",
          column_default: "now()",
        },
        {
          column_name: "applied_steps_count",
          data_type: "integer",
          character_maximum_length: null,
          is_nullable: "NO",
          column_default: "0",
        },
      ]);
    });
  });

  it("applies nothing on a second run", async () => {
    const db = await freshDatabase();
    await applyMigrations({ connectionString: db.url });
    const before = await withClient(db.url, historyRows);

    const lines: string[] = [];
    const second = await applyMigrations({ connectionString: db.url, log: (line) => lines.push(line) });

    expect(second.applied).toEqual([]);
    expect(lines).toContain("No pending migrations.");
    expect(await withClient(db.url, historyRows)).toEqual(before);
  });

  it("rolls a failing migration back completely and names it", async () => {
    const dir = await copyOfMigrations();
    const broken = "99991231000000_broken"; // after every real migration
    await fs.mkdir(path.join(dir, broken));
    await fs.writeFile(
      path.join(dir, broken, "migration.sql"),
      [
        `CREATE TABLE "Partial" ("id" TEXT NOT NULL PRIMARY KEY);`,
        `ALTER TABLE "Invoice" ADD COLUMN "ghost" TEXT;`,
        `INSERT INTO "Organization" ("id", "name", "updatedAt") VALUES ('org_ghost', 'Ghost', now());`,
        `SELECT * FROM "NoSuchTable";`,
      ].join("\n"),
    );
    const db = await freshDatabase();

    const error = await applyMigrations({ connectionString: db.url, migrationsDir: dir }).catch((e: unknown) => e);

    expect(error).toBeInstanceOf(MigrationError);
    expect(error).toMatchObject({ migrationName: broken, reason: "failed" });
    expect((error as Error).message).toContain(broken);
    expect((error as Error).message).toContain('relation "NoSuchTable" does not exist');
    expect((error as Error).message).toContain("line 4");
    await withClient(db.url, async (client) => {
      expect(await tableExists(client, "Partial")).toBe(false);
      const ghost = await client.query(
        `SELECT 1 FROM information_schema.columns WHERE table_name = 'Invoice' AND column_name = 'ghost'`,
      );
      expect(ghost.rowCount).toBe(0);
      expect((await client.query(`SELECT 1 FROM "Organization"`)).rowCount).toBe(0);
      // The migrations before it committed on their own; the broken one left no row.
      expect((await historyRows(client)).map((row) => row.migration_name)).toEqual(migrationNames);
    });

    // Fixed, it applies on the next run and only it.
    await fs.writeFile(
      path.join(dir, broken, "migration.sql"),
      `CREATE TABLE "Partial" ("id" TEXT NOT NULL PRIMARY KEY);\n`,
    );
    const retry = await applyMigrations({ connectionString: db.url, migrationsDir: dir });
    expect(retry.applied).toEqual([broken]);
    expect(await withClient(db.url, (client) => tableExists(client, "Partial"))).toBe(true);
  });

  it("refuses an applied migration whose file was edited afterwards", async () => {
    const dir = await copyOfMigrations();
    const db = await freshDatabase();
    await applyMigrations({ connectionString: db.url, migrationsDir: dir });
    await fs.appendFile(path.join(dir, "20261121000000_init", "migration.sql"), "\n-- a quiet edit\n");

    const error = await applyMigrations({ connectionString: db.url, migrationsDir: dir }).catch((e: unknown) => e);

    expect(error).toBeInstanceOf(MigrationError);
    expect(error).toMatchObject({ migrationName: "20261121000000_init", reason: "checksum_mismatch" });
    expect((error as Error).message).toMatch(/20261121000000_init was edited after it was applied/);
  });

  it("refuses to continue past a migration another tool left unfinished", async () => {
    const db = await freshDatabase();
    await applyMigrations({ connectionString: db.url });
    // What `prisma migrate deploy` leaves behind when a migration fails half-way.
    await withClient(db.url, (client) =>
      client.query(
        `INSERT INTO "_prisma_migrations" ("id", "checksum", "migration_name", "logs", "applied_steps_count")
         VALUES ('0b5e7a3e-0000-4000-8000-000000000000', $1, '20261121000300_half_done', 'boom', 0)`,
        ["0".repeat(64)],
      ),
    );

    const error = await applyMigrations({ connectionString: db.url }).catch((e: unknown) => e);

    expect(error).toBeInstanceOf(MigrationError);
    expect(error).toMatchObject({ migrationName: "20261121000300_half_done", reason: "unfinished" });
    expect((error as Error).message).toMatch(/20261121000300_half_done was started but never finished/);
  });

  it("lets two processes start at once: both succeed and each migration is recorded once", async () => {
    const db = await freshDatabase();

    const [first, second] = await Promise.all([
      applyMigrations({ connectionString: db.url }),
      applyMigrations({ connectionString: db.url }),
    ]);

    expect([...first.applied, ...second.applied].sort()).toEqual(migrationNames);
    expect([first.applied.length, second.applied.length].sort()).toEqual([0, migrationNames.length]);
    const rows = await withClient(db.url, historyRows);
    expect(rows.map((row) => row.migration_name)).toEqual(migrationNames);
  });
});

describe("domain guards in the database", () => {
  let db: TestDatabase;
  let client: pg.Client;

  beforeAll(async () => {
    db = await createMigratedTestDatabase();
    databases.push(db);
    client = await connect(db.url);
    await client.query(`INSERT INTO "Organization" ("id", "name", "updatedAt") VALUES ('org_1', 'Acme', now())`);
    await client.query(
      `INSERT INTO "Customer" ("id", "organizationId", "externalId", "name", "email", "updatedAt")
       VALUES ('cus_1', 'org_1', 'ext-1', 'Globex', 'ap@globex.test', now())`,
    );
  });

  afterAll(async () => {
    await client.end();
  });

  let invoiceCount = 0;
  // A draft with one line of 100.00 USD (10000 minor units), optionally finalized.
  const createInvoice = async (finalized: boolean) => {
    const id = `inv_${++invoiceCount}`;
    await client.query(
      `INSERT INTO "Invoice" ("id", "organizationId", "currency", "issueDate", "dueDate", "customerId", "publicToken",
                              "subtotalMinor", "totalMinor", "amountDueMinor", "updatedAt")
       VALUES ($1, 'org_1', 'USD', '2026-11-21', '2026-12-21', 'cus_1', $1 || '_token', 10000, 10000, 10000, now())`,
      [id],
    );
    await client.query(
      `INSERT INTO "InvoiceLine" ("id", "invoiceId", "position", "description", "quantity", "unitAmountMinor", "amountMinor")
       VALUES ($1 || '_line1', $1, 1, 'Implementation fee', 1, 10000, 10000)`,
      [id],
    );
    if (finalized) {
      await client.query(
        `UPDATE "Invoice" SET "status" = 'finalized', "number" = 'INV-202611-' || $1, "finalizedAt" = now() WHERE "id" = $1`,
        [id],
      );
    }
    return id;
  };

  const totalOf = async (id: string) =>
    (await client.query<{ totalMinor: string }>(`SELECT "totalMinor" FROM "Invoice" WHERE "id" = $1`, [id])).rows[0]
      ?.totalMinor;

  const refused = (prefix: string) => ({ code: "P0001", message: expect.stringMatching(new RegExp(`^${prefix}:`)) });

  it("refuses changing the total of a finalized invoice", async () => {
    const id = await createInvoice(true);
    await expect(client.query(`UPDATE "Invoice" SET "totalMinor" = 5000 WHERE "id" = $1`, [id])).rejects.toMatchObject({
      ...refused("invoice_frozen"),
      message: expect.stringContaining("totalMinor"),
    });
    expect(await totalOf(id)).toBe("10000");
  });

  it("lets a draft change freely", async () => {
    const id = await createInvoice(false);
    await client.query(`UPDATE "Invoice" SET "totalMinor" = 5000, "currency" = 'EUR' WHERE "id" = $1`, [id]);
    expect(await totalOf(id)).toBe("5000");
  });

  it("lets a finalized invoice record a payment, but never return to draft or be deleted", async () => {
    const id = await createInvoice(true);
    await client.query(
      `UPDATE "Invoice" SET "status" = 'paid', "paymentStatus" = 'paid', "paidMinor" = 10000, "amountDueMinor" = 0,
              "paidAt" = now(), "updatedAt" = now() WHERE "id" = $1`,
      [id],
    );
    await expect(client.query(`UPDATE "Invoice" SET "status" = 'draft' WHERE "id" = $1`, [id])).rejects.toMatchObject(
      refused("invoice_frozen"),
    );
    await expect(client.query(`DELETE FROM "Invoice" WHERE "id" = $1`, [id])).rejects.toMatchObject(
      refused("invoice_frozen"),
    );
  });

  it("requires a number once an invoice leaves draft", async () => {
    const id = await createInvoice(false);
    await expect(
      client.query(`UPDATE "Invoice" SET "status" = 'finalized' WHERE "id" = $1`, [id]),
    ).rejects.toMatchObject({
      code: "23514",
      constraint: "Invoice_number_required_unless_draft",
    });
  });

  it("refuses adding, editing or removing lines of a finalized invoice, and allows it on a draft", async () => {
    const finalized = await createInvoice(true);
    const insertLine = (invoiceId: string, position: number) =>
      client.query(
        `INSERT INTO "InvoiceLine" ("id", "invoiceId", "position", "description", "quantity", "unitAmountMinor", "amountMinor")
         VALUES ($1, $2, $3, 'Training day', 1, 50000, 50000)`,
        [`${invoiceId}_line${position}`, invoiceId, position],
      );
    await expect(insertLine(finalized, 2)).rejects.toMatchObject(refused("invoice_line_frozen"));
    await expect(
      client.query(`UPDATE "InvoiceLine" SET "amountMinor" = 1 WHERE "invoiceId" = $1`, [finalized]),
    ).rejects.toMatchObject(refused("invoice_line_frozen"));
    await expect(client.query(`DELETE FROM "InvoiceLine" WHERE "invoiceId" = $1`, [finalized])).rejects.toMatchObject(
      refused("invoice_line_frozen"),
    );

    const draft = await createInvoice(false);
    await insertLine(draft, 2);
    // Deleting a draft takes its lines with it.
    await client.query(`DELETE FROM "Invoice" WHERE "id" = $1`, [draft]);
    expect((await client.query(`SELECT 1 FROM "InvoiceLine" WHERE "invoiceId" = $1`, [draft])).rowCount).toBe(0);
  });

  it("keeps the audit trail append-only", async () => {
    await client.query(
      `INSERT INTO "AuditEntry" ("id", "organizationId", "actorLabel", "action", "entityType", "entityId", "summary")
       VALUES ('aud_1', 'org_1', 'Ada (finance)', 'invoice.finalized', 'invoice', 'inv_1', 'Finalized INV-202611-inv_1')`,
    );
    await expect(client.query(`DELETE FROM "AuditEntry" WHERE "id" = 'aud_1'`)).rejects.toMatchObject(
      refused("audit_append_only"),
    );
    await expect(
      client.query(`UPDATE "AuditEntry" SET "summary" = 'nothing happened' WHERE "id" = 'aud_1'`),
    ).rejects.toMatchObject(refused("audit_append_only"));
    expect((await client.query(`SELECT 1 FROM "AuditEntry" WHERE "id" = 'aud_1'`)).rowCount).toBe(1);
  });

  it("keeps the wallet ledger consistent and append-only", async () => {
    await client.query(
      `INSERT INTO "Wallet" ("id", "customerId", "currency", "balanceMinor") VALUES ('wal_1', 'cus_1', 'USD', 2000)`,
    );
    const insertCredit = (id: string, amountMinor: number, remainingMinor: number) =>
      client.query(
        `INSERT INTO "WalletTransaction" ("id", "walletId", "type", "reason", "amountMinor", "remainingMinor", "balanceAfterMinor")
         VALUES ($1, 'wal_1', 'credit', 'goodwill', $2, $3, 2000)`,
        [id, amountMinor, remainingMinor],
      );

    // A 20.00 credit cannot have 20.01 left to consume.
    await expect(insertCredit("wtx_over", 2000, 2001)).rejects.toMatchObject({
      code: "23514",
      constraint: "WalletTransaction_remainingMinor_within_amount",
    });
    await insertCredit("wtx_1", 2000, 2000);
    await client.query(`UPDATE "WalletTransaction" SET "remainingMinor" = 500 WHERE "id" = 'wtx_1'`);
    await expect(
      client.query(`UPDATE "WalletTransaction" SET "amountMinor" = 9000 WHERE "id" = 'wtx_1'`),
    ).rejects.toMatchObject(refused("wallet_ledger_append_only"));
    await expect(client.query(`DELETE FROM "WalletTransaction" WHERE "id" = 'wtx_1'`)).rejects.toMatchObject(
      refused("wallet_ledger_append_only"),
    );
    // A 15.00 debit that consumed that credit: the record of what paid for it stays.
    await client.query(
      `INSERT INTO "WalletTransaction" ("id", "walletId", "type", "reason", "amountMinor", "balanceAfterMinor")
       VALUES ('wtx_2', 'wal_1', 'debit', 'manual_debit', 1500, 500)`,
    );
    await client.query(
      `INSERT INTO "WalletAllocation" ("id", "debitId", "creditId", "amountMinor") VALUES ('wta_1', 'wtx_2', 'wtx_1', 1500)`,
    );
    await client.query(`UPDATE "WalletAllocation" SET "reversedAt" = now() WHERE "id" = 'wta_1'`);
    await expect(client.query(`DELETE FROM "WalletAllocation" WHERE "id" = 'wta_1'`)).rejects.toMatchObject(
      refused("wallet_ledger_append_only"),
    );
    await expect(client.query(`UPDATE "Wallet" SET "balanceMinor" = -1 WHERE "id" = 'wal_1'`)).rejects.toMatchObject({
      code: "23514",
      constraint: "Wallet_balanceMinor_nonnegative",
    });
  });

  it("refuses negative invoice amounts and currencies that are not ISO codes", async () => {
    const id = await createInvoice(false);
    await expect(
      client.query(`UPDATE "Invoice" SET "amountDueMinor" = -1 WHERE "id" = $1`, [id]),
    ).rejects.toMatchObject({
      code: "23514",
      constraint: "Invoice_amountDueMinor_nonnegative",
    });
    await expect(client.query(`UPDATE "Invoice" SET "currency" = 'usd' WHERE "id" = $1`, [id])).rejects.toMatchObject({
      code: "23514",
      constraint: "Invoice_currency_iso4217",
    });
  });
});
