import { describe, expect, it } from "vitest";
import { throttleDelayMs } from "./throttle";

describe("throttleDelayMs", () => {
  it("lets the first few failures through without delay", () => {
    expect(throttleDelayMs(0)).toBe(0);
    expect(throttleDelayMs(2)).toBe(0);
  });
  it("doubles the delay with each further failure, up to a cap", () => {
    expect(throttleDelayMs(3)).toBe(500);
    expect(throttleDelayMs(4)).toBe(1000);
    expect(throttleDelayMs(6)).toBe(4000);
    expect(throttleDelayMs(12)).toBe(8000);
  });
});
