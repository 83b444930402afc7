// The subscription billing job: every minute, bill every subscription period that has ended, then
// finalize the drafts whose grace period is over (auto-finalize on), drawing the payer's wallet
// credit (auto-apply on). Both halves lock what they change and re-check it under the lock, so an
// overlapping run, a retry or a click on "Bill now" never bills or finalizes anything twice.
import type PgBoss from "pg-boss";
import { billEndedPeriods } from "@/lib/billing/job-bill";
import { finalizeGraceExpiredDrafts } from "@/lib/billing/job-finalize";
import type { Db } from "@/lib/db/client";
import { log } from "@/lib/log";

export const SUBSCRIPTION_BILLING_QUEUE = "subscription-billing";
const EVERY_MINUTE = "* * * * *";

/** One run: bill ended periods first, so a period that just ended can be finalized in the same run. */
export const runSubscriptionBilling = async ({ db, now = () => new Date() }: { db: Db; now?: () => Date }) => {
  const billed = await billEndedPeriods({ db, now: now() });
  const finalized = await finalizeGraceExpiredDrafts({ db, now: now() });
  if (billed.periodsClosed + billed.failed + finalized.finalized + finalized.failed > 0) {
    log.info("subscription billing run", {
      invoicesCreated: billed.invoicesCreated,
      periodsClosed: billed.periodsClosed,
      billingFailures: billed.failed,
      finalized: finalized.finalized,
      walletAppliedMinor: finalized.walletAppliedMinor.toString(),
      finalizeFailures: finalized.failed,
    });
  }
  return { billed, finalized };
};

export const registerSubscriptionBilling = async (boss: PgBoss, { db }: { db: Db }): Promise<void> => {
  // "stately": at most one run queued and one running, so a slow run never piles up behind itself.
  await boss.createQueue(SUBSCRIPTION_BILLING_QUEUE, {
    name: SUBSCRIPTION_BILLING_QUEUE,
    policy: "stately",
    retryLimit: 0,
  });
  await boss.schedule(SUBSCRIPTION_BILLING_QUEUE, EVERY_MINUTE, {}, { tz: "UTC" });
  await boss.work(SUBSCRIPTION_BILLING_QUEUE, async () => {
    await runSubscriptionBilling({ db });
  });
};
