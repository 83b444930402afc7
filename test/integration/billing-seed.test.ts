// The demo's subscriptions as the billing job finds them: each one's stored period is the period its
// anchor gives on the organisation's calendar (London), so the job bills nothing before a period
// ends, and at the month's end bills each live subscription once and moves it to the next London
// month (the one set to cancel ends instead), in summer and in winter alike.
import { describe, expect, it, vi } from "vitest";
import { periodContaining } from "@/lib/billing/periods";
import type { Db } from "@/lib/db/client";
import { DEMO_ORG_ID } from "@/lib/db/demo";
import { wallClockOf } from "@/lib/format/zone";
import { runSubscriptionBilling } from "@/lib/jobs/billing";
import { setUpSeededDemoDbs } from "./db-fixtures";

vi.hoisted(() => {
  process.env.LOG_LEVEL = "error";
});

const DAY_MS = 24 * 60 * 60 * 1000;
const MINUTE_MS = 60_000;

const seedDemo = setUpSeededDemoDbs();

const seeded = async (now: Date) => {
  const db = await seedDemo(now);
  const { timeZone } = await db.organization.findUniqueOrThrow({ where: { id: DEMO_ORG_ID } });
  return { db, timeZone };
};

const subscriptionsOf = (db: Db) =>
  db.subscription.findMany({
    where: { organizationId: DEMO_ORG_ID },
    include: { plan: { select: { interval: true } }, customer: { select: { name: true } } },
    orderBy: { id: "asc" },
  });

const isMidnightIn = (date: Date, timeZone: string) => wallClockOf(date, timeZone).getTime() % DAY_MS === 0;

const run = (db: Db, now: Date) => runSubscriptionBilling({ db, now: () => now });

// Mid-month in British Summer Time, mid-month in winter, and ten minutes into a BST month.
describe.each([
  ["summer", new Date("2025-07-18T10:30:00Z")],
  ["winter", new Date("2025-01-14T10:30:00Z")],
  ["the first minutes of a BST month", new Date("2024-07-31T23:10:00Z")],
])("the demo seeded in %s", (_, now) => {
  it("stores each subscription's period as its anchor gives it on London's calendar", async () => {
    const { db, timeZone } = await seeded(now);
    expect(timeZone).toBe("Europe/London");
    const subscriptions = await subscriptionsOf(db);
    expect(subscriptions.length).toBeGreaterThanOrEqual(5);
    for (const subscription of subscriptions) {
      const label = subscription.customer.name;
      expect(isMidnightIn(subscription.billingAnchor, timeZone), label).toBe(true);
      expect(isMidnightIn(subscription.startDate, timeZone), label).toBe(true);
      // A canceled subscription keeps the period it was canceled in; a live one is in today's.
      const at = subscription.status === "canceled" ? subscription.canceledAt! : now;
      const expected = periodContaining(subscription.billingAnchor, subscription.plan.interval, at, timeZone);
      expect({ start: subscription.currentPeriodStart, end: subscription.currentPeriodEnd }, label).toEqual(expected);
    }
  });

  it("is billed by the job only when a period ends, then moves to the next London month", async () => {
    const { db, timeZone } = await seeded(now);
    const invoicesBefore = await db.invoice.count();
    await run(db, now);
    expect(await db.invoice.count()).toBe(invoicesBefore);

    const live = (await subscriptionsOf(db)).filter((subscription) => subscription.status === "active");
    const periodEnd = live[0]!.currentPeriodEnd;
    expect(live.every((subscription) => subscription.currentPeriodEnd.getTime() === periodEnd.getTime())).toBe(true);
    expect(isMidnightIn(periodEnd, timeZone)).toBe(true);

    await run(db, new Date(periodEnd.getTime() - MINUTE_MS));
    expect(await db.invoice.count()).toBe(invoicesBefore);

    await run(db, new Date(periodEnd.getTime() + 5 * MINUTE_MS));
    for (const before of live) {
      const label = before.customer.name;
      const billed = await db.invoice.findMany({
        where: { subscriptionId: before.id, periodStart: before.currentPeriodStart },
      });
      expect(
        billed.map((invoice) => invoice.periodEnd),
        label,
      ).toEqual([before.currentPeriodEnd]);
      const after = await db.subscription.findUniqueOrThrow({ where: { id: before.id } });
      if (before.cancelAtPeriodEnd) {
        expect(after, label).toMatchObject({ status: "canceled", canceledAt: before.currentPeriodEnd });
        continue;
      }
      const next = periodContaining(before.billingAnchor, before.plan.interval, before.currentPeriodEnd, timeZone);
      expect(next.start).toEqual(before.currentPeriodEnd);
      expect(isMidnightIn(next.end, timeZone)).toBe(true);
      expect({ start: after.currentPeriodStart, end: after.currentPeriodEnd }, label).toEqual(next);
    }
    expect(await db.invoice.count()).toBe(invoicesBefore + live.length);
  });
});
