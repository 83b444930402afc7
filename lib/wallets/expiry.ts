// Credit expiry: a credit whose expiry has come loses what is left of it through an expiry debit (a
// ledger row, never a delete), exactly once even when two app processes run the job together: the
// wallet row is locked first, the credit row is then claimed with SKIP LOCKED and re-read, and the
// unique expiredCreditId refuses a second expiry debit as the last guard.
import type { Db, Tx } from "@/lib/db/client";
import { log } from "@/lib/log";
import { lockWalletById, postDebit, walletMoney, type LockedWallet, type WalletActor } from "./ledger";
import { WALLET_REASON_LABELS } from "./schemas";

export type ExpiredCredit = { transactionId: string; creditId: string; amountMinor: bigint };

/** Who expires credit: nobody in particular, so the audit trail says what did it. */
export const expiryActor = (organizationId: string): WalletActor => ({ organizationId, label: "Automatic expiry" });

/**
 * Expires one credit of a wallet the caller has locked, if its expiry is at or before `now` and it
 * still holds something; null otherwise (already expired, used up, or claimed by another process).
 */
export const expireLockedCredit = async (
  tx: Tx,
  { wallet, creditId, now }: { wallet: LockedWallet; creditId: string; now: Date },
): Promise<ExpiredCredit | null> => {
  const claimed = await tx.$queryRaw<{ id: string; remainingMinor: bigint; reason: string; expired: boolean }[]>`
    SELECT t."id", t."remainingMinor", t."reason"::text AS "reason",
           EXISTS (SELECT 1 FROM "WalletTransaction" e WHERE e."expiredCreditId" = t."id") AS "expired"
    FROM "WalletTransaction" t
    WHERE t."id" = ${creditId} AND t."walletId" = ${wallet.id} AND t."type" = 'credit'
      AND t."expiresAt" <= ${now}::timestamptz AND t."remainingMinor" > 0
    FOR UPDATE OF t SKIP LOCKED`;
  const credit = claimed[0];
  if (!credit) return null;
  const amountMinor = credit.remainingMinor;
  const reasonLabel = WALLET_REASON_LABELS[credit.reason as keyof typeof WALLET_REASON_LABELS] ?? credit.reason;
  const posted = await postDebit(tx, {
    wallet,
    reason: "expiry",
    amountMinor,
    consumption: [{ creditId, amountMinor }],
    memo: "Credit expired",
    // A credit expires once; only credit a void gave back after that expiry needs a second
    // expiry debit, which cannot carry the (unique) link and is tied to it by its allocation.
    expiredCreditId: credit.expired ? null : creditId,
    audit: (draft) => ({
      actor: expiryActor(wallet.organizationId),
      action: "wallet.credit_expired",
      summary: `${walletMoney(wallet, amountMinor)} of ${reasonLabel.toLowerCase()} credit expired`,
      changes: {
        transactionId: draft.transactionId,
        creditId,
        currency: wallet.currency,
        amountMinor: amountMinor.toString(),
        balanceMinor: {
          from: (draft.balanceAfterMinor + amountMinor).toString(),
          to: draft.balanceAfterMinor.toString(),
        },
      },
    }),
  });
  return { transactionId: posted.transactionId, creditId, amountMinor };
};

/** Expires one credit (locking its wallet first), if it is due at `now`. */
export const expireCredit = async (
  tx: Tx,
  { creditId, now = new Date() }: { creditId: string; now?: Date },
): Promise<ExpiredCredit | null> => {
  const credit = await tx.walletTransaction.findUnique({ where: { id: creditId }, select: { walletId: true } });
  if (!credit) return null;
  const wallet = await lockWalletById(tx, credit.walletId);
  return expireLockedCredit(tx, { wallet, creditId, now });
};

/**
 * The job's work: expires up to `limit` due credits, each in its own transaction (one wallet's
 * lock is held only for its own credit). Returns how many this call expired; credits another
 * process expired meanwhile are skipped, not counted.
 */
export const expireDueCredits = async ({
  db,
  now = new Date(),
  limit = 500,
}: {
  db: Db;
  now?: Date;
  limit?: number;
}): Promise<number> => {
  const due = await db.$queryRaw<{ id: string }[]>`
    SELECT "id" FROM "WalletTransaction"
    WHERE "type" = 'credit' AND "expiresAt" <= ${now}::timestamptz AND "remainingMinor" > 0
    ORDER BY "expiresAt", "id"
    LIMIT ${limit}`;
  let expired = 0;
  for (const { id } of due) {
    try {
      if (await db.$transaction((tx) => expireCredit(tx, { creditId: id, now }))) expired += 1;
    } catch (error) {
      // One credit's failure must not keep the others from expiring; the next run retries it.
      log.error("wallet credit expiry failed", { creditId: id, error });
    }
  }
  return expired;
};
