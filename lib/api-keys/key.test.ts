import { describe, expect, it } from "vitest";
import { bearerKey, generateApiKey, hashApiKey, SHOWN_PREFIX_LENGTH } from "./key";

describe("generateApiKey", () => {
  it("makes a bf_live_ key of 32 random bytes, its shown prefix and its SHA-256", () => {
    const { key, prefix, keyHash } = generateApiKey();
    expect(key).toMatch(/^bf_live_[A-Za-z0-9_-]{43}$/);
    expect(prefix).toBe(key.slice(0, SHOWN_PREFIX_LENGTH));
    expect(prefix).toMatch(/^bf_live_.{4}$/);
    expect(keyHash).toMatch(/^[0-9a-f]{64}$/);
    expect(keyHash).toBe(hashApiKey(key));
    expect(keyHash).not.toContain(key.slice(8));
  });

  it("never makes the same key twice", () => {
    const keys = new Set(Array.from({ length: 200 }, () => generateApiKey().key));
    expect(keys.size).toBe(200);
  });
});

describe("bearerKey", () => {
  const { key } = generateApiKey();

  it("reads the key from an Authorization: Bearer header", () => {
    expect(bearerKey(`Bearer ${key}`)).toBe(key);
    expect(bearerKey(`bearer   ${key} `)).toBe(key);
  });

  it("refuses a missing header, another scheme, or something that is not a key", () => {
    expect(bearerKey(null)).toBeNull();
    expect(bearerKey("")).toBeNull();
    expect(bearerKey(key)).toBeNull();
    expect(bearerKey(`Basic ${key}`)).toBeNull();
    expect(bearerKey("Bearer bf_live_short")).toBeNull();
    expect(bearerKey(`Bearer ${key}x`)).toBeNull();
    expect(bearerKey(`Bearer ${key} extra`)).toBeNull();
  });
});
