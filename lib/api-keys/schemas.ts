// What an admin types to create or revoke an API key: shared by the form (zodResolver) and the
// actions, so both refuse the same input in the same words. No I/O.
import { z } from "zod";

export const API_KEY_NAME_MAX_LENGTH = 80;

export const createApiKeySchema = z.object({
  name: z
    .string()
    .trim()
    .min(1, "Name the key after what sends the events, for example Production backend")
    .max(API_KEY_NAME_MAX_LENGTH, `A name can be at most ${API_KEY_NAME_MAX_LENGTH} characters`),
});
export type CreateApiKeyFormValues = z.input<typeof createApiKeySchema>;
export type CreateApiKeyInput = z.output<typeof createApiKeySchema>;

export const CREATE_API_KEY_FIELDS = ["name"] as const;

export const revokeApiKeySchema = z.object({ apiKeyId: z.string().min(1).max(64) });
export type RevokeApiKeyInput = z.output<typeof revokeApiKeySchema>;
