// The credit note server actions as the form calls them, against a real PostgreSQL: raw strings in,
// errors at the field the form shows them on, nothing for a viewer, nothing in another organisation,
// and no bigint crossing the wire. The session is the one thing stubbed.
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import type { CurrentUser } from "@/lib/auth/session";
import type { IssueCreditNoteValues } from "@/lib/credit-notes/schemas";
import { createDb, type Db } from "@/lib/db/client";
import { createMigratedTestDatabase, type TestDatabase } from "./db";
import { issuedInvoice, makeOrganization } from "./invoice-fixtures";

const state = vi.hoisted(() => {
  // The action pipeline logs every call; the assertions below say what matters.
  process.env.LOG_LEVEL = "error";
  return { db: undefined as Db | undefined, user: null as CurrentUser | null };
});

vi.mock("@/lib/auth/session", () => ({ getCurrentUser: async () => state.user }));
vi.mock("next/cache", () => ({ revalidatePath: () => undefined }));
// The actions use the app's one client; here it is the test database's.
vi.mock("@/lib/db/client", async (importOriginal) => {
  const original = await importOriginal<typeof import("@/lib/db/client")>();
  const db = new Proxy({} as Db, {
    get: (_target, property) => {
      const instance = state.db!;
      const value = Reflect.get(instance, property, instance) as unknown;
      return typeof value === "function" ? (value as (...args: unknown[]) => unknown).bind(instance) : value;
    },
  });
  return { ...original, db };
});

const actions = await import("@/lib/credit-notes/actions");

let database: TestDatabase;
let db: Db;

beforeAll(async () => {
  database = await createMigratedTestDatabase();
  db = createDb(database.url);
  state.db = db;
});

afterAll(async () => {
  await db?.$disconnect();
  await database?.drop();
});

beforeEach(() => {
  state.user = null;
});

const signIn = async (role: CurrentUser["role"] = "finance") => {
  const actor = await makeOrganization(db);
  await db.user.update({ where: { id: actor.id }, data: { role } });
  state.user = { ...actor, role };
  return state.user;
};

const form = (invoiceId: string, values: Partial<IssueCreditNoteValues> = {}): IssueCreditNoteValues => ({
  invoiceId,
  mode: "amount",
  lines: [],
  amount: "",
  reason: "billing_error",
  memo: "Wrong rate applied",
  refund: "",
  walletCredit: "",
  outOfBand: "",
  ...values,
});

describe("credit note actions", () => {
  it("preview, issue and void through the pipeline, returning plain values", async () => {
    const user = await signIn();
    const { invoiceId, number } = await issuedInvoice(db, user); // 1,234.50 due

    const preview = await actions.previewCreditNoteAction({ invoiceId, mode: "amount", amount: "1,300" });
    expect(preview.ok).toBe(true);
    if (!preview.ok) return;
    // Plain JSON: no bigint crosses to the browser.
    expect(JSON.parse(JSON.stringify(preview.data))).toEqual(preview.data);
    expect(preview.data).toMatchObject({
      totalMinor: "130000",
      creditableMinor: "123450",
      newAmountDueMinor: "0",
      issues: [{ path: "amount", message: `At most $1,234.50 can still be credited on ${number}` }],
    });

    const issued = await actions.issueCreditNote(form(invoiceId, { amount: "34.50" }));
    expect(issued).toEqual({
      ok: true,
      data: {
        creditNoteId: expect.stringMatching(/^cn_/),
        number: `${number}-CN01`,
        totalMinor: "3450",
        amountDueMinor: "120000",
      },
    });
    if (!issued.ok) return;

    const voided = await actions.voidCreditNote({ creditNoteId: issued.data.creditNoteId, reason: "Rate was right" });
    expect(voided).toEqual({ ok: true, data: { number: `${number}-CN01` } });
    expect((await db.invoice.findUniqueOrThrow({ where: { id: invoiceId } })).amountDueMinor).toBe(123450n);
  });

  it("puts the form's errors at their fields and writes nothing", async () => {
    const user = await signIn();
    const { invoiceId, number } = await issuedInvoice(db, user);

    expect(await actions.issueCreditNote(form(invoiceId, { memo: " ", amount: "10" }))).toMatchObject({
      ok: false,
      fieldErrors: { memo: "Write a memo: why is this credited?" },
    });
    expect(await actions.issueCreditNote(form(invoiceId, { amount: "2,000" }))).toEqual({
      ok: false,
      error: `At most $1,234.50 can still be credited on ${number}`,
      fieldErrors: { amount: `At most $1,234.50 can still be credited on ${number}` },
    });
    expect(await db.creditNote.count({ where: { invoiceId } })).toBe(0);
  });

  it("refuses viewers, and another organisation's invoice is not found", async () => {
    const owner = await signIn();
    const { invoiceId } = await issuedInvoice(db, owner);

    await signIn("viewer");
    expect(await actions.issueCreditNote(form(invoiceId, { amount: "10" }))).toEqual({
      ok: false,
      error: "You do not have permission to do this.",
    });

    await signIn("finance");
    expect(await actions.issueCreditNote(form(invoiceId, { amount: "10" }))).toEqual({
      ok: false,
      error: "Invoice was not found.",
    });
    expect(await actions.previewCreditNoteAction({ invoiceId, mode: "amount", amount: "10" })).toEqual({
      ok: false,
      error: "Invoice was not found.",
    });
    expect(await db.creditNote.count({ where: { invoiceId } })).toBe(0);
  });
});
