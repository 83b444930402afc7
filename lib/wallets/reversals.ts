// Undoing wallet movements when the document behind them is voided. A voided invoice gives its
// consumption back to the very credits it came from (so "paid or free credit?" keeps its answer),
// and a voided credit note takes back the refund credit it put in the wallet, if it is unspent.
import { recordAudit } from "@/lib/audit/record";
import type { Tx } from "@/lib/db/client";
import { Prisma } from "@/lib/db/generated/client";
import { NotFoundError, UserError } from "@/lib/errors";
import { INVOICE_ENTITY } from "@/lib/invoices/service/shared";
import { expireLockedCredit, type ExpiredCredit } from "./expiry";
import { lockWalletById, postCredit, postDebit, walletAuditActor, walletMoney, type WalletActor } from "./ledger";

export type RestoredCredit = {
  /** What went back to the credits, over every wallet the invoice drew on. */
  restoredMinor: bigint;
  /** The void_refund credit posted per wallet. */
  transactionIds: string[];
  /** Restored credit whose expiry had passed, expired at once. */
  expired: ExpiredCredit[];
};

type OpenAllocation = { id: string; creditId: string; amountMinor: bigint; expiresAt: Date | null };

/**
 * Called by voidInvoice, under the invoice's lock, in the same transaction. Each consumption of the
 * invoice's wallet debits is marked reversed and added back to its credit; one void_refund credit
 * per wallet (remaining 0: its credits regained the amount) raises the ledger's sum by exactly
 * that; restored credit past its expiry then expires at once.
 */
export const restoreInvoiceCredit = async (
  tx: Tx,
  { actor, invoiceId, now = new Date() }: { actor: WalletActor; invoiceId: string; now?: Date },
): Promise<RestoredCredit> => {
  const result: RestoredCredit = { restoredMinor: 0n, transactionIds: [], expired: [] };
  const debits = await tx.walletTransaction.findMany({
    where: { invoiceId, type: "debit", reason: "invoice_payment" },
    select: { id: true, walletId: true },
    orderBy: { id: "asc" },
  });
  const walletIds = [...new Set(debits.map((debit) => debit.walletId))].sort();
  const invoice = await tx.invoice.findUniqueOrThrow({ where: { id: invoiceId }, select: { number: true } });
  const number = invoice.number ?? invoiceId;

  for (const walletId of walletIds) {
    const wallet = await lockWalletById(tx, walletId);
    if (wallet.organizationId !== actor.organizationId) throw new NotFoundError("Invoice");
    const debitIds = debits.filter((debit) => debit.walletId === walletId).map((debit) => debit.id);
    const open = await tx.$queryRaw<OpenAllocation[]>`
      SELECT a."id", a."creditId", a."amountMinor", c."expiresAt"
      FROM "WalletAllocation" a JOIN "WalletTransaction" c ON c."id" = a."creditId"
      WHERE a."debitId" IN (${Prisma.join(debitIds)}) AND a."reversedAt" IS NULL
      ORDER BY a."id"`;
    const restoredMinor = open.reduce((sum, allocation) => sum + allocation.amountMinor, 0n);
    if (restoredMinor === 0n) continue;

    // A credit consumed by two of the invoice's debits regains both parts in one update.
    await tx.$executeRaw`
      WITH reversed AS (
        UPDATE "WalletAllocation" SET "reversedAt" = ${now}::timestamptz
        WHERE "id" IN (${Prisma.join(open.map((allocation) => allocation.id))})
        RETURNING "creditId", "amountMinor"
      )
      UPDATE "WalletTransaction" t SET "remainingMinor" = t."remainingMinor" + regained."amountMinor"
      FROM (SELECT "creditId", SUM("amountMinor")::bigint AS "amountMinor" FROM reversed GROUP BY "creditId") regained
      WHERE t."id" = regained."creditId"`;
    const before = wallet.balanceMinor;
    const money = (minor: bigint) => walletMoney(wallet, minor);
    // The wallet's entry gets its balanceMinor from the posting; the invoice's is given it here.
    const changesOf = (transactionId: string) => ({
      transactionId,
      invoiceId,
      currency: wallet.currency,
      amountMinor: restoredMinor.toString(),
      restored: open.map((allocation) => ({
        allocationId: allocation.id,
        creditId: allocation.creditId,
        amountMinor: allocation.amountMinor.toString(),
      })),
    });
    const refund = await postCredit(tx, {
      wallet,
      reason: "void_refund",
      amountMinor: restoredMinor,
      remainingMinor: 0n,
      memo: `${number} voided: credit given back to the credits it used`,
      invoiceId,
      actorUserId: actor.id ?? null,
      audit: (draft) => ({
        actor,
        action: "wallet.credit_restored",
        summary: `${number} was voided: ${money(restoredMinor)} of ${wallet.currency} wallet credit given back`,
        changes: changesOf(draft.transactionId),
      }),
    });
    const changes = {
      ...changesOf(refund.transactionId),
      balanceMinor: { from: before.toString(), to: refund.balanceAfterMinor.toString() },
    };
    await recordAudit(tx, {
      organizationId: wallet.organizationId,
      actor: walletAuditActor(actor),
      action: "invoice.wallet_credit_restored",
      entityType: INVOICE_ENTITY,
      entityId: invoiceId,
      summary: `Gave ${money(restoredMinor)} of wallet credit back to the customer's wallet`,
      changes,
    });
    result.restoredMinor += restoredMinor;
    result.transactionIds.push(refund.transactionId);

    const lapsed = new Set(
      open
        .filter((allocation) => allocation.expiresAt !== null && allocation.expiresAt.getTime() <= now.getTime())
        .map((allocation) => allocation.creditId),
    );
    for (const creditId of [...lapsed].sort()) {
      const expired = await expireLockedCredit(tx, { wallet, creditId, now });
      if (expired) result.expired.push(expired);
    }
  }
  return result;
};

export type ReversedCreditNoteCredit = { transactionId: string; amountMinor: bigint; duplicate: boolean };

/**
 * Called by voidCreditNote in its transaction: takes back the refund credit the credit note put in
 * the wallet, through a void_reversal debit consuming exactly that credit. Refused once any of it
 * was spent (or expired): the customer has had the benefit. Null when the note credited no wallet.
 */
export const reverseCreditNoteWalletCredit = async (
  tx: Tx,
  { actor, creditNoteId }: { actor: WalletActor; creditNoteId: string },
): Promise<ReversedCreditNoteCredit | null> => {
  const credit = await tx.walletTransaction.findFirst({
    where: { creditNoteId, type: "credit", reason: "refund" },
    select: { id: true, walletId: true },
  });
  if (!credit) return null;
  const wallet = await lockWalletById(tx, credit.walletId);
  if (wallet.organizationId !== actor.organizationId) throw new NotFoundError("Credit note");
  const earlier = await tx.walletTransaction.findFirst({
    where: { creditNoteId, type: "debit", reason: "void_reversal" },
    select: { id: true, amountMinor: true },
  });
  if (earlier) return { transactionId: earlier.id, amountMinor: earlier.amountMinor, duplicate: true };

  const [row] = await tx.$queryRaw<{ amountMinor: bigint; remainingMinor: bigint }[]>`
    SELECT "amountMinor", "remainingMinor" FROM "WalletTransaction" WHERE "id" = ${credit.id} FOR UPDATE`;
  if (!row) throw new NotFoundError("Wallet credit");
  const money = (minor: bigint) => walletMoney(wallet, minor);
  if (row.remainingMinor < row.amountMinor) {
    const used = row.amountMinor - row.remainingMinor;
    throw new UserError(
      `${money(used)} of the ${money(row.amountMinor)} this credit note put in the customer's wallet has already been used, so it cannot be voided`,
    );
  }
  const creditNote = await tx.creditNote.findUnique({ where: { id: creditNoteId }, select: { number: true } });
  const posted = await postDebit(tx, {
    wallet,
    reason: "void_reversal",
    amountMinor: row.amountMinor,
    consumption: [{ creditId: credit.id, amountMinor: row.amountMinor }],
    memo: "Credit note voided: its refund credit taken back",
    creditNoteId,
    actorUserId: actor.id ?? null,
    audit: (draft) => ({
      actor,
      action: "wallet.credit_reversed",
      summary: `Took back ${money(row.amountMinor)} of refund credit: credit note ${creditNote?.number ?? creditNoteId} was voided`,
      changes: {
        transactionId: draft.transactionId,
        creditId: credit.id,
        creditNoteId,
        currency: wallet.currency,
        amountMinor: row.amountMinor.toString(),
        balanceMinor: {
          from: (draft.balanceAfterMinor + row.amountMinor).toString(),
          to: draft.balanceAfterMinor.toString(),
        },
      },
    }),
  });
  return { transactionId: posted.transactionId, amountMinor: row.amountMinor, duplicate: false };
};
