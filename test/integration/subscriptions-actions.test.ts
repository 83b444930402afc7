// The subscription server actions as the forms call them: raw strings in, errors at the fields the
// form shows them on ("Invoice to"), a crafted edit carrying a payer refused, viewers refused, and
// the customer search marking archived customers only for the payer field.
import { describe, expect, it } from "vitest";
import { newId } from "@/lib/ids";
import { setUpActionTests } from "./action-harness";
import { makeCustomer } from "./invoice-fixtures";

const harness = setUpActionTests();
const { signIn } = harness;

const actions = await import("@/lib/subscriptions/actions");

const makePlan = async (organizationId: string) => {
  const id = newId("plan");
  await harness.db.plan.create({
    data: {
      id,
      organizationId,
      code: `growth-${id.toLowerCase()}`,
      name: "Growth",
      currency: "USD",
      interval: "month",
    },
  });
  return id;
};

describe("subscription actions", () => {
  it("create with an archived payer: the message at Invoice to, nothing created", async () => {
    const user = await signIn();
    const owner = await makeCustomer(harness.db, user, { name: "Bluefin Retail" });
    const archived = await makeCustomer(harness.db, user, { name: "Pied Piper", archived: true });
    const planId = await makePlan(user.organizationId);

    const result = await actions.createSubscription({
      customerId: owner.id,
      planId,
      startDate: "2026-11-01",
      billingAnchor: "",
      invoicingCustomerId: archived.id,
    });
    expect(result).toEqual({
      ok: false,
      error: "invoicing customer is not active",
      fieldErrors: { invoicingCustomerId: "invoicing customer is not active" },
    });
    expect(await harness.db.subscription.count({ where: { organizationId: user.organizationId } })).toBe(0);
  });

  it("create, then an edit crafted to change the payer is refused at that field", async () => {
    const user = await signIn();
    const owner = await makeCustomer(harness.db, user, { name: "Bluefin Retail" });
    const reseller = await makeCustomer(harness.db, user, { name: "Sea Channel" });
    const other = await makeCustomer(harness.db, user, { name: "Central Finance" });
    const planId = await makePlan(user.organizationId);

    const created = await actions.createSubscription({
      customerId: owner.id,
      planId,
      startDate: "2026-11-01",
      billingAnchor: "2026-11-15",
      invoicingCustomerId: reseller.id,
    });
    expect(created).toMatchObject({ ok: true, data: { ownerName: "Bluefin Retail", planName: "Growth" } });
    if (!created.ok) return;
    expect(() => JSON.stringify(created)).not.toThrow();

    // What the edit form sends: no payer. Accepted.
    expect(
      await actions.updateSubscription({ subscriptionId: created.data.id, planId, cancelAtPeriodEnd: true }),
    ).toEqual({
      ok: true,
      data: { id: created.data.id },
    });
    // A request with another payer in it.
    const crafted = await actions.updateSubscription({
      subscriptionId: created.data.id,
      planId,
      cancelAtPeriodEnd: false,
      invoicingCustomerId: other.id,
    });
    expect(crafted).toMatchObject({
      ok: false,
      fieldErrors: {
        invoicingCustomerId: "The invoicing customer cannot be changed: cancel this subscription and create a new one",
      },
    });
    const row = await harness.db.subscription.findUniqueOrThrow({ where: { id: created.data.id } });
    expect(row).toMatchObject({ invoicingCustomerId: reseller.id, cancelAtPeriodEnd: true });
  });

  it("refuses viewers, and searches archived customers only for the payer field", async () => {
    await signIn("viewer");
    expect(await actions.searchCustomersForSubscription({ q: "" })).toEqual({
      ok: false,
      error: "You do not have permission to do this.",
    });
    expect(await actions.cancelSubscription({ subscriptionId: "sub_x", when: "now" })).toMatchObject({ ok: false });

    const user = await signIn();
    await makeCustomer(harness.db, user, { name: "Pied Piper", archived: true });
    await makeCustomer(harness.db, user, { name: "Pied Piper Labs" });
    const owners = await actions.searchCustomersForSubscription({ q: "pied" });
    expect(owners.ok && owners.data.map((customer) => customer.name)).toEqual(["Pied Piper Labs"]);
    const payers = await actions.searchCustomersForSubscription({ q: "pied", includeArchived: true });
    expect(payers.ok && payers.data.map((customer) => [customer.name, customer.status])).toEqual([
      ["Pied Piper Labs", "active"],
      ["Pied Piper", "archived"],
    ]);
  });
});
