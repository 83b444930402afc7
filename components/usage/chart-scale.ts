// The y axis of the usage chart: a round top value just above the highest bar and evenly spaced
// ticks, so the labels read 0, 250, 500, 750, 1,000 rather than 0, 237.4, 474.8. Display only:
// quantities stay decimal text everywhere else.

const STEPS = [1, 2, 2.5, 5, 10] as const;

/** The smallest "round" number (1, 2, 2.5 or 5 times a power of ten) at or above `value`. */
export const niceCeiling = (value: number): number => {
  if (!(value > 0) || !Number.isFinite(value)) return 1;
  const magnitude = 10 ** Math.floor(Math.log10(value));
  const step = STEPS.find((candidate) => candidate * magnitude >= value * (1 - 1e-12)) ?? 10;
  return step * magnitude;
};

/** Tick values from 0 to the axis top, inclusive, each a round number (a top of 2 steps by 0.5, others by fifths). */
export const axisTicks = (highest: number): number[] => {
  const top = niceCeiling(highest);
  const leading = Math.round(top / 10 ** Math.floor(Math.log10(top)));
  const count = leading === 2 ? 4 : 5;
  return Array.from({ length: count + 1 }, (_, index) => (top * index) / count);
};
