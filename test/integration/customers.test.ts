// Customers against a real PostgreSQL: the row and its audit entry commit together, external ids
// are unique per organisation even when two creates race, and the list pages by key without
// duplicates or gaps.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import pg from "pg";
import { createDb, type Db } from "@/lib/db/client";
import { UserError } from "@/lib/errors";
import { newId, newPublicToken } from "@/lib/ids";
import { listCustomers, outstandingByCustomer } from "@/lib/customers/queries";
import { customerInputSchema, type CustomerFormValues } from "@/lib/customers/schemas";
import { archiveCustomer, createCustomer, restoreCustomer, updateCustomer, type Actor } from "@/lib/customers/service";
import { createMigratedTestDatabase, type TestDatabase } from "./db";

let database: TestDatabase;
let db: Db;

const makeOrganization = async (name: string) => {
  const organizationId = newId("organization");
  await db.organization.create({ data: { id: organizationId, name } });
  const userId = newId("user");
  const email = `finance-${userId.toLowerCase()}@example.test`;
  await db.user.create({
    data: { id: userId, organizationId, email, name: `Finance of ${name}`, passwordHash: "x", role: "finance" },
  });
  const actor: Actor = { id: userId, organizationId, name: `Finance of ${name}`, email };
  return actor;
};

const input = (values: Partial<CustomerFormValues> = {}) =>
  customerInputSchema.parse({
    name: "Acme Corp",
    email: "billing@acme.com",
    externalId: "acme-corp",
    country: "us",
    currency: "USD",
    ...values,
  });

const create = (actor: Actor, values: Partial<CustomerFormValues> = {}) =>
  db.$transaction((tx) => createCustomer(tx, { actor, input: input(values) }));

const auditEntriesFor = (customerId: string) =>
  db.auditEntry.findMany({ where: { entityType: "customer", entityId: customerId }, orderBy: { createdAt: "asc" } });

const rejection = async (promise: Promise<unknown>): Promise<unknown> => {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error("expected the promise to reject");
};

beforeAll(async () => {
  database = await createMigratedTestDatabase();
  db = createDb(database.url);
});

afterAll(async () => {
  await db?.$disconnect();
  await database?.drop();
});

describe("createCustomer", () => {
  it("writes the customer and one audit entry", async () => {
    const actor = await makeOrganization("Create Co");
    const customer = await create(actor, { taxId: "  US-123  ", addressLine2: "" });

    const row = await db.customer.findUniqueOrThrow({ where: { id: customer.id } });
    expect(row).toMatchObject({
      organizationId: actor.organizationId,
      name: "Acme Corp",
      email: "billing@acme.com",
      externalId: "acme-corp",
      country: "US",
      currency: "USD",
      taxId: "US-123",
      addressLine2: null,
      status: "active",
      archivedAt: null,
    });
    expect(row.id).toMatch(/^cus_/);

    const entries = await auditEntriesFor(customer.id);
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({
      organizationId: actor.organizationId,
      actorUserId: actor.id,
      action: "customer.created",
      summary: "Created customer Acme Corp (acme-corp)",
    });
    expect(entries[0]?.changes).toMatchObject({
      externalId: { from: null, to: "acme-corp" },
      country: { from: null, to: "US" },
    });
  });

  it("commits the customer and its audit entry together: a rollback leaves neither", async () => {
    const actor = await makeOrganization("Rollback Co");
    let createdId = "";
    const failure = await rejection(
      db.$transaction(async (tx) => {
        const customer = await createCustomer(tx, { actor, input: input() });
        createdId = customer.id;
        throw new Error("later step failed");
      }),
    );
    expect(failure).toBeInstanceOf(Error);
    expect(createdId).not.toBe("");
    expect(await db.customer.count({ where: { organizationId: actor.organizationId } })).toBe(0);
    expect(await db.auditEntry.count({ where: { organizationId: actor.organizationId } })).toBe(0);
  });

  it("refuses an external id already used in the organisation, at that field, and writes nothing", async () => {
    const actor = await makeOrganization("Duplicate Co");
    await create(actor);
    const before = {
      customers: await db.customer.count({ where: { organizationId: actor.organizationId } }),
      audit: await db.auditEntry.count({ where: { organizationId: actor.organizationId } }),
    };

    const error = await rejection(create(actor, { name: "Acme Again", email: "ap@acme.com" }));
    expect(error).toBeInstanceOf(UserError);
    expect((error as UserError).field).toBe("externalId");
    expect((error as UserError).message).toBe("External id acme-corp is already used by Acme Corp");

    expect(await db.customer.count({ where: { organizationId: actor.organizationId } })).toBe(before.customers);
    expect(await db.auditEntry.count({ where: { organizationId: actor.organizationId } })).toBe(before.audit);
  });

  it("allows the same external id in another organisation", async () => {
    const first = await makeOrganization("First Org");
    const second = await makeOrganization("Second Org");
    const a = await create(first);
    const b = await create(second);
    expect(a.externalId).toBe(b.externalId);
    expect(a.organizationId).not.toBe(b.organizationId);
  });

  it("refuses an invoice series of another organisation", async () => {
    const actor = await makeOrganization("Series Co");
    const other = await makeOrganization("Other Series Co");
    const seriesId = newId("numberSeries");
    await db.numberSeries.create({
      data: { id: seriesId, organizationId: other.organizationId, kind: "invoice", name: "Theirs", format: "T-{NNNN}" },
    });
    const error = await rejection(create(actor, { defaultInvoiceSeriesId: seriesId }));
    expect((error as UserError).field).toBe("defaultInvoiceSeriesId");
    expect(await db.customer.count({ where: { organizationId: actor.organizationId } })).toBe(0);
  });

  it("lets exactly one of two racing creates with the same external id through", async () => {
    const actor = await makeOrganization("Race Co");
    // Both run their check before either commits: the unique index has to decide.
    const results = await Promise.allSettled([
      create(actor, { name: "Racer One" }),
      create(actor, { name: "Racer Two" }),
    ]);
    const fulfilled = results.filter((result) => result.status === "fulfilled");
    const rejected = results.filter((result) => result.status === "rejected");
    expect(fulfilled).toHaveLength(1);
    expect(rejected).toHaveLength(1);
    const reason = (rejected[0] as PromiseRejectedResult).reason as unknown;
    expect(reason).toBeInstanceOf(UserError);
    expect((reason as UserError).field).toBe("externalId");
    expect(await db.customer.count({ where: { organizationId: actor.organizationId } })).toBe(1);
    expect(await db.auditEntry.count({ where: { organizationId: actor.organizationId } })).toBe(1);
  });

  it("names the winner when the loser's insert waited on the winner's uncommitted row", async () => {
    const actor = await makeOrganization("Crossed Co");
    const monitor = new pg.Client({ connectionString: database.url });
    await monitor.connect();
    try {
      let loserWaited = false;
      let winnerInserted!: () => void;
      const inserted = new Promise<void>((resolve) => (winnerInserted = resolve));
      // The winner inserts, then holds its transaction open until the loser is blocked on the
      // unique index: the loser's up-front check has already passed by then.
      const winner = db.$transaction(
        async (tx) => {
          const customer = await createCustomer(tx, { actor, input: input({ name: "Winner Ltd" }) });
          winnerInserted();
          for (let attempt = 0; attempt < 100; attempt++) {
            const waiting = await monitor.query(
              `SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'`,
            );
            if ((waiting.rows[0] as { n: number }).n > 0) {
              loserWaited = true;
              break;
            }
            await new Promise((resolve) => setTimeout(resolve, 50));
          }
          return customer;
        },
        { timeout: 15_000 },
      );
      await inserted;
      const loser = create(actor, { name: "Loser Ltd" });
      const [won, lost] = await Promise.allSettled([winner, loser]);
      expect(loserWaited).toBe(true);
      expect(won.status).toBe("fulfilled");
      expect(lost.status).toBe("rejected");
      const reason = (lost as PromiseRejectedResult).reason as unknown;
      expect(reason).toBeInstanceOf(UserError);
      expect((reason as UserError).field).toBe("externalId");
      expect((reason as UserError).message).toBe("External id acme-corp is already used by Winner Ltd");
      const rows = await db.customer.findMany({ where: { organizationId: actor.organizationId } });
      expect(rows.map((row) => row.name)).toEqual(["Winner Ltd"]);
      expect(await db.auditEntry.count({ where: { organizationId: actor.organizationId } })).toBe(1);
    } finally {
      await monitor.end();
    }
  });
});

describe("updateCustomer", () => {
  it("records each changed field with its old and new value", async () => {
    const actor = await makeOrganization("Update Co");
    const customer = await create(actor, { city: "Boston" });
    const updated = await db.$transaction((tx) =>
      updateCustomer(tx, {
        actor,
        input: { customerId: customer.id, ...input({ email: "ap@acme.com", city: "", country: "GB" }) },
      }),
    );
    expect(updated).toMatchObject({ email: "ap@acme.com", city: null, country: "GB" });

    const entries = await auditEntriesFor(customer.id);
    expect(entries.map((entry) => entry.action)).toEqual(["customer.created", "customer.updated"]);
    expect(entries[1]?.changes).toEqual({
      email: { from: "billing@acme.com", to: "ap@acme.com" },
      city: { from: "Boston", to: null },
      country: { from: "US", to: "GB" },
    });
    expect(entries[1]?.summary).toBe("Updated Acme Corp: email, city, country");
  });

  it("writes no audit entry when nothing changed", async () => {
    const actor = await makeOrganization("No-op Co");
    const customer = await create(actor);
    await db.$transaction((tx) => updateCustomer(tx, { actor, input: { customerId: customer.id, ...input() } }));
    expect(await auditEntriesFor(customer.id)).toHaveLength(1);
  });

  it("refuses an external id held by another customer and leaves the customer as it was", async () => {
    const actor = await makeOrganization("Clash Co");
    await create(actor, { name: "Globex", externalId: "globex" });
    const customer = await create(actor);
    const error = await rejection(
      db.$transaction((tx) =>
        updateCustomer(tx, {
          actor,
          input: { customerId: customer.id, ...input({ externalId: "globex", city: "Paris" }) },
        }),
      ),
    );
    expect((error as UserError).field).toBe("externalId");
    expect((error as UserError).message).toBe("External id globex is already used by Globex");
    const row = await db.customer.findUniqueOrThrow({ where: { id: customer.id } });
    expect(row).toMatchObject({ externalId: "acme-corp", city: null });
    expect(await auditEntriesFor(customer.id)).toHaveLength(1);
  });

  it("never touches a customer of another organisation", async () => {
    const owner = await makeOrganization("Owner Co");
    const intruder = await makeOrganization("Intruder Co");
    const customer = await create(owner);
    const error = await rejection(
      db.$transaction((tx) =>
        updateCustomer(tx, { actor: intruder, input: { customerId: customer.id, ...input({ name: "Hijacked" }) } }),
      ),
    );
    expect(error).toBeInstanceOf(UserError);
    expect((await db.customer.findUniqueOrThrow({ where: { id: customer.id } })).name).toBe("Acme Corp");
  });
});

describe("archiveCustomer and restoreCustomer", () => {
  it("archives without deleting, restores, and records both", async () => {
    const actor = await makeOrganization("Archive Co");
    const customer = await create(actor);

    await db.$transaction((tx) => archiveCustomer(tx, { actor, customerId: customer.id }));
    const archived = await db.customer.findUniqueOrThrow({ where: { id: customer.id } });
    expect(archived.status).toBe("archived");
    expect(archived.archivedAt).toBeInstanceOf(Date);

    const twice = await rejection(db.$transaction((tx) => archiveCustomer(tx, { actor, customerId: customer.id })));
    expect(twice).toBeInstanceOf(UserError);

    await db.$transaction((tx) => restoreCustomer(tx, { actor, customerId: customer.id }));
    const restored = await db.customer.findUniqueOrThrow({ where: { id: customer.id } });
    expect(restored.status).toBe("active");
    expect(restored.archivedAt).toBeNull();

    const entries = await auditEntriesFor(customer.id);
    expect(entries.map((entry) => entry.action)).toEqual([
      "customer.created",
      "customer.archived",
      "customer.restored",
    ]);
    expect(entries.every((entry) => entry.actorUserId === actor.id)).toBe(true);
  });

  it("cannot archive a customer of another organisation", async () => {
    const owner = await makeOrganization("Keeper Co");
    const intruder = await makeOrganization("Archiver Co");
    const customer = await create(owner);
    const error = await rejection(
      db.$transaction((tx) => archiveCustomer(tx, { actor: intruder, customerId: customer.id })),
    );
    expect(error).toBeInstanceOf(UserError);
    expect((await db.customer.findUniqueOrThrow({ where: { id: customer.id } })).status).toBe("active");
  });
});

describe("listCustomers", () => {
  let actor: Actor;
  const names: string[] = [];

  beforeAll(async () => {
    actor = await makeOrganization("List Co");
    // Duplicate names on purpose: the id breaks the tie, so pages still neither repeat nor skip.
    for (let index = 0; index < 30; index++) {
      const name = `Customer ${String(index % 27).padStart(2, "0")}`;
      names.push(name);
      await create(actor, { name, externalId: `list_${index}`, email: `billing${index}@list.example` });
    }
    const other = await makeOrganization("Not Listed Co");
    await create(other, { name: "Customer 00 elsewhere", externalId: "list_0" });
  });

  const walkForward = async (pageSize: number, extra: { q?: string } = {}) => {
    const pages: string[][] = [];
    let after: string | undefined;
    for (let guard = 0; guard < 50; guard++) {
      const page = await listCustomers(
        { organizationId: actor.organizationId, status: "active", after, pageSize, ...extra },
        db,
      );
      pages.push(page.rows.map((row) => row.id));
      if (!page.nextCursor) return { pages, last: page };
      after = page.nextCursor;
    }
    throw new Error("pagination did not end");
  };

  it("walks every page once, in (name, id) order, with no duplicates and no gaps", async () => {
    const all = await db.customer.findMany({
      where: { organizationId: actor.organizationId, status: "active" },
      orderBy: [{ name: "asc" }, { id: "asc" }],
      select: { id: true },
    });
    expect(all).toHaveLength(30);

    for (const pageSize of [25, 7]) {
      const { pages } = await walkForward(pageSize);
      expect(pages.map((page) => page.length)).toEqual(pageSize === 25 ? [25, 5] : [7, 7, 7, 7, 2]);
      expect(pages.flat()).toEqual(all.map((row) => row.id));
    }
  });

  it("walks back with the previous cursors to the first page", async () => {
    const { pages, last } = await walkForward(7);
    const backwards: string[][] = [last.rows.map((row) => row.id)];
    let before = last.previousCursor ?? undefined;
    let firstPage = last;
    while (before) {
      firstPage = await listCustomers(
        { organizationId: actor.organizationId, status: "active", before, pageSize: 7 },
        db,
      );
      backwards.unshift(firstPage.rows.map((row) => row.id));
      before = firstPage.previousCursor ?? undefined;
    }
    expect(backwards).toEqual(pages);
    expect(firstPage.previousCursor).toBeNull();
    expect(firstPage.nextCursor).not.toBeNull();
  });

  it("searches name, email and external id, case-insensitively, in this organisation only", async () => {
    const byName = await listCustomers(
      { organizationId: actor.organizationId, status: "active", q: "customer 05" },
      db,
    );
    expect(byName.rows.map((row) => row.name)).toEqual(["Customer 05"]);

    const byEmail = await listCustomers(
      { organizationId: actor.organizationId, status: "active", q: "BILLING12@" },
      db,
    );
    expect(byEmail.rows.map((row) => row.externalId)).toEqual(["list_12"]);

    // `_` is a literal underscore, not LIKE's "any character".
    const byExternalId = await listCustomers(
      { organizationId: actor.organizationId, status: "active", q: "LIST_2" },
      db,
    );
    expect(byExternalId.rows.map((row) => row.externalId).sort()).toEqual(
      [
        "list_2",
        "list_20",
        "list_21",
        "list_22",
        "list_23",
        "list_24",
        "list_25",
        "list_26",
        "list_27",
        "list_28",
        "list_29",
      ].sort(),
    );
    // Unescaped, `_` would match the "@" of billing1@list.example and `%` would match list_10.
    for (const q of ["billing1_list", "list%0"]) {
      const literal = await listCustomers({ organizationId: actor.organizationId, status: "active", q }, db);
      expect(literal.rows).toHaveLength(0);
    }

    // Customer 20 to Customer 26, across pages of 4.
    const searched = await walkForward(4, { q: "customer 2" });
    expect(searched.pages.map((page) => page.length)).toEqual([4, 3]);
  });

  it("filters by status", async () => {
    const target = await db.customer.findFirstOrThrow({
      where: { organizationId: actor.organizationId, externalId: "list_29" },
    });
    await db.$transaction((tx) => archiveCustomer(tx, { actor, customerId: target.id }));
    try {
      const archived = await listCustomers({ organizationId: actor.organizationId, status: "archived" }, db);
      expect(archived.rows.map((row) => row.id)).toEqual([target.id]);
      const active = await listCustomers({ organizationId: actor.organizationId, status: "active", pageSize: 100 }, db);
      expect(active.rows).toHaveLength(29);
      const all = await listCustomers({ organizationId: actor.organizationId, status: "all", pageSize: 100 }, db);
      expect(all.rows).toHaveLength(30);
    } finally {
      await db.$transaction((tx) => restoreCustomer(tx, { actor, customerId: target.id }));
    }
  });

  it("sums the amount due of finalized invoices per currency for the page's customers", async () => {
    const customer = await db.customer.findFirstOrThrow({
      where: { organizationId: actor.organizationId, externalId: "list_3" },
    });
    const invoice = (values: {
      status: "draft" | "finalized" | "paid" | "void";
      currency: string;
      amountDueMinor: bigint;
      number: string;
    }) =>
      db.invoice.create({
        data: {
          id: newId("invoice"),
          organizationId: actor.organizationId,
          customerId: customer.id,
          status: values.status,
          number: values.status === "draft" ? null : values.number,
          currency: values.currency,
          issueDate: new Date("2026-01-01T00:00:00Z"),
          dueDate: new Date("2026-01-31T00:00:00Z"),
          totalMinor: values.amountDueMinor,
          amountDueMinor: values.amountDueMinor,
          publicToken: newPublicToken(),
        },
      });
    await invoice({ status: "finalized", currency: "USD", amountDueMinor: 120_000n, number: "T-1" }); // $1,200.00
    await invoice({ status: "finalized", currency: "USD", amountDueMinor: 5_050n, number: "T-2" }); // $50.50
    await invoice({ status: "finalized", currency: "EUR", amountDueMinor: 9_900n, number: "T-3" }); // €99.00
    await invoice({ status: "draft", currency: "USD", amountDueMinor: 77_700n, number: "" }); // not yet owed
    await invoice({ status: "void", currency: "USD", amountDueMinor: 10_000n, number: "T-4" }); // no longer owed

    const outstanding = await outstandingByCustomer(
      { organizationId: actor.organizationId, customerIds: [customer.id] },
      db,
    );
    expect(outstanding.get(customer.id)).toEqual([
      { currency: "EUR", amountDueMinor: 9_900n },
      { currency: "USD", amountDueMinor: 125_050n },
    ]);

    const page = await listCustomers({ organizationId: actor.organizationId, status: "active", q: "list_3" }, db);
    expect(page.rows.find((row) => row.id === customer.id)?.outstanding).toHaveLength(2);
  });
});
