// Users and roles against a real PostgreSQL: password hashing, the unique email, audit entries,
// and the rule that an organisation keeps an active admin, including under concurrent demotions.
import bcrypt from "bcryptjs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { userActor } from "@/lib/audit/record";
import { verifyPassword } from "@/lib/auth/password";
import { createDb, type Db } from "@/lib/db/client";
import type { Role } from "@/lib/db/generated/enums";
import { UserError } from "@/lib/errors";
import { newId } from "@/lib/ids";
import { changeUserRole, createUser, setUserDisabled } from "@/lib/users/service";
import { createMigratedTestDatabase, type TestDatabase } from "./db";

let database: TestDatabase;
let db: Db;

beforeAll(async () => {
  database = await createMigratedTestDatabase();
  db = createDb(database.url);
  fixtureHash = await bcrypt.hash("fixture-password", 4);
});

afterAll(async () => {
  await db?.$disconnect();
  await database?.drop();
});

// Fixture users never sign in: one cheap hash (4 rounds) for all of them keeps the tests quick.
let fixtureHash: string;

const makeOrganization = async () => {
  const id = newId("organization");
  await db.organization.create({ data: { id, name: `Org ${id}` } });
  return id;
};

const makeUser = async (organizationId: string, role: Role, options: { disabled?: boolean } = {}) => {
  const id = newId("user");
  return db.user.create({
    data: {
      id,
      organizationId,
      email: `${id.toLowerCase()}@example.test`,
      name: `${role} ${id.slice(-6)}`,
      role,
      passwordHash: fixtureHash,
      disabledAt: options.disabled ? new Date() : null,
    },
  });
};

const auditFor = (entityId: string) => db.auditEntry.findMany({ where: { entityId }, orderBy: { createdAt: "asc" } });

const activeAdminCount = (organizationId: string) =>
  db.user.count({ where: { organizationId, role: "admin", disabledAt: null } });

const expectUserError = async (promise: Promise<unknown>, message: string, field?: string) => {
  const error = await promise.then(
    () => undefined,
    (reason: unknown) => reason,
  );
  expect(error).toBeInstanceOf(UserError);
  expect((error as UserError).message).toBe(message);
  expect((error as UserError).field).toBe(field);
};

describe("createUser", () => {
  it("stores a bcrypt hash of the password, a normalized email, and an audit entry", async () => {
    const organizationId = await makeOrganization();
    const admin = await makeUser(organizationId, "admin");
    const password = "correct horse battery";

    const created = await db.$transaction((tx) =>
      createUser(tx, {
        organizationId,
        actor: userActor(admin),
        input: { name: "Grace Hopper", email: "  Grace.Hopper@Example.TEST ", role: "finance", password },
      }),
    );

    const row = await db.user.findUniqueOrThrow({ where: { id: created.id } });
    expect(row.email).toBe("grace.hopper@example.test");
    expect(row.organizationId).toBe(organizationId);
    expect(row.role).toBe("finance");
    expect(row.disabledAt).toBeNull();
    expect(row.passwordHash).not.toContain(password);
    expect(row.passwordHash).toMatch(/^\$2[aby]\$\d{2}\$/);
    expect(await verifyPassword(password, row.passwordHash)).toBe(true);
    expect(await verifyPassword("wrong horse battery", row.passwordHash)).toBe(false);

    const audit = await auditFor(created.id);
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({
      organizationId,
      action: "user.created",
      entityType: "user",
      actorUserId: admin.id,
      changes: { name: "Grace Hopper", email: "grace.hopper@example.test", role: "finance" },
    });
    expect(JSON.stringify(audit[0]?.changes)).not.toContain(password);
  });

  it("refuses a duplicate email (any case) at the email field and writes nothing", async () => {
    const organizationId = await makeOrganization();
    const admin = await makeUser(organizationId, "admin");
    const usersBefore = await db.user.count();
    const auditBefore = await db.auditEntry.count();

    await expectUserError(
      db.$transaction((tx) =>
        createUser(tx, {
          organizationId,
          actor: userActor(admin),
          input: { name: "Copy", email: admin.email.toUpperCase(), role: "viewer", password: "a-long-enough-password" },
        }),
      ),
      "A user with this email already exists",
      "email",
    );

    expect(await db.user.count()).toBe(usersBefore);
    expect(await db.auditEntry.count()).toBe(auditBefore);
  });

  it("turns the unique index violation into the same field error when two admins add one email at once", async () => {
    const organizationId = await makeOrganization();
    const admin = await makeUser(organizationId, "admin");
    const email = `race-${newId("user").toLowerCase()}@example.test`;
    const add = () =>
      db.$transaction((tx) =>
        createUser(tx, {
          organizationId,
          actor: userActor(admin),
          input: { name: "Racer", email, role: "viewer", password: "a-long-enough-password" },
        }),
      );

    const results = await Promise.allSettled([add(), add(), add()]);

    expect(results.filter((result) => result.status === "fulfilled")).toHaveLength(1);
    for (const result of results.filter((r) => r.status === "rejected")) {
      expect(result.reason).toBeInstanceOf(UserError);
      expect(result.reason).toMatchObject({ message: "A user with this email already exists", field: "email" });
    }
    expect(await db.user.count({ where: { email } })).toBe(1);
    expect(await db.auditEntry.count({ where: { organizationId, action: "user.created" } })).toBe(1);
  });
});

describe("changeUserRole", () => {
  it("changes the role and records from and to", async () => {
    const organizationId = await makeOrganization();
    const admin = await makeUser(organizationId, "admin");
    const viewer = await makeUser(organizationId, "viewer");

    await db.$transaction((tx) =>
      changeUserRole(tx, { organizationId, actor: userActor(admin), userId: viewer.id, role: "finance" }),
    );

    expect((await db.user.findUniqueOrThrow({ where: { id: viewer.id } })).role).toBe("finance");
    const audit = await auditFor(viewer.id);
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({
      action: "user.role_changed",
      actorUserId: admin.id,
      changes: { role: { from: "viewer", to: "finance" } },
    });
  });

  it("refuses to demote the last active admin, even with a disabled admin on record", async () => {
    const organizationId = await makeOrganization();
    const admin = await makeUser(organizationId, "admin");
    await makeUser(organizationId, "admin", { disabled: true });

    await expectUserError(
      db.$transaction((tx) =>
        changeUserRole(tx, { organizationId, actor: userActor(admin), userId: admin.id, role: "finance" }),
      ),
      "At least one active admin must remain",
      "role",
    );

    expect((await db.user.findUniqueOrThrow({ where: { id: admin.id } })).role).toBe("admin");
    expect(await auditFor(admin.id)).toHaveLength(0);
  });

  it("lets an admin step down while another active admin remains", async () => {
    const organizationId = await makeOrganization();
    const leaving = await makeUser(organizationId, "admin");
    await makeUser(organizationId, "admin");

    await db.$transaction((tx) =>
      changeUserRole(tx, { organizationId, actor: userActor(leaving), userId: leaving.id, role: "viewer" }),
    );

    expect((await db.user.findUniqueOrThrow({ where: { id: leaving.id } })).role).toBe("viewer");
    expect(await activeAdminCount(organizationId)).toBe(1);
  });

  it("does not touch another organisation's user", async () => {
    const organizationId = await makeOrganization();
    const admin = await makeUser(organizationId, "admin");
    const outsider = await makeUser(await makeOrganization(), "viewer");

    await expect(
      db.$transaction((tx) =>
        changeUserRole(tx, { organizationId, actor: userActor(admin), userId: outsider.id, role: "admin" }),
      ),
    ).rejects.toThrow("User was not found.");
    expect((await db.user.findUniqueOrThrow({ where: { id: outsider.id } })).role).toBe("viewer");
  });

  it("leaves exactly one admin when the two remaining admins demote each other at the same moment", async () => {
    // Several rounds: without the row lock, both transactions would read two admins and both commit.
    for (let round = 0; round < 5; round++) {
      const organizationId = await makeOrganization();
      const first = await makeUser(organizationId, "admin");
      const second = await makeUser(organizationId, "admin");
      await makeUser(organizationId, "finance");

      const results = await Promise.allSettled([
        db.$transaction((tx) =>
          changeUserRole(tx, { organizationId, actor: userActor(second), userId: first.id, role: "finance" }),
        ),
        db.$transaction((tx) =>
          changeUserRole(tx, { organizationId, actor: userActor(first), userId: second.id, role: "viewer" }),
        ),
      ]);

      const rejected = results.filter((result) => result.status === "rejected");
      expect(rejected).toHaveLength(1);
      expect(rejected[0]?.reason).toBeInstanceOf(UserError);
      expect(rejected[0]?.reason).toMatchObject({ message: "At least one active admin must remain" });
      expect(await activeAdminCount(organizationId)).toBe(1);
      expect(await db.auditEntry.count({ where: { organizationId, action: "user.role_changed" } })).toBe(1);
    }
  });
});

describe("setUserDisabled", () => {
  it("disables and enables a user, auditing each", async () => {
    const organizationId = await makeOrganization();
    const admin = await makeUser(organizationId, "admin");
    const finance = await makeUser(organizationId, "finance");
    const actor = userActor(admin);

    await db.$transaction((tx) => setUserDisabled(tx, { organizationId, actor, userId: finance.id, disabled: true }));
    expect((await db.user.findUniqueOrThrow({ where: { id: finance.id } })).disabledAt).toBeInstanceOf(Date);

    await db.$transaction((tx) => setUserDisabled(tx, { organizationId, actor, userId: finance.id, disabled: false }));
    expect((await db.user.findUniqueOrThrow({ where: { id: finance.id } })).disabledAt).toBeNull();

    expect((await auditFor(finance.id)).map((entry) => entry.action)).toEqual(["user.disabled", "user.enabled"]);
  });

  it("refuses to disable the last active admin", async () => {
    const organizationId = await makeOrganization();
    const admin = await makeUser(organizationId, "admin");
    await makeUser(organizationId, "finance");

    await expectUserError(
      db.$transaction((tx) =>
        setUserDisabled(tx, { organizationId, actor: userActor(admin), userId: admin.id, disabled: true }),
      ),
      "At least one active admin must remain",
    );

    expect((await db.user.findUniqueOrThrow({ where: { id: admin.id } })).disabledAt).toBeNull();
    expect(await auditFor(admin.id)).toHaveLength(0);
  });

  it("leaves one admin when the two remaining admins disable each other at the same moment", async () => {
    const organizationId = await makeOrganization();
    const first = await makeUser(organizationId, "admin");
    const second = await makeUser(organizationId, "admin");

    const results = await Promise.allSettled([
      db.$transaction((tx) =>
        setUserDisabled(tx, { organizationId, actor: userActor(second), userId: first.id, disabled: true }),
      ),
      db.$transaction((tx) =>
        setUserDisabled(tx, { organizationId, actor: userActor(first), userId: second.id, disabled: true }),
      ),
    ]);

    expect(results.filter((result) => result.status === "rejected")).toHaveLength(1);
    expect(await activeAdminCount(organizationId)).toBe(1);
  });
});
