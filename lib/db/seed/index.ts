// Demo data, so a newcomer's first sign-in shows a living billing console: Northwind Analytics with
// customers, plans, usage, invoices in every state, payments, credit notes, wallets and an audit trail.
// Built in memory first (every amount computed like the app would), then written in one transaction.
import { hashPassword } from "@/lib/auth/password";
import type { Db, Tx } from "@/lib/db/client";
import type { Prisma } from "@/lib/db/generated/client";
import { DEMO_ORG_ID, DEMO_ORG_NAME, DEMO_USERS } from "../demo";
import { meterRows, planRows, subscriptionRows } from "./catalogue";
import { createClock } from "./clock";
import { customerRows } from "./customers";
import { buildInvoices } from "./invoices";
import { oneOffInvoiceSeeds } from "./one-off-invoices";
import { organizationRow, seriesRows, userRows } from "./organization";
import { createIds, type DemoRows } from "./rows";
import { subscriptionInvoiceSeeds } from "./subscription-invoices";
import { generateUsage, usageEventRows } from "./usage";
import { buildWallets, walletSeeds } from "./wallets";

export type SeedOptions = {
  /** The moment the demo is built around: overdue and "this month" figures are relative to it. */
  now?: Date;
  log?: (line: string) => void;
};

// Any fixed number works; it only has to be the same for every process seeding this database.
const SEED_LOCK_KEY = 7_270_012_024n;

// The builders run in a fixed order: ids are time-sortable, so the order they are made in is the
// order the demo's rows sort in.
const buildDemoRows = ({ now, passwordHashes }: { now: Date; passwordHashes: string[] }): DemoRows => {
  const clock = createClock(now);
  const orgCreatedAt = clock.ago(320, "09:00");
  const ids = createIds();
  const organization = organizationRow(orgCreatedAt);
  const users = userRows({ passwordHashes, createdAt: orgCreatedAt });
  const customers = customerRows({ clock, ids });
  const meters = meterRows({ ids, createdAt: orgCreatedAt });
  const plans = planRows({ clock, ids, createdAt: orgCreatedAt });
  const subscriptions = subscriptionRows({ clock, ids });
  const usage = generateUsage(clock);
  const usageEvents = usageEventRows({ usage, ids, clock });
  // Drafts, open, overdue, partly and fully paid, refunded, void and written off.
  const invoiceSeeds = [...subscriptionInvoiceSeeds({ clock, ids, usage }), ...oneOffInvoiceSeeds(clock)];
  const invoices = buildInvoices(invoiceSeeds, ids);
  const wallets = buildWallets({ seeds: walletSeeds(clock), applications: invoices.walletApplications, ids, clock });
  const auditEntries: Prisma.AuditEntryCreateManyInput[] = [
    ...customers.auditEntries,
    ...subscriptions.auditEntries,
    ...invoices.auditEntries,
    ...wallets.auditEntries,
  ];

  return {
    organization,
    users,
    series: seriesRows({ ids, issued: invoices.seriesIssued, createdAt: orgCreatedAt }),
    customers: customers.customers,
    meters,
    plans: plans.plans,
    prices: plans.prices,
    priceTiers: plans.priceTiers,
    subscriptions: subscriptions.subscriptions,
    usageEvents,
    invoices: invoices.invoices,
    invoiceLines: invoices.invoiceLines,
    finalizations: invoices.finalizations,
    creditNotes: invoices.creditNotes,
    creditNoteLines: invoices.creditNoteLines,
    payments: invoices.payments,
    receipts: invoices.receipts,
    wallets: wallets.wallets,
    walletTransactions: wallets.walletTransactions,
    walletAllocations: wallets.walletAllocations,
    auditEntries: auditEntries.sort((a, b) => (a.createdAt as Date).getTime() - (b.createdAt as Date).getTime()),
  };
};

const writeDemoRows = async (tx: Tx, rows: DemoRows) => {
  await tx.organization.create({ data: rows.organization });
  await tx.user.createMany({ data: rows.users });
  await tx.numberSeries.createMany({ data: rows.series });
  await tx.customer.createMany({ data: rows.customers });
  await tx.meter.createMany({ data: rows.meters });
  await tx.plan.createMany({ data: rows.plans });
  await tx.price.createMany({ data: rows.prices });
  await tx.priceTier.createMany({ data: rows.priceTiers });
  await tx.subscription.createMany({ data: rows.subscriptions });
  await tx.usageEvent.createMany({ data: rows.usageEvents });
  // Lines may only be written while their invoice is a draft (a database trigger enforces it), so
  // every invoice starts as one and is finalized afterwards, as the app itself does.
  await tx.invoice.createMany({ data: rows.invoices });
  await tx.invoiceLine.createMany({ data: rows.invoiceLines });
  for (const { id, data } of rows.finalizations) await tx.invoice.update({ where: { id }, data });
  await tx.creditNote.createMany({ data: rows.creditNotes });
  await tx.creditNoteLine.createMany({ data: rows.creditNoteLines });
  await tx.payment.createMany({ data: rows.payments });
  await tx.receipt.createMany({ data: rows.receipts });
  await tx.wallet.createMany({ data: rows.wallets });
  await tx.walletTransaction.createMany({ data: rows.walletTransactions });
  await tx.walletAllocation.createMany({ data: rows.walletAllocations });
  await tx.auditEntry.createMany({ data: rows.auditEntries });
};

const demoOrganizationExists = async (client: Db | Tx): Promise<boolean> =>
  (await client.organization.findUnique({ where: { id: DEMO_ORG_ID }, select: { id: true } })) !== null;

/**
 * Adds the demo organisation and everything in it, once. Safe to run again and from two processes
 * at once: an advisory lock serialises seeders and the second finds the demo already there.
 */
export const seedDemoData = async (db: Db, options: SeedOptions = {}): Promise<{ seeded: boolean }> => {
  const log = options.log ?? (() => undefined);
  if (await demoOrganizationExists(db)) return { seeded: false };
  // bcrypt is slow on purpose; hashing before the transaction keeps the transaction short.
  const passwordHashes = await Promise.all(DEMO_USERS.map((user) => hashPassword(user.password)));
  const rows = buildDemoRows({ now: options.now ?? new Date(), passwordHashes });

  const seeded = await db.$transaction(
    async (tx) => {
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(${SEED_LOCK_KEY})`;
      if (await demoOrganizationExists(tx)) return false;
      await writeDemoRows(tx, rows);
      return true;
    },
    { timeout: 60_000, maxWait: 10_000 },
  );
  if (!seeded) return { seeded: false };
  log(
    `Seeded ${DEMO_ORG_NAME}: ${rows.customers.length} customers, ${rows.subscriptions.length} subscriptions, ` +
      `${rows.usageEvents.length} usage events, ${rows.invoices.length} invoices, ${rows.payments.length} payments, ` +
      `${rows.creditNotes.length} credit notes, ${rows.wallets.length} wallets.`,
  );
  return { seeded: true };
};
