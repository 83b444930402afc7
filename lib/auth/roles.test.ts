import { describe, expect, it } from "vitest";
import { hasRole } from "./roles";

describe("hasRole", () => {
  it("ranks admin above finance above viewer", () => {
    expect(hasRole("admin", "finance")).toBe(true);
    expect(hasRole("finance", "finance")).toBe(true);
    expect(hasRole("viewer", "finance")).toBe(false);
    expect(hasRole("finance", "admin")).toBe(false);
    expect(hasRole("viewer", "viewer")).toBe(true);
  });
});
