// The subscription billing job as the app runs it: started with the other jobs on pg-boss,
// scheduled every minute, and when run it bills a period that has just ended.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDb, type Db } from "@/lib/db/client";
import { startJobs, stopJobs } from "@/lib/jobs/boss";
import { SUBSCRIPTION_BILLING_QUEUE } from "@/lib/jobs/billing";
import { makePlan, makeSubscription } from "./billing-fixtures";
import { createMigratedTestDatabase, type TestDatabase } from "./db";
import { makeCustomer, makeOrganization } from "./invoice-fixtures";

let database: TestDatabase;
let db: Db;

beforeAll(async () => {
  database = await createMigratedTestDatabase();
  db = createDb(database.url);
});

afterAll(async () => {
  await stopJobs();
  await db?.$disconnect();
  await database?.drop();
});

describe("the subscription billing job", () => {
  it("starts with the app on pg-boss, schedules itself every minute, and bills an ended period when run", async () => {
    const actor = await makeOrganization(db);
    const owner = await makeCustomer(db, actor, { name: "Umbrella Labs" });
    const payer = await makeCustomer(db, actor, { name: "Reseller Ltd" });
    const { planId } = await makePlan(db, actor, {
      prices: [{ type: "flat", description: "Platform fee", unitAmountMinor: 4900n }], // $49.00
    });
    // A period that ended a minute ago.
    const end = new Date(Date.now() - 60_000);
    const start = new Date(end.getTime() - 30 * 24 * 3600_000);
    const subscription = await makeSubscription(db, actor, {
      planId,
      ownerId: owner.id,
      payerId: payer.id,
      period: { start, end },
    });

    const boss = await startJobs({ connectionString: database.url, db });
    const schedules = await boss.getSchedules();
    expect(schedules.map((schedule) => [schedule.name, schedule.cron])).toContainEqual([
      SUBSCRIPTION_BILLING_QUEUE,
      "* * * * *",
    ]);

    await boss.send(SUBSCRIPTION_BILLING_QUEUE, {});
    const deadline = Date.now() + 30_000;
    let invoices = 0;
    while (invoices === 0 && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 250));
      invoices = await db.invoice.count({ where: { subscriptionId: subscription.id } });
    }
    expect(invoices).toBe(1);
    const invoice = await db.invoice.findFirstOrThrow({ where: { subscriptionId: subscription.id } });
    expect(invoice).toMatchObject({ customerId: payer.id, usageOwnerId: owner.id, status: "draft", totalMinor: 4900n });
    const after = await db.subscription.findUniqueOrThrow({ where: { id: subscription.id } });
    expect(after.currentPeriodStart).toEqual(end);
    await stopJobs();
  });
});
