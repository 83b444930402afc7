// The demo's subscription invoices agree with the demo's usage events: recalculating any of them from
// the events stored finds nothing to change (no usage falling to 0, no tier line appearing), whatever
// day the demo is seeded on, including one where Pied Piper's last period lies three months back.
import { describe, expect, it, vi } from "vitest";
import { previewRecalculation } from "@/lib/billing/recalculate";
import { DEMO_ADMIN, DEMO_ORG_ID } from "@/lib/db/demo";
import type { InvoiceActor } from "@/lib/invoices/service/shared";
import { setUpSeededDemoDbs } from "./db-fixtures";

vi.hoisted(() => {
  process.env.LOG_LEVEL = "error";
});

const DAY_MS = 24 * 60 * 60 * 1000;

const seedDemo = setUpSeededDemoDbs();

const seeded = async (now: Date) => {
  const db = await seedDemo(now);
  const admin = await db.user.findUniqueOrThrow({ where: { email: DEMO_ADMIN.email } });
  const actor: InvoiceActor = { id: admin.id, organizationId: DEMO_ORG_ID, name: admin.name, email: admin.email };
  return { db, actor };
};

describe.each([
  ["mid-month in winter", new Date("2025-03-18T10:30:00Z")],
  ["ten minutes into a BST month", new Date("2024-07-31T23:10:00Z")],
  ["mid-month in summer", new Date("2025-07-18T10:30:00Z")],
  // Sixty days back from March 1st is December 31st: Pied Piper's last period is three months back.
  ["on the first of a month", new Date("2025-03-01T12:00:00Z")],
])("the demo seeded %s", (_, now) => {
  it("has subscription invoices that recalculating from the stored events leaves unchanged", async () => {
    const { db, actor } = await seeded(now);
    const invoices = await db.invoice.findMany({
      where: { organizationId: DEMO_ORG_ID, type: "subscription" },
      include: {
        customer: { select: { name: true } },
        lines: { orderBy: { position: "asc" }, include: { price: { select: { type: true } } } },
      },
      orderBy: [{ periodStart: "asc" }, { id: "asc" }],
    });
    // Two full months of six subscriptions, and Pied Piper's short last period.
    expect(invoices.length).toBe(13);
    const periods = new Set(invoices.map((invoice) => invoice.periodStart!.toISOString()));
    expect(periods.size).toBeGreaterThanOrEqual(2);

    for (const invoice of invoices) {
      const label = `${invoice.customer.name} ${invoice.periodStart!.toISOString()} (${invoice.status})`;
      // Every usage line of a whole month was measured from events: none bills an empty month. (A
      // canceled subscription's last period can be a day or two, with no job run in it.)
      const usageLines = invoice.lines.filter((line) => line.price && line.price.type !== "flat");
      expect(usageLines.length, label).toBeGreaterThan(0);
      if (invoice.periodEnd!.getTime() - invoice.periodStart!.getTime() >= 28 * DAY_MS) {
        for (const line of usageLines) expect(line.quantity.gt(0), `${label}: ${line.description}`).toBe(true);
      }

      const preview = await db.$transaction((tx) => previewRecalculation(tx, { actor, invoiceId: invoice.id }));
      expect(
        preview.lines.filter(
          (line) => line.oldQuantity !== line.newQuantity || line.oldAmountMinor !== line.newAmountMinor,
        ),
        label,
      ).toEqual([]);
      expect(preview.changed, label).toBe(false);
      expect(preview.newTotalMinor, label).toBe(invoice.totalMinor);
      expect(preview.eventsSinceLastCalculation, label).toBe(0);
    }
  });
});
