// What the builders produce: one array of Prisma inputs per table, and the ids the demo's keys get.
// The demo is built in memory first, so these are plain data until index.ts writes them.
import type { Prisma } from "@/lib/db/generated/client";
import { newId } from "@/lib/ids";
import {
  CUSTOMERS,
  METERS,
  PLANS,
  SERIES,
  SUBSCRIPTIONS,
  type CustomerKey,
  type MeterKey,
  type PlanKey,
  type PlanSeed,
  type SeriesKey,
  type SubscriptionKey,
} from "./fixtures";

export type DemoRows = {
  organization: Prisma.OrganizationCreateManyInput;
  users: Prisma.UserCreateManyInput[];
  series: Prisma.NumberSeriesCreateManyInput[];
  customers: Prisma.CustomerCreateManyInput[];
  meters: Prisma.MeterCreateManyInput[];
  plans: Prisma.PlanCreateManyInput[];
  prices: Prisma.PriceCreateManyInput[];
  priceTiers: Prisma.PriceTierCreateManyInput[];
  subscriptions: Prisma.SubscriptionCreateManyInput[];
  usageEvents: Prisma.UsageEventCreateManyInput[];
  /** Inserted as drafts with their lines, then finalized by `finalizations`, as the app does. */
  invoices: Prisma.InvoiceCreateManyInput[];
  invoiceLines: Prisma.InvoiceLineCreateManyInput[];
  finalizations: { id: string; data: Prisma.InvoiceUncheckedUpdateInput }[];
  creditNotes: Prisma.CreditNoteCreateManyInput[];
  creditNoteLines: Prisma.CreditNoteLineCreateManyInput[];
  payments: Prisma.PaymentCreateManyInput[];
  receipts: Prisma.ReceiptCreateManyInput[];
  wallets: Prisma.WalletCreateManyInput[];
  walletTransactions: Prisma.WalletTransactionCreateManyInput[];
  walletAllocations: Prisma.WalletAllocationCreateManyInput[];
  auditEntries: Prisma.AuditEntryCreateManyInput[];
};

export type Ids = {
  customers: Record<CustomerKey, string>;
  series: Record<SeriesKey, string>;
  meters: Record<MeterKey, string>;
  plans: Record<PlanKey, string>;
  /** Price ids per plan, in the plan's price order. */
  prices: Record<PlanKey, string[]>;
  subscriptions: Record<SubscriptionKey, string>;
};

const mapValues = <K extends string, V, R>(record: Record<K, V>, map: (value: V, key: K) => R): Record<K, R> =>
  Object.fromEntries(Object.entries(record).map(([key, value]) => [key, map(value as V, key as K)])) as Record<K, R>;

/** Ids for every fixture up front, so rows can point at each other before any of them is built. */
export const createIds = (): Ids => ({
  customers: mapValues(CUSTOMERS, () => newId("customer")),
  series: mapValues(SERIES, () => newId("numberSeries")),
  meters: mapValues(METERS, () => newId("meter")),
  plans: mapValues(PLANS, () => newId("plan")),
  prices: mapValues(PLANS, (plan: PlanSeed) => plan.prices.map(() => newId("price"))),
  subscriptions: mapValues(SUBSCRIPTIONS, () => newId("subscription")),
});

/** Every fixture of a table with its key, typed, in the table's order. */
export const entriesOf = <K extends string, V>(record: Record<K, V>): [K, V][] => Object.entries(record) as [K, V][];
