// The catalogue against a real PostgreSQL: meter names and plan codes are unique per organisation
// (at their field), a meter's property is required unless it counts, tier tables are refused at
// the exact tier field, a meter or plan that billing depends on keeps how it counts and charges,
// archiving is recorded, and every change writes its audit entry in the same transaction.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  createMeterSchema,
  createPlanSchema,
  updateMeterSchema,
  updatePlanSchema,
  type MeterFormValues,
  type PlanFormValues,
  type PlanInput,
} from "@/lib/catalogue/schemas";
import {
  archivePlan,
  createMeter,
  createPlan,
  unarchivePlan,
  updateMeter,
  updatePlan,
  type CatalogueActor,
} from "@/lib/catalogue/service";
import { getPlan, listMeters } from "@/lib/catalogue/queries";
import { createDb, type Db } from "@/lib/db/client";
import { NotFoundError, UserError } from "@/lib/errors";
import { newId } from "@/lib/ids";
import { createMigratedTestDatabase, type TestDatabase } from "./db";
import { makeCustomer, makeOrganization, rejection } from "./invoice-fixtures";

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

const meterValues = (values: Partial<MeterFormValues> = {}): MeterFormValues => ({
  name: "api_calls",
  eventName: "api_call",
  aggregation: "count",
  property: "",
  filters: [],
  ...values,
});

const addMeter = (actor: CatalogueActor, values: Partial<MeterFormValues> = {}) =>
  db.$transaction((tx) => createMeter(tx, { actor, input: createMeterSchema.parse(meterValues(values)) }));

const changeMeter = (actor: CatalogueActor, meterId: string, values: Partial<MeterFormValues>) =>
  db.$transaction((tx) =>
    updateMeter(tx, { actor, input: updateMeterSchema.parse({ ...meterValues(values), meterId }) }),
  );

// Growth: 299.00 USD a month, then API calls graduated 1-1,000 free, 1,001-10,000 at 0.05 USD,
// above at 0.03 USD with a 10.00 USD flat fee on the top tier, then storage at 0.25 USD per GB.
const planValues = (meterId: string, values: Partial<PlanFormValues> = {}): PlanFormValues => ({
  code: "growth-usd",
  name: "Growth",
  currency: "USD",
  interval: "month",
  prices: [
    { type: "flat", description: "Platform fee", meterId: "", unitPrice: "299.00", tierMode: "graduated", tiers: [] },
    {
      type: "tiered",
      description: "API calls",
      meterId,
      unitPrice: "",
      tierMode: "graduated",
      tiers: [
        { upTo: "1000", unitPrice: "0", flatFee: "" },
        { upTo: "10,000", unitPrice: "0.05", flatFee: "" },
        { upTo: "", unitPrice: "0.03", flatFee: "10" },
      ],
    },
    { type: "per_unit", description: "Storage GB", meterId, unitPrice: "0.25", tierMode: "graduated", tiers: [] },
  ],
  ...values,
});

const addPlan = (actor: CatalogueActor, input: PlanInput) => db.$transaction((tx) => createPlan(tx, { actor, input }));

const auditOf = (entityType: string, entityId: string) =>
  db.auditEntry.findMany({ where: { entityType, entityId }, orderBy: [{ createdAt: "asc" }, { id: "asc" }] });

const subscribe = async (actor: CatalogueActor, planId: string) => {
  const customer = await makeCustomer(db, actor);
  const start = new Date("2025-01-31T00:00:00Z");
  await db.subscription.create({
    data: {
      id: newId("subscription"),
      organizationId: actor.organizationId,
      customerId: customer.id,
      invoicingCustomerId: customer.id,
      planId,
      startDate: start,
      billingAnchor: start,
      currentPeriodStart: start,
      currentPeriodEnd: new Date("2025-02-28T00:00:00Z"),
    },
  });
};

const fieldOf = (error: unknown) =>
  error instanceof UserError ? { field: error.field, message: error.message } : error;

const schemaIssues = (result: { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } }) =>
  Object.fromEntries((result.error?.issues ?? []).map((issue) => [issue.path.map(String).join("."), issue.message]));

describe("meters", () => {
  it("adds a meter with its filters and an audit entry, ignoring a property on a count", async () => {
    const actor = await makeOrganization(db);
    const meter = await addMeter(actor, {
      property: "ignored",
      filters: [
        { key: "region", value: "eu" },
        { key: "", value: "" },
        { key: "tier", value: "pro" },
      ],
    });
    const stored = await db.meter.findUniqueOrThrow({ where: { id: meter.id } });
    expect(stored).toMatchObject({
      organizationId: actor.organizationId,
      name: "api_calls",
      eventName: "api_call",
      aggregation: "count",
      property: null,
      filters: { region: "eu", tier: "pro" },
    });
    const audit = await auditOf("meter", meter.id);
    expect(audit.map((entry) => [entry.action, entry.summary, entry.actorUserId])).toEqual([
      ["meter.created", "Added meter api_calls (count of api_call events)", actor.id],
    ]);
  });

  it("keeps names unique per organisation, ignoring case, at the name field", async () => {
    const actor = await makeOrganization(db);
    await addMeter(actor, { name: "compute_hours", eventName: "compute_job", aggregation: "sum", property: "hours" });
    const error = await rejection(
      addMeter(actor, { name: "Compute_Hours", eventName: "job", aggregation: "sum", property: "minutes" }),
    );
    expect(fieldOf(error)).toEqual({ field: "name", message: "There is already a meter named compute_hours" });
    expect(await db.meter.count({ where: { organizationId: actor.organizationId } })).toBe(1);

    const other = await makeOrganization(db, { name: "Globex" });
    await expect(
      addMeter(other, { name: "compute_hours", eventName: "compute_job", aggregation: "sum", property: "hours" }),
    ).resolves.toMatchObject({ name: "compute_hours" });
  });

  it("gives only one of two concurrent meters with one name, the other a field error", async () => {
    const actor = await makeOrganization(db);
    const results = await Promise.allSettled([addMeter(actor, { name: "seats" }), addMeter(actor, { name: "SEATS" })]);
    expect(results.filter((result) => result.status === "fulfilled")).toHaveLength(1);
    const [refused] = results.filter((result) => result.status === "rejected");
    expect(fieldOf(refused?.reason)).toMatchObject({ field: "name" });
    expect(await db.meter.count({ where: { organizationId: actor.organizationId } })).toBe(1);
  });

  it("requires the property for sum, max and unique count, in the schema and in the service", async () => {
    for (const aggregation of ["sum", "max", "unique_count"] as const) {
      const result = createMeterSchema.safeParse(meterValues({ aggregation, property: "  " }));
      expect(Object.keys(schemaIssues(result))).toEqual(["property"]);
    }
    const actor = await makeOrganization(db);
    const error = await rejection(
      db.$transaction((tx) =>
        createMeter(tx, {
          actor,
          input: { name: "gb", eventName: "snapshot", aggregation: "max", property: null, filters: null },
        }),
      ),
    );
    expect(fieldOf(error)).toEqual({ field: "property", message: "Enter the property this meter aggregates" });
    expect(await db.meter.count({ where: { organizationId: actor.organizationId } })).toBe(0);
  });

  it("refuses half-filled and repeated filters at their row", () => {
    const result = createMeterSchema.safeParse(
      meterValues({
        filters: [
          { key: "region", value: "eu" },
          { key: "region", value: "us" },
          { key: "", value: "pro" },
          { key: "plan", value: " " },
        ],
      }),
    );
    expect(schemaIssues(result)).toEqual({
      "filters.1.key": "There is already a filter on region",
      "filters.2.key": "Enter the property to filter on",
      "filters.3.value": "Enter the value plan must have",
    });
  });

  it("lets a meter that a price uses change only its name, and says why", async () => {
    const actor = await makeOrganization(db);
    const meter = await addMeter(actor);
    await addPlan(actor, createPlanSchema.parse(planValues(meter.id)));

    const attempts: [string, Partial<MeterFormValues>][] = [
      ["eventName", { eventName: "api_request" }],
      ["aggregation", { aggregation: "unique_count", property: "user_id" }],
      ["filters", { filters: [{ key: "region", value: "eu" }] }],
    ];
    for (const [field, values] of attempts) {
      const error = await rejection(changeMeter(actor, meter.id, values));
      expect(fieldOf(error)).toEqual({
        field,
        message:
          "Used by the prices of Growth: only the name can change, so invoices billed from this meter stay explainable. Add a new meter to count differently.",
      });
    }
    expect(await db.meter.findUniqueOrThrow({ where: { id: meter.id } })).toMatchObject({
      eventName: "api_call",
      aggregation: "count",
      filters: null,
    });

    await changeMeter(actor, meter.id, { name: "api_requests" });
    const [listed] = await listMeters({ organizationId: actor.organizationId, client: db });
    expect(listed).toMatchObject({ name: "api_requests", eventName: "api_call", planNames: ["Growth"] });
    expect((await auditOf("meter", meter.id)).map((entry) => entry.summary)).toEqual([
      "Added meter api_calls (count of api_call events)",
      "Renamed meter api_calls to api_requests",
    ]);
  });

  it("lets an unused meter change how it counts, with the change in the audit entry", async () => {
    const actor = await makeOrganization(db);
    const meter = await addMeter(actor);
    await changeMeter(actor, meter.id, {
      aggregation: "unique_count",
      property: "user_id",
      filters: [{ key: "env", value: "prod" }],
    });
    expect(await db.meter.findUniqueOrThrow({ where: { id: meter.id } })).toMatchObject({
      aggregation: "unique_count",
      property: "user_id",
      filters: { env: "prod" },
    });
    const [, updated] = await auditOf("meter", meter.id);
    expect(updated?.changes).toEqual({
      aggregation: { from: "count", to: "unique_count" },
      property: { from: null, to: "user_id" },
      filters: { from: null, to: { env: "prod" } },
    });
  });

  it("does not reveal another organisation's meter", async () => {
    const actor = await makeOrganization(db);
    const other = await makeOrganization(db, { name: "Globex" });
    const meter = await addMeter(other);
    expect(await rejection(changeMeter(actor, meter.id, { name: "mine" }))).toBeInstanceOf(NotFoundError);
  });
});

describe("plans", () => {
  it("stores a plan's prices in order, with tiers in minor units and decimal bounds", async () => {
    const actor = await makeOrganization(db);
    const meter = await addMeter(actor);
    const plan = await addPlan(actor, createPlanSchema.parse(planValues(meter.id)));
    const prices = await db.price.findMany({
      where: { planId: plan.id },
      orderBy: { position: "asc" },
      include: { tiers: { orderBy: { position: "asc" } } },
    });
    expect(
      prices.map((price) => ({
        type: price.type,
        description: price.description,
        meterId: price.meterId,
        unitAmountMinor: price.unitAmountMinor,
        tierMode: price.tierMode,
        tiers: price.tiers.map((tier) => [tier.upTo?.toFixed() ?? null, tier.unitAmountMinor, tier.flatAmountMinor]),
      })),
    ).toEqual([
      { type: "flat", description: "Platform fee", meterId: null, unitAmountMinor: 29900n, tierMode: null, tiers: [] }, // 299.00 USD
      {
        type: "tiered",
        description: "API calls",
        meterId: meter.id,
        unitAmountMinor: null,
        tierMode: "graduated",
        // free to 1,000; 0.05 USD to 10,000; 0.03 USD above plus a 10.00 USD flat fee
        tiers: [
          ["1000", 0n, 0n],
          ["10000", 5n, 0n],
          [null, 3n, 1000n],
        ],
      },
      {
        type: "per_unit",
        description: "Storage GB",
        meterId: meter.id,
        unitAmountMinor: 25n,
        tierMode: null,
        tiers: [],
      }, // 0.25 USD
    ]);
    const audit = await auditOf("plan", plan.id);
    expect(audit.map((entry) => [entry.action, entry.summary])).toEqual([
      ["plan.created", "Added plan Growth (growth-usd), billed monthly in USD, with 3 prices"],
    ]);
    const detail = await getPlan({ organizationId: actor.organizationId, planId: plan.id, client: db });
    expect(detail?.prices[1]?.tiers.map((tier) => tier.upTo)).toEqual(["1000", "10000", null]);
    expect(detail?.pricesLockReason).toBeNull();
  });

  it("keeps codes unique per organisation, ignoring case, at the code field, with nothing written", async () => {
    const actor = await makeOrganization(db);
    const meter = await addMeter(actor);
    await addPlan(actor, createPlanSchema.parse(planValues(meter.id)));
    const error = await rejection(
      addPlan(actor, createPlanSchema.parse(planValues(meter.id, { code: "GROWTH-USD", name: "Other" }))),
    );
    expect(fieldOf(error)).toEqual({ field: "code", message: "There is already a plan with the code growth-usd" });
    expect(await db.plan.count({ where: { organizationId: actor.organizationId } })).toBe(1);
    expect(await db.price.count({ where: { plan: { organizationId: actor.organizationId } } })).toBe(3);
  });

  it("refuses bad tiers at the exact tier field in the form schema", () => {
    const values = planValues("mtr_x");
    const tiered = values.prices[1]!;
    const check = (tiers: typeof tiered.tiers) =>
      schemaIssues(createPlanSchema.safeParse({ ...values, prices: [values.prices[0], { ...tiered, tiers }] }));

    expect(
      check([
        { upTo: "1000", unitPrice: "0.10", flatFee: "" },
        { upTo: "500", unitPrice: "0.08", flatFee: "" },
        { upTo: "", unitPrice: "0.05", flatFee: "" },
      ]),
    ).toEqual({ "prices.1.tiers.1.upTo": "Must be greater than the previous tier's 1,000" });
    expect(
      check([
        { upTo: "", unitPrice: "0.10", flatFee: "" },
        { upTo: "5000", unitPrice: "0.05", flatFee: "" },
      ]),
    ).toEqual({
      "prices.1.tiers.0.upTo": "Only the last tier can be open-ended: enter where this tier ends",
      "prices.1.tiers.1.upTo": "Leave the last tier open (blank) so every quantity has a price",
    });
    expect(
      check([
        { upTo: "1000.5", unitPrice: "0.001", flatFee: "" },
        { upTo: "ten", unitPrice: "", flatFee: "-1" },
        { upTo: "", unitPrice: "0.05", flatFee: "" },
      ]),
    ).toEqual({
      "prices.1.tiers.0.unitPrice": "USD amounts have at most 2 decimals",
      "prices.1.tiers.1.upTo": "Enter a quantity like 1.5",
      "prices.1.tiers.1.unitPrice": "Enter the unit price (0 for free units)",
      "prices.1.tiers.1.flatFee": "Amount cannot be negative",
    });
    expect(check([])).toEqual({ "prices.1.tiers": "Add at least one tier" });
  });

  it("refuses the rest of a plan at its fields in the form schema", () => {
    const values = planValues("");
    expect(
      schemaIssues(
        createPlanSchema.safeParse({
          ...values,
          code: "growth usd",
          currency: "XXX",
          prices: [{ ...values.prices[2]!, description: "", unitPrice: "" }],
        }),
      ),
    ).toEqual({
      code: "Use letters, digits and - _ . in a code, starting with a letter or digit",
      currency: "Choose a currency from the list",
      "prices.0.description": "Describe the price as the invoice line should read",
      "prices.0.meterId": "Choose the meter that counts this usage",
    });
    expect(schemaIssues(createPlanSchema.safeParse({ ...values, prices: [] }))).toEqual({
      prices: "Add at least one price",
    });
    // JPY has no minor digits: 0.5 yen cannot be a unit price.
    expect(
      schemaIssues(
        createPlanSchema.safeParse({
          ...values,
          currency: "JPY",
          prices: [{ ...values.prices[0]!, unitPrice: "0.5" }],
        }),
      ),
    ).toEqual({ "prices.0.unitPrice": "JPY amounts have no decimals" });
  });

  it("checks tiers and meters again in the service, at the same fields, with nothing written", async () => {
    const actor = await makeOrganization(db);
    const meter = await addMeter(actor);
    const foreign = await addMeter(await makeOrganization(db, { name: "Globex" }));
    const input = createPlanSchema.parse(planValues(meter.id));

    const badTiers: PlanInput = {
      ...input,
      prices: [
        {
          type: "tiered",
          description: "API calls",
          meterId: meter.id,
          mode: "volume",
          tiers: [
            { upTo: "100", unitAmountMinor: 5n, flatAmountMinor: 0n },
            { upTo: "100", unitAmountMinor: 4n, flatAmountMinor: 0n },
            { upTo: null, unitAmountMinor: 3n, flatAmountMinor: 0n },
          ],
        },
      ],
    };
    expect(fieldOf(await rejection(addPlan(actor, badTiers)))).toEqual({
      field: "prices.0.tiers.1.upTo",
      message: "Must be greater than the previous tier's 100",
    });

    const foreignMeter: PlanInput = {
      ...input,
      prices: [input.prices[0]!, { type: "per_unit", description: "Calls", meterId: foreign.id, unitAmountMinor: 1n }],
    };
    expect(fieldOf(await rejection(addPlan(actor, foreignMeter)))).toEqual({
      field: "prices.1.meterId",
      message: "Choose a meter from the list",
    });
    expect(await db.plan.count({ where: { organizationId: actor.organizationId } })).toBe(0);
    expect(await db.auditEntry.count({ where: { organizationId: actor.organizationId, entityType: "plan" } })).toBe(0);
  });

  it("replaces the prices of a plan nobody subscribes to, and records what changed", async () => {
    const actor = await makeOrganization(db);
    const meter = await addMeter(actor);
    const plan = await addPlan(actor, createPlanSchema.parse(planValues(meter.id)));
    const values = planValues(meter.id);
    await db.$transaction((tx) =>
      updatePlan(tx, {
        actor,
        input: updatePlanSchema.parse({
          ...values,
          planId: plan.id,
          interval: "year",
          prices: [{ ...values.prices[0]!, unitPrice: "2,990" }],
        }),
      }),
    );
    const prices = await db.price.findMany({ where: { planId: plan.id } });
    expect(prices.map((price) => [price.type, price.unitAmountMinor])).toEqual([["flat", 299000n]]); // 2,990.00 USD
    expect(await db.priceTier.count({ where: { price: { planId: plan.id } } })).toBe(0);
    const [, updated] = await auditOf("plan", plan.id);
    expect(updated).toMatchObject({ action: "plan.updated", summary: "Changed plan Growth: interval, prices" });
    expect(updated?.changes).toMatchObject({
      interval: { from: "month", to: "year" },
      prices: {
        from: ["flat: Platform fee", "tiered: API calls", "per_unit: Storage GB"],
        to: ["flat: Platform fee"],
      },
    });
  });

  it("locks currency, interval and prices once the plan has a subscription, but not its name", async () => {
    const actor = await makeOrganization(db);
    const meter = await addMeter(actor);
    const plan = await addPlan(actor, createPlanSchema.parse(planValues(meter.id)));
    await subscribe(actor, plan.id);
    const values = { ...planValues(meter.id), planId: plan.id };
    const update = (changes: Partial<PlanFormValues>) =>
      db.$transaction((tx) => updatePlan(tx, { actor, input: updatePlanSchema.parse({ ...values, ...changes }) }));
    const lockMessage =
      "This plan has 1 subscription, so its currency, interval and prices are locked: invoices are billed from them. To charge differently, add a new plan and archive this one.";

    const tiered = values.prices[1]!;
    const raised = {
      ...tiered,
      tiers: tiered.tiers.map((tier, index) => (index === 1 ? { ...tier, unitPrice: "0.06" } : tier)),
    };
    expect(fieldOf(await rejection(update({ prices: [values.prices[0]!, raised, values.prices[2]!] })))).toEqual({
      field: "prices",
      message: lockMessage,
    });
    expect(fieldOf(await rejection(update({ currency: "EUR" })))).toEqual({ field: "currency", message: lockMessage });
    expect(fieldOf(await rejection(update({ interval: "year" })))).toEqual({ field: "interval", message: lockMessage });
    expect(
      await db.priceTier.findMany({
        where: { price: { planId: plan.id } },
        select: { unitAmountMinor: true },
        orderBy: [{ priceId: "asc" }, { position: "asc" }],
      }),
    ).toEqual([{ unitAmountMinor: 0n }, { unitAmountMinor: 5n }, { unitAmountMinor: 3n }]);

    await update({ name: "Growth (2025)", code: "growth-2025" });
    expect(await db.plan.findUniqueOrThrow({ where: { id: plan.id } })).toMatchObject({
      name: "Growth (2025)",
      code: "growth-2025",
      currency: "USD",
      interval: "month",
    });
    const detail = await getPlan({ organizationId: actor.organizationId, planId: plan.id, client: db });
    expect(detail?.pricesLockReason).toBe(lockMessage);
    expect(detail?.history.map((entry) => entry.summary)).toEqual([
      "Added plan Growth (growth-usd), billed monthly in USD, with 3 prices",
      "Changed plan Growth (2025): code, name",
    ]);
  });

  it("archives and unarchives a plan, recording both, and refuses to do either twice", async () => {
    const actor = await makeOrganization(db);
    const meter = await addMeter(actor);
    const plan = await addPlan(actor, createPlanSchema.parse(planValues(meter.id)));
    await subscribe(actor, plan.id);

    await db.$transaction((tx) => archivePlan(tx, { actor, planId: plan.id }));
    expect((await db.plan.findUniqueOrThrow({ where: { id: plan.id } })).archivedAt).toBeInstanceOf(Date);
    expect(fieldOf(await rejection(db.$transaction((tx) => archivePlan(tx, { actor, planId: plan.id }))))).toEqual({
      field: undefined,
      message: "Growth is already archived",
    });

    await db.$transaction((tx) => unarchivePlan(tx, { actor, planId: plan.id }));
    expect((await db.plan.findUniqueOrThrow({ where: { id: plan.id } })).archivedAt).toBeNull();
    expect(fieldOf(await rejection(db.$transaction((tx) => unarchivePlan(tx, { actor, planId: plan.id }))))).toEqual({
      field: undefined,
      message: "Growth is not archived",
    });
    expect((await auditOf("plan", plan.id)).map((entry) => entry.action)).toEqual([
      "plan.created",
      "plan.archived",
      "plan.unarchived",
    ]);

    const other = await makeOrganization(db, { name: "Globex" });
    expect(await rejection(db.$transaction((tx) => archivePlan(tx, { actor: other, planId: plan.id })))).toBeInstanceOf(
      NotFoundError,
    );
  });
});
