// The demo seed against a real PostgreSQL: it builds a consistent set of books (every invoice adds up,
// every wallet matches its ledger, numbers are unique and behind their counters), and seeding again,
// or twice at once, adds nothing.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDb, type Db } from "@/lib/db/client";
import { DEMO_ADMIN, DEMO_ORG_ID } from "@/lib/db/demo";
import type { InvoiceStatus, PaymentStatus } from "@/lib/db/generated/enums";
import { seedDemoData } from "@/lib/db/seed";
import { verifyPassword } from "@/lib/auth/password";
import { createMigratedTestDatabase, type TestDatabase } from "./db";

// Mid-month, and ten minutes into a month in British Summer Time: the last month's invoices are
// then only just finalized, the edge where a date could slip into the future.
const MID_MONTH = new Date("2025-03-18T10:30:00Z");
const MONTH_START_BST = new Date("2024-07-31T23:10:00Z");

const ALL_INVOICE_STATUSES: InvoiceStatus[] = ["draft", "finalized", "paid", "void", "uncollectible"];
const ALL_PAYMENT_STATUSES: PaymentStatus[] = ["unpaid", "partially_paid", "paid", "refunded", "partially_refunded"];

const sum = (values: bigint[]) => values.reduce((total, value) => total + value, 0n);

const rowCounts = async (db: Db) => ({
  organizations: await db.organization.count(),
  users: await db.user.count(),
  series: await db.numberSeries.count(),
  customers: await db.customer.count(),
  meters: await db.meter.count(),
  plans: await db.plan.count(),
  prices: await db.price.count(),
  priceTiers: await db.priceTier.count(),
  subscriptions: await db.subscription.count(),
  usageEvents: await db.usageEvent.count(),
  invoices: await db.invoice.count(),
  invoiceLines: await db.invoiceLine.count(),
  creditNotes: await db.creditNote.count(),
  creditNoteLines: await db.creditNoteLine.count(),
  payments: await db.payment.count(),
  receipts: await db.receipt.count(),
  wallets: await db.wallet.count(),
  walletTransactions: await db.walletTransaction.count(),
  walletAllocations: await db.walletAllocation.count(),
  auditEntries: await db.auditEntry.count(),
});

/** London's calendar date of `now`, as a DATE column holds it. */
const londonToday = (now: Date) =>
  new Date(`${new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/London" }).format(now)}T00:00:00.000Z`);

// Every format the demo uses ends with its counter.
const counterOf = (number: string) => Number(/(\d+)$/.exec(number)?.[1]);

const expectConsistentBooks = async (db: Db, now: Date) => {
  const invoices = await db.invoice.findMany({ include: { lines: true, creditNotes: true, payments: true } });

  // Content a newcomer should see.
  expect(await db.customer.count()).toBeGreaterThanOrEqual(12);
  expect(await db.customer.count({ where: { status: "archived" } })).toBe(1);
  expect(new Set(invoices.map((invoice) => invoice.status))).toEqual(new Set(ALL_INVOICE_STATUSES));
  expect(new Set(invoices.map((invoice) => invoice.paymentStatus))).toEqual(new Set(ALL_PAYMENT_STATUSES));
  expect(new Set(invoices.map((invoice) => invoice.type))).toEqual(new Set(["one_off", "subscription"]));
  const today = londonToday(now);
  const overdue = invoices.filter(
    (invoice) => invoice.status === "finalized" && invoice.amountDueMinor > 0n && invoice.dueDate < today,
  );
  expect(overdue.length).toBeGreaterThanOrEqual(1);
  expect(invoices.some((invoice) => invoice.status === "finalized" && invoice.dueDate >= today)).toBe(true);
  expect(invoices.filter((invoice) => invoice.customNumber).map((invoice) => invoice.number)).toEqual([
    "CUSTOM-SEQ-001",
  ]);
  expect(new Set(invoices.map((invoice) => invoice.currency))).toEqual(
    new Set(["USD", "EUR", "GBP", "SGD", "JPY", "INR"]),
  );

  // Numbers: unique, absent only on drafts, and never in the future.
  const numbers = invoices.flatMap((invoice) => (invoice.number ? [invoice.number] : []));
  expect(new Set(numbers).size).toBe(numbers.length);
  for (const invoice of invoices) {
    if (invoice.status === "draft") {
      expect(invoice.number, invoice.id).toBeNull();
      expect(invoice.billToSnapshot, invoice.id).toBeNull();
      continue;
    }
    expect(invoice.number, invoice.id).toBeTruthy();
    expect(invoice.billToSnapshot, invoice.id).toMatchObject({ name: expect.any(String), email: expect.any(String) });
    expect(invoice.finalizedAt!.getTime(), invoice.number!).toBeLessThanOrEqual(now.getTime());
    expect(invoice.issueDate.getTime(), invoice.number!).toBeLessThanOrEqual(today.getTime());
  }

  for (const invoice of invoices) {
    const label = invoice.number ?? invoice.id;
    expect(invoice.lines.length, label).toBeGreaterThan(0);
    expect(invoice.subtotalMinor, label).toBe(sum(invoice.lines.map((line) => line.amountMinor)));
    expect(invoice.taxMinor, label).toBe(sum(invoice.lines.map((line) => line.taxMinor)));
    expect(invoice.totalMinor, label).toBe(invoice.subtotalMinor + invoice.taxMinor);
    expect(invoice.amountDueMinor, label).toBe(
      invoice.totalMinor -
        invoice.creditedMinor -
        invoice.walletAppliedMinor -
        invoice.paidMinor +
        invoice.refundedMinor,
    );
    expect(invoice.amountDueMinor >= 0n, label).toBe(true);
    if (invoice.status !== "void" && invoice.status !== "uncollectible" && invoice.status !== "draft") {
      expect(invoice.status === "paid", label).toBe(invoice.amountDueMinor === 0n);
    }
    if (invoice.status === "paid") expect(invoice.paidAt, label).not.toBeNull();
    if (invoice.status === "void") expect(invoice.voidedAt && invoice.voidReason, label).toBeTruthy();

    // Payments and refunds recorded against it add up to its paid and refunded amounts.
    const succeeded = invoice.payments.filter((payment) => payment.status === "succeeded");
    expect(sum(succeeded.filter((p) => p.kind === "payment").map((p) => p.amountMinor)), label).toBe(invoice.paidMinor);
    expect(sum(succeeded.filter((p) => p.kind === "refund").map((p) => p.amountMinor)), label).toBe(
      invoice.refundedMinor,
    );
    expect(sum(invoice.creditNotes.map((note) => note.totalMinor)), label).toBe(invoice.creditedMinor);
    for (const payment of invoice.payments) expect(payment.currency, label).toBe(invoice.currency);
  }

  // Delegated payer: the reseller is billed, the owner's usage is named on the invoice.
  const reseller = await db.customer.findFirstOrThrow({ where: { externalId: "sea-channel-partners" } });
  const resellerInvoices = invoices.filter((invoice) => invoice.customerId === reseller.id);
  expect(resellerInvoices.length).toBeGreaterThanOrEqual(2);
  for (const invoice of resellerInvoices) {
    expect(invoice.type).toBe("subscription");
    expect(invoice.usageOwnerId).not.toBeNull();
    expect(invoice.usageOwnerId).not.toBe(reseller.id);
  }
  expect(await db.subscription.count({ where: { invoicingCustomerId: reseller.id } })).toBe(2);

  // Credit notes: numbered after their invoice, and their parts add up to their total.
  const creditNotes = await db.creditNote.findMany({ include: { invoice: true, lines: true } });
  expect(creditNotes.map((note) => note.reason)).toContain("service_issue");
  for (const note of creditNotes) {
    expect(note.number).toBe(`${note.invoice.number}-CN${String(note.sequence).padStart(2, "0")}`);
    expect(note.subtotalMinor).toBe(sum(note.lines.map((line) => line.amountMinor)));
    expect(note.taxMinor).toBe(sum(note.lines.map((line) => line.taxMinor)));
    expect(note.totalMinor).toBe(note.subtotalMinor + note.taxMinor);
    expect(note.creditedToDueMinor + note.refundMinor + note.walletCreditMinor + note.outOfBandMinor).toBe(
      note.totalMinor,
    );
  }

  // Receipts: one per successful payment, in the payment's currency and amount.
  const payments = await db.payment.findMany({ where: { kind: "payment" }, include: { receipt: true } });
  for (const payment of payments) {
    expect(payment.receipt, payment.id).not.toBeNull();
    expect(payment.receipt!.amountMinor).toBe(payment.amountMinor);
    expect(payment.receipt!.currency).toBe(payment.currency);
  }
  expect(await db.receipt.count()).toBe(payments.length);

  // Series: each counter sits just past the numbers it issued, which run 1, 2, 3... without gaps.
  const series = await db.numberSeries.findMany({ include: { invoices: true, receipts: true } });
  expect(series.map((s) => s.format).sort()).toEqual(
    ["INV-{YYYY}{MM}-{NNNN}", "RCP-{YYYY}-{NNNNN}", "RS-SEA-{YYYY}-{NNNN}", "SG-INV-{YYYY}{MM}{DD}-{NNN}"].sort(),
  );
  for (const s of series) {
    const issued = [...s.invoices, ...s.receipts].flatMap((document) =>
      document.number ? [counterOf(document.number)] : [],
    );
    expect(issued.length, s.name).toBeGreaterThan(0);
    expect(s.nextNumber, s.name).toBeGreaterThan(Math.max(...issued));
    expect(
      [...issued].sort((a, b) => a - b),
      s.name,
    ).toEqual(issued.map((_, index) => index + 1));
  }

  // Wallets: balance = credits - debits = the last running balance; debits say which credits paid.
  const wallets = await db.wallet.findMany({
    include: { transactions: { include: { consumed: true }, orderBy: [{ createdAt: "asc" }, { id: "asc" }] } },
  });
  expect(wallets.length).toBeGreaterThanOrEqual(1);
  for (const wallet of wallets) {
    let running = 0n;
    for (const transaction of wallet.transactions) {
      running += transaction.type === "credit" ? transaction.amountMinor : -transaction.amountMinor;
      expect(transaction.balanceAfterMinor, transaction.id).toBe(running);
      if (transaction.type === "debit") {
        expect(sum(transaction.consumed.map((allocation) => allocation.amountMinor)), transaction.id).toBe(
          transaction.amountMinor,
        );
      }
    }
    expect(wallet.balanceMinor).toBe(running);
    const credits = wallet.transactions.filter((transaction) => transaction.type === "credit");
    const debits = wallet.transactions.filter((transaction) => transaction.type === "debit");
    expect(wallet.balanceMinor).toBe(sum(credits.map((t) => t.amountMinor)) - sum(debits.map((t) => t.amountMinor)));
    // What each credit has left is what it granted minus what debits took from it.
    const allocations = await db.walletAllocation.findMany({ where: { credit: { walletId: wallet.id } } });
    for (const credit of credits) {
      const taken = sum(allocations.filter((a) => a.creditId === credit.id).map((a) => a.amountMinor));
      expect(credit.remainingMinor, credit.id).toBe(credit.amountMinor - taken);
    }
    expect(sum(credits.map((credit) => credit.remainingMinor ?? 0n))).toBe(wallet.balanceMinor);
  }
  const drawdown = await db.walletTransaction.findFirstOrThrow({
    where: { reason: "invoice_payment" },
    include: { invoice: true, consumed: true },
  });
  expect(drawdown.invoice!.walletAppliedMinor).toBe(drawdown.amountMinor);
  expect(drawdown.consumed.length).toBeGreaterThanOrEqual(1);
  const reasons = new Set((await db.walletTransaction.findMany()).map((transaction) => transaction.reason));
  for (const reason of ["purchased", "promotional", "goodwill"] as const) expect(reasons).toContain(reason);

  // Usage: a few hundred events, one per idempotency key per customer, none in the future.
  const events = await db.usageEvent.findMany({ select: { customerId: true, idempotencyKey: true, timestamp: true } });
  expect(events.length).toBeGreaterThanOrEqual(100);
  expect(events.every((event) => event.timestamp <= now)).toBe(true);

  // The audit trail reads as history, written by the demo rather than by a person.
  const audit = await db.auditEntry.findMany();
  expect(audit.length).toBeGreaterThan(50);
  expect(audit.every((entry) => entry.actorType === "system" && entry.actorLabel === "Demo data")).toBe(true);
  expect(audit.every((entry) => entry.createdAt <= now)).toBe(true);
  const actions = new Set(audit.map((entry) => entry.action));
  for (const action of ["customer.created", "invoice.finalized", "invoice.payment_recorded", "invoice.voided"]) {
    expect(actions).toContain(action);
  }
};

describe("seedDemoData", () => {
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

  it("builds a demo whose books add up", async () => {
    expect(await seedDemoData(db, { now: MID_MONTH })).toEqual({ seeded: true });
    await expectConsistentBooks(db, MID_MONTH);

    const organization = await db.organization.findUniqueOrThrow({ where: { id: DEMO_ORG_ID } });
    expect(organization).toMatchObject({
      name: "Northwind Analytics Ltd",
      defaultCurrency: "USD",
      timeZone: "Europe/London",
    });
    const admin = await db.user.findUniqueOrThrow({ where: { email: DEMO_ADMIN.email } });
    expect(admin.role).toBe("admin");
    expect(await verifyPassword(DEMO_ADMIN.password, admin.passwordHash)).toBe(true);
    expect((await db.user.findMany()).map((user) => user.role).sort()).toEqual(["admin", "finance", "viewer"]);
  });

  it("changes nothing when run again", async () => {
    const before = await rowCounts(db);
    expect(await seedDemoData(db, { now: new Date() })).toEqual({ seeded: false });
    expect(await rowCounts(db)).toEqual(before);
  });
});

describe("seedDemoData at the start of a month", () => {
  it("still dates nothing in the future and keeps the books consistent", async () => {
    const database = await createMigratedTestDatabase();
    const db = createDb(database.url);
    try {
      expect(await seedDemoData(db, { now: MONTH_START_BST })).toEqual({ seeded: true });
      await expectConsistentBooks(db, MONTH_START_BST);
    } finally {
      await db.$disconnect();
      await database.drop();
    }
  });
});

describe("seedDemoData run twice at once", () => {
  it("adds one set of demo data", async () => {
    const database = await createMigratedTestDatabase();
    const first = createDb(database.url);
    const second = createDb(database.url);
    try {
      const now = new Date();
      const results = await Promise.all([seedDemoData(first, { now }), seedDemoData(second, { now })]);
      expect(results.map((result) => result.seeded).sort()).toEqual([false, true]);
      const counts = await rowCounts(first);
      expect(counts.organizations).toBe(1);
      expect(counts.users).toBe(3);
      expect(counts.customers).toBe(await first.customer.count({ where: { organizationId: DEMO_ORG_ID } }));
      expect(new Set((await first.customer.findMany()).map((customer) => customer.externalId)).size).toBe(
        counts.customers,
      );
      await expectConsistentBooks(first, now);
    } finally {
      await first.$disconnect();
      await second.$disconnect();
      await database.drop();
    }
  });
});
