// Helpers for the wallet integration tests: top-ups through the real service, and the ledger
// invariants an auditor would check, read back from the database for every wallet at once.
import type { Db } from "@/lib/db/client";
import type { InvoiceActor } from "@/lib/invoices/service/shared";
import { creditWallet, type CreditWalletInput } from "@/lib/wallets/service";

export const DAY_MS = 24 * 60 * 60 * 1000;

export const credit = (
  db: Db,
  actor: InvoiceActor,
  values: Omit<CreditWalletInput, "actor" | "currency" | "reason"> &
    Partial<Pick<CreditWalletInput, "currency" | "reason">>,
) => db.$transaction((tx) => creditWallet(tx, { currency: "USD", reason: "purchased", ...values, actor }));

/** Every violation of the ledger's invariants, in words; an empty list is a healthy ledger. */
export const ledgerViolations = async (db: Db, walletIds?: string[]): Promise<string[]> => {
  const scope = walletIds ? walletIds : (await db.wallet.findMany({ select: { id: true } })).map((w) => w.id);
  if (scope.length === 0) return [];
  const violations: string[] = [];
  const say = (rows: Record<string, unknown>[], what: string) => {
    for (const row of rows)
      violations.push(`${what}: ${JSON.stringify(row, (_k, v) => (typeof v === "bigint" ? v.toString() : v))}`);
  };

  // The cached balance, the ledger's sum, the latest balance-after and the credits' remainders agree.
  say(
    await db.$queryRaw`
      SELECT w."id", w."balanceMinor",
        COALESCE((SELECT SUM(CASE WHEN t."type" = 'credit' THEN t."amountMinor" ELSE -t."amountMinor" END)
                  FROM "WalletTransaction" t WHERE t."walletId" = w."id"), 0)::bigint AS "ledgerSum",
        COALESCE((SELECT SUM(t."remainingMinor") FROM "WalletTransaction" t
                  WHERE t."walletId" = w."id" AND t."type" = 'credit'), 0)::bigint AS "remaining",
        (SELECT t."balanceAfterMinor" FROM "WalletTransaction" t WHERE t."walletId" = w."id"
         ORDER BY t."createdAt" DESC, t."id" DESC LIMIT 1) AS "latest"
      FROM "Wallet" w WHERE w."id" = ANY(${scope}::text[])
        AND NOT (w."balanceMinor" = COALESCE((SELECT SUM(CASE WHEN t."type" = 'credit' THEN t."amountMinor" ELSE -t."amountMinor" END)
                  FROM "WalletTransaction" t WHERE t."walletId" = w."id"), 0)
          AND w."balanceMinor" = COALESCE((SELECT SUM(t."remainingMinor") FROM "WalletTransaction" t
                  WHERE t."walletId" = w."id" AND t."type" = 'credit'), 0)
          AND w."balanceMinor" = COALESCE((SELECT t."balanceAfterMinor" FROM "WalletTransaction" t WHERE t."walletId" = w."id"
                  ORDER BY t."createdAt" DESC, t."id" DESC LIMIT 1), 0))`,
    "balance, ledger sum, remainders and latest balance-after disagree",
  );

  // Every row's balance-after is the running sum of the ledger up to it, in ledger order.
  say(
    await db.$queryRaw`
      SELECT "id", "walletId", "balanceAfterMinor", running FROM (
        SELECT t."id", t."walletId", t."balanceAfterMinor",
          SUM(CASE WHEN t."type" = 'credit' THEN t."amountMinor" ELSE -t."amountMinor" END)
            OVER (PARTITION BY t."walletId" ORDER BY t."createdAt", t."id") AS running
        FROM "WalletTransaction" t WHERE t."walletId" = ANY(${scope}::text[])) s
      WHERE s."balanceAfterMinor" <> s.running`,
    "balance-after is not the running sum",
  );

  // A credit's remainder is never negative nor above its amount, and is what its live consumptions left.
  say(
    await db.$queryRaw`
      SELECT c."id", c."reason"::text, c."amountMinor", c."remainingMinor",
        COALESCE((SELECT SUM(a."amountMinor") FROM "WalletAllocation" a
                  WHERE a."creditId" = c."id" AND a."reversedAt" IS NULL), 0)::bigint AS consumed
      FROM "WalletTransaction" c
      WHERE c."walletId" = ANY(${scope}::text[]) AND c."type" = 'credit'
        AND (c."remainingMinor" IS NULL OR c."remainingMinor" < 0 OR c."remainingMinor" > c."amountMinor"
          OR (c."reason" = 'void_refund' AND c."remainingMinor" <> 0)
          OR (c."reason" <> 'void_refund' AND c."amountMinor" - c."remainingMinor" <>
              COALESCE((SELECT SUM(a."amountMinor") FROM "WalletAllocation" a
                        WHERE a."creditId" = c."id" AND a."reversedAt" IS NULL), 0)))`,
    "credit remainder out of bounds or not what its consumptions left",
  );

  // A debit's consumptions add up to it, from credits of its own wallet; expiries and reversals
  // consume exactly one credit.
  say(
    await db.$queryRaw`
      SELECT d."id", d."reason"::text, d."amountMinor",
        COALESCE(SUM(a."amountMinor"), 0)::bigint AS allocated, COUNT(a."id")::int AS parts,
        COUNT(*) FILTER (WHERE c."walletId" <> d."walletId" OR c."type" <> 'credit')::int AS foreign
      FROM "WalletTransaction" d
      LEFT JOIN "WalletAllocation" a ON a."debitId" = d."id"
      LEFT JOIN "WalletTransaction" c ON c."id" = a."creditId"
      WHERE d."walletId" = ANY(${scope}::text[]) AND d."type" = 'debit'
      GROUP BY d."id"
      HAVING COALESCE(SUM(a."amountMinor"), 0) <> d."amountMinor"
        OR COUNT(*) FILTER (WHERE c."walletId" <> d."walletId" OR c."type" <> 'credit') > 0
        OR (d."reason" IN ('expiry', 'void_reversal') AND COUNT(a."id") <> 1)`,
    "debit consumptions do not add up to it",
  );

  // Only a voided invoice's payments are reversed, wholly, and its void refunds match them.
  say(
    await db.$queryRaw`
      SELECT d."id", d."reason"::text, i."status"::text AS "invoiceStatus",
        COUNT(*) FILTER (WHERE a."reversedAt" IS NOT NULL)::int AS reversed, COUNT(*)::int AS parts
      FROM "WalletTransaction" d
      JOIN "WalletAllocation" a ON a."debitId" = d."id"
      LEFT JOIN "Invoice" i ON i."id" = d."invoiceId"
      WHERE d."walletId" = ANY(${scope}::text[]) AND d."type" = 'debit'
      GROUP BY d."id", i."status"
      HAVING COUNT(*) FILTER (WHERE a."reversedAt" IS NOT NULL) > 0
        AND (d."reason" <> 'invoice_payment' OR i."status" IS DISTINCT FROM 'void'
          OR COUNT(*) FILTER (WHERE a."reversedAt" IS NOT NULL) <> COUNT(*))`,
    "allocation reversed outside a voided invoice's payment",
  );
  say(
    await db.$queryRaw`
      SELECT d."walletId", d."invoiceId",
        SUM(a."amountMinor")::bigint AS reversed,
        (SELECT COALESCE(SUM(r."amountMinor"), 0) FROM "WalletTransaction" r
         WHERE r."walletId" = d."walletId" AND r."invoiceId" = d."invoiceId" AND r."reason" = 'void_refund')::bigint AS refunded
      FROM "WalletTransaction" d JOIN "WalletAllocation" a ON a."debitId" = d."id" AND a."reversedAt" IS NOT NULL
      WHERE d."walletId" = ANY(${scope}::text[])
      GROUP BY d."walletId", d."invoiceId"
      HAVING SUM(a."amountMinor") <> (SELECT COALESCE(SUM(r."amountMinor"), 0) FROM "WalletTransaction" r
         WHERE r."walletId" = d."walletId" AND r."invoiceId" = d."invoiceId" AND r."reason" = 'void_refund')`,
    "void refunds do not match the reversed consumptions",
  );
  return violations;
};

/** The amount each payment method put on an invoice, and the invoice's own wallet bookkeeping. */
export const invoiceWalletState = async (db: Db, invoiceId: string) => {
  const invoice = await db.invoice.findUniqueOrThrow({
    where: { id: invoiceId },
    select: {
      status: true,
      paymentStatus: true,
      totalMinor: true,
      walletAppliedMinor: true,
      paidMinor: true,
      amountDueMinor: true,
    },
  });
  const debits = await db.walletTransaction.aggregate({
    where: { invoiceId, type: "debit", reason: "invoice_payment" },
    _sum: { amountMinor: true },
  });
  return { ...invoice, walletDebitedMinor: debits._sum.amountMinor ?? 0n };
};
