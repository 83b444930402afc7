import { describe, expect, it } from "vitest";
import { ID_PREFIXES, newId, newPublicToken } from "./ids";

describe("newId", () => {
  it("names what it identifies with its prefix", () => {
    expect(newId("invoice")).toMatch(/^inv_[0-9A-HJKMNP-TV-Z]{26}$/);
    expect(newId("walletTransaction")).toMatch(/^wtx_/);
  });

  it("sorts by creation time, also within one millisecond", () => {
    const ids = Array.from({ length: 1000 }, (_, i) => newId("customer", 1_700_000_000_000 + Math.floor(i / 100)));
    expect([...ids].sort()).toEqual(ids);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it("has one distinct prefix per kind", () => {
    const prefixes = Object.values(ID_PREFIXES);
    expect(new Set(prefixes).size).toBe(prefixes.length);
  });
});

describe("newPublicToken", () => {
  it("carries at least 128 random bits, URL-safe, never repeating", () => {
    const tokens = Array.from({ length: 1000 }, () => newPublicToken());
    for (const token of tokens) {
      expect(token).toMatch(/^[A-Za-z0-9_-]+$/);
      expect(Buffer.from(token, "base64url").length * 8).toBeGreaterThanOrEqual(128);
    }
    expect(new Set(tokens).size).toBe(tokens.length);
  });
});
