// Creating and revoking the organisation's API keys (each with its audit entry, in the caller's
// transaction), and recognising the key on a request to the events API.
import { recordAudit, type AuditActor } from "@/lib/audit/record";
import { db, type Tx } from "@/lib/db/client";
import { NotFoundError } from "@/lib/errors";
import { newId } from "@/lib/ids";
import { bearerKey, generateApiKey, hashApiKey } from "./key";
import type { CreateApiKeyInput } from "./schemas";

type Context = { organizationId: string; actor: AuditActor };

export type CreatedApiKey = {
  id: string;
  name: string;
  prefix: string;
  createdAt: Date;
  /** The full key: shown once, never stored. */
  key: string;
};

export const createApiKey = async (
  tx: Tx,
  { organizationId, actor, input }: Context & { input: CreateApiKeyInput },
): Promise<CreatedApiKey> => {
  const { key, prefix, keyHash } = generateApiKey();
  const apiKey = await tx.apiKey.create({
    data: {
      id: newId("apiKey"),
      organizationId,
      name: input.name,
      prefix,
      keyHash,
      createdById: actor.type === "user" ? actor.userId : null,
    },
    select: { id: true, name: true, prefix: true, createdAt: true },
  });
  await recordAudit(tx, {
    organizationId,
    actor,
    action: "api_key.created",
    entityType: "api_key",
    entityId: apiKey.id,
    summary: `Created API key "${apiKey.name}" (${apiKey.prefix}…)`,
    changes: { name: apiKey.name, prefix: apiKey.prefix },
  });
  return { ...apiKey, key };
};

export type RevokedApiKey = { id: string; name: string; prefix: string; revokedAt: Date };

/** Revokes the key at once: its next request gets a 401. Revoking a revoked key changes nothing. */
export const revokeApiKey = async (
  tx: Tx,
  { organizationId, actor, apiKeyId }: Context & { apiKeyId: string },
): Promise<RevokedApiKey> => {
  const [locked] = await tx.$queryRaw<{ id: string; name: string; prefix: string; revokedAt: Date | null }[]>`
    SELECT "id", "name", "prefix", "revokedAt" FROM "ApiKey"
    WHERE "id" = ${apiKeyId} AND "organizationId" = ${organizationId}
    FOR UPDATE`;
  // Another organisation's key is as good as absent: never confirm it exists.
  if (!locked) throw new NotFoundError("API key");
  if (locked.revokedAt) return { ...locked, revokedAt: locked.revokedAt };
  const revoked = await tx.apiKey.update({
    where: { id: locked.id },
    data: { revokedAt: new Date() },
    select: { id: true, name: true, prefix: true, revokedAt: true },
  });
  await recordAudit(tx, {
    organizationId,
    actor,
    action: "api_key.revoked",
    entityType: "api_key",
    entityId: revoked.id,
    summary: `Revoked API key "${revoked.name}" (${revoked.prefix}…)`,
    changes: { revokedAt: { from: null, to: revoked.revokedAt!.toISOString() } },
  });
  return { ...revoked, revokedAt: revoked.revokedAt! };
};

export type ApiKeyPrincipal = { organizationId: string; apiKeyId: string };

/**
 * The organisation a request's `Authorization: Bearer <key>` header speaks for, or null for a
 * missing, unknown or revoked key. One round trip: the lookup by hash, and the last-used time
 * written at most once a minute (a busy key would otherwise update its row on every request).
 */
export const authenticateApiKey = async (
  headerValue: string | null | undefined,
  client: Tx = db,
): Promise<ApiKeyPrincipal | null> => {
  const key = bearerKey(headerValue);
  if (!key) return null;
  const rows = await client.$queryRaw<ApiKeyPrincipal[]>`
    WITH "key" AS (
      SELECT "id", "organizationId" FROM "ApiKey" WHERE "keyHash" = ${hashApiKey(key)} AND "revokedAt" IS NULL
    ), "touched" AS (
      UPDATE "ApiKey" AS k SET "lastUsedAt" = now()
      FROM "key"
      WHERE k."id" = "key"."id" AND (k."lastUsedAt" IS NULL OR k."lastUsedAt" < now() - interval '1 minute')
      RETURNING k."id"
    )
    SELECT "id" AS "apiKeyId", "organizationId" FROM "key"`;
  return rows[0] ?? null;
};
