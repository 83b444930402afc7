// The customer page's wallet reads against a real PostgreSQL: the balance is the ledger's sum, what
// is left is broken down by reason, credit expiring within 30 days is listed, and the ledger pages
// by key, newest first. Another organisation sees nothing.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDb, type Db } from "@/lib/db/client";
import { getCustomerWallets, getWalletLedger } from "@/lib/wallets/queries";
import { debitWallet } from "@/lib/wallets/service";
import { createMigratedTestDatabase, type TestDatabase } from "./db";
import { makeCustomer, makeOrganization } from "./invoice-fixtures";
import { credit, DAY_MS } from "./wallet-fixtures";

let database: TestDatabase;
let db: Db;

beforeAll(async () => {
  database = await createMigratedTestDatabase();
  db = createDb(database.url);
});

afterAll(async () => {
  await db?.$disconnect();
  await database?.drop();
});

const setup = async () => {
  const actor = await makeOrganization(db);
  const customer = await makeCustomer(db, actor);
  return { actor, customer };
};

describe("the customer page's wallet reads", () => {
  it("shows the ledger's sum, what is left by reason, what expires in 30 days, and the ledger newest first", async () => {
    const { actor, customer } = await setup();
    const now = new Date();
    const soon = new Date(now.getTime() + 10 * DAY_MS);
    await credit(db, actor, { customerId: customer.id, amountMinor: 50000n, memo: "Prepaid" });
    const promo = await credit(db, actor, {
      customerId: customer.id,
      amountMinor: 20000n,
      reason: "promotional",
      priority: 10,
      expiresAt: soon,
    });
    await credit(db, actor, {
      customerId: customer.id,
      amountMinor: 1000n,
      reason: "goodwill",
      expiresAt: new Date(now.getTime() + 90 * DAY_MS),
    });
    await db.$transaction((tx) =>
      debitWallet(tx, { actor, customerId: customer.id, currency: "USD", amountMinor: 5000n, reason: "manual_debit" }),
    );
    await credit(db, actor, { customerId: customer.id, currency: "EUR", amountMinor: 700n, reason: "free_trial" });

    const [eur, usd] = await getCustomerWallets(actor.organizationId, customer.id, now, db);
    expect(eur).toMatchObject({
      currency: "EUR",
      balanceMinor: 700n,
      byReason: [{ reason: "free_trial", remainingMinor: 700n }],
    });
    expect(usd).toMatchObject({
      currency: "USD",
      balanceMinor: 66000n, // 500 + 200 + 10 - 50
      byReason: [
        { reason: "purchased", remainingMinor: 50000n },
        { reason: "promotional", remainingMinor: 15000n },
        { reason: "goodwill", remainingMinor: 1000n },
      ],
      expiringSoon: [
        { transactionId: promo.transactionId, reason: "promotional", remainingMinor: 15000n, expiresAt: soon },
      ],
      ledgerNextCursor: null,
    });
    expect(usd!.ledger.map((entry) => [entry.type, entry.reason, entry.amountMinor, entry.balanceAfterMinor])).toEqual([
      ["debit", "manual_debit", 5000n, 66000n],
      ["credit", "goodwill", 1000n, 71000n],
      ["credit", "promotional", 20000n, 70000n],
      ["credit", "purchased", 50000n, 50000n],
    ]);
    expect(usd!.ledger[3]).toMatchObject({ actorLabel: actor.name, memo: "Prepaid" });
    // Another organisation sees nothing of it.
    const stranger = await makeOrganization(db);
    expect(await getCustomerWallets(stranger.organizationId, customer.id, now, db)).toEqual([]);
  });

  it("pages the ledger by key without skipping or repeating a row", async () => {
    const { actor, customer } = await setup();
    for (let index = 0; index < 7; index++) {
      await credit(db, actor, { customerId: customer.id, amountMinor: BigInt(100 + index) });
    }
    const wallet = await db.wallet.findFirstOrThrow({ where: { customerId: customer.id } });
    const seen: bigint[] = [];
    let cursor: string | undefined;
    do {
      const page = await getWalletLedger(
        { organizationId: actor.organizationId, walletId: wallet.id, cursor, limit: 3 },
        db,
      );
      seen.push(...page.entries.map((entry) => entry.amountMinor));
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    expect(seen).toEqual([106n, 105n, 104n, 103n, 102n, 101n, 100n]);
  });
});
