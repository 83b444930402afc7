// Wallets against a real PostgreSQL: top-ups are idempotent by key (also when the same key arrives
// twice at once), and debits consume credits in the domain's order and never overdraw (fifty
// concurrent drawdowns of 10 against 100: exactly ten succeed).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDb, type Db, type Tx } from "@/lib/db/client";
import { UserError } from "@/lib/errors";
import { getWalletBalance } from "@/lib/wallets/queries";
import { topUpSchema, type TopUpValues } from "@/lib/wallets/schemas";
import { debitWallet, manualDebit, topUpWallet } from "@/lib/wallets/service";
import { createMigratedTestDatabase, type TestDatabase } from "./db";
import { makeCustomer, makeOrganization, rejection } from "./invoice-fixtures";
import { credit, DAY_MS, ledgerViolations } from "./wallet-fixtures";

let database: TestDatabase;
let db: Db;

beforeAll(async () => {
  database = await createMigratedTestDatabase();
  // Fifty drawdowns at once need connections to queue on the wallet's lock, not on the pool.
  db = createDb(database.url, { poolSize: 20 });
});

afterAll(async () => {
  await db?.$disconnect();
  await database?.drop();
});

// A posting needs no transaction of its own (the actions call the services with the plain client)
// and composes inside a caller's: the races are run both ways.
const WAYS = [
  {
    way: "inside the caller's transaction",
    run: <T>(work: (tx: Tx) => Promise<T>) => db.$transaction(work, { maxWait: 30_000, timeout: 30_000 }),
  },
  { way: "with the plain client", run: <T>(work: (tx: Tx) => Promise<T>) => work(db) },
];

const setup = async () => {
  const actor = await makeOrganization(db);
  const customer = await makeCustomer(db, actor);
  return { actor, customer };
};

const topUpValues = (customerId: string, values: Partial<TopUpValues> = {}): TopUpValues => ({
  customerId,
  currency: "USD",
  amount: "100.00",
  reason: "purchased",
  expiresOn: "",
  priority: "",
  memo: "Prepaid by bank transfer",
  idempotencyKey: crypto.randomUUID(),
  ...values,
});

const expectUserError = async (promise: Promise<unknown>, message: string, field?: string) => {
  const error = await rejection(promise);
  expect(error).toBeInstanceOf(UserError);
  expect(error).toMatchObject({ message, field });
};

describe("top-ups", () => {
  it("credits the wallet, creating it, with a ledger row, the balance cache and an audit entry", async () => {
    const { actor, customer } = await setup();
    const values = topUpSchema.parse(topUpValues(customer.id, { amount: "1,250.50", priority: "20" }));
    const result = await db.$transaction((tx) => topUpWallet(tx, { actor, input: values }));
    expect(result).toMatchObject({ duplicate: false, balanceMinor: 125050n }); // $1,250.50

    const wallet = await db.wallet.findUniqueOrThrow({
      where: { customerId_currency: { customerId: customer.id, currency: "USD" } },
    });
    expect(wallet.balanceMinor).toBe(125050n);
    const row = await db.walletTransaction.findUniqueOrThrow({ where: { id: result.transactionId } });
    expect(row).toMatchObject({
      type: "credit",
      reason: "purchased",
      amountMinor: 125050n,
      remainingMinor: 125050n,
      balanceAfterMinor: 125050n,
      priority: 20,
      expiresAt: null,
      memo: "Prepaid by bank transfer",
      actorUserId: actor.id,
      idempotencyKey: values.idempotencyKey,
    });
    const audit = await db.auditEntry.findMany({ where: { entityType: "customer", entityId: customer.id } });
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({
      action: "wallet.credited",
      actorUserId: actor.id,
      summary: "Added $1,250.50 of purchased credit to the USD wallet",
      reason: "Prepaid by bank transfer",
      changes: {
        transactionId: result.transactionId,
        reason: "purchased",
        currency: "USD",
        amountMinor: "125050",
        balanceMinor: { from: "0", to: "125050" },
      },
    });
    expect(await ledgerViolations(db, [wallet.id])).toEqual([]);
  });

  it("credits once when the same form is submitted twice, and says the second was a duplicate", async () => {
    const { actor, customer } = await setup();
    const input = topUpSchema.parse(topUpValues(customer.id));
    const first = await db.$transaction((tx) => topUpWallet(tx, { actor, input }));
    const second = await db.$transaction((tx) => topUpWallet(tx, { actor, input }));
    expect(second).toEqual({ ...first, duplicate: true });
    expect(await getWalletBalance(customer.id, "USD", db)).toBe(10000n);
    expect(await db.walletTransaction.count({ where: { walletId: first.walletId } })).toBe(1);
    expect(await db.auditEntry.count({ where: { entityId: customer.id } })).toBe(1);
  });

  it.each(WAYS)(
    "credits once when ten requests with the same key arrive at once, even for a wallet not yet created ($way)",
    async ({ run }) => {
      const { actor, customer } = await setup();
      const input = topUpSchema.parse(topUpValues(customer.id, { currency: "EUR", amount: "40" }));
      const results = await Promise.all(
        Array.from({ length: 10 }, () => run((tx) => topUpWallet(tx, { actor, input }))),
      );
      expect(results.filter((result) => !result.duplicate)).toHaveLength(1);
      expect(new Set(results.map((result) => result.transactionId)).size).toBe(1);
      expect(await db.wallet.count({ where: { customerId: customer.id } })).toBe(1);
      expect(await getWalletBalance(customer.id, "EUR", db)).toBe(4000n); // €40.00
      expect(await ledgerViolations(db, [results[0]!.walletId])).toEqual([]);
    },
  );

  it("gives a different key its own credit", async () => {
    const { actor, customer } = await setup();
    await db.$transaction((tx) => topUpWallet(tx, { actor, input: topUpSchema.parse(topUpValues(customer.id)) }));
    await db.$transaction((tx) => topUpWallet(tx, { actor, input: topUpSchema.parse(topUpValues(customer.id)) }));
    expect(await getWalletBalance(customer.id, "USD", db)).toBe(20000n);
  });

  it("expires at the end of the expiry day in the organisation's time zone, and refuses a past day", async () => {
    const actor = await makeOrganization(db, { timeZone: "Asia/Singapore" });
    const customer = await makeCustomer(db, actor);
    const now = new Date("2030-03-10T20:00:00Z"); // already 11 March in Singapore
    const input = (expiresOn: string) => topUpSchema.parse(topUpValues(customer.id, { expiresOn }));
    await expectUserError(
      db.$transaction((tx) => topUpWallet(tx, { actor, input: input("2030-03-10"), now })),
      "The expiry date cannot be in the past",
      "expiresOn",
    );
    const result = await db.$transaction((tx) => topUpWallet(tx, { actor, input: input("2030-03-11"), now }));
    const row = await db.walletTransaction.findUniqueOrThrow({ where: { id: result.transactionId } });
    expect(row.expiresAt?.toISOString()).toBe("2030-03-11T16:00:00.000Z");
  });

  it("refuses an archived customer and another organisation's customer, writing nothing", async () => {
    const { actor } = await setup();
    const archived = await makeCustomer(db, actor, { name: "Gone Ltd", archived: true });
    await expectUserError(
      db.$transaction((tx) => topUpWallet(tx, { actor, input: topUpSchema.parse(topUpValues(archived.id)) })),
      "Gone Ltd is archived: restore the customer before adding credit",
    );
    const other = await setup();
    await expectUserError(
      db.$transaction((tx) => topUpWallet(tx, { actor, input: topUpSchema.parse(topUpValues(other.customer.id)) })),
      "Customer was not found.",
    );
    expect(await db.wallet.count({ where: { customerId: { in: [archived.id, other.customer.id] } } })).toBe(0);
  });
});

describe("debits", () => {
  it("consumes by priority, then earliest expiry, then oldest, and records which credits it consumed", async () => {
    const { actor, customer } = await setup();
    const now = new Date();
    const later = (days: number) => new Date(now.getTime() + days * DAY_MS);
    const oldest = await credit(db, actor, { customerId: customer.id, amountMinor: 3000n }); // $30.00, priority 100
    const soon = await credit(db, actor, { customerId: customer.id, amountMinor: 2000n, expiresAt: later(5) });
    const promo = await credit(db, actor, {
      customerId: customer.id,
      amountMinor: 1000n,
      reason: "promotional",
      priority: 10,
      expiresAt: later(60),
    });
    await credit(db, actor, { customerId: customer.id, amountMinor: 5000n }); // newest, untouched

    const debit = await db.$transaction((tx) =>
      debitWallet(tx, {
        actor,
        customerId: customer.id,
        currency: "USD",
        amountMinor: 4500n,
        reason: "manual_debit",
        memo: "Duplicate top-up",
      }),
    );
    expect(debit.allocations).toEqual([
      { creditId: promo.transactionId, amountMinor: 1000n },
      { creditId: soon.transactionId, amountMinor: 2000n },
      { creditId: oldest.transactionId, amountMinor: 1500n },
    ]);
    expect(debit.balanceMinor).toBe(6500n);
    const rows = await db.walletAllocation.findMany({
      where: { debitId: debit.transactionId },
      orderBy: { id: "asc" },
    });
    expect(rows.map((row) => [row.creditId, row.amountMinor, row.reversedAt])).toEqual([
      [promo.transactionId, 1000n, null],
      [soon.transactionId, 2000n, null],
      [oldest.transactionId, 1500n, null],
    ]);
    expect(await db.walletTransaction.findUniqueOrThrow({ where: { id: oldest.transactionId } })).toMatchObject({
      remainingMinor: 1500n,
    });
    expect(await ledgerViolations(db, [debit.walletId])).toEqual([]);
  });

  it("refuses a debit above the balance, at the amount field, in the balance's words", async () => {
    const { actor, customer } = await setup();
    await credit(db, actor, { customerId: customer.id, amountMinor: 5000n }); // $50.00
    const input = { customerId: customer.id, currency: "USD", amount: "60", memo: "Correction" };
    const { manualDebitSchema } = await import("@/lib/wallets/schemas");
    await expectUserError(
      db.$transaction((tx) => manualDebit(tx, { actor, input: manualDebitSchema.parse(input) })),
      "The balance is 50.00 USD: a debit of 60.00 USD would make it negative",
      "amount",
    );
    await expectUserError(
      db.$transaction((tx) =>
        manualDebit(tx, { actor, input: manualDebitSchema.parse({ ...input, currency: "GBP", amount: "1" }) }),
      ),
      "The balance is 0.00 GBP: a debit of 1.00 GBP would make it negative",
      "amount",
    );
    expect(await getWalletBalance(customer.id, "USD", db)).toBe(5000n);
  });

  it.each(WAYS)(
    "lets fifty concurrent drawdowns of 10 against 100 leave exactly ten succeeded and a balance of 0 ($way)",
    async ({ run }) => {
      const { actor, customer } = await setup();
      const topUp = await credit(db, actor, { customerId: customer.id, amountMinor: 10000n }); // $100.00
      const outcomes = await Promise.allSettled(
        Array.from({ length: 50 }, (_, index) =>
          run((tx) =>
            debitWallet(tx, {
              actor,
              customerId: customer.id,
              currency: "USD",
              amountMinor: 1000n, // $10.00
              reason: "manual_debit",
              memo: `Drawdown ${index + 1}`,
            }),
          ),
        ),
      );
      const succeeded = outcomes.filter((outcome) => outcome.status === "fulfilled");
      const refused = outcomes.flatMap((outcome) => (outcome.status === "rejected" ? [outcome.reason] : []));
      expect(succeeded).toHaveLength(10);
      expect(refused).toHaveLength(40);
      for (const error of refused) {
        expect(error).toBeInstanceOf(UserError);
        expect((error as UserError).message).toBe(
          "The balance is 0.00 USD: a debit of 10.00 USD would make it negative",
        );
      }
      expect(await getWalletBalance(customer.id, "USD", db)).toBe(0n);
      const wallet = await db.wallet.findUniqueOrThrow({ where: { id: topUp.walletId } });
      expect(wallet.balanceMinor).toBe(0n);
      expect(await db.walletTransaction.count({ where: { walletId: wallet.id, type: "debit" } })).toBe(10);
      expect(await ledgerViolations(db, [wallet.id])).toEqual([]);
    },
  );

  it("debits once per idempotency key", async () => {
    const { actor, customer } = await setup();
    await credit(db, actor, { customerId: customer.id, amountMinor: 10000n });
    const key = crypto.randomUUID();
    const debit = () =>
      db.$transaction((tx) =>
        debitWallet(tx, {
          actor,
          customerId: customer.id,
          currency: "USD",
          amountMinor: 2500n,
          reason: "manual_debit",
          idempotencyKey: key,
        }),
      );
    const first = await debit();
    const second = await debit();
    expect(second).toMatchObject({
      transactionId: first.transactionId,
      duplicate: true,
      allocations: first.allocations,
    });
    expect(await getWalletBalance(customer.id, "USD", db)).toBe(7500n);
  });
});
