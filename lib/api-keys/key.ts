// API key material: the secret a client sends (`bf_live_` + 32 random bytes, base64url), the prefix
// shown so a person can recognise a key, and the SHA-256 that is all the database keeps of it.
// No I/O: the service stores and checks keys.
import { createHash, randomBytes } from "node:crypto";

export const API_KEY_PREFIX = "bf_live_";
/** Characters of the key shown in the list ("bf_live_Xy3k"): enough to tell keys apart, useless to an attacker. */
export const SHOWN_PREFIX_LENGTH = 12;
const SECRET_BYTES = 32;
// The prefix plus 43 base64url characters; anything longer is not a key and is not hashed.
const KEY_PATTERN = /^bf_live_[A-Za-z0-9_-]{43}$/;

export type NewApiKey = { key: string; prefix: string; keyHash: string };

export const hashApiKey = (key: string): string => createHash("sha256").update(key, "utf8").digest("hex");

export const generateApiKey = (): NewApiKey => {
  const key = `${API_KEY_PREFIX}${randomBytes(SECRET_BYTES).toString("base64url")}`;
  return { key, prefix: key.slice(0, SHOWN_PREFIX_LENGTH), keyHash: hashApiKey(key) };
};

/** The key in an `Authorization: Bearer <key>` header, or null when the header holds no well-formed key. */
export const bearerKey = (headerValue: string | null | undefined): string | null => {
  if (!headerValue) return null;
  const match = /^Bearer[ \t]+(\S+)[ \t]*$/i.exec(headerValue.trim());
  const key = match?.[1];
  return key && KEY_PATTERN.test(key) ? key : null;
};
