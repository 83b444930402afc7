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

export type WalletKey = { customerId: string; currency: string; organizationId?: string };

const organizationFilter = (organizationId: string | undefined) =>
  organizationId ? Prisma.sql`AND c."organizationId" = ${organizationId}` : Prisma.empty;

/**
 * A wallet as read without a lock, with the version of its row: every posting moves the wallet row
 * in the statement that writes the ledger, so an unchanged version means an unchanged wallet, its
 * credits included. A posting guarded by it writes only if nothing was posted since it was read.
 */
export type WalletSnapshot = LockedWallet & { version: string };

const selectWallet = (
  where: Prisma.Sql,
  lock: Prisma.Sql,
  more: { columns: Prisma.Sql; joins: Prisma.Sql } = { columns: Prisma.empty, joins: Prisma.empty },
) => Prisma.sql`
    SELECT w."id", w."customerId", w."currency", w."balanceMinor", w."createdAt", w.xmin::text AS "version",
           c."organizationId", c."name" AS "customerName", o."locale", o."timeZone" ${more.columns}
    FROM "Wallet" w
    JOIN "Customer" c ON c."id" = w."customerId"
    JOIN "Organization" o ON o."id" = c."organizationId"
    ${more.joins}
    WHERE ${where}
    ${lock}`;

const byCustomer = ({ customerId, currency, organizationId }: WalletKey) =>
  Prisma.sql`w."customerId" = ${customerId} AND w."currency" = ${currency} ${organizationFilter(organizationId)}`;

/** Locks a customer's wallet in a currency; null when it has none (or the customer is elsewhere). */
export const lockWallet = async (tx: Tx, key: WalletKey): Promise<LockedWallet | null> => {
  const rows = await tx.$queryRaw<WalletSnapshot[]>(selectWallet(byCustomer(key), Prisma.sql`FOR UPDATE OF w`));
  return rows[0] ?? null;
};

/** Reads a customer's wallet in a currency without locking it; null when it has none. */
export const readWallet = async (tx: Tx, key: WalletKey): Promise<WalletSnapshot | null> => {
  const rows = await tx.$queryRaw<WalletSnapshot[]>(selectWallet(byCustomer(key), Prisma.empty));
  return rows[0] ?? null;
};

/** Locks a wallet by id (the expiry job and voids start from a ledger row, not a customer). */
export const lockWalletById = async (tx: Tx, walletId: string): Promise<LockedWallet> => {
  const rows = await tx.$queryRaw<WalletSnapshot[]>(
    selectWallet(Prisma.sql`w."id" = ${walletId}`, Prisma.sql`FOR UPDATE OF w`),
  );
  const wallet = rows[0];
  if (!wallet) throw new NotFoundError("Wallet");
  return wallet;
};

/**
 * The customer's wallet in a currency, read without a lock (see WalletSnapshot), created empty on
 * first use. Concurrent first uses end up with the same row: the insert yields to the unique
 * (customer, currency).
 */
export const getOrCreateWallet = async (tx: Tx, key: WalletKey): Promise<WalletSnapshot> => {
  const existing = await readWallet(tx, key);
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
  const created = await readWallet(tx, key);
  if (!created) throw new NotFoundError("Customer");
  return created;
};

export type OpenCredit = ConsumableCredit & { reason: string };

/** A customer's unexpired-or-not credits that still hold something, for planConsumption. */
export const openCredits = (tx: Tx, walletId: string): Promise<OpenCredit[]> =>
  tx.$queryRaw`
    SELECT "id", "remainingMinor", "priority", "expiresAt", "createdAt", "reason"::text AS "reason"
    FROM "WalletTransaction"
    WHERE "walletId" = ${walletId} AND "type" = 'credit' AND "remainingMinor" > 0`;

/** What a debit is planned from: the wallet, its open credits and an earlier debit with the same key, as of one moment. */
export type DebitSnapshot = { wallet: WalletSnapshot; credits: OpenCredit[]; earlierId: string | null };

type DebitSnapshotRow = WalletSnapshot & {
  creditId: string | null;
  remainingMinor: bigint;
  priority: number;
  expiresAt: Date | null;
  creditCreatedAt: Date;
  reason: string;
  earlierId: string | null;
};

/** One statement, so the credits are those of the wallet version read: null when there is no wallet. */
export const readDebitSnapshot = async (
  tx: Tx,
  key: WalletKey,
  idempotencyKey: string | null,
): Promise<DebitSnapshot | null> => {
  const earlier = idempotencyKey
    ? Prisma.sql`(SELECT e."id" FROM "WalletTransaction" e WHERE e."walletId" = w."id" AND e."idempotencyKey" = ${idempotencyKey})`
    : Prisma.sql`NULL::text`;
  const rows = await tx.$queryRaw<DebitSnapshotRow[]>(
    selectWallet(byCustomer(key), Prisma.empty, {
      columns: Prisma.sql`, t."id" AS "creditId", t."remainingMinor", t."priority", t."expiresAt",
        t."createdAt" AS "creditCreatedAt", t."reason"::text AS "reason", ${earlier} AS "earlierId"`,
      joins: Prisma.sql`LEFT JOIN "WalletTransaction" t
        ON t."walletId" = w."id" AND t."type" = 'credit' AND t."remainingMinor" > 0`,
    }),
  );
  const first = rows[0];
  if (!first) return null;
  const wallet: WalletSnapshot = {
    id: first.id,
    customerId: first.customerId,
    currency: first.currency,
    balanceMinor: first.balanceMinor,
    createdAt: first.createdAt,
    version: first.version,
    organizationId: first.organizationId,
    customerName: first.customerName,
    locale: first.locale,
    timeZone: first.timeZone,
  };
  const credits = rows.flatMap((row): OpenCredit[] =>
    row.creditId === null
      ? []
      : [
          {
            id: row.creditId,
            remainingMinor: row.remainingMinor,
            priority: row.priority,
            expiresAt: row.expiresAt,
            createdAt: row.creditCreatedAt,
            reason: row.reason,
          },
        ],
  );
  return { wallet, credits, earlierId: first.earlierId };
};

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
const auditPart = (
  wallet: LockedWallet,
  audit: PostingAudit | null,
  source: "credit" | "debit",
  changes: (json: Prisma.Sql) => Prisma.Sql = (json) => json,
) => {
  if (!audit) return Prisma.empty;
  const actor = walletAuditActor(audit.actor);
  const json = audit.changes === undefined ? null : JSON.stringify(audit.changes);
  return Prisma.sql`,
    audited AS (
      INSERT INTO "AuditEntry" ("id", "organizationId", "actorUserId", "actorType", "actorLabel", "action",
        "entityType", "entityId", "summary", "reason", "changes")
      SELECT ${newId("auditEntry")}, ${wallet.organizationId}, ${actor.type === "user" ? actor.userId : null},
        ${actor.type}, ${actor.label}, ${audit.action}, 'customer', ${wallet.customerId}, ${audit.summary},
        ${audit.reason ?? null}, ${changes(Prisma.sql`${json}::jsonb`)}
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
  /** The entry's changes get balanceMinor { from, to } from the statement, which alone knows them. */
  audit?: (draft: { transactionId: string }) => PostingAudit;
};

export type PostedCredit = { transactionId: string; duplicate: boolean; balanceAfterMinor: bigint };

// The wallet row a posting locks in its own statement, and, with a version, only if it is still
// the row the posting was planned from (READ COMMITTED re-checks the condition on the row's newest
// version once the lock is granted, and returns that version). Every other part of the statement
// writes only through it.
const lockedPart = (wallet: LockedWallet, version: string | null) =>
  Prisma.sql`guard AS (
      SELECT "id", "balanceMinor" FROM "Wallet"
      WHERE "id" = ${wallet.id} ${version === null ? Prisma.empty : Prisma.sql`AND xmin = ${version}::xid`}
      FOR UPDATE
    )`;

const writeCredit = async (tx: Tx, posting: CreditPosting, version: string | null): Promise<PostedCredit | null> => {
  const { wallet, amountMinor } = posting;
  const transactionId = newId("walletTransaction");
  const audit = posting.audit?.({ transactionId }) ?? null;
  const withBalance = (json: Prisma.Sql) => Prisma.sql`jsonb_set(COALESCE(${json}, '{}'::jsonb), '{balanceMinor}',
    jsonb_build_object('from', (credit."balanceAfterMinor" - ${amountMinor}::bigint)::text,
                       'to', credit."balanceAfterMinor"::text))`;
  // ON CONFLICT is the idempotency key's last word (it waits for a concurrent insert of the key).
  const [result] = await tx.$queryRaw<{ current: boolean; balanceAfterMinor: bigint | null }[]>`
    WITH ${lockedPart(wallet, version)},
    credit AS (
      INSERT INTO "WalletTransaction" ("id", "walletId", "type", "reason", "amountMinor", "remainingMinor",
        "balanceAfterMinor", "expiresAt", "priority", "idempotencyKey", "memo", "invoiceId", "creditNoteId",
        "actorUserId", "createdAt")
      SELECT ${transactionId}, guard."id", 'credit', ${posting.reason}::"WalletTransactionReason",
        ${amountMinor}::bigint, ${posting.remainingMinor}::bigint, guard."balanceMinor" + ${amountMinor}::bigint,
        ${posting.expiresAt ?? null}::timestamptz, ${posting.priority ?? DEFAULT_CREDIT_PRIORITY}::int,
        ${posting.idempotencyKey ?? null}, ${posting.memo ?? null}, ${posting.invoiceId ?? null},
        ${posting.creditNoteId ?? null}, ${posting.actorUserId ?? null}, clock_timestamp()
      FROM guard
      ON CONFLICT ("walletId", "idempotencyKey") DO NOTHING
      RETURNING "id", "balanceAfterMinor"
    )${auditPart(wallet, audit, "credit", withBalance)},
    moved AS (
      UPDATE "Wallet" w SET "balanceMinor" = credit."balanceAfterMinor" FROM credit WHERE w."id" = ${wallet.id}
    )
    SELECT EXISTS (SELECT 1 FROM guard) AS "current", (SELECT "balanceAfterMinor" FROM credit) AS "balanceAfterMinor"`;
  if (!result?.current) return null;
  if (result.balanceAfterMinor !== null) {
    wallet.balanceMinor = result.balanceAfterMinor;
    return { transactionId, duplicate: false, balanceAfterMinor: result.balanceAfterMinor };
  }
  // Locked and not written: only the idempotency key's conflict does that.
  if (!posting.idempotencyKey) throw new Error(`Credit to wallet ${wallet.id} written nowhere`);
  const earlier = await tx.walletTransaction.findUniqueOrThrow({
    where: { walletId_idempotencyKey: { walletId: wallet.id, idempotencyKey: posting.idempotencyKey } },
    select: { id: true },
  });
  return { transactionId: earlier.id, duplicate: true, balanceAfterMinor: wallet.balanceMinor };
};

/**
 * Appends a credit to a wallet the caller has locked, raises the balance and writes its audit
 * entry, in one statement. With an idempotency key the wallet already holds, nothing is written
 * and the earlier transaction's id comes back as a duplicate.
 */
export const postCredit = async (tx: Tx, posting: CreditPosting): Promise<PostedCredit> =>
  (await writeCredit(tx, posting, null)) ?? lostLock(posting.wallet);

/**
 * postCredit for a wallet read without a lock: null, and nothing written, if another posting moved
 * it since. (Each posting's id is made after the read it is planned from, so when it is written,
 * ids still sort in the ledger's order.)
 */
export const postCreditIfCurrent = (tx: Tx, posting: CreditPosting & { wallet: WalletSnapshot }) =>
  writeCredit(tx, posting, posting.wallet.version);

const lostLock = (wallet: LockedWallet): never => {
  throw new Error(`Wallet ${wallet.id} was not found under its lock`);
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

const writeDebit = async (tx: Tx, posting: DebitPosting, version: string | null): Promise<PostedDebit | null> => {
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
  const [result] = await tx.$queryRaw<{ written: boolean }[]>`
    WITH ${lockedPart(wallet, version)},
    parts ("id", "creditId", "amountMinor") AS (VALUES ${parts}),
    debit AS (
      INSERT INTO "WalletTransaction" ("id", "walletId", "type", "reason", "amountMinor", "balanceAfterMinor",
        "idempotencyKey", "memo", "invoiceId", "creditNoteId", "actorUserId", "expiredCreditId", "createdAt")
      SELECT ${transactionId}, guard."id", 'debit', ${posting.reason}::"WalletTransactionReason",
        ${amountMinor}::bigint, ${balanceAfterMinor}::bigint, ${posting.idempotencyKey ?? null}, ${posting.memo ?? null},
        ${posting.invoiceId ?? null}, ${posting.creditNoteId ?? null}, ${posting.actorUserId ?? null},
        ${posting.expiredCreditId ?? null}, clock_timestamp()
      FROM guard
      RETURNING "id"
    ),
    allocations AS (
      INSERT INTO "WalletAllocation" ("id", "debitId", "creditId", "amountMinor", "createdAt")
      SELECT parts."id", debit."id", parts."creditId", parts."amountMinor", clock_timestamp() FROM parts, debit
    ),
    consumed AS (
      UPDATE "WalletTransaction" t SET "remainingMinor" = t."remainingMinor" - parts."amountMinor"
      FROM parts, debit WHERE t."id" = parts."creditId" AND t."walletId" = ${wallet.id} AND t."type" = 'credit'
    )${auditPart(wallet, audit, "debit")},
    moved AS (
      UPDATE "Wallet" SET "balanceMinor" = ${balanceAfterMinor}::bigint
      WHERE "id" = ${wallet.id} AND EXISTS (SELECT 1 FROM debit)
    )
    SELECT EXISTS (SELECT 1 FROM debit) AS "written"`;
  if (!result?.written) return null;
  wallet.balanceMinor = balanceAfterMinor;
  return { transactionId, allocations, balanceAfterMinor };
};

/**
 * Appends a debit to a wallet the caller has locked: its allocations, the credits' new remainders,
 * the balance and the audit entry, in one statement. The CHECK on remainingMinor refuses a
 * consumption larger than a credit holds, and the one on the balance refuses an overdraw, should a
 * caller ever get the plan wrong.
 */
export const postDebit = async (tx: Tx, posting: DebitPosting): Promise<PostedDebit> =>
  (await writeDebit(tx, posting, null)) ?? lostLock(posting.wallet);

/** postDebit for a wallet read without a lock: null, and nothing written, if it moved since. */
export const postDebitIfCurrent = (tx: Tx, posting: DebitPosting & { wallet: WalletSnapshot }) =>
  writeDebit(tx, posting, posting.wallet.version);

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
