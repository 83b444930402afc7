// Slows down repeated failed sign-ins from one address: after a few failures in a window, each
// further attempt waits longer, and past a limit attempts are refused until the window passes.
import type { Db } from "@/lib/db/client";
import { newId } from "@/lib/ids";

export const THROTTLE_WINDOW_MS = 15 * 60 * 1000;
const FREE_FAILURES = 3;
export const MAX_FAILURES = 20;

/** Delay before answering the attempt after `failures` recent failures (pure, unit-tested). */
export const throttleDelayMs = (failures: number): number => {
  if (failures < FREE_FAILURES) return 0;
  return Math.min(500 * 2 ** (failures - FREE_FAILURES), 8_000);
};

export const recentFailures = async (db: Db, ipAddress: string, now = new Date()): Promise<number> =>
  db.signInAttempt.count({
    where: { ipAddress, succeeded: false, createdAt: { gte: new Date(now.getTime() - THROTTLE_WINDOW_MS) } },
  });

export const recordSignInAttempt = async (
  db: Db,
  attempt: { ipAddress: string; email: string; succeeded: boolean },
): Promise<void> => {
  await db.signInAttempt.create({ data: { id: newId("signInAttempt"), ...attempt } });
};
