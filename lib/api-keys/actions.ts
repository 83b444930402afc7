"use server";
// API key actions for Settings > API keys, for admins only: each authorizes itself through
// defineAction, runs the service with its audit entry in one transaction, and refreshes the page.
import { revalidatePath } from "next/cache";
import { defineAction } from "@/lib/actions/client";
import { userActor } from "@/lib/audit/record";
import { db } from "@/lib/db/client";
import { createApiKeySchema, revokeApiKeySchema } from "./schemas";
import * as apiKeys from "./service";

const API_KEYS_PATH = "/settings/api-keys";

/** Returns the full key: the one time it ever leaves the server. */
export const createApiKey = defineAction({
  name: "apiKeys.create",
  role: "admin",
  schema: createApiKeySchema,
  run: async ({ input, user }) => {
    const created = await db.$transaction((tx) =>
      apiKeys.createApiKey(tx, { organizationId: user.organizationId, actor: userActor(user), input }),
    );
    revalidatePath(API_KEYS_PATH);
    return { id: created.id, name: created.name, prefix: created.prefix, key: created.key };
  },
});

export const revokeApiKey = defineAction({
  name: "apiKeys.revoke",
  role: "admin",
  schema: revokeApiKeySchema,
  run: async ({ input, user }) => {
    const revoked = await db.$transaction((tx) =>
      apiKeys.revokeApiKey(tx, {
        organizationId: user.organizationId,
        actor: userActor(user),
        apiKeyId: input.apiKeyId,
      }),
    );
    revalidatePath(API_KEYS_PATH);
    return { id: revoked.id, name: revoked.name };
  },
});
