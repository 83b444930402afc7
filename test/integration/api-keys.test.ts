// API keys through the admin's actions: the key is returned once and only its hash is stored, each
// change is audited, only admins may create or revoke, and a revoked key no longer authenticates.
import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { setUpActionTests } from "./action-harness";
import { makeOrganization } from "./invoice-fixtures";

const harness = setUpActionTests();

const loadActions = () => import("@/lib/api-keys/actions");
const loadService = () => import("@/lib/api-keys/service");
const loadQueries = () => import("@/lib/api-keys/queries");

const auditFor = (entityId: string) =>
  harness.db.auditEntry.findMany({ where: { entityType: "api_key", entityId }, orderBy: { createdAt: "asc" } });

describe("creating an API key", () => {
  it("returns the full key once and stores only its prefix and SHA-256, with an audit entry", async () => {
    const admin = await harness.signIn("admin");
    const { createApiKey } = await loadActions();
    const result = await createApiKey({ name: "  Production backend " });
    if (!result.ok) throw new Error(result.error);
    const { id, key, prefix, name } = result.data;
    expect(name).toBe("Production backend");
    expect(key).toMatch(/^bf_live_[A-Za-z0-9_-]{43}$/);
    expect(prefix).toBe(key.slice(0, 12));

    const row = await harness.db.apiKey.findUniqueOrThrow({ where: { id } });
    expect(row).toMatchObject({
      organizationId: admin.organizationId,
      name: "Production backend",
      prefix,
      keyHash: createHash("sha256").update(key).digest("hex"),
      createdById: admin.id,
      lastUsedAt: null,
      revokedAt: null,
    });
    // Nothing stored holds the secret part of the key.
    expect(JSON.stringify(row)).not.toContain(key.slice(12));
    const audit = await auditFor(id);
    expect(audit.map((entry) => entry.action)).toEqual(["api_key.created"]);
    expect(audit[0]).toMatchObject({
      actorUserId: admin.id,
      summary: `Created API key "Production backend" (${prefix}…)`,
    });
    expect(JSON.stringify(audit)).not.toContain(key.slice(12));

    const { authenticateApiKey } = await loadService();
    expect(await authenticateApiKey(`Bearer ${key}`, harness.db)).toEqual({
      organizationId: admin.organizationId,
      apiKeyId: id,
    });
  });

  it("puts a missing or too long name at the field", async () => {
    await harness.signIn("admin");
    const { createApiKey } = await loadActions();
    for (const name of ["   ", "x".repeat(81)]) {
      const result = await createApiKey({ name });
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.fieldErrors?.name).toBeTruthy();
    }
  });

  it("is refused to finance and viewers, and writes nothing", async () => {
    const { createApiKey } = await loadActions();
    for (const role of ["finance", "viewer"] as const) {
      const user = await harness.signIn(role);
      const result = await createApiKey({ name: "Not mine to make" });
      expect(result).toEqual({ ok: false, error: "You do not have permission to do this." });
      expect(await harness.db.apiKey.count({ where: { organizationId: user.organizationId } })).toBe(0);
    }
  });
});

describe("revoking an API key", () => {
  it("revokes it at once (the key no longer authenticates), audits it, and a second revoke changes nothing", async () => {
    await harness.signIn("admin");
    const { createApiKey, revokeApiKey } = await loadActions();
    const { authenticateApiKey } = await loadService();
    const created = await createApiKey({ name: "Staging" });
    if (!created.ok) throw new Error(created.error);

    const revoked = await revokeApiKey({ apiKeyId: created.data.id });
    expect(revoked).toEqual({ ok: true, data: { id: created.data.id, name: "Staging" } });
    const row = await harness.db.apiKey.findUniqueOrThrow({ where: { id: created.data.id } });
    expect(row.revokedAt).not.toBeNull();
    expect(await authenticateApiKey(`Bearer ${created.data.key}`, harness.db)).toBeNull();

    expect((await revokeApiKey({ apiKeyId: created.data.id })).ok).toBe(true);
    const again = await harness.db.apiKey.findUniqueOrThrow({ where: { id: created.data.id } });
    expect(again.revokedAt).toEqual(row.revokedAt);
    expect((await auditFor(created.data.id)).map((entry) => entry.action)).toEqual([
      "api_key.created",
      "api_key.revoked",
    ]);
  });

  it("does not reach another organisation's key, and is refused to finance", async () => {
    await harness.signIn("admin");
    const { createApiKey, revokeApiKey } = await loadActions();
    const created = await createApiKey({ name: "Theirs" });
    if (!created.ok) throw new Error(created.error);

    await harness.signIn("admin");
    expect(await revokeApiKey({ apiKeyId: created.data.id })).toEqual({ ok: false, error: "API key was not found." });
    await harness.signIn("finance");
    expect((await revokeApiKey({ apiKeyId: created.data.id })).ok).toBe(false);
    const row = await harness.db.apiKey.findUniqueOrThrow({ where: { id: created.data.id } });
    expect(row.revokedAt).toBeNull();
  });
});

describe("listing API keys", () => {
  it("lists the organisation's keys in use first, with who created them, never another organisation's", async () => {
    const admin = await harness.signIn("admin");
    const { createApiKey, revokeApiKey } = await loadActions();
    const first = await createApiKey({ name: "First" });
    const second = await createApiKey({ name: "Second" });
    const third = await createApiKey({ name: "Third" });
    if (!first.ok || !second.ok || !third.ok) throw new Error("create failed");
    await revokeApiKey({ apiKeyId: second.data.id });
    const other = await makeOrganization(harness.db, { name: "Elsewhere" });

    const { listApiKeys } = await loadQueries();
    const keys = await listApiKeys(admin.organizationId, harness.db);
    expect(keys.map((key) => key.name)).toEqual(["Third", "First", "Second"]);
    expect(keys[0]).toMatchObject({ prefix: third.data.prefix, createdByName: admin.name, revokedAt: null });
    expect(keys[2]!.revokedAt).toBeInstanceOf(Date);
    expect(keys[0]).not.toHaveProperty("keyHash");
    expect(await listApiKeys(other.organizationId, harness.db)).toEqual([]);
  });
});
