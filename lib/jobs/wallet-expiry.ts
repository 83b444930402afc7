// The wallet-expiry job: every minute, expire the credits whose time has come. pg-boss schedules
// one job per minute across every app process and hands it to one worker; expireDueCredits is
// itself safe to run twice at once, so an overlap (or a retry) never expires a credit twice.
import type PgBoss from "pg-boss";
import type { Db } from "@/lib/db/client";
import { log } from "@/lib/log";
import { expireDueCredits } from "@/lib/wallets/expiry";

export const WALLET_EXPIRY_QUEUE = "wallet-expiry";
const EVERY_MINUTE = "* * * * *";
// Each batch commits credit by credit; a backlog (after downtime) drains batch after batch.
const BATCH_SIZE = 500;
const MAX_BATCHES_PER_RUN = 20;

/** One run: batches until nothing due is left (or the run's share is done; the next minute goes on). */
export const runWalletExpiry = async ({ db, now = () => new Date() }: { db: Db; now?: () => Date }) => {
  let total = 0;
  for (let batch = 0; batch < MAX_BATCHES_PER_RUN; batch++) {
    const expired = await expireDueCredits({ db, now: now(), limit: BATCH_SIZE });
    total += expired;
    if (expired < BATCH_SIZE) break;
  }
  if (total > 0) log.info("wallet credits expired", { count: total });
  return total;
};

export const registerWalletExpiry = async (boss: PgBoss, { db }: { db: Db }): Promise<void> => {
  // "stately": at most one run queued and one running, so a slow run never piles up behind itself.
  await boss.createQueue(WALLET_EXPIRY_QUEUE, { name: WALLET_EXPIRY_QUEUE, policy: "stately", retryLimit: 0 });
  await boss.schedule(WALLET_EXPIRY_QUEUE, EVERY_MINUTE, {}, { tz: "UTC" });
  await boss.work(WALLET_EXPIRY_QUEUE, async () => {
    await runWalletExpiry({ db });
  });
};
