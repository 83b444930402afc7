// The wallet ledger under random load, against a real PostgreSQL: fast-check generates sequences of
// top-ups (some repeating an idempotency key), refund credits, drawdowns, credit applied to
// invoices, voids, expiry runs and the passing of time, run in small concurrent groups so they
// interleave. After each run every wallet must equal its ledger's sum, no credit's remainder may
// leave [0, amount], consumption links must add up to the debits, and the invoices must agree.
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDb, type Db, type Tx } from "@/lib/db/client";
import { UserError } from "@/lib/errors";
import { voidInvoice } from "@/lib/invoices/service/lifecycle";
import type { InvoiceActor } from "@/lib/invoices/service/shared";
import { TOP_UP_REASONS } from "@/lib/wallets/schemas";
import { applyCreditToInvoice, creditWallet, debitWallet, expireDueCredits } from "@/lib/wallets/service";
import { getWalletBalance } from "@/lib/wallets/queries";
import { createMigratedTestDatabase, type TestDatabase } from "./db";
import { draftValues, finalize, makeCustomer, makeOrganization, saveDraft } from "./invoice-fixtures";
import { ledgerViolations } from "./wallet-fixtures";

let database: TestDatabase;
let db: Db;

beforeAll(async () => {
  database = await createMigratedTestDatabase();
  db = createDb(database.url, { poolSize: 8 });
});

afterAll(async () => {
  await db?.$disconnect();
  await database?.drop();
});

const HOUR_MS = 60 * 60 * 1000;
const CUSTOMERS = 2;
const INVOICES = 4; // two per customer

type Op =
  | {
      kind: "topUp";
      customer: number;
      amountMinor: number;
      reason: (typeof TOP_UP_REASONS)[number];
      expiresInHours: number | null;
      priority: number;
      key: number | null;
    }
  | { kind: "refundCredit"; customer: number; amountMinor: number }
  | { kind: "drawdown"; customer: number; percent: number }
  | { kind: "apply"; invoice: number; percent: number }
  | { kind: "void"; invoice: number }
  | { kind: "expire" }
  | { kind: "advance"; hours: number };

const customer = fc.integer({ min: 0, max: CUSTOMERS - 1 });
const invoice = fc.integer({ min: 0, max: INVOICES - 1 });
const amountMinor = fc.integer({ min: 1, max: 40000 }); // up to $400.00
// Above 100% of what is there: the refusal path is part of the load.
const percent = fc.integer({ min: 1, max: 110 });

const operation: fc.Arbitrary<Op> = fc.oneof(
  {
    weight: 5,
    arbitrary: fc.record({
      kind: fc.constant("topUp" as const),
      customer,
      amountMinor,
      reason: fc.constantFrom(...TOP_UP_REASONS),
      expiresInHours: fc.option(fc.integer({ min: 1, max: 240 }), { nil: null, freq: 2 }),
      priority: fc.constantFrom(10, 100, 500),
      key: fc.option(fc.integer({ min: 0, max: 2 }), { nil: null, freq: 2 }),
    }),
  },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant("refundCredit" as const), customer, amountMinor }) },
  { weight: 4, arbitrary: fc.record({ kind: fc.constant("drawdown" as const), customer, percent }) },
  { weight: 4, arbitrary: fc.record({ kind: fc.constant("apply" as const), invoice, percent }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant("void" as const), invoice }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant("expire" as const) }) },
  {
    weight: 2,
    arbitrary: fc.record({ kind: fc.constant("advance" as const), hours: fc.integer({ min: 1, max: 96 }) }),
  },
);

type World = {
  actor: InvoiceActor;
  customerIds: string[];
  invoices: { id: string; customerId: string }[];
  keys: string[];
  /** The simulated clock: expiries are decided against it, never against the wall clock. */
  now: Date;
  model: { credited: bigint; drawn: bigint; restored: bigint; duplicates: number; refusals: number };
};

const makeWorld = async (): Promise<World> => {
  const actor = await makeOrganization(db);
  const customerIds: string[] = [];
  const invoices: World["invoices"] = [];
  for (let index = 0; index < CUSTOMERS; index++) {
    const { id } = await makeCustomer(db, actor, { name: `Customer ${index}` });
    customerIds.push(id);
    for (let k = 0; k < INVOICES / CUSTOMERS; k++) {
      const { invoiceId } = await saveDraft(db, actor, draftValues(id)); // 1,234.50 each
      await finalize(db, actor, invoiceId);
      invoices.push({ id: invoiceId, customerId: id });
    }
  }
  return {
    actor,
    customerIds,
    invoices,
    keys: [crypto.randomUUID(), crypto.randomUUID(), crypto.randomUUID()],
    now: new Date(),
    model: { credited: 0n, drawn: 0n, restored: 0n, duplicates: 0, refusals: 0 },
  };
};

const share = (minor: bigint, percentage: number) => {
  const part = (minor * BigInt(percentage)) / 100n;
  return part > 0n ? part : 1n;
};

const run = async (world: World, op: Op, now: Date): Promise<void> => {
  const { actor, model } = world;
  switch (op.kind) {
    case "topUp":
    case "refundCredit": {
      // Top-ups as the action makes them (no transaction), refund credit as a credit note does (in one).
      const client = <T>(work: (tx: Tx) => Promise<T>) => (op.kind === "topUp" ? work(db) : db.$transaction(work));
      const result = await client((tx) =>
        creditWallet(tx, {
          actor,
          customerId: world.customerIds[op.customer]!,
          currency: "USD",
          amountMinor: BigInt(op.amountMinor),
          reason: op.kind === "topUp" ? op.reason : "refund",
          expiresAt:
            op.kind === "topUp" && op.expiresInHours !== null
              ? new Date(now.getTime() + op.expiresInHours * HOUR_MS)
              : null,
          priority: op.kind === "topUp" ? op.priority : 100,
          idempotencyKey: op.kind === "topUp" && op.key !== null ? world.keys[op.key] : null,
          now,
        }),
      );
      if (result.duplicate) model.duplicates += 1;
      else model.credited += BigInt(op.amountMinor);
      return;
    }
    case "drawdown": {
      const customerId = world.customerIds[op.customer]!;
      const balance = await getWalletBalance(customerId, "USD", db);
      const amount = share(balance, op.percent);
      const debit = (tx: Tx) =>
        debitWallet(tx, { actor, customerId, currency: "USD", amountMinor: amount, reason: "manual_debit", now });
      // Half with the plain client, as the action makes them, half inside a caller's transaction.
      await (op.percent % 2 === 0 ? debit(db) : db.$transaction(debit));
      model.drawn += amount;
      return;
    }
    case "apply": {
      const target = world.invoices[op.invoice]!;
      const [balance, { amountDueMinor }] = await Promise.all([
        getWalletBalance(target.customerId, "USD", db),
        db.invoice.findUniqueOrThrow({ where: { id: target.id }, select: { amountDueMinor: true } }),
      ]);
      const amount = share(balance < amountDueMinor ? balance : amountDueMinor, op.percent);
      await db.$transaction((tx) =>
        applyCreditToInvoice(tx, { actor, invoiceId: target.id, amountMinor: amount, now }),
      );
      model.drawn += amount;
      return;
    }
    case "void": {
      const voided = await db.$transaction((tx) =>
        voidInvoice(tx, { actor, invoiceId: world.invoices[op.invoice]!.id, reason: "Property test", now }),
      );
      model.restored += voided.restoredCreditMinor;
      return;
    }
    case "expire":
      await expireDueCredits({ db, now, limit: 1000 });
      return;
    case "advance":
      world.now = new Date(world.now.getTime() + op.hours * HOUR_MS);
      return;
    default: {
      const unknown: never = op;
      throw new Error(`Unhandled operation ${JSON.stringify(unknown)}`);
    }
  }
};

/** Runs the operations in groups of 1-4 at once; a refusal a user could see is fine, anything else fails. */
const runAll = async (world: World, ops: Op[], groupSizes: number[]) => {
  let index = 0;
  for (let group = 0; index < ops.length; group++) {
    const size = groupSizes[group % groupSizes.length] ?? 1;
    const batch = ops.slice(index, index + size);
    index += size;
    const now = world.now;
    const outcomes = await Promise.allSettled(batch.map((op) => run(world, op, now)));
    for (const outcome of outcomes) {
      if (outcome.status === "fulfilled") continue;
      if (!(outcome.reason instanceof UserError)) throw outcome.reason;
      world.model.refusals += 1;
    }
  }
};

const sumWhere = async (walletIds: string[], reasons: string[]) =>
  (
    await db.walletTransaction.aggregate({
      where: { walletId: { in: walletIds }, reason: { in: reasons as never[] } },
      _sum: { amountMinor: true },
    })
  )._sum.amountMinor ?? 0n;

const check = async (world: World) => {
  const walletIds = (
    await db.wallet.findMany({ where: { customerId: { in: world.customerIds } }, select: { id: true } })
  ).map((wallet) => wallet.id);
  expect(await ledgerViolations(db, walletIds)).toEqual([]);
  // The ledger holds exactly what succeeded: every credit given, every drawdown, every void's refund.
  expect(await sumWhere(walletIds, [...TOP_UP_REASONS, "refund"])).toBe(world.model.credited);
  expect(await sumWhere(walletIds, ["manual_debit", "invoice_payment"])).toBe(world.model.drawn);
  expect(await sumWhere(walletIds, ["void_refund"])).toBe(world.model.restored);
  // Each invoice's wallet bookkeeping agrees with the ledger and its payments.
  for (const { id } of world.invoices) {
    const row = await db.invoice.findUniqueOrThrow({
      where: { id },
      include: { payments: { include: { receipt: true } } },
    });
    const debited =
      (
        await db.walletTransaction.aggregate({
          where: { invoiceId: id, type: "debit", reason: "invoice_payment" },
          _sum: { amountMinor: true },
        })
      )._sum.amountMinor ?? 0n;
    expect(row.walletAppliedMinor).toBe(debited);
    expect(row.payments.reduce((sum, payment) => sum + payment.amountMinor, 0n)).toBe(debited);
    expect(row.payments.every((payment) => payment.method === "wallet" && payment.receipt !== null)).toBe(true);
    if (row.status !== "void") {
      expect(row.amountDueMinor).toBe(row.totalMinor - row.walletAppliedMinor);
      expect(row.status === "paid").toBe(row.amountDueMinor === 0n);
    }
  }
};

describe("the wallet ledger under random interleaved operations", () => {
  it("keeps every invariant after each run", async () => {
    let operations = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.array(operation, { minLength: 40, maxLength: 90 }),
        fc.array(fc.integer({ min: 1, max: 4 }), { minLength: 1, maxLength: 8 }),
        async (ops, groupSizes) => {
          const world = await makeWorld();
          await runAll(world, ops, groupSizes);
          operations += ops.length;
          await check(world);
        },
      ),
      { numRuns: 30, endOnFailure: true },
    );
    // Thousands of operations in all, not a handful.
    expect(operations).toBeGreaterThanOrEqual(30 * 40);
  }, 180_000);

  it("has an invariant check that can fail", async () => {
    const world = await makeWorld();
    await runAll(
      world,
      [
        {
          kind: "topUp",
          customer: 0,
          amountMinor: 5000,
          reason: "purchased",
          expiresInHours: null,
          priority: 100,
          key: null,
        },
        { kind: "drawdown", customer: 0, percent: 40 },
      ],
      [1],
    );
    const wallet = await db.wallet.findFirstOrThrow({ where: { customerId: world.customerIds[0] } });
    expect(await ledgerViolations(db, [wallet.id])).toEqual([]);
    // The cache drifting from the ledger is caught (the ledger rows themselves cannot be edited).
    await db.wallet.update({ where: { id: wallet.id }, data: { balanceMinor: 3001n } });
    const violations = await ledgerViolations(db, [wallet.id]);
    expect(violations).toHaveLength(1);
    expect(violations[0]).toMatch(/^balance, ledger sum, remainders and latest balance-after disagree/);
    // A remainder that does not match its consumptions is caught too.
    await db.wallet.update({ where: { id: wallet.id }, data: { balanceMinor: 3000n } });
    const topUp = await db.walletTransaction.findFirstOrThrow({ where: { walletId: wallet.id, type: "credit" } });
    await db.walletTransaction.update({ where: { id: topUp.id }, data: { remainingMinor: 3500n } });
    expect((await ledgerViolations(db, [wallet.id])).map((line) => line.split(":")[0])).toEqual([
      "balance, ledger sum, remainders and latest balance-after disagree",
      "credit remainder out of bounds or not what its consumptions left",
    ]);
  });
});
