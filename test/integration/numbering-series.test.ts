// Number series against a real PostgreSQL: adding and changing a series writes its audit entry,
// names are unique per organisation and kind (at the name field), the counter never goes back
// below a number the series already issued, and each kind keeps exactly one default even when two
// people switch it at the same moment.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDb, type Db } from "@/lib/db/client";
import type { NumberSeriesKind } from "@/lib/db/generated/enums";
import { NotFoundError, UserError } from "@/lib/errors";
import { newId, newPublicToken } from "@/lib/ids";
import { listNumberSeries } from "@/lib/numbering/queries";
import {
  createNumberSeriesSchema,
  updateNumberSeriesSchema,
  type CreateNumberSeriesFormValues,
  type UpdateNumberSeriesFormValues,
} from "@/lib/numbering/schemas";
import {
  createNumberSeries,
  issuedNumberPattern,
  makeDefaultNumberSeries,
  updateNumberSeries,
  type Actor,
} from "@/lib/numbering/series";
import { createMigratedTestDatabase, type TestDatabase } from "./db";

let database: TestDatabase;
let db: Db;

const makeOrganization = async (name: string) => {
  const organizationId = newId("organization");
  await db.organization.create({ data: { id: organizationId, name, timeZone: "Asia/Singapore" } });
  const userId = newId("user");
  const email = `finance-${userId.toLowerCase()}@example.test`;
  await db.user.create({
    data: { id: userId, organizationId, email, name: `Finance of ${name}`, passwordHash: "x", role: "finance" },
  });
  const actor: Actor = { id: userId, organizationId, name: `Finance of ${name}`, email };
  return actor;
};

const create = (actor: Actor, values: Partial<CreateNumberSeriesFormValues> = {}) =>
  db.$transaction((tx) =>
    createNumberSeries(tx, {
      actor,
      input: createNumberSeriesSchema.parse({
        name: "Default",
        kind: "invoice",
        format: "INV-{YYYY}{MM}-{NNNN}",
        nextNumber: "1",
        ...values,
      }),
    }),
  );

const update = (actor: Actor, values: UpdateNumberSeriesFormValues) =>
  db.$transaction((tx) => updateNumberSeries(tx, { actor, input: updateNumberSeriesSchema.parse(values) }));

const makeDefault = (actor: Actor, seriesId: string) =>
  db.$transaction((tx) => makeDefaultNumberSeries(tx, { actor, seriesId }));

const defaultsOf = async (organizationId: string, kind: NumberSeriesKind) =>
  (await db.numberSeries.findMany({ where: { organizationId, kind, isDefault: true }, select: { name: true } })).map(
    (series) => series.name,
  );

const auditEntriesFor = (seriesId: string) =>
  db.auditEntry.findMany({
    where: { entityType: "number_series", entityId: seriesId },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
  });

const rejection = async (promise: Promise<unknown>): Promise<unknown> => {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error("expected the promise to reject");
};

/** A finalized invoice numbered from the series, as finalization leaves it. */
const issueInvoice = async (
  actor: Actor,
  { seriesId, number, customNumber = false }: { seriesId: string | null; number: string; customNumber?: boolean },
) => {
  const customerId = newId("customer");
  await db.customer.create({
    data: {
      id: customerId,
      organizationId: actor.organizationId,
      externalId: customerId.toLowerCase(),
      name: "Acme",
      email: "billing@acme.test",
    },
  });
  await db.invoice.create({
    data: {
      id: newId("invoice"),
      organizationId: actor.organizationId,
      status: "finalized",
      number,
      customNumber,
      seriesId,
      currency: "USD",
      issueDate: new Date("2026-11-02"),
      dueDate: new Date("2026-12-02"),
      customerId,
      publicToken: newPublicToken(),
      finalizedAt: new Date(),
    },
  });
};

beforeAll(async () => {
  database = await createMigratedTestDatabase();
  db = createDb(database.url);
});

afterAll(async () => {
  await db?.$disconnect();
  await database?.drop();
});

describe("issuedNumberPattern", () => {
  it("matches what each format prints and captures the counter", () => {
    const counterOf = (format: string, number: string) => new RegExp(issuedNumberPattern(format)).exec(number)?.[1];
    expect(counterOf("INV-{YYYY}{MM}-{NNNN}", "INV-202611-0017")).toBe("0017");
    expect(counterOf("INV-{YYYY}{MM}-{NNNN}", "INV-202611-12345")).toBe("12345");
    expect(counterOf("SG-INV-{YYYY}{MM}{DD}-{NNN}", "SG-INV-20261121-001")).toBe("001");
    expect(counterOf("R{YY}/{MM}/{DD}.{N}", "R26/11/21.7")).toBe("7");
    expect(counterOf("{NNN}{YYYY}", "0422026")).toBe("042");
    // A dot is a dot, not any character; another series' shape does not match.
    expect(counterOf("R{YY}/{MM}/{DD}.{N}", "R26/11/21x7")).toBeUndefined();
    expect(counterOf("INV-{YYYY}{MM}-{NNNN}", "SG-INV-20261121-001")).toBeUndefined();
    expect(counterOf("INV-{YYYY}{MM}-{NNNN}", "INV-202611-017")).toBeUndefined();
  });
});

describe("createNumberSeries", () => {
  it("writes the series and its audit entry; the first of a kind becomes its default", async () => {
    const actor = await makeOrganization("Create Co");
    const invoices = await create(actor, {
      name: "Singapore",
      format: " SG-INV-{YYYY}{MM}{DD}-{NNN} ",
      nextNumber: "5",
    });
    const second = await create(actor, { name: "Reseller", format: "RS-SEA-{YYYY}-{NNNN}" });
    const receipts = await create(actor, { name: "Receipts", kind: "receipt", format: "RCP-{YYYY}-{NNNNN}" });

    const row = await db.numberSeries.findUniqueOrThrow({ where: { id: invoices.id } });
    expect(row).toMatchObject({
      organizationId: actor.organizationId,
      kind: "invoice",
      name: "Singapore",
      format: "SG-INV-{YYYY}{MM}{DD}-{NNN}",
      nextNumber: 5,
      isDefault: true,
    });
    expect(row.id).toMatch(/^ser_/);
    expect(second.isDefault).toBe(false);
    expect(receipts.isDefault).toBe(true);

    const entries = await auditEntriesFor(invoices.id);
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({
      organizationId: actor.organizationId,
      actorUserId: actor.id,
      action: "number_series.created",
      summary: "Added the invoice series Singapore (SG-INV-{YYYY}{MM}{DD}-{NNN}, next number 5) as the default",
    });
  });

  it("refuses a name already used by a series of the same kind, at the name field, ignoring case", async () => {
    const actor = await makeOrganization("Duplicate Co");
    await create(actor, { name: "Singapore" });
    const error = await rejection(create(actor, { name: "singapore", format: "SG-{NNNN}" }));
    expect(error).toBeInstanceOf(UserError);
    expect((error as UserError).field).toBe("name");
    expect((error as UserError).message).toBe("There is already an invoice series named Singapore");
    expect(await db.numberSeries.count({ where: { organizationId: actor.organizationId } })).toBe(1);
    expect(await db.auditEntry.count({ where: { organizationId: actor.organizationId } })).toBe(1);

    // The same name is fine for the other kind, and in another organisation.
    await create(actor, { name: "Singapore", kind: "receipt", format: "SG-RCP-{NNNN}" });
    await create(await makeOrganization("Other Co"), { name: "Singapore" });
  });

  it("lets exactly one of two racing creates with the same name through", async () => {
    const actor = await makeOrganization("Race Co");
    const results = await Promise.allSettled([
      create(actor, { name: "Monthly", format: "A-{NNNN}" }),
      create(actor, { name: "Monthly", format: "B-{NNNN}" }),
    ]);
    expect(results.filter((result) => result.status === "fulfilled")).toHaveLength(1);
    const rejected = results.find((result) => result.status === "rejected");
    expect((rejected?.reason as UserError).field).toBe("name");
    expect(await defaultsOf(actor.organizationId, "invoice")).toEqual(["Monthly"]);
  });

  it("refuses a bad format and a next number below 1 at their fields, before anything is written", () => {
    const parsed = createNumberSeriesSchema.safeParse({
      name: "Bad",
      kind: "invoice",
      format: "INV-{YYYY}-{Q}",
      nextNumber: "0",
    });
    expect(parsed.success).toBe(false);
    const issues = Object.fromEntries(parsed.error!.issues.map((issue) => [issue.path.join("."), issue.message]));
    expect(issues).toEqual({
      format: '"{Q}" is not a token. Use {YYYY}, {YY}, {MM}, {DD} and one counter like {NNNN}.',
      nextNumber: "The next number must be a whole number of at least 1.",
    });
  });
});

describe("updateNumberSeries", () => {
  it("records each changed field with its old and new value", async () => {
    const actor = await makeOrganization("Update Co");
    const series = await create(actor, { name: "Monthly", nextNumber: "3" });
    const updated = await update(actor, {
      seriesId: series.id,
      name: "Monthly invoices",
      format: "INV-{YY}{MM}-{NNNNN}",
      nextNumber: "40",
    });
    expect(updated).toMatchObject({ name: "Monthly invoices", format: "INV-{YY}{MM}-{NNNNN}", nextNumber: 40 });

    const entries = await auditEntriesFor(series.id);
    expect(entries.map((entry) => entry.action)).toEqual(["number_series.created", "number_series.updated"]);
    expect(entries[1]?.summary).toBe("Changed the invoice series Monthly invoices: name, format, next number");
    expect(entries[1]?.changes).toEqual({
      name: { from: "Monthly", to: "Monthly invoices" },
      format: { from: "INV-{YYYY}{MM}-{NNNN}", to: "INV-{YY}{MM}-{NNNNN}" },
      nextNumber: { from: 3, to: 40 },
    });

    // Saving without a change writes nothing more.
    await update(actor, {
      seriesId: series.id,
      name: "Monthly invoices",
      format: "INV-{YY}{MM}-{NNNNN}",
      nextNumber: "40",
    });
    expect(await auditEntriesFor(series.id)).toHaveLength(2);
  });

  it("refuses a next number at or below a number the series issued, naming that number", async () => {
    const actor = await makeOrganization("Issued Co");
    const series = await create(actor, { nextNumber: "18" });
    await issueInvoice(actor, { seriesId: series.id, number: "INV-202610-0009" });
    await issueInvoice(actor, { seriesId: series.id, number: "INV-202611-0017" });
    // A custom number typed on a draft, and another series' number, were not taken from this one.
    await issueInvoice(actor, { seriesId: series.id, number: "INV-202611-0050", customNumber: true });
    const other = await create(actor, { name: "Other", format: "INV-{YYYY}{MM}-{NNNN}", nextNumber: "100" });
    await issueInvoice(actor, { seriesId: other.id, number: "INV-202611-0099" });

    const error = await rejection(
      update(actor, { seriesId: series.id, name: "Default", format: series.format, nextNumber: "17" }),
    );
    expect(error).toBeInstanceOf(UserError);
    expect((error as UserError).field).toBe("nextNumber");
    expect((error as UserError).message).toBe(
      "INV-202611-0017 was already issued from this series: the next number must be at least 18",
    );
    expect((await db.numberSeries.findUniqueOrThrow({ where: { id: series.id } })).nextNumber).toBe(18);
    expect(await auditEntriesFor(series.id)).toHaveLength(1);

    // Just past the last issued number, and beyond it, are fine.
    expect(
      (await update(actor, { seriesId: series.id, name: "Default", format: series.format, nextNumber: "25" }))
        .nextNumber,
    ).toBe(25);
    expect(
      (await update(actor, { seriesId: series.id, name: "Default", format: series.format, nextNumber: "18" }))
        .nextNumber,
    ).toBe(18);
  });

  it("reads issued numbers under the old format too when the format changes", async () => {
    const actor = await makeOrganization("Reformat Co");
    const series = await create(actor, {
      name: "Receipts",
      kind: "receipt",
      format: "RCP-{YYYY}-{NNNNN}",
      nextNumber: "8",
    });
    const customerId = newId("customer");
    await db.customer.create({
      data: { id: customerId, organizationId: actor.organizationId, externalId: "c1", name: "C", email: "c@c.test" },
    });
    const invoiceId = newId("invoice");
    await db.invoice.create({
      data: {
        id: invoiceId,
        organizationId: actor.organizationId,
        status: "finalized",
        number: "X-1",
        customNumber: true,
        currency: "USD",
        issueDate: new Date("2026-11-02"),
        dueDate: new Date("2026-11-02"),
        customerId,
        publicToken: newPublicToken(),
      },
    });
    const paymentId = newId("payment");
    await db.payment.create({
      data: {
        id: paymentId,
        organizationId: actor.organizationId,
        invoiceId,
        customerId,
        method: "bank_transfer",
        currency: "USD",
        amountMinor: 100n,
        receivedOn: new Date("2026-11-03"),
      },
    });
    await db.receipt.create({
      data: {
        id: newId("receipt"),
        organizationId: actor.organizationId,
        paymentId,
        seriesId: series.id,
        number: "RCP-2026-00007",
        amountMinor: 100n,
        currency: "USD",
        amountRemainingMinor: 0n,
        publicToken: newPublicToken(),
      },
    });

    const error = await rejection(
      update(actor, { seriesId: series.id, name: "Receipts", format: "R-{YYYY}-{NNNNN}", nextNumber: "1" }),
    );
    expect((error as UserError).message).toBe(
      "RCP-2026-00007 was already issued from this series: the next number must be at least 8",
    );
    expect((error as UserError).field).toBe("nextNumber");
  });

  it("keeps the counter where finalizations moved it when the form's next number was left alone", async () => {
    const actor = await makeOrganization("Stale Co");
    const series = await create(actor, { nextNumber: "18" });
    // While the form is open, two invoices are finalized.
    await issueInvoice(actor, { seriesId: series.id, number: "INV-202611-0018" });
    await issueInvoice(actor, { seriesId: series.id, number: "INV-202611-0019" });
    await db.numberSeries.update({ where: { id: series.id }, data: { nextNumber: 20 } });

    const renamed = await update(actor, {
      seriesId: series.id,
      name: "Monthly",
      format: series.format,
      nextNumber: "18",
      nextNumberWas: "18",
    });
    expect(renamed).toMatchObject({ name: "Monthly", nextNumber: 20 });
    expect((await auditEntriesFor(series.id))[1]?.changes).toEqual({ name: { from: "Default", to: "Monthly" } });
  });

  it("refuses a name taken by another series of the kind, and another organisation's series", async () => {
    const actor = await makeOrganization("Rename Co");
    await create(actor, { name: "Singapore" });
    const series = await create(actor, { name: "Reseller", format: "RS-{NNNN}" });
    const error = await rejection(
      update(actor, { seriesId: series.id, name: "Singapore", format: "RS-{NNNN}", nextNumber: "1" }),
    );
    expect((error as UserError).field).toBe("name");

    const stranger = await makeOrganization("Stranger Co");
    const notFound = await rejection(
      update(stranger, { seriesId: series.id, name: "Mine", format: "RS-{NNNN}", nextNumber: "1" }),
    );
    expect(notFound).toBeInstanceOf(NotFoundError);
    expect((await db.numberSeries.findUniqueOrThrow({ where: { id: series.id } })).name).toBe("Reseller");
  });
});

describe("makeDefaultNumberSeries", () => {
  it("moves the default within the kind, leaves the other kind alone, and records who did it", async () => {
    const actor = await makeOrganization("Default Co");
    const monthly = await create(actor, { name: "Monthly" });
    const singapore = await create(actor, { name: "Singapore", format: "SG-INV-{YYYY}{MM}{DD}-{NNN}" });
    await create(actor, { name: "Receipts", kind: "receipt", format: "RCP-{YYYY}-{NNNNN}" });

    await makeDefault(actor, singapore.id);
    expect(await defaultsOf(actor.organizationId, "invoice")).toEqual(["Singapore"]);
    expect(await defaultsOf(actor.organizationId, "receipt")).toEqual(["Receipts"]);

    const entries = await auditEntriesFor(singapore.id);
    expect(entries.at(-1)).toMatchObject({
      action: "number_series.made_default",
      actorUserId: actor.id,
      summary: "Made Singapore the default invoice series (was Monthly)",
    });

    // Making the default the default again changes and records nothing.
    await makeDefault(actor, singapore.id);
    expect(await auditEntriesFor(singapore.id)).toHaveLength(entries.length);
    await makeDefault(actor, monthly.id);
    expect(await defaultsOf(actor.organizationId, "invoice")).toEqual(["Monthly"]);
  });

  it("leaves exactly one default when two people make different series the default at once", async () => {
    const actor = await makeOrganization("Concurrent Co");
    await create(actor, { name: "Monthly" });
    const candidates = await Promise.all(
      ["Singapore", "Reseller", "Europe", "Americas"].map((name, index) =>
        create(actor, { name, format: `S${index}-{NNNN}` }),
      ),
    );
    for (let round = 0; round < 5; round++) {
      const [first, second] = [candidates[round % 4]!, candidates[(round + 1) % 4]!];
      const results = await Promise.allSettled([makeDefault(actor, first.id), makeDefault(actor, second.id)]);
      expect(results.map((result) => result.status)).toEqual(["fulfilled", "fulfilled"]);
      const defaults = await defaultsOf(actor.organizationId, "invoice");
      expect(defaults).toHaveLength(1);
      expect([first.name, second.name]).toContain(defaults[0]);
    }
  });

  it("refuses another organisation's series", async () => {
    const actor = await makeOrganization("Own Co");
    const series = await create(actor, { name: "Monthly" });
    const error = await rejection(makeDefault(await makeOrganization("Thief Co"), series.id));
    expect(error).toBeInstanceOf(NotFoundError);
  });
});

describe("listNumberSeries", () => {
  it("lists each kind with today's preview in the organisation's zone and the documents that use it", async () => {
    const actor = await makeOrganization("List Co");
    const monthly = await create(actor, { name: "Monthly", nextNumber: "18" });
    await create(actor, { name: "Singapore", format: "SG-INV-{YYYY}{MM}{DD}-{NNN}" });
    await create(actor, { name: "Receipts", kind: "receipt", format: "RCP-{YYYY}-{NNNNN}", nextNumber: "3" });
    await issueInvoice(actor, { seriesId: monthly.id, number: "INV-202611-0016" });
    await issueInvoice(actor, { seriesId: monthly.id, number: "INV-202611-0017" });

    // 20:30 UTC on 30 November is already 1 December in Singapore.
    const list = await listNumberSeries({
      organizationId: actor.organizationId,
      timeZone: "Asia/Singapore",
      now: new Date("2026-11-30T20:30:00Z"),
      client: db,
    });
    expect(
      list.invoice.map(({ name, isDefault, preview, documentCount }) => ({ name, isDefault, preview, documentCount })),
    ).toEqual([
      { name: "Monthly", isDefault: true, preview: { ok: true, number: "INV-202612-0018" }, documentCount: 2 },
      { name: "Singapore", isDefault: false, preview: { ok: true, number: "SG-INV-20261201-001" }, documentCount: 0 },
    ]);
    expect(list.receipt.map((row) => row.preview)).toEqual([{ ok: true, number: "RCP-2026-00003" }]);
  });
});
