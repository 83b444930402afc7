// Reads for the customer page's wallet: per currency the balance (the ledger's sum, computed in SQL,
// never the cached column), what is left by reason, credit expiring soon, and the ledger, newest
// first and paginated by key (createdAt, id). Every read is scoped by the organisation.
import { db, type Tx } from "@/lib/db/client";
import type { WalletTransactionReason, WalletTransactionType } from "@/lib/db/generated/enums";
import { CREDIT_REASONS } from "./schemas";

type Reader = Tx;

export const WALLET_LEDGER_PAGE_SIZE = 50;
const EXPIRING_WITHIN_DAYS = 30;
const DAY_MS = 24 * 60 * 60 * 1000;

export type WalletLedgerEntry = {
  id: string;
  type: WalletTransactionType;
  reason: WalletTransactionReason;
  amountMinor: bigint;
  balanceAfterMinor: bigint;
  /** Credits only: what is left to consume. */
  remainingMinor: bigint | null;
  /** Who posted it: the user's name, or what did it when no one did (null: the system). */
  actorLabel: string | null;
  createdAt: Date;
  memo: string | null;
  invoice: { id: string; number: string | null } | null;
  creditNote: { id: string; number: string } | null;
  expiresAt: Date | null;
};

const encodeCursor = (entry: { createdAt: Date; id: string }) => `${entry.createdAt.toISOString()}~${entry.id}`;

const decodeCursor = (cursor: string | undefined): { createdAt: Date; id: string } | null => {
  if (!cursor) return null;
  const [time, id] = cursor.split("~");
  const createdAt = new Date(time ?? "");
  if (!id || Number.isNaN(createdAt.getTime())) return null;
  return { createdAt, id };
};

/** One page of a wallet's ledger, newest first; nextCursor fetches the page after it. */
export const getWalletLedger = async (
  {
    organizationId,
    walletId,
    cursor,
    limit = WALLET_LEDGER_PAGE_SIZE,
  }: { organizationId: string; walletId: string; cursor?: string; limit?: number },
  client: Reader = db,
): Promise<{ entries: WalletLedgerEntry[]; nextCursor: string | null }> => {
  const after = decodeCursor(cursor);
  const rows = await client.walletTransaction.findMany({
    where: {
      walletId,
      wallet: { customer: { organizationId } },
      ...(after
        ? { OR: [{ createdAt: { lt: after.createdAt } }, { createdAt: after.createdAt, id: { lt: after.id } }] }
        : {}),
    },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: limit + 1,
    select: {
      id: true,
      type: true,
      reason: true,
      amountMinor: true,
      balanceAfterMinor: true,
      remainingMinor: true,
      actorUserId: true,
      createdAt: true,
      memo: true,
      expiresAt: true,
      invoice: { select: { id: true, number: true } },
      creditNote: { select: { id: true, number: true } },
    },
  });
  const page = rows.slice(0, limit);
  const actorIds = [...new Set(page.flatMap((row) => (row.actorUserId ? [row.actorUserId] : [])))];
  const actors = actorIds.length
    ? await client.user.findMany({ where: { id: { in: actorIds }, organizationId }, select: { id: true, name: true } })
    : [];
  const names = new Map(actors.map((actor) => [actor.id, actor.name]));
  const entries = page.map(({ actorUserId, ...row }) => ({
    ...row,
    actorLabel: actorUserId ? (names.get(actorUserId) ?? null) : row.reason === "expiry" ? "Automatic expiry" : null,
  }));
  const last = page.at(-1);
  return { entries, nextCursor: rows.length > limit && last ? encodeCursor(last) : null };
};

type SumRow = { walletId: string; amount: bigint };

export type CustomerWallet = {
  walletId: string;
  currency: string;
  /** The ledger's sum: credits minus debits. */
  balanceMinor: bigint;
  /** What is left to spend, by the reason it was given, in the breakdown's order; zero parts left out. */
  byReason: { reason: WalletTransactionReason; remainingMinor: bigint }[];
  /** Credit with something left that expires within 30 days (or has expired and awaits the job). */
  expiringSoon: { transactionId: string; reason: WalletTransactionReason; remainingMinor: bigint; expiresAt: Date }[];
  ledger: WalletLedgerEntry[];
  ledgerNextCursor: string | null;
};

export const getCustomerWallets = async (
  organizationId: string,
  customerId: string,
  now: Date = new Date(),
  client: Reader = db,
): Promise<CustomerWallet[]> => {
  const wallets = await client.wallet.findMany({
    where: { customerId, customer: { organizationId } },
    orderBy: { currency: "asc" },
    select: { id: true, currency: true },
  });
  if (wallets.length === 0) return [];
  const walletIds = wallets.map((wallet) => wallet.id);
  const [balances, remaining, expiring, ledgers] = await Promise.all([
    client.$queryRaw<SumRow[]>`
      SELECT "walletId", SUM(CASE WHEN "type" = 'credit' THEN "amountMinor" ELSE -"amountMinor" END)::bigint AS amount
      FROM "WalletTransaction" WHERE "walletId" = ANY(${walletIds}::text[]) GROUP BY "walletId"`,
    client.walletTransaction.groupBy({
      by: ["walletId", "reason"],
      where: { walletId: { in: walletIds }, type: "credit", remainingMinor: { gt: 0 } },
      _sum: { remainingMinor: true },
    }),
    client.walletTransaction.findMany({
      where: {
        walletId: { in: walletIds },
        type: "credit",
        remainingMinor: { gt: 0 },
        expiresAt: { lte: new Date(now.getTime() + EXPIRING_WITHIN_DAYS * DAY_MS) },
      },
      orderBy: [{ expiresAt: "asc" }, { id: "asc" }],
      select: { id: true, walletId: true, reason: true, remainingMinor: true, expiresAt: true },
    }),
    Promise.all(walletIds.map((walletId) => getWalletLedger({ organizationId, walletId }, client))),
  ]);
  const order = (reason: WalletTransactionReason) => (CREDIT_REASONS as readonly string[]).indexOf(reason);
  return wallets.map((wallet, index) => ({
    walletId: wallet.id,
    currency: wallet.currency,
    balanceMinor: balances.find((row) => row.walletId === wallet.id)?.amount ?? 0n,
    byReason: remaining
      .filter((row) => row.walletId === wallet.id && (row._sum.remainingMinor ?? 0n) > 0n)
      .map((row) => ({ reason: row.reason, remainingMinor: row._sum.remainingMinor ?? 0n }))
      .sort((a, b) => order(a.reason) - order(b.reason)),
    expiringSoon: expiring.flatMap((credit) =>
      credit.walletId === wallet.id && credit.expiresAt
        ? [
            {
              transactionId: credit.id,
              reason: credit.reason,
              remainingMinor: credit.remainingMinor ?? 0n,
              expiresAt: credit.expiresAt,
            },
          ]
        : [],
    ),
    ledger: ledgers[index]!.entries,
    ledgerNextCursor: ledgers[index]!.nextCursor,
  }));
};

/** A customer's balance in a currency: the ledger's sum (0 without a wallet). */
export const getWalletBalance = async (customerId: string, currency: string, client: Reader = db): Promise<bigint> => {
  const [row] = await client.$queryRaw<{ amount: bigint | null }[]>`
    SELECT SUM(CASE WHEN t."type" = 'credit' THEN t."amountMinor" ELSE -t."amountMinor" END)::bigint AS amount
    FROM "WalletTransaction" t JOIN "Wallet" w ON w."id" = t."walletId"
    WHERE w."customerId" = ${customerId} AND w."currency" = ${currency}`;
  return row?.amount ?? 0n;
};
