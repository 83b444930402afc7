// Crediting and debiting a customer's wallet. A credit is idempotent by key; a debit first expires
// credit whose time has come, then consumes credits in the domain's order and records which ones it
// consumed, and never takes the balance below zero, however many debits race.
//
// creditWallet and debitWallet need no transaction of their own, and are as right inside a caller's
// transaction. Each reads the wallet (a debit, its credits too) without a lock, plans, and writes in
// one statement that locks the wallet and writes only if it is still the version read; if another
// posting came first, it plans again under the wallet's lock (in a transaction of its own when the
// caller has none; Prisma runs a nested one inside the caller's). So a top-up or a drawdown is two
// round trips when nothing races it. Services that hold a wallet's lock already (applying credit
// to an invoice, voids) use drawDownLocked and postCredit.
import type { Db, Tx } from "@/lib/db/client";
import type { Prisma } from "@/lib/db/generated/client";
import { UserError } from "@/lib/errors";
import { formatDateTime } from "@/lib/format/date";
import { consumableMinor, planConsumption, type ConsumableCredit, type PlannedConsumption } from "./allocation";
import { expireLockedCredit } from "./expiry";
import {
  getOrCreateWallet,
  openCredits,
  organizationLocale,
  lockWallet,
  postCreditIfCurrent,
  postDebit,
  postDebitIfCurrent,
  readDebitSnapshot,
  walletMoney,
  walletMoneyWithCode,
  type DebitPosting,
  type LockedWallet,
  type PostingAudit,
  type PostingDraft,
  type WalletActor,
  type WalletKey,
} from "./ledger";
import { CREDIT_REASONS, WALLET_REASON_LABELS, type CreditReason } from "./schemas";

export type CreditWalletInput = {
  actor: WalletActor;
  customerId: string;
  currency: string;
  amountMinor: bigint;
  /** void_refund is posted only by restoreInvoiceCredit. */
  reason: Exclude<CreditReason, "void_refund">;
  expiresAt?: Date | null;
  priority?: number;
  memo?: string | null;
  idempotencyKey?: string | null;
  invoiceId?: string | null;
  creditNoteId?: string | null;
  now?: Date;
};

export type CreditedWallet = {
  transactionId: string;
  /** True when the idempotency key was already used: nothing was credited this time. */
  duplicate: boolean;
  walletId: string;
  balanceMinor: bigint;
};

export const creditWallet = async (tx: Tx, input: CreditWalletInput): Promise<CreditedWallet> => {
  const { actor, amountMinor, reason, now = new Date() } = input;
  if (!(CREDIT_REASONS as readonly string[]).includes(reason) || reason === ("void_refund" as string)) {
    throw new Error(`Not a reason a credit can be given for: ${reason}`);
  }
  if (amountMinor <= 0n) throw new UserError("Amount must be greater than zero", { field: "amount" });
  if (input.expiresAt && input.expiresAt.getTime() <= now.getTime()) {
    throw new UserError("The expiry date must be in the future", { field: "expiresOn" });
  }
  const key = { customerId: input.customerId, currency: input.currency, organizationId: actor.organizationId };
  return onceThenLocked(tx, key, async (tx): Promise<CreditedWallet | null> => {
    const wallet = await getOrCreateWallet(tx, key);
    const expiry = input.expiresAt
      ? `, expiring ${formatDateTime(input.expiresAt, { locale: wallet.locale, timeZone: wallet.timeZone })}`
      : "";
    const posted = await postCreditIfCurrent(tx, {
      wallet,
      reason,
      amountMinor,
      remainingMinor: amountMinor,
      expiresAt: input.expiresAt ?? null,
      priority: input.priority,
      idempotencyKey: input.idempotencyKey ?? null,
      memo: input.memo ?? null,
      invoiceId: input.invoiceId ?? null,
      creditNoteId: input.creditNoteId ?? null,
      actorUserId: actor.id ?? null,
      audit: (draft) => ({
        actor,
        action: "wallet.credited",
        summary: `Added ${walletMoney(wallet, amountMinor)} of ${WALLET_REASON_LABELS[reason].toLowerCase()} credit to the ${wallet.currency} wallet${expiry}`,
        reason: input.memo ?? null,
        changes: {
          transactionId: draft.transactionId,
          reason,
          currency: wallet.currency,
          amountMinor: amountMinor.toString(),
          ...(input.creditNoteId ? { creditNoteId: input.creditNoteId } : {}),
        },
      }),
    });
    if (!posted) return null;
    return {
      transactionId: posted.transactionId,
      duplicate: posted.duplicate,
      walletId: wallet.id,
      balanceMinor: wallet.balanceMinor,
    };
  });
};

// Expiries a debit sets off are each a posting of their own; a wallet has only so many credits.
const MAX_REPLANS = 1_000;

// Wallets that another posting overtook a moment ago, and until when they are planned under their
// lock straight away: where writers queue on one wallet, an unlocked attempt would mostly be lost.
// A hint for this process only; being wrong about it costs time, never correctness.
const CONTENDED_FOR_MS = 2_000;
const contendedUntil = new Map<string, number>();

const markContended = (wallet: string, now: number) => {
  contendedUntil.delete(wallet);
  contendedUntil.set(wallet, now + CONTENDED_FOR_MS);
  if (contendedUntil.size > 1_000) contendedUntil.delete(contendedUntil.keys().next().value!);
};

/**
 * Runs a read-plan-write attempt (null: the wallet moved under it, plan again) once as it is, and,
 * if another posting came first, again under the wallet's lock until it is done: in the caller's
 * transaction, or in one of its own when the caller passed the plain client.
 */
const onceThenLocked = async <T>(
  tx: Tx,
  key: WalletKey,
  attempt: (tx: Tx, locked: boolean) => Promise<T | null>,
): Promise<T> => {
  const wallet = `${key.customerId}:${key.currency}`;
  if ((contendedUntil.get(wallet) ?? 0) <= Date.now()) {
    const first = await attempt(tx, false);
    if (first !== null) return first;
    markContended(wallet, Date.now());
  }
  const locked = async (inside: Tx): Promise<T> => {
    await lockWallet(inside, key);
    for (let plans = 0; plans < MAX_REPLANS; plans++) {
      const result = await attempt(inside, true);
      if (result !== null) return result;
    }
    throw new Error(`Wallet of ${key.customerId} in ${key.currency}: no plan held after ${MAX_REPLANS} tries`);
  };
  const client = tx as Partial<Db>;
  return typeof client.$transaction === "function" ? client.$transaction(locked) : locked(tx);
};

/** The refusal when credits cannot cover a debit, at the form's amount field. */
export const insufficientBalance = (
  wallet: Pick<LockedWallet, "locale" | "currency">,
  balance: bigint,
  amount: bigint,
) =>
  new UserError(
    `The balance is ${walletMoneyWithCode(wallet, balance)}: a debit of ${walletMoneyWithCode(wallet, amount)} would make it negative`,
    { field: "amount" },
  );

export type DrawDownInput = {
  wallet: LockedWallet;
  amountMinor: bigint;
  reason: "manual_debit" | "invoice_payment";
  actorUserId?: string | null;
  memo?: string | null;
  invoiceId?: string | null;
  idempotencyKey?: string | null;
  now: Date;
  audit?: (draft: PostingDraft) => PostingAudit;
};

/** What a debit's audit entry records: the ledger row, the balance it moved, the credits it consumed. */
export const debitChanges = ({
  draft,
  reason,
  currency,
  amountMinor,
}: {
  draft: PostingDraft;
  reason: string;
  currency: string;
  amountMinor: bigint;
}): Prisma.InputJsonObject => ({
  transactionId: draft.transactionId,
  reason,
  currency,
  amountMinor: amountMinor.toString(),
  // From the balance right before the debit, after any expiry it set off.
  balanceMinor: { from: (draft.balanceAfterMinor + amountMinor).toString(), to: draft.balanceAfterMinor.toString() },
  consumed: draft.allocations.map((part) => ({ creditId: part.creditId, amountMinor: part.amountMinor.toString() })),
});

export type DrawnDown = { transactionId: string; allocations: PlannedConsumption[]; balanceAfterMinor: bigint };

/**
 * Debits a wallet the caller has locked: credit past its expiry is expired first (it was never
 * spendable, and the balance must say so), then the credits are consumed in the domain's order.
 */
export const drawDownLocked = async (tx: Tx, input: DrawDownInput): Promise<DrawnDown> => {
  const { wallet, amountMinor, now } = input;
  if (amountMinor <= 0n) throw new UserError("Amount must be greater than zero", { field: "amount" });
  const credits = await openCredits(tx, wallet.id);
  for (const credit of credits) {
    if (credit.expiresAt === null || credit.expiresAt.getTime() > now.getTime()) continue;
    const expired = await expireLockedCredit(tx, { wallet, creditId: credit.id, now });
    if (expired) credit.remainingMinor = 0n;
  }
  return postDebit(tx, planDebit(credits, input));
};

/** The debit consuming credits in the domain's order; refused at the amount field when they cannot cover it. */
const planDebit = <W extends LockedWallet>(
  credits: readonly ConsumableCredit[],
  input: DrawDownInput & { wallet: W },
): DebitPosting & { wallet: W } => {
  const { wallet, amountMinor, now } = input;
  const available = consumableMinor(credits, now);
  if (amountMinor > available) throw insufficientBalance(wallet, available, amountMinor);
  return {
    wallet,
    reason: input.reason,
    amountMinor,
    consumption: planConsumption(credits, amountMinor, now),
    idempotencyKey: input.idempotencyKey ?? null,
    memo: input.memo ?? null,
    invoiceId: input.invoiceId ?? null,
    actorUserId: input.actorUserId ?? null,
    audit: input.audit,
  };
};

const allocationsOf = async (tx: Tx, debitId: string): Promise<PlannedConsumption[]> =>
  (
    await tx.walletAllocation.findMany({
      where: { debitId },
      orderBy: { id: "asc" },
      select: { creditId: true, amountMinor: true },
    })
  ).map((allocation) => ({ creditId: allocation.creditId, amountMinor: allocation.amountMinor }));

export type DebitWalletInput = {
  actor: WalletActor;
  customerId: string;
  currency: string;
  amountMinor: bigint;
  reason: "manual_debit" | "invoice_payment";
  memo?: string | null;
  invoiceId?: string | null;
  idempotencyKey?: string | null;
  now?: Date;
};

export type DebitedWallet = {
  transactionId: string;
  allocations: PlannedConsumption[];
  duplicate: boolean;
  walletId: string;
  balanceMinor: bigint;
};

export const debitWallet = async (tx: Tx, input: DebitWalletInput): Promise<DebitedWallet> => {
  const { actor, amountMinor, now = new Date() } = input;
  if (amountMinor <= 0n) throw new UserError("Amount must be greater than zero", { field: "amount" });
  const key = { customerId: input.customerId, currency: input.currency, organizationId: actor.organizationId };
  return onceThenLocked(tx, key, async (tx, locked): Promise<DebitedWallet | null> => {
    const snapshot = await readDebitSnapshot(tx, key, input.idempotencyKey ?? null);
    if (!snapshot) {
      // No wallet is a balance of zero; the message is the same as for an empty one.
      const locale = await organizationLocale(tx, actor.organizationId);
      throw insufficientBalance({ currency: input.currency, locale }, 0n, amountMinor);
    }
    const { wallet, credits } = snapshot;
    if (snapshot.earlierId) {
      return {
        transactionId: snapshot.earlierId,
        allocations: await allocationsOf(tx, snapshot.earlierId),
        duplicate: true,
        walletId: wallet.id,
        balanceMinor: wallet.balanceMinor,
      };
    }
    // Credit past its expiry was never spendable: it expires first (one posting, under the
    // wallet's lock, as the expiry job does it), then the debit is planned again.
    const due = credits.find((credit) => credit.expiresAt !== null && credit.expiresAt.getTime() <= now.getTime());
    if (due) {
      if (locked) await expireLockedCredit(tx, { wallet, creditId: due.id, now });
      return null;
    }
    const debit = await postDebitIfCurrent(
      tx,
      planDebit(credits, {
        wallet,
        reason: input.reason,
        amountMinor,
        now,
        idempotencyKey: input.idempotencyKey ?? null,
        memo: input.memo ?? null,
        invoiceId: input.invoiceId ?? null,
        actorUserId: actor.id ?? null,
        audit: (draft) => ({
          actor,
          action: "wallet.debited",
          summary: `Debited ${walletMoney(wallet, amountMinor)} from the ${wallet.currency} wallet`,
          reason: input.memo ?? null,
          changes: debitChanges({ draft, reason: input.reason, currency: wallet.currency, amountMinor }),
        }),
      }),
    );
    if (!debit) return null;
    return { ...debit, duplicate: false, walletId: wallet.id, balanceMinor: debit.balanceAfterMinor };
  });
};
