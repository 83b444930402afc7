// Background jobs on the application's own PostgreSQL (pg-boss, in its own schema "pgboss"): no
// extra server. Started once per app process from instrumentation.ts, stopped when it exits.
import PgBoss from "pg-boss";
import { db as appDb, type Db } from "@/lib/db/client";
import { env } from "@/lib/env";
import { log } from "@/lib/log";
import { registerSubscriptionBilling } from "./billing";
import { registerWalletExpiry } from "./wallet-expiry";

export const JOBS_SCHEMA = "pgboss";

const globalForJobs = globalThis as unknown as { billfoldJobs?: Promise<PgBoss> };

/**
 * Starts pg-boss (creating or migrating its schema on first use) and the workers and schedules.
 * Idempotent per process: development's hot reloads and a second call get the same instance.
 */
export const startJobs = ({
  connectionString = env().DATABASE_URL,
  db = appDb,
}: { connectionString?: string; db?: Db } = {}): Promise<PgBoss> => {
  globalForJobs.billfoldJobs ??= (async () => {
    const boss = new PgBoss({ connectionString, schema: JOBS_SCHEMA, application_name: "billfold-jobs", max: 3 });
    // Without a listener an "error" event would crash the process; a job queue hiccup must not.
    boss.on("error", (error) => log.error("job queue error", { error }));
    await boss.start();
    await registerWalletExpiry(boss, { db });
    await registerSubscriptionBilling(boss, { db });
    log.info("background jobs started", { schema: JOBS_SCHEMA });
    return boss;
  })();
  return globalForJobs.billfoldJobs;
};

/** Stops the workers and closes pg-boss's connections; a job cut short rolls back and runs again. */
export const stopJobs = async (): Promise<void> => {
  const started = globalForJobs.billfoldJobs;
  if (!started) return;
  globalForJobs.billfoldJobs = undefined;
  const boss = await started.catch(() => null);
  await boss?.stop({ graceful: true, timeout: 5_000 });
};

/**
 * What instrumentation.ts runs: start the jobs, and stop them when the process is told to stop.
 * A failure to start is logged, not thrown: the app still serves pages, and expiry catches up
 * whenever the jobs next start (any process's run expires everything already due).
 */
export const startJobsWithApp = async (): Promise<void> => {
  try {
    await startJobs();
  } catch (error) {
    log.error("background jobs did not start", { error });
    return;
  }
  // Next's own handlers exit the process on these signals; this lets pg-boss release its
  // connections first when there is time.
  for (const signal of ["SIGINT", "SIGTERM"] as const) {
    process.once(signal, () => {
      stopJobs().catch((error: unknown) => log.error("background jobs did not stop", { error }));
    });
  }
};
