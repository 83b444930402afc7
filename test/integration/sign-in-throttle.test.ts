// Failed sign-ins are counted per client address within the window, across processes (in the
// database), so repeated guessing from one address is slowed down and then refused.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDb, type Db } from "@/lib/db/client";
import {
  MAX_FAILURES,
  recentFailures,
  recordSignInAttempt,
  THROTTLE_WINDOW_MS,
  throttleDelayMs,
} from "@/lib/auth/throttle";
import { createMigratedTestDatabase, type TestDatabase } from "./db";

let database: TestDatabase;
let db: Db;

beforeAll(async () => {
  database = await createMigratedTestDatabase();
  db = createDb(database.url);
});

afterAll(async () => {
  await db.$disconnect();
  await database.drop();
});

describe("sign-in throttle", () => {
  it("counts only failures from the same address inside the window", async () => {
    for (let i = 0; i < 5; i++)
      await recordSignInAttempt(db, { ipAddress: "203.0.113.7", email: "a@x.test", succeeded: false });
    await recordSignInAttempt(db, { ipAddress: "203.0.113.7", email: "a@x.test", succeeded: true });
    await recordSignInAttempt(db, { ipAddress: "198.51.100.1", email: "a@x.test", succeeded: false });

    expect(await recentFailures(db, "203.0.113.7")).toBe(5);
    expect(await recentFailures(db, "198.51.100.1")).toBe(1);
    expect(throttleDelayMs(await recentFailures(db, "203.0.113.7"))).toBeGreaterThan(0);

    const later = new Date(Date.now() + THROTTLE_WINDOW_MS + 1000);
    expect(await recentFailures(db, "203.0.113.7", later)).toBe(0);
  });

  it("reaches the refusal limit after enough failures", async () => {
    for (let i = 0; i < MAX_FAILURES; i++)
      await recordSignInAttempt(db, { ipAddress: "192.0.2.9", email: "b@x.test", succeeded: false });
    expect(await recentFailures(db, "192.0.2.9")).toBeGreaterThanOrEqual(MAX_FAILURES);
  });
});
