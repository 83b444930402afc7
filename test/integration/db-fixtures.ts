// Database set-up that integration files repeat: one migrated database for a file's tests, or a
// freshly seeded demo database per test, each dropped once the file is done.
import { afterAll, beforeAll, expect } from "vitest";
import { createDb, type Db } from "@/lib/db/client";
import { seedDemoData } from "@/lib/db/seed";
import { createMigratedTestDatabase, type TestDatabase } from "./db";

/**
 * One migrated database for the file: created before its tests (handed to `receive`, which keeps
 * it), disconnected and dropped after them.
 */
export const setUpMigratedDb = (receive: (db: Db) => void) => {
  let database: TestDatabase | undefined;
  let db: Db | undefined;
  beforeAll(async () => {
    database = await createMigratedTestDatabase();
    db = createDb(database.url);
    receive(db);
  });
  afterAll(async () => {
    await db?.$disconnect();
    await database?.drop();
  });
};

/**
 * A seeder for the file: each call makes a migrated database with the demo seeded as of `now`
 * (checking that it seeded); all are dropped after the file's tests.
 */
export const setUpSeededDemoDbs = () => {
  const databases: { database: TestDatabase; db: Db }[] = [];
  afterAll(async () => {
    for (const { database, db } of databases) {
      await db.$disconnect();
      await database.drop();
    }
  });
  return async (now: Date): Promise<Db> => {
    const database = await createMigratedTestDatabase();
    const db = createDb(database.url);
    databases.push({ database, db });
    expect(await seedDemoData(db, { now })).toEqual({ seeded: true });
    return db;
  };
};
