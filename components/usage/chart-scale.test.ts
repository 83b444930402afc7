import { describe, expect, it } from "vitest";
import { axisTicks, niceCeiling } from "./chart-scale";

describe("niceCeiling", () => {
  it.each([
    [0, 1],
    [0.3, 0.5],
    [1, 1],
    [3, 5],
    [7, 10],
    [11, 20],
    [237.4, 250],
    [1000, 1000],
    [1001, 2000],
    [48_210, 50_000],
  ])("%s -> %s", (value, top) => {
    expect(niceCeiling(value)).toBeCloseTo(top, 10);
  });
});

describe("axisTicks", () => {
  it("spaces ticks evenly from zero to the round top", () => {
    expect(axisTicks(237.4)).toEqual([0, 50, 100, 150, 200, 250]);
    expect(axisTicks(11)).toEqual([0, 5, 10, 15, 20]);
    expect(axisTicks(3)).toEqual([0, 1, 2, 3, 4, 5]);
    expect(axisTicks(0)).toEqual([0, 0.2, 0.4, 0.6, 0.8, 1]);
  });
});
