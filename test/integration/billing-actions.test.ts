// The billing actions as the pages call them, against a real PostgreSQL: "Bill now" (finance) gives
// the draft's id and refusals in words; Settings > Billing (admin) puts each error at its field and
// records what changed. The session is the one thing stubbed.
import { describe, expect, it } from "vitest";
import { setUpActionTests } from "./action-harness";
import { makePlan, makeSubscription } from "./billing-fixtures";
import type { InvoiceActor } from "@/lib/invoices/service/shared";
import { makeCustomer } from "./invoice-fixtures";

const harness = setUpActionTests();
const { signIn } = harness;

const actions = await import("@/lib/billing/actions");

/** A subscription in its current month, its plan a $49.00 flat fee, invoiced to a delegated payer. */
const subscriptionFor = async (user: InvoiceActor) => {
  const owner = await makeCustomer(harness.db, user, { name: "Umbrella Labs" });
  const payer = await makeCustomer(harness.db, user, { name: "Reseller Ltd" });
  const { planId } = await makePlan(harness.db, user, {
    prices: [{ type: "flat", description: "Platform fee", unitAmountMinor: 4900n }],
  });
  const now = new Date();
  const start = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 1));
  const end = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + 1, 1));
  const subscription = await makeSubscription(harness.db, user, {
    planId,
    ownerId: owner.id,
    payerId: payer.id,
    period: { start, end },
  });
  return { subscription, owner, payer };
};

describe("billSubscriptionNow", () => {
  it("creates the current period's draft for the payer, then returns the same one", async () => {
    const user = await signIn("finance");
    const { subscription, payer } = await subscriptionFor(user);
    const billed = await actions.billSubscriptionNow({ subscriptionId: subscription.id });
    expect(billed).toMatchObject({ ok: true, data: { created: true } });
    if (!billed.ok) return;
    const invoice = await harness.db.invoice.findUniqueOrThrow({ where: { id: billed.data.invoiceId } });
    expect(invoice).toMatchObject({ customerId: payer.id, subscriptionId: subscription.id, totalMinor: 4900n });
    expect(await actions.billSubscriptionNow({ subscriptionId: subscription.id })).toEqual({
      ok: true,
      data: { invoiceId: billed.data.invoiceId, created: false },
    });
  });

  it("refuses viewers and other organisations' subscriptions", async () => {
    const owner = await signIn("finance");
    const { subscription } = await subscriptionFor(owner);
    await signIn("viewer");
    expect(await actions.billSubscriptionNow({ subscriptionId: subscription.id })).toEqual({
      ok: false,
      error: "You do not have permission to do this.",
    });
    await signIn("finance"); // another organisation's user
    expect(await actions.billSubscriptionNow({ subscriptionId: subscription.id })).toEqual({
      ok: false,
      error: "Subscription was not found.",
    });
    expect(await actions.billSubscriptionNow({ subscriptionId: "" })).toMatchObject({
      ok: false,
      fieldErrors: { subscriptionId: "Subscription missing" },
    });
    expect(await harness.db.invoice.count({ where: { subscriptionId: subscription.id } })).toBe(0);
  });

  it("says why an archived payer cannot be billed, and writes nothing", async () => {
    const user = await signIn("finance");
    const { subscription, payer } = await subscriptionFor(user);
    await harness.db.customer.update({ where: { id: payer.id }, data: { status: "archived", archivedAt: new Date() } });
    expect(await actions.billSubscriptionNow({ subscriptionId: subscription.id })).toEqual({
      ok: false,
      error: "Reseller Ltd is archived: restore the customer before invoicing",
    });
    expect(await harness.db.invoice.count({ where: { subscriptionId: subscription.id } })).toBe(0);
  });
});

describe("updateBillingSettings", () => {
  it("puts each error at its field and saves nothing", async () => {
    const user = await signIn("admin");
    const cases: [Record<string, unknown>, string, string][] = [
      [{ usageGraceHours: "721" }, "usageGraceHours", "Enter a whole number of hours from 0 to 720"],
      [{ usageGraceHours: "-1" }, "usageGraceHours", "Enter a whole number of hours from 0 to 720"],
      [{ usageGraceHours: "1.5" }, "usageGraceHours", "Enter a whole number of hours from 0 to 720"],
      [{ usageGraceHours: "" }, "usageGraceHours", "Enter the grace period in hours (0 for none)"],
      [
        { autoFinalize: false, autoApplyWallet: true },
        "autoApplyWallet",
        "Turn on automatic finalization too: wallet credit is applied when an invoice is finalized automatically",
      ],
    ];
    for (const [values, field, message] of cases) {
      const result = await actions.updateBillingSettings({
        usageGraceHours: "24",
        autoFinalize: true,
        autoApplyWallet: false,
        ...values,
      } as Parameters<typeof actions.updateBillingSettings>[0]);
      expect(result).toMatchObject({ ok: false, fieldErrors: { [field]: message } });
    }
    const stored = await harness.db.organization.findUniqueOrThrow({ where: { id: user.organizationId } });
    expect(stored).toMatchObject({ usageGraceHours: 24, autoFinalize: false, autoApplyWallet: false });
  });

  it("saves the settings with an audit entry of what changed, and is for admins only", async () => {
    const user = await signIn("admin");
    const saved = await actions.updateBillingSettings({
      usageGraceHours: "48",
      autoFinalize: true,
      autoApplyWallet: true,
    });
    expect(saved).toEqual({
      ok: true,
      data: { changedFields: ["usageGraceHours", "autoFinalize", "autoApplyWallet"] },
    });
    const stored = await harness.db.organization.findUniqueOrThrow({ where: { id: user.organizationId } });
    expect(stored).toMatchObject({ usageGraceHours: 48, autoFinalize: true, autoApplyWallet: true });
    const entry = await harness.db.auditEntry.findFirstOrThrow({
      where: { organizationId: user.organizationId, action: "organization.billing_updated" },
    });
    expect(entry).toMatchObject({
      actorUserId: user.id,
      summary:
        "Updated billing settings: Grace period for late usage, Finalize automatically, Apply wallet credit automatically",
      changes: {
        usageGraceHours: { from: 24, to: 48 },
        autoFinalize: { from: false, to: true },
        autoApplyWallet: { from: false, to: true },
      },
    });
    expect(
      await actions.updateBillingSettings({ usageGraceHours: "48", autoFinalize: true, autoApplyWallet: true }),
    ).toEqual({ ok: true, data: { changedFields: [] } });
    expect(
      await harness.db.auditEntry.count({
        where: { organizationId: user.organizationId, action: "organization.billing_updated" },
      }),
    ).toBe(1);

    await signIn("finance");
    expect(
      await actions.updateBillingSettings({ usageGraceHours: "0", autoFinalize: false, autoApplyWallet: false }),
    ).toEqual({
      ok: false,
      error: "You do not have permission to do this.",
    });
  });
});
