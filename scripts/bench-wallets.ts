// `npm run bench:wallets`: ledger postings per second through the wallet service (top-up, then a
// drawdown that consumes credits and records its allocations, each with its audit entry), spread
// across 10,000 wallets and against one hot wallet with 8 concurrent writers, and the same postings
// as plain SQL statements in the same run (the floor). Durable commits; one JSON object per line.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import pg from "pg";
import { createDb, type Db } from "../lib/db/client";
import { startEmbeddedPostgres } from "../lib/db/embedded";
import { applyMigrations } from "../lib/db/migrate";
import { newId } from "../lib/ids";
import { creditWallet, debitWallet } from "../lib/wallets/postings";
import type { WalletActor } from "../lib/wallets/ledger";
import { emit } from "./lib/bench-stats";

const WALLETS = 10_000;
const WRITERS = 8;
const PAIRS_PER_WRITER_SPREAD = 250; // 8 x 250 x 2 = 4,000 postings
const PAIRS_PER_WRITER_HOT = 150; // 8 x 150 x 2 = 2,400 postings
const TOP_UP = 1_000n; // 10.00 USD
const DRAW = 500n; // 5.00 USD

type Workload = { customers: string[]; pairsPerWriter: number };

// Each writer tops a wallet up and then draws part of it down, so no drawdown can be refused.
const runWriters = async (
  { customers, pairsPerWriter }: Workload,
  pair: (customerId: string) => Promise<void>,
): Promise<number> => {
  const started = performance.now();
  await Promise.all(
    Array.from({ length: WRITERS }, async (_, writer) => {
      for (let i = 0; i < pairsPerWriter; i++) {
        const customerId = customers[((writer * pairsPerWriter + i) * 7919) % customers.length]!;
        await pair(customerId);
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  return (WRITERS * pairsPerWriter * 2) / seconds;
};

const servicePair = (db: Db, actor: WalletActor) => async (customerId: string) => {
  // As the actions call them: a posting is one guarded statement and needs no transaction around it.
  await creditWallet(db, { actor, customerId, currency: "USD", amountMinor: TOP_UP, reason: "purchased" });
  await debitWallet(db, {
    actor,
    customerId,
    currency: "USD",
    amountMinor: DRAW,
    reason: "manual_debit",
    memo: "bench",
  });
};

// The floor: the same rows a posting writes, as plain SQL in one transaction each.
const rawPair = (pool: pg.Pool) => async (customerId: string) => {
  const client = await pool.connect();
  try {
    await client.query("BEGIN");
    const wallet = await client.query<{ id: string; balanceMinor: string }>(
      `SELECT "id", "balanceMinor" FROM "Wallet" WHERE "customerId" = $1 AND "currency" = 'USD' FOR UPDATE`,
      [customerId],
    );
    const { id: walletId, balanceMinor } = wallet.rows[0]!;
    const afterCredit = BigInt(balanceMinor) + TOP_UP;
    await client.query(
      `INSERT INTO "WalletTransaction" ("id", "walletId", "type", "reason", "amountMinor", "remainingMinor", "balanceAfterMinor")
       VALUES ($1, $2, 'credit', 'purchased', $3, $3, $4)`,
      [newId("walletTransaction"), walletId, TOP_UP.toString(), afterCredit.toString()],
    );
    await client.query(`UPDATE "Wallet" SET "balanceMinor" = $2 WHERE "id" = $1`, [walletId, afterCredit.toString()]);
    await client.query("COMMIT");

    await client.query("BEGIN");
    await client.query(`SELECT 1 FROM "Wallet" WHERE "id" = $1 FOR UPDATE`, [walletId]);
    const credit = await client.query<{ id: string }>(
      `SELECT "id" FROM "WalletTransaction" WHERE "walletId" = $1 AND "type" = 'credit' AND "remainingMinor" >= $2
       ORDER BY "priority", "expiresAt" NULLS LAST, "createdAt", "id" LIMIT 1 FOR UPDATE`,
      [walletId, DRAW.toString()],
    );
    const creditId = credit.rows[0]!.id;
    const debitId = newId("walletTransaction");
    await client.query(`UPDATE "WalletTransaction" SET "remainingMinor" = "remainingMinor" - $2 WHERE "id" = $1`, [
      creditId,
      DRAW.toString(),
    ]);
    const afterDebit = await client.query<{ balanceMinor: string }>(
      `UPDATE "Wallet" SET "balanceMinor" = "balanceMinor" - $2 WHERE "id" = $1 RETURNING "balanceMinor"`,
      [walletId, DRAW.toString()],
    );
    await client.query(
      `INSERT INTO "WalletTransaction" ("id", "walletId", "type", "reason", "amountMinor", "balanceAfterMinor")
       VALUES ($1, $2, 'debit', 'manual_debit', $3, $4)`,
      [debitId, walletId, DRAW.toString(), afterDebit.rows[0]!.balanceMinor],
    );
    await client.query(
      `INSERT INTO "WalletAllocation" ("id", "debitId", "creditId", "amountMinor") VALUES ($1, $2, $3, $4)`,
      [newId("walletAllocation"), debitId, creditId, DRAW.toString()],
    );
    await client.query("COMMIT");
  } catch (error) {
    await client.query("ROLLBACK");
    throw error;
  } finally {
    client.release();
  }
};

const setUp = async (db: Db): Promise<{ actor: WalletActor; customers: string[] }> => {
  const organizationId = newId("organization");
  await db.organization.create({ data: { id: organizationId, name: "Bench Wallets Ltd" } });
  const userId = newId("user");
  await db.user.create({
    data: {
      id: userId,
      organizationId,
      email: "bench@billfold.local",
      name: "Bench",
      passwordHash: "x",
      role: "finance",
    },
  });
  const customers = Array.from({ length: WALLETS }, () => newId("customer"));
  await db.customer.createMany({
    data: customers.map((id, index) => ({
      id,
      organizationId,
      externalId: `wallet-${index}`,
      name: `Wallet Customer ${index}`,
      email: `w${index}@bench.test`,
    })),
  });
  // One USD wallet each, so the raw floor and the service write to the same kind of row.
  await db.wallet.createMany({
    data: customers.map((customerId) => ({ id: newId("wallet"), customerId, currency: "USD" })),
  });
  return { actor: { organizationId, id: userId, name: "Bench", email: "bench@billfold.local" }, customers };
};

const verifyLedgers = async (db: Db) => {
  const [drift] = await db.$queryRaw<{ wallets: bigint }[]>`
    SELECT COUNT(*)::bigint AS wallets FROM "Wallet" w
    WHERE w."balanceMinor" <> COALESCE((SELECT SUM(CASE WHEN t."type" = 'credit' THEN t."amountMinor" ELSE -t."amountMinor" END)
                                        FROM "WalletTransaction" t WHERE t."walletId" = w."id"), 0)`;
  if (drift && drift.wallets > 0n) throw new Error(`${drift.wallets} wallet(s) disagree with their ledger`);
};

const main = async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "billfold-bench-"));
  fs.chmodSync(dir, 0o755);
  const database = await startEmbeddedPostgres({ dataDir: path.join(dir, "data"), database: "bench" });
  const db = createDb(database.url, { poolSize: 10 });
  const pool = new pg.Pool({ connectionString: database.url, max: 10 });
  // An idle connection closed by the server at shutdown must not crash the run before it reports.
  pool.on("error", () => undefined);
  try {
    await applyMigrations({ connectionString: database.url });
    const { actor, customers } = await setUp(db);
    const hotService = customers.slice(0, 1);
    const hotRaw = customers.slice(1, 2);
    const spreadService = customers.slice(2, 5_001);
    const spreadRaw = customers.slice(5_001);
    await runWriters({ customers: spreadService.slice(0, 100), pairsPerWriter: 5 }, servicePair(db, actor)); // warm-up

    const service = servicePair(db, actor);
    const raw = rawPair(pool);
    emit(
      "wallet_postings_per_s_spread",
      await runWriters({ customers: spreadService, pairsPerWriter: PAIRS_PER_WRITER_SPREAD }, service),
      "postings/s",
    );
    emit(
      "raw_postings_per_s_spread",
      await runWriters({ customers: spreadRaw, pairsPerWriter: PAIRS_PER_WRITER_SPREAD }, raw),
      "postings/s",
    );
    emit(
      "wallet_postings_per_s_hot",
      await runWriters({ customers: hotService, pairsPerWriter: PAIRS_PER_WRITER_HOT }, service),
      "postings/s",
    );
    emit(
      "raw_postings_per_s_hot",
      await runWriters({ customers: hotRaw, pairsPerWriter: PAIRS_PER_WRITER_HOT }, raw),
      "postings/s",
    );
    await verifyLedgers(db);
  } finally {
    await pool.end();
    await db.$disconnect();
    await database.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  }
};

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
