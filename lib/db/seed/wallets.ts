// Prepaid, promotional and goodwill credit: each wallet's ledger replayed in time order, with credits,
// expiries and invoice drawdowns allocated to the credits they consume.
import type { Prisma } from "@/lib/db/generated/client";
import type { WalletTransactionReason } from "@/lib/db/generated/enums";
import { newId } from "@/lib/ids";
import type { CurrencyCode } from "@/lib/money";
import { auditRow, money, words, type AuditSeed } from "./audit";
import { addDays, byTime, type Clock } from "./clock";
import type { CustomerKey } from "./fixtures";
import type { WalletApplication } from "./invoices";
import { lesserMinor } from "./ledger";
import type { DemoRows, Ids } from "./rows";

type WalletCreditSeed = {
  reason: WalletTransactionReason;
  amountMinor: bigint;
  at: Date;
  expiresAt?: Date;
  priority: number;
  idempotencyKey?: string;
  memo: string;
};

type WalletSeed = { customer: CustomerKey; currency: CurrencyCode; credits: WalletCreditSeed[] };

export const walletSeeds = (clock: Clock): WalletSeed[] => [
  {
    customer: "acme",
    currency: "USD",
    credits: [
      {
        reason: "free_trial",
        amountMinor: 5000n,
        at: clock.ago(100, "10:00"),
        expiresAt: clock.ago(70, "00:00"),
        priority: 10,
        memo: "Trial credit",
      },
      {
        reason: "purchased",
        amountMinor: 50000n, // $500.00
        at: clock.ago(60, "15:45"),
        priority: 100,
        idempotencyKey: "acme-topup-0001",
        memo: "Prepaid credit, paid by bank transfer ACME-REMIT-75530",
      },
      {
        reason: "promotional",
        amountMinor: 20000n, // $200.00
        at: clock.ago(40, "12:00"),
        expiresAt: addDays(clock.now, 20),
        priority: 50,
        memo: "Growth plan launch promotion",
      },
      {
        reason: "goodwill",
        amountMinor: 15000n,
        at: clock.ago(15, "17:10"),
        priority: 50,
        memo: "Goodwill for the delayed SSO rollout",
      }, // $150.00
    ],
  },
  {
    customer: "seaChannel",
    currency: "SGD",
    credits: [
      {
        reason: "purchased",
        amountMinor: 100000n, // S$1,000.00
        at: clock.ago(20, "11:30"),
        priority: 100,
        idempotencyKey: "scp-topup-0001",
        memo: "Prepaid partner credit",
      },
    ],
  },
];

type LiveCredit = { row: Prisma.WalletTransactionCreateManyInput; seed: WalletCreditSeed; remaining: bigint };

/** Replays each wallet's ledger in time order: credits, expiries and invoice drawdowns. */
export const buildWallets = ({
  seeds,
  applications,
  ids,
  clock,
}: {
  seeds: WalletSeed[];
  applications: WalletApplication[];
  ids: Ids;
  clock: Clock;
}): Pick<DemoRows, "wallets" | "walletTransactions" | "walletAllocations" | "auditEntries"> => {
  const out: Pick<DemoRows, "wallets" | "walletTransactions" | "walletAllocations" | "auditEntries"> = {
    wallets: [],
    walletTransactions: [],
    walletAllocations: [],
    auditEntries: [],
  };
  for (const seed of seeds) {
    const walletId = newId("wallet");
    const audit = (entry: Omit<AuditSeed, "entityType" | "entityId">) =>
      out.auditEntries.push(auditRow({ ...entry, entityType: "customer", entityId: ids.customers[seed.customer] }));
    type LedgerEvent =
      | { at: Date; kind: "credit"; credit: WalletCreditSeed }
      | { at: Date; kind: "expiry"; credit: WalletCreditSeed }
      | { at: Date; kind: "invoice"; application: WalletApplication };
    const events: LedgerEvent[] = [
      ...seed.credits.map((credit) => ({ at: credit.at, kind: "credit" as const, credit })),
      ...seed.credits
        .filter((credit) => credit.expiresAt && credit.expiresAt <= clock.now)
        .map((credit) => ({ at: credit.expiresAt!, kind: "expiry" as const, credit })),
      ...applications
        .filter((application) => application.customer === seed.customer && application.currency === seed.currency)
        .map((application) => ({ at: application.at, kind: "invoice" as const, application })),
    ].sort(byTime);

    let balance = 0n;
    const live: LiveCredit[] = [];
    const debit = ({
      at,
      amountMinor,
      reason,
      from,
      extra,
    }: {
      at: Date;
      amountMinor: bigint;
      reason: WalletTransactionReason;
      from: LiveCredit[];
      extra: Partial<Prisma.WalletTransactionCreateManyInput>;
    }) => {
      balance -= amountMinor;
      const debitId = newId("walletTransaction");
      out.walletTransactions.push({
        id: debitId,
        walletId,
        type: "debit",
        reason,
        amountMinor,
        balanceAfterMinor: balance,
        createdAt: at,
        ...extra,
      });
      let left = amountMinor;
      for (const credit of from) {
        if (left === 0n) break;
        const take = lesserMinor(credit.remaining, left);
        if (take === 0n) continue;
        credit.remaining -= take;
        left -= take;
        out.walletAllocations.push({
          id: newId("walletAllocation"),
          debitId,
          creditId: credit.row.id,
          amountMinor: take,
          createdAt: at,
        });
      }
      if (left !== 0n) throw new Error(`Demo wallet for ${seed.customer} would be overdrawn`);
    };

    for (const event of events) {
      switch (event.kind) {
        case "credit": {
          balance += event.credit.amountMinor;
          const row: Prisma.WalletTransactionCreateManyInput = {
            id: newId("walletTransaction"),
            walletId,
            type: "credit",
            reason: event.credit.reason,
            amountMinor: event.credit.amountMinor,
            remainingMinor: event.credit.amountMinor,
            balanceAfterMinor: balance,
            expiresAt: event.credit.expiresAt ?? null,
            priority: event.credit.priority,
            idempotencyKey: event.credit.idempotencyKey ?? null,
            memo: event.credit.memo,
            createdAt: event.at,
          };
          out.walletTransactions.push(row);
          live.push({ row, seed: event.credit, remaining: event.credit.amountMinor });
          audit({
            at: event.at,
            action: "wallet.credited",
            summary: `Added ${money(event.credit.amountMinor, seed.currency)} of ${words(event.credit.reason)} credit`,
            reason: event.credit.memo,
          });
          break;
        }
        case "expiry": {
          const credit = live.find((candidate) => candidate.seed === event.credit)!;
          if (credit.remaining === 0n) break;
          const amountMinor = credit.remaining;
          debit({
            at: event.at,
            amountMinor,
            reason: "expiry",
            from: [credit],
            extra: { expiredCreditId: credit.row.id, memo: "Credit expired" },
          });
          audit({
            at: event.at,
            action: "wallet.credit_expired",
            summary: `${money(amountMinor, seed.currency)} of ${words(credit.seed.reason)} credit expired`,
          });
          break;
        }
        case "invoice": {
          // The domain's drawdown order: lowest priority first, then earliest expiry, then oldest.
          const order = live
            .filter((credit) => credit.remaining > 0n && (!credit.seed.expiresAt || credit.seed.expiresAt > event.at))
            .sort(
              (a, b) =>
                a.seed.priority - b.seed.priority ||
                (a.seed.expiresAt?.getTime() ?? Infinity) - (b.seed.expiresAt?.getTime() ?? Infinity) ||
                a.seed.at.getTime() - b.seed.at.getTime(),
            );
          const { application } = event;
          debit({
            at: event.at,
            amountMinor: application.amountMinor,
            reason: "invoice_payment",
            from: order,
            extra: { invoiceId: application.invoiceId, memo: `Applied to ${application.number}` },
          });
          audit({
            at: event.at,
            action: "wallet.debited",
            summary: `Applied ${money(application.amountMinor, seed.currency)} to ${application.number}`,
          });
          break;
        }
        default: {
          const unknown: never = event;
          throw new Error(`Unhandled wallet event ${JSON.stringify(unknown)}`);
        }
      }
    }
    // Credits were pushed with their full amount; what the debits consumed comes off now.
    for (const credit of live) credit.row.remainingMinor = credit.remaining;
    out.wallets.push({
      id: walletId,
      customerId: ids.customers[seed.customer],
      currency: seed.currency,
      balanceMinor: balance,
      createdAt: seed.credits[0]!.at,
    });
  }
  return out;
};
