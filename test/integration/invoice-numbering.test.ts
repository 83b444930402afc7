// Invoice numbers against a real PostgreSQL: concurrent finalizations of one series get the next
// numbers, distinct and gap-free; a rolled-back finalization consumes none; custom numbers are
// unique per organisation (on save, on finalize, and when two saves race), and a series skips a
// number someone already typed by hand.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDb, type Db } from "@/lib/db/client";
import { UserError } from "@/lib/errors";
import { draftInvoiceFormSchema } from "@/lib/invoices/schemas";
import { saveDraftInvoice } from "@/lib/invoices/service/draft";
import { finalizeInvoice } from "@/lib/invoices/service/finalize";
import { formatSeriesNumber } from "@/lib/numbering/format";
import { createMigratedTestDatabase, type TestDatabase } from "./db";
import {
  draftValues,
  finalize,
  gate,
  makeCustomer,
  makeOrganization,
  makeSeries,
  rejection,
  saveDraft,
} from "./invoice-fixtures";

let database: TestDatabase;
let db: Db;

beforeAll(async () => {
  database = await createMigratedTestDatabase();
  db = createDb(database.url);
});

afterAll(async () => {
  await db?.$disconnect();
  await database?.drop();
});

const nextNumberOf = async (seriesId: string) =>
  (await db.numberSeries.findUniqueOrThrow({ where: { id: seriesId } })).nextNumber;

const expectNumberTaken = (error: unknown, number: string) => {
  expect(error).toBeInstanceOf(UserError);
  expect(error).toMatchObject({ message: `${number} is already used by another invoice`, field: "customNumber" });
};

describe("series numbers under concurrency", () => {
  it("gives 200 concurrent finalizations of one series the next 200 numbers, distinct and gap-free", async () => {
    const actor = await makeOrganization(db);
    const series = await makeSeries(db, actor, { format: "BLK-{YYYY}{MM}-{NNNN}", nextNumber: 41 });
    const customer = await makeCustomer(db, actor);
    const values = draftValues(customer.id, { seriesId: series.id });
    const drafts: string[] = [];
    for (let batch = 0; batch < 20; batch++) {
      const saved = await Promise.all(Array.from({ length: 10 }, () => saveDraft(db, actor, values)));
      drafts.push(...saved.map((draft) => draft.invoiceId));
    }

    // A pool of its own (10 connections, createDb's size): 200 transactions queue for them. Prisma's
    // default 2 s wait for a connection is about pool sizing, not numbering, so it is raised here.
    const pool = createDb(database.url);
    try {
      const started = performance.now();
      const results = await Promise.all(
        drafts.map((invoiceId) =>
          pool.$transaction((tx) => finalizeInvoice(tx, { actor, invoiceId }), { maxWait: 60_000, timeout: 60_000 }),
        ),
      );
      const elapsed = performance.now() - started;
      console.warn(
        `200 concurrent finalizations of one series took ${Math.round(elapsed)} ms (${(elapsed / 200).toFixed(1)} ms each, 10 connections)`,
      );

      const expected = Array.from({ length: 200 }, (_, index) =>
        formatSeriesNumber({
          format: series.format,
          counter: 41 + index,
          date: new Date("2024-06-28T00:00:00Z"),
          timeZone: "UTC",
        }),
      );
      const numbers = results.map((result) => result.number);
      expect(new Set(numbers).size).toBe(200);
      expect([...numbers].sort()).toEqual(expected);
      expect(expected[0]).toBe("BLK-202406-0041");
      expect(expected[199]).toBe("BLK-202406-0240");
      expect(await nextNumberOf(series.id)).toBe(241);

      const stored = await db.invoice.findMany({
        where: { id: { in: drafts } },
        select: { number: true, status: true },
      });
      expect(stored.every((invoice) => invoice.status === "finalized")).toBe(true);
      expect(stored.map((invoice) => invoice.number).sort()).toEqual(expected);
      expect(await db.auditEntry.count({ where: { entityId: { in: drafts }, action: "invoice.finalized" } })).toBe(200);
    } finally {
      await pool.$disconnect();
    }
  });

  it("consumes no number when the finalizing transaction fails after taking it", async () => {
    const actor = await makeOrganization(db);
    const series = await makeSeries(db, actor, { format: "RB-{NNNN}", nextNumber: 7 });
    const customer = await makeCustomer(db, actor);
    const first = await saveDraft(db, actor, draftValues(customer.id, { seriesId: series.id }));
    const second = await saveDraft(db, actor, draftValues(customer.id, { seriesId: series.id }));

    let taken = "";
    const failure = await rejection(
      db.$transaction(async (tx) => {
        taken = (await finalizeInvoice(tx, { actor, invoiceId: first.invoiceId })).number;
        throw new Error("a later step of the same transaction failed");
      }),
    );
    expect(failure).toBeInstanceOf(Error);
    expect(taken).toBe("RB-0007");
    expect(await nextNumberOf(series.id)).toBe(7);
    expect(await db.invoice.findUniqueOrThrow({ where: { id: first.invoiceId } })).toMatchObject({
      status: "draft",
      number: null,
      finalizedAt: null,
    });
    expect(await db.auditEntry.count({ where: { entityId: first.invoiceId, action: "invoice.finalized" } })).toBe(0);

    // The next finalization gets the number the failed one gave back.
    expect((await finalize(db, actor, second.invoiceId)).number).toBe("RB-0007");
    expect((await finalize(db, actor, first.invoiceId)).number).toBe("RB-0008");
    expect(await nextNumberOf(series.id)).toBe(9);
  });

  it("skips a series number already used as a custom number", async () => {
    const actor = await makeOrganization(db);
    const series = await makeSeries(db, actor, { format: "INV-{YYYY}{MM}-{NNNN}", nextNumber: 52, isDefault: true });
    const customer = await makeCustomer(db, actor);
    // Typed by hand on a draft that is never finalized: the number is still held.
    await saveDraft(db, actor, draftValues(customer.id, { numbering: "custom", customNumber: "INV-202406-0052" }));
    await saveDraft(db, actor, draftValues(customer.id, { numbering: "custom", customNumber: "INV-202406-0053" }));
    const draft = await saveDraft(db, actor, draftValues(customer.id));

    expect((await finalize(db, actor, draft.invoiceId)).number).toBe("INV-202406-0054");
    expect(await nextNumberOf(series.id)).toBe(55);
  });

  it("numbers from the customer's default series, else the organisation's, creating one when there is none", async () => {
    const actor = await makeOrganization(db);
    const plain = await makeCustomer(db, actor);
    const draft = await saveDraft(db, actor, draftValues(plain.id, { issueDate: "2024-01-31" }));
    expect((await finalize(db, actor, draft.invoiceId)).number).toBe("INV-202401-0001");
    const created = await db.numberSeries.findMany({ where: { organizationId: actor.organizationId } });
    expect(created).toMatchObject([
      { kind: "invoice", isDefault: true, format: "INV-{YYYY}{MM}-{NNNN}", nextNumber: 2 },
    ]);

    const singapore = await makeSeries(db, actor, { format: "SG-INV-{YYYY}{MM}{DD}-{NNN}", name: "Singapore" });
    const umbrella = await makeCustomer(db, actor, { name: "Umbrella", defaultInvoiceSeriesId: singapore.id });
    const sgDraft = await saveDraft(db, actor, draftValues(umbrella.id, { issueDate: "2024-06-03" }));
    expect((await finalize(db, actor, sgDraft.invoiceId)).number).toBe("SG-INV-20240603-001");
    const stored = await db.invoice.findUniqueOrThrow({ where: { id: sgDraft.invoiceId } });
    expect(stored.seriesId).toBe(singapore.id);
  });

  it("prints the issue date as the organisation's calendar date, whatever its time zone", async () => {
    const actor = await makeOrganization(db, { timeZone: "Pacific/Auckland" });
    const customer = await makeCustomer(db, actor);
    const draft = await saveDraft(db, actor, draftValues(customer.id, { issueDate: "2024-07-01" }));
    expect((await finalize(db, actor, draft.invoiceId)).number).toBe("INV-202407-0001");
  });
});

describe("custom numbers", () => {
  it("refuses on save a number another invoice of the organisation uses, at the field, writing nothing", async () => {
    const actor = await makeOrganization(db);
    const customer = await makeCustomer(db, actor);
    const { invoiceId } = await saveDraft(
      db,
      actor,
      draftValues(customer.id, { numbering: "custom", customNumber: "CUSTOM-SEQ-001" }),
    );
    await finalize(db, actor, invoiceId);
    const before = await db.auditEntry.count({ where: { organizationId: actor.organizationId } });

    const error = await rejection(
      saveDraft(db, actor, draftValues(customer.id, { numbering: "custom", customNumber: "CUSTOM-SEQ-001" })),
    );
    expectNumberTaken(error, "CUSTOM-SEQ-001");
    expect(await db.invoice.count({ where: { organizationId: actor.organizationId } })).toBe(1);
    expect(await db.auditEntry.count({ where: { organizationId: actor.organizationId } })).toBe(before);

    // Another organisation may use the same number.
    const other = await makeOrganization(db, { name: "Other" });
    const otherCustomer = await makeCustomer(db, other);
    await saveDraft(db, other, draftValues(otherCustomer.id, { numbering: "custom", customNumber: "CUSTOM-SEQ-001" }));
  });

  it("lets a draft keep its own number when it is saved again", async () => {
    const actor = await makeOrganization(db);
    const customer = await makeCustomer(db, actor);
    const values = draftValues(customer.id, { numbering: "custom", customNumber: "KEEP-1" });
    const { invoiceId } = await saveDraft(db, actor, values);
    await saveDraft(db, actor, { ...values, invoiceId, memo: "Second save" });
    expect(await db.invoice.findUniqueOrThrow({ where: { id: invoiceId } })).toMatchObject({
      number: "KEEP-1",
      customNumber: true,
      memo: "Second save",
    });
  });

  it("one of two concurrent saves with the same number wins; the other gets the field error", async () => {
    const actor = await makeOrganization(db);
    const customer = await makeCustomer(db, actor);
    const values = draftValues(customer.id, { numbering: "custom", customNumber: "RACE-001" });
    const results = await Promise.allSettled([saveDraft(db, actor, values), saveDraft(db, actor, values)]);
    const won = results.filter((result) => result.status === "fulfilled");
    const lost = results.filter((result): result is PromiseRejectedResult => result.status === "rejected");
    expect(won).toHaveLength(1);
    expect(lost).toHaveLength(1);
    expectNumberTaken(lost[0]!.reason, "RACE-001");
    expect(await db.invoice.count({ where: { organizationId: actor.organizationId } })).toBe(1);
    expect(await db.auditEntry.count({ where: { organizationId: actor.organizationId } })).toBe(1);
  });

  it("maps the unique index to the field error when the other save commits first (the race the check cannot see)", async () => {
    const actor = await makeOrganization(db);
    const customer = await makeCustomer(db, actor);
    const input = draftInvoiceFormSchema.parse(
      draftValues(customer.id, { numbering: "custom", customNumber: "RACE-002" }),
    );
    const inserted = gate();
    const release = gate();
    // The first save writes the number and waits, uncommitted: the second save's check cannot see it.
    const first = db.$transaction(
      async (tx) => {
        const saved = await saveDraftInvoice(tx, { actor, input });
        inserted.open();
        await release.opened;
        return saved;
      },
      { timeout: 30_000 },
    );
    await inserted.opened;
    const second = rejection(db.$transaction((tx) => saveDraftInvoice(tx, { actor, input }), { timeout: 30_000 }));
    // The second insert now waits on the unique index for the first transaction.
    await new Promise((resolve) => setTimeout(resolve, 300));
    release.open();
    await first;
    expectNumberTaken(await second, "RACE-002");
    expect(await db.invoice.count({ where: { organizationId: actor.organizationId } })).toBe(1);
  });

  it("refuses at finalize a series number taken by a custom number saved a moment before, consuming nothing", async () => {
    const actor = await makeOrganization(db);
    const series = await makeSeries(db, actor, { format: "FIN-{NNNN}", nextNumber: 3, isDefault: true });
    const customer = await makeCustomer(db, actor);
    const draft = await saveDraft(db, actor, draftValues(customer.id));
    const input = draftInvoiceFormSchema.parse(
      draftValues(customer.id, { numbering: "custom", customNumber: "FIN-0003" }),
    );

    const inserted = gate();
    const release = gate();
    const typedByHand = db.$transaction(
      async (tx) => {
        await saveDraftInvoice(tx, { actor, input });
        inserted.open();
        await release.opened;
      },
      { timeout: 30_000 },
    );
    await inserted.opened;
    // The finalization takes FIN-0003 (the hand-typed draft is not committed yet) and waits on the index.
    const finalizing = rejection(
      db.$transaction((tx) => finalizeInvoice(tx, { actor, invoiceId: draft.invoiceId }), { timeout: 30_000 }),
    );
    await new Promise((resolve) => setTimeout(resolve, 300));
    release.open();
    await typedByHand;

    const error = await finalizing;
    expect(error).toBeInstanceOf(UserError);
    expect((error as UserError).message).toBe(
      "FIN-0003 was taken by another invoice a moment ago. Finalize again to take the next number.",
    );
    expect(await nextNumberOf(series.id)).toBe(3);
    expect(await db.invoice.findUniqueOrThrow({ where: { id: draft.invoiceId } })).toMatchObject({ status: "draft" });

    // Finalizing again skips the hand-typed number.
    expect((await finalize(db, actor, draft.invoiceId)).number).toBe("FIN-0004");
  });

  it("finalizes a custom-numbered draft under its number, taking nothing from the series", async () => {
    const actor = await makeOrganization(db);
    const series = await makeSeries(db, actor, { format: "S-{NNNN}", isDefault: true });
    const customer = await makeCustomer(db, actor);
    const { invoiceId } = await saveDraft(
      db,
      actor,
      draftValues(customer.id, { numbering: "custom", customNumber: "BYO-2024/7" }),
    );
    expect((await finalize(db, actor, invoiceId)).number).toBe("BYO-2024/7");
    expect(await nextNumberOf(series.id)).toBe(1);
    expect(await db.invoice.findUniqueOrThrow({ where: { id: invoiceId } })).toMatchObject({
      number: "BYO-2024/7",
      customNumber: true,
      seriesId: null,
    });
  });
});
