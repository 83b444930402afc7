// Calling server actions as a form does, against the test database: the session is the one thing
// stubbed (signIn sets who is signed in), and the app's one Prisma client is this file's database.
// Import it before the actions, which the test then loads with `await import(...)`.
import { afterAll, beforeAll, beforeEach, vi } from "vitest";
import type { CurrentUser } from "@/lib/auth/session";
import { createDb, type Db } from "@/lib/db/client";
import { createMigratedTestDatabase, type TestDatabase } from "./db";
import { makeOrganization } from "./invoice-fixtures";

const state = vi.hoisted(() => {
  // The action pipeline logs every call; the tests' assertions say what matters.
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

/** A migrated database for the file, and nobody signed in before each test. */
export const setUpActionTests = () => {
  let database: TestDatabase | undefined;

  beforeAll(async () => {
    database = await createMigratedTestDatabase();
    state.db = createDb(database.url);
  });

  afterAll(async () => {
    await state.db?.$disconnect();
    await database?.drop();
  });

  beforeEach(() => {
    state.user = null;
  });

  return {
    /** The test database's client, once the file's database is made. */
    get db(): Db {
      return state.db!;
    },
    /** Signs in a new organisation's user with the role. */
    signIn: async (role: CurrentUser["role"] = "finance") => {
      const actor = await makeOrganization(state.db!);
      await state.db!.user.update({ where: { id: actor.id }, data: { role } });
      state.user = { ...actor, role };
      return state.user;
    },
  };
};
