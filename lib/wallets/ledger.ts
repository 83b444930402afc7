// The wallet ledger's moving parts: the wallet row locked for the change, and the statements that
// append a credit or a debit. A posting moves the cached balance in the same statement as its ledger
// row, so the cache never disagrees with the ledger's sum, and every change to one wallet is
// serialised by its row lock (the order all wallet services follow: invoice, then wallet).
import type { AuditActor } from "@/lib/audit/record";
import type { Tx } from "@/lib/db/client";
import { Prisma } from "@/lib/db/generated/client";
import type { WalletTransactionReason } from "@/lib/db/generated/enums";
import { NotFoundError, UserError } from "@/lib/errors";
import { newId } from "@/lib/ids";
import { formatMoney, isSupportedCurrency } from "@/lib/money";
import type { ConsumableCredit, PlannedConsumption } from "./allocation";
import { DEFAULT_CREDIT_PRIORITY } from "./schemas";

/**
 * Who acts. A signed-in user (the CurrentUser or InvoiceActor shape: id, name, email) or, without
 * an id, the system (the expiry job); label overrides what the audit trail shows.
 */
export type WalletActor = {
  organizationId: string;
  id?: string | null;
  name?: string;
  email?: string;
  label?: string;
};

export const walletAuditActor = (actor: WalletActor): AuditActor => {
  if (actor.id) {
    const label =
      actor.label ?? (actor.email ? `${actor.name ?? actor.email} <${actor.email}>` : (actor.name ?? actor.id));
    return { type: "user", userId: actor.id, label };
  }
  return { type: "system", label: actor.label ?? "Billfold" };
};

/** The wallet row, locked until commit, with what audit summaries need. */
export type LockedWallet = {
  id: string;
  customerId: string;
  currency: string;
  balanceMinor: bigint;
  createdAt: Date;
  organizationId: string;
  customerName: string;
  /** The organisation's locale, for amounts in audit summaries and messages. */
  locale: string;
  timeZone: string;
};

type WalletKey = { customerId: string; currency: string; organizationId?: string };

const organizationFilter = (organizationId: string | undefined) =>
  organizationId ? Prisma.sql`AND c."organizationId" = ${organizationId}` : Prisma.empty;

/** Locks a customer's wallet in a currency; null when it has none (or the customer is elsewhere). */
export const lockWallet = async (
  tx: Tx,
  { customerId, currency, organizationId }: WalletKey,
): Promise<LockedWallet | null> => {
  const rows = await tx.$queryRaw<LockedWallet[]>`
    SELECT w."id", w."customerId", w."currency", w."balanceMinor", w."createdAt",
           c."organizationId", c."name" AS "customerName", o."locale", o."timeZone"
    FROM "Wallet" w
    JOIN "Customer" c ON c."id" = w."customerId"
    JOIN "Organization" o ON o."id" = c."organizationId"
    WHERE w."customerId" = ${customerId} AND w."currency" = ${currency} ${organizationFilter(organizationId)}
    FOR UPDATE OF w`;
  return rows[0] ?? null;
};

/** Locks a wallet by id (the expiry job and voids start from a ledger row, not a customer). */
export const lockWalletById = async (tx: Tx, walletId: string): Promise<LockedWallet> => {
  const rows = await tx.$queryRaw<LockedWallet[]>`
    SELECT w."id", w."customerId", w."currency", w."balanceMinor", w."createdAt",
           c."organizationId", c."name" AS "customerName", o."locale", o."timeZone"
    FROM "Wallet" w
    JOIN "Customer" c ON c."id" = w."customerId"
    JOIN "Organization" o ON o."id" = c."organizationId"
    WHERE w."id" = ${walletId}
    FOR UPDATE OF w`;
  const wallet = rows[0];
  if (!wallet) throw new NotFoundError("Wallet");
  return wallet;
};

/**
 * The customer's wallet in a currency, created empty on first use, locked until commit. Concurrent
 * first uses end up with the same row: the insert yields to the unique (customer, currency).
 */
export const getOrCreateWallet = async (tx: Tx, key: WalletKey): Promise<LockedWallet> => {
  const existing = await lockWallet(tx, key);
  if (existing) return existing;
  if (!isSupportedCurrency(key.currency)) {
    throw new UserError("Choose a currency from the list", { field: "currency" });
  }
  await tx.$executeRaw`
    INSERT INTO "Wallet" ("id", "customerId", "currency", "balanceMinor", "createdAt")
    SELECT ${newId("wallet")}, c."id", ${key.currency}, 0, now()
    FROM "Customer" c
    WHERE c."id" = ${key.customerId} ${organizationFilter(key.organizationId)}
    ON CONFLICT ("customerId", "currency") DO NOTHING`;
  const created = await lockWallet(tx, key);
  if (!created) throw new NotFoundError("Customer");
  return created;
};

/** A customer's unexpired-or-not credits that still hold something, for planConsumption. */
export const openCredits = (tx: Tx, walletId: string): Promise<(ConsumableCredit & { reason: string })[]> =>
  tx.$queryRaw`
    SELECT "id", "remainingMinor", "priority", "expiresAt", "createdAt", "reason"::text AS "reason"
    FROM "WalletTransaction"
    WHERE "walletId" = ${walletId} AND "type" = 'credit' AND "remainingMinor" > 0`;

/** The audit entry on the customer (whose page shows the wallet) that a posting writes with itself. */
export type PostingAudit = {
  actor: WalletActor;
  action: string;
  summary: string;
  reason?: string | null;
  changes?: Prisma.InputJsonValue;
};

/** What a posting will be, known before it is written: its audit entry is built from it. */
export type PostingDraft = { transactionId: string; balanceAfterMinor: bigint; allocations: PlannedConsumption[] };

// The row recordAudit writes, as one more part of the posting's statement: the ledger's hot path
// then spends one round trip fewer under the wallet's lock and compiles no Prisma query (each
// would cost about a millisecond a posting; see `npm run bench:wallets`). `source` is the CTE of
// the ledger row: no row (an idempotent repeat), no audit entry.
const auditPart = (wallet: LockedWallet, audit: PostingAudit | null, source: "credit" | "debit") => {
  if (!audit) return Prisma.empty;
  const actor = walletAuditActor(audit.actor);
  const changes = audit.changes === undefined ? null : JSON.stringify(audit.changes);
  return Prisma.sql`,
    audited AS (
      INSERT INTO "AuditEntry" ("id", "organizationId", "actorUserId", "actorType", "actorLabel", "action",
        "entityType", "entityId", "summary", "reason", "changes")
      SELECT ${newId("auditEntry")}, ${wallet.organizationId}, ${actor.type === "user" ? actor.userId : null},
        ${actor.type}, ${actor.label}, ${audit.action}, 'customer', ${wallet.customerId}, ${audit.summary},
        ${audit.reason ?? null}, ${changes}::jsonb
      FROM ${Prisma.raw(source)}
    )`;
};

export type CreditPosting = {
  wallet: LockedWallet;
  reason: WalletTransactionReason;
  amountMinor: bigint;
  /** What may still be consumed: the amount, or 0 for a void refund (its credits regained it). */
  remainingMinor: bigint;
  expiresAt?: Date | null;
  priority?: number;
  idempotencyKey?: string | null;
  memo?: string | null;
  invoiceId?: string | null;
  creditNoteId?: string | null;
  actorUserId?: string | null;
  audit?: (draft: PostingDraft) => PostingAudit;
};

/**
 * Appends a credit, raises the balance and writes its audit entry, in one statement. With an idempotency key the wallet
 * already holds, nothing is written and the earlier transaction's id comes back as a duplicate.
 */
export const postCredit = async (
  tx: Tx,
  posting: CreditPosting,
): Promise<{ transactionId: string; duplicate: boolean; balanceAfterMinor: bigint }> => {
  const { wallet, amountMinor } = posting;
  const transactionId = newId("walletTransaction");
  const balanceAfterMinor = wallet.balanceMinor + amountMinor;
  const audit = posting.audit?.({ transactionId, balanceAfterMinor, allocations: [] }) ?? null;
  // The wallet's row lock makes the key check race-free; ON CONFLICT is the database's last word.
  const written = await tx.$executeRaw`
    WITH credit AS (
      INSERT INTO "WalletTransaction" ("id", "walletId", "type", "reason", "amountMinor", "remainingMinor",
        "balanceAfterMinor", "expiresAt", "priority", "idempotencyKey", "memo", "invoiceId", "creditNoteId",
        "actorUserId", "createdAt")
      VALUES (${transactionId}, ${wallet.id}, 'credit', ${posting.reason}::"WalletTransactionReason",
        ${amountMinor}::bigint, ${posting.remainingMinor}::bigint, ${balanceAfterMinor}::bigint,
        ${posting.expiresAt ?? null}::timestamptz, ${posting.priority ?? DEFAULT_CREDIT_PRIORITY}::int,
        ${posting.idempotencyKey ?? null}, ${posting.memo ?? null}, ${posting.invoiceId ?? null},
        ${posting.creditNoteId ?? null}, ${posting.actorUserId ?? null}, clock_timestamp())
      ON CONFLICT ("walletId", "idempotencyKey") DO NOTHING
      RETURNING "id"
    )${auditPart(wallet, audit, "credit")}
    UPDATE "Wallet" SET "balanceMinor" = ${balanceAfterMinor}::bigint
    WHERE "id" = ${wallet.id} AND EXISTS (SELECT 1 FROM credit)`;
  if (written === 1) {
    wallet.balanceMinor = balanceAfterMinor;
    return { transactionId, duplicate: false, balanceAfterMinor };
  }
  const earlier = await tx.walletTransaction.findUniqueOrThrow({
    where: { walletId_idempotencyKey: { walletId: wallet.id, idempotencyKey: posting.idempotencyKey ?? "" } },
    select: { id: true },
  });
  return { transactionId: earlier.id, duplicate: true, balanceAfterMinor: wallet.balanceMinor };
};

export type DebitPosting = {
  wallet: LockedWallet;
  reason: WalletTransactionReason;
  amountMinor: bigint;
  /** Which credits give how much; planConsumption's answer, or one credit for an expiry or reversal. */
  consumption: readonly PlannedConsumption[];
  idempotencyKey?: string | null;
  memo?: string | null;
  invoiceId?: string | null;
  creditNoteId?: string | null;
  actorUserId?: string | null;
  /** An expiry debit names its credit; the unique index lets each credit expire once. */
  expiredCreditId?: string | null;
  audit?: (draft: PostingDraft) => PostingAudit;
};

export type PostedDebit = { transactionId: string; allocations: PlannedConsumption[]; balanceAfterMinor: bigint };

/**
 * Appends a debit, its allocations, the credits' new remainders and the balance, in one statement.
 * The CHECK on remainingMinor refuses a consumption larger than a credit holds, and the one on
 * the balance refuses an overdraw, should a caller ever get the plan wrong.
 */
export const postDebit = async (tx: Tx, posting: DebitPosting): Promise<PostedDebit> => {
  const { wallet, amountMinor, consumption } = posting;
  const planned = consumption.reduce((sum, part) => sum + part.amountMinor, 0n);
  if (planned !== amountMinor || consumption.length === 0) {
    throw new Error(`Debit of ${amountMinor} planned as ${planned} over ${consumption.length} credits`);
  }
  const transactionId = newId("walletTransaction");
  const balanceAfterMinor = wallet.balanceMinor - amountMinor;
  const allocations = [...consumption];
  const audit = posting.audit?.({ transactionId, balanceAfterMinor, allocations }) ?? null;
  const parts = Prisma.join(
    consumption.map(
      (part) => Prisma.sql`(${newId("walletAllocation")}, ${part.creditId}, ${part.amountMinor}::bigint)`,
    ),
  );
  await tx.$executeRaw`
    WITH parts ("id", "creditId", "amountMinor") AS (VALUES ${parts}),
    debit AS (
      INSERT INTO "WalletTransaction" ("id", "walletId", "type", "reason", "amountMinor", "balanceAfterMinor",
        "idempotencyKey", "memo", "invoiceId", "creditNoteId", "actorUserId", "expiredCreditId", "createdAt")
      VALUES (${transactionId}, ${wallet.id}, 'debit', ${posting.reason}::"WalletTransactionReason",
        ${amountMinor}::bigint, ${balanceAfterMinor}::bigint, ${posting.idempotencyKey ?? null}, ${posting.memo ?? null},
        ${posting.invoiceId ?? null}, ${posting.creditNoteId ?? null}, ${posting.actorUserId ?? null},
        ${posting.expiredCreditId ?? null}, clock_timestamp())
      RETURNING "id"
    ),
    allocations AS (
      INSERT INTO "WalletAllocation" ("id", "debitId", "creditId", "amountMinor", "createdAt")
      SELECT parts."id", debit."id", parts."creditId", parts."amountMinor", clock_timestamp() FROM parts, debit
    ),
    consumed AS (
      UPDATE "WalletTransaction" t SET "remainingMinor" = t."remainingMinor" - parts."amountMinor"
      FROM parts WHERE t."id" = parts."creditId" AND t."walletId" = ${wallet.id} AND t."type" = 'credit'
    )${auditPart(wallet, audit, "debit")}
    UPDATE "Wallet" SET "balanceMinor" = ${balanceAfterMinor}::bigint WHERE "id" = ${wallet.id}`;
  wallet.balanceMinor = balanceAfterMinor;
  return { transactionId, allocations, balanceAfterMinor };
};

/** The organisation's locale, for a message about a wallet that does not exist yet. */
export const organizationLocale = async (tx: Tx, organizationId: string): Promise<string> =>
  (await tx.organization.findUniqueOrThrow({ where: { id: organizationId }, select: { locale: true } })).locale;

/** "$1,234.50" in the organisation's locale, for audit summaries. */
export const walletMoney = (wallet: Pick<LockedWallet, "locale" | "currency">, minor: bigint): string =>
  formatMoney(minor, wallet.currency, { locale: wallet.locale });

/** "1,234.50 USD": the amount with its currency code after it, as balance messages read. */
export const walletMoneyWithCode = (wallet: Pick<LockedWallet, "locale" | "currency">, minor: bigint): string =>
  `${formatMoney(minor, wallet.currency, { locale: wallet.locale, currencyDisplay: "code" })
    .replace(wallet.currency, "")
    .trim()} ${wallet.currency}`;
