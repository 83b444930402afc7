import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  consumableMinor,
  InsufficientCreditError,
  isConsumable,
  planConsumption,
  type ConsumableCredit,
} from "./allocation";

const NOW = new Date("2024-07-10T12:00:00Z");
const day = (offset: number) => new Date(NOW.getTime() + offset * 24 * 60 * 60 * 1000);

const credit = (id: string, values: Partial<ConsumableCredit> = {}): ConsumableCredit => ({
  id,
  remainingMinor: 10000n, // $100.00
  priority: 100,
  expiresAt: null,
  createdAt: day(-30),
  ...values,
});

describe("planConsumption", () => {
  it("consumes the lowest priority first, whatever the expiry or age", () => {
    const credits = [
      credit("purchased", { priority: 100, createdAt: day(-90), expiresAt: day(1) }),
      credit("promotional", { priority: 10, createdAt: day(-1) }),
    ];
    expect(planConsumption(credits, 12000n, NOW)).toEqual([
      { creditId: "promotional", amountMinor: 10000n },
      { creditId: "purchased", amountMinor: 2000n }, // $20.00
    ]);
  });

  it("within a priority, consumes the earliest expiry first and undated credit last", () => {
    const credits = [
      credit("never", { createdAt: day(-60) }),
      credit("in-20-days", { expiresAt: day(20), createdAt: day(-10) }),
      credit("in-5-days", { expiresAt: day(5), createdAt: day(-1) }),
    ];
    expect(planConsumption(credits, 25000n, NOW).map((part) => part.creditId)).toEqual([
      "in-5-days",
      "in-20-days",
      "never",
    ]);
  });

  it("within a priority and expiry, consumes the oldest first", () => {
    const credits = [credit("newer", { createdAt: day(-2) }), credit("older", { createdAt: day(-3) })];
    expect(planConsumption(credits, 500n, NOW)).toEqual([{ creditId: "older", amountMinor: 500n }]); // $5.00
  });

  it("takes only what is needed from the last credit it touches", () => {
    const credits = [
      credit("a", { remainingMinor: 3000n }),
      credit("b", { remainingMinor: 3000n, createdAt: day(-1) }),
    ];
    expect(planConsumption(credits, 4500n, NOW)).toEqual([
      { creditId: "a", amountMinor: 3000n },
      { creditId: "b", amountMinor: 1500n },
    ]);
  });

  it("skips expired and empty credits", () => {
    const credits = [
      credit("expired", { priority: 1, expiresAt: day(-1) }),
      credit("expires-now", { priority: 1, expiresAt: NOW }),
      credit("empty", { priority: 1, remainingMinor: 0n }),
      credit("live"),
    ];
    expect(planConsumption(credits, 100n, NOW)).toEqual([{ creditId: "live", amountMinor: 100n }]);
    expect(consumableMinor(credits, NOW)).toBe(10000n);
    expect(isConsumable(credits[1]!, NOW)).toBe(false);
  });

  it("refuses a debit the consumable credits cannot cover, saying what they hold", () => {
    const credits = [credit("a", { remainingMinor: 5000n }), credit("expired", { expiresAt: day(-1) })];
    let error: unknown;
    try {
      planConsumption(credits, 6000n, NOW);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(InsufficientCreditError);
    expect(error).toMatchObject({ availableMinor: 5000n, requestedMinor: 6000n });
  });

  it("refuses a zero or negative debit", () => {
    expect(() => planConsumption([credit("a")], 0n, NOW)).toThrow(RangeError);
    expect(() => planConsumption([credit("a")], -1n, NOW)).toThrow(RangeError);
  });

  it("always takes exactly the amount, never more than a credit has, in the domain's order", () => {
    const arbitraryCredit = fc.record({
      remainingMinor: fc.bigInt({ min: 0n, max: 50000n }),
      priority: fc.integer({ min: 0, max: 3 }),
      expiresIn: fc.option(fc.integer({ min: -5, max: 5 }), { nil: null }),
      age: fc.integer({ min: 0, max: 5 }),
    });
    fc.assert(
      fc.property(fc.array(arbitraryCredit, { maxLength: 12 }), fc.bigInt({ min: 1n, max: 200000n }), (raw, amount) => {
        const credits = raw.map((values, index) =>
          credit(`c${String(index).padStart(2, "0")}`, {
            remainingMinor: values.remainingMinor,
            priority: values.priority,
            expiresAt: values.expiresIn === null ? null : day(values.expiresIn),
            createdAt: day(-values.age),
          }),
        );
        const available = consumableMinor(credits, NOW);
        if (amount > available) {
          expect(() => planConsumption(credits, amount, NOW)).toThrow(InsufficientCreditError);
          return;
        }
        const plan = planConsumption(credits, amount, NOW);
        expect(plan.reduce((sum, part) => sum + part.amountMinor, 0n)).toBe(amount);
        const byId = new Map(credits.map((item) => [item.id, item]));
        for (const [index, part] of plan.entries()) {
          const source = byId.get(part.creditId)!;
          expect(isConsumable(source, NOW)).toBe(true);
          expect(part.amountMinor > 0n && part.amountMinor <= source.remainingMinor).toBe(true);
          // Every credit before the last one is used up: a later credit is touched only when needed.
          if (index < plan.length - 1) expect(part.amountMinor).toBe(source.remainingMinor);
        }
        // No untouched consumable credit comes before a touched one in the order.
        const touched = new Set(plan.map((part) => part.creditId));
        const last = byId.get(plan.at(-1)!.creditId)!;
        for (const other of credits.filter((item) => isConsumable(item, NOW) && !touched.has(item.id))) {
          const expiry = (item: ConsumableCredit) => item.expiresAt?.getTime() ?? Infinity;
          const before =
            other.priority < last.priority ||
            (other.priority === last.priority && expiry(other) < expiry(last)) ||
            (other.priority === last.priority &&
              expiry(other) === expiry(last) &&
              other.createdAt.getTime() < last.createdAt.getTime());
          expect(before).toBe(false);
        }
      }),
      { numRuns: 500 },
    );
  });
});
