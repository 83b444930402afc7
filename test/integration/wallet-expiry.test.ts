// Credit expiry against a real PostgreSQL: two processes running the job at once post exactly one
// expiry debit per expired credit; a debit expires overdue credit before consuming; and the
// pg-boss job, started as the app starts it, does the work on its own.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDb, type Db } from "@/lib/db/client";
import { isUniqueViolation } from "@/lib/errors";
import { newId } from "@/lib/ids";
import { startJobs, stopJobs } from "@/lib/jobs/boss";
import { WALLET_EXPIRY_QUEUE } from "@/lib/jobs/wallet-expiry";
import { getWalletBalance } from "@/lib/wallets/queries";
import { debitWallet, expireCredit, expireDueCredits } from "@/lib/wallets/service";
import { createMigratedTestDatabase, type TestDatabase } from "./db";
import { makeCustomer, makeOrganization, rejection } from "./invoice-fixtures";
import { credit, DAY_MS, ledgerViolations } from "./wallet-fixtures";

let database: TestDatabase;
let db: Db;

beforeAll(async () => {
  database = await createMigratedTestDatabase();
  db = createDb(database.url);
});

afterAll(async () => {
  await stopJobs();
  await db?.$disconnect();
  await database?.drop();
});

const inDays = (days: number) => new Date(Date.now() + days * DAY_MS);

describe("expireDueCredits", () => {
  it("posts exactly one expiry debit per expired credit when two processes run it at once", async () => {
    const actor = await makeOrganization(db);
    const due: string[] = [];
    const walletIds: string[] = [];
    for (let index = 0; index < 6; index++) {
      const customer = await makeCustomer(db, actor, { name: `Customer ${index}` });
      for (let k = 0; k < 5; k++) {
        const row = await credit(db, actor, {
          customerId: customer.id,
          amountMinor: 1000n + BigInt(k), // about $10.00
          reason: "promotional",
          expiresAt: inDays(1 + (k % 2)),
        });
        if (k % 2 === 0) due.push(row.transactionId);
        walletIds.push(row.walletId);
      }
      // Part of one due credit is spent: only the remainder expires.
      await db.$transaction((tx) =>
        debitWallet(tx, { actor, customerId: customer.id, currency: "USD", amountMinor: 400n, reason: "manual_debit" }),
      );
    }
    const at = inDays(1.5); // the credits expiring in 1 day are due; those in 2 days are not
    const other = createDb(database.url);
    try {
      const [first, second] = await Promise.all([
        expireDueCredits({ db, now: at, limit: 100 }),
        expireDueCredits({ db: other, now: at, limit: 100 }),
      ]);
      expect(first + second).toBe(due.length);
    } finally {
      await other.$disconnect();
    }

    const expiries = await db.walletTransaction.findMany({ where: { reason: "expiry", walletId: { in: walletIds } } });
    expect(expiries).toHaveLength(due.length);
    expect(new Set(expiries.map((row) => row.expiredCreditId))).toEqual(new Set(due));
    const credits = await db.walletTransaction.findMany({ where: { id: { in: due } } });
    expect(credits.every((row) => row.remainingMinor === 0n)).toBe(true);
    // What expired is what was left: the amount minus what the debit consumed of it.
    for (const expiry of expiries) {
      const source = credits.find((row) => row.id === expiry.expiredCreditId)!;
      const consumed = await db.walletAllocation.aggregate({
        where: { creditId: source.id, debit: { reason: "manual_debit" } },
        _sum: { amountMinor: true },
      });
      expect(expiry.amountMinor).toBe(source.amountMinor - (consumed._sum.amountMinor ?? 0n));
    }
    expect(await expireDueCredits({ db, now: at })).toBe(0);
    expect(await ledgerViolations(db, [...new Set(walletIds)])).toEqual([]);
  });

  it("expires a credit once when ten transactions try it at once, and the database refuses a second link", async () => {
    const actor = await makeOrganization(db);
    const customer = await makeCustomer(db, actor);
    const trial = await credit(db, actor, { customerId: customer.id, amountMinor: 900n, expiresAt: inDays(1) });
    const at = inDays(2);
    const results = await Promise.all(
      Array.from({ length: 10 }, () =>
        db.$transaction((tx) => expireCredit(tx, { creditId: trial.transactionId, now: at })),
      ),
    );
    expect(results.filter(Boolean)).toHaveLength(1);
    expect(await db.walletTransaction.count({ where: { expiredCreditId: trial.transactionId } })).toBe(1);
    // The last guard: a second expiry debit naming the same credit cannot exist at all.
    const duplicate = db.walletTransaction.create({
      data: {
        id: newId("walletTransaction"),
        walletId: trial.walletId,
        type: "debit",
        reason: "expiry",
        amountMinor: 1n,
        balanceAfterMinor: 0n,
        expiredCreditId: trial.transactionId,
      },
    });
    expect(isUniqueViolation(await rejection(duplicate))).toBe(true);
    expect(await ledgerViolations(db, [trial.walletId])).toEqual([]);
  });

  it("leaves credit that is used up or not yet due alone", async () => {
    const actor = await makeOrganization(db);
    const customer = await makeCustomer(db, actor);
    await credit(db, actor, { customerId: customer.id, amountMinor: 500n, expiresAt: inDays(1) });
    await db.$transaction((tx) =>
      debitWallet(tx, { actor, customerId: customer.id, currency: "USD", amountMinor: 500n, reason: "manual_debit" }),
    );
    await credit(db, actor, { customerId: customer.id, amountMinor: 700n, expiresAt: inDays(5) });
    await expireDueCredits({ db, now: inDays(2) });
    const wallet = await db.wallet.findFirstOrThrow({ where: { customerId: customer.id } });
    expect(await db.walletTransaction.count({ where: { walletId: wallet.id, reason: "expiry" } })).toBe(0);
    expect(await getWalletBalance(customer.id, "USD", db)).toBe(700n);
  });

  it("is run by a debit for its own wallet first: expired credit is never spent", async () => {
    const actor = await makeOrganization(db);
    const customer = await makeCustomer(db, actor);
    const promo = await credit(db, actor, {
      customerId: customer.id,
      amountMinor: 2000n,
      reason: "promotional",
      priority: 1,
      expiresAt: inDays(1),
    });
    const purchased = await credit(db, actor, { customerId: customer.id, amountMinor: 5000n });
    const debit = await db.$transaction((tx) =>
      debitWallet(tx, {
        actor,
        customerId: customer.id,
        currency: "USD",
        amountMinor: 1000n,
        reason: "manual_debit",
        now: inDays(2),
      }),
    );
    expect(debit.allocations).toEqual([{ creditId: purchased.transactionId, amountMinor: 1000n }]);
    const expiry = await db.walletTransaction.findFirstOrThrow({ where: { expiredCreditId: promo.transactionId } });
    expect(expiry.amountMinor).toBe(2000n);
    expect(await getWalletBalance(customer.id, "USD", db)).toBe(4000n);
    expect(await ledgerViolations(db, [debit.walletId])).toEqual([]);
  });
});

describe("the wallet-expiry job", () => {
  it("starts with the app on pg-boss, schedules itself every minute, and expires due credit when run", async () => {
    const actor = await makeOrganization(db);
    const customer = await makeCustomer(db, actor);
    const longAgo = new Date(Date.now() - 10 * DAY_MS);
    const trial = await credit(db, actor, {
      customerId: customer.id,
      amountMinor: 2500n,
      reason: "free_trial",
      expiresAt: new Date(Date.now() - DAY_MS),
      now: longAgo,
    });
    const boss = await startJobs({ connectionString: database.url, db });
    expect(await startJobs({ connectionString: database.url, db })).toBe(boss);
    const schedules = await boss.getSchedules();
    expect(schedules.map((schedule) => [schedule.name, schedule.cron])).toContainEqual([
      WALLET_EXPIRY_QUEUE,
      "* * * * *",
    ]);

    await boss.send(WALLET_EXPIRY_QUEUE, {});
    const deadline = Date.now() + 30_000;
    let expired = false;
    while (!expired && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 250));
      expired = (await db.walletTransaction.count({ where: { expiredCreditId: trial.transactionId } })) === 1;
    }
    expect(expired).toBe(true);
    expect(await getWalletBalance(customer.id, "USD", db)).toBe(0n);
    const audit = await db.auditEntry.findFirstOrThrow({
      where: { entityId: customer.id, action: "wallet.credit_expired" },
    });
    expect(audit).toMatchObject({
      actorType: "system",
      actorLabel: "Automatic expiry",
      summary: "$25.00 of free trial credit expired",
    });
    await stopJobs();
  });
});
