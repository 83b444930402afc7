// What a recalculation changes on an invoice, worked out without I/O: the plan's lines as the events
// now give them against the ones the invoice holds (matched by price and description), the manual
// lines kept where they stood, and whether anything a reader would see differs at all.
import Decimal from "decimal.js";
import { computeLine } from "@/lib/invoices/totals";

/** A line as the invoice stores it; priceId null is a line finance added by hand. */
export type StoredLine = {
  priceId: string | null;
  description: string;
  quantity: string;
  unitAmountMinor: bigint;
  amountMinor: bigint;
  taxRatePercent: string;
  periodStart: Date | null;
  periodEnd: Date | null;
};

/** A line of the plan for the period, as lib/billing/lines.ts computes it from the events. */
export type PlanLine = {
  priceId: string;
  description: string;
  quantity: string;
  unitAmountMinor: bigint;
  taxRatePercent: string;
  periodStart: Date;
  periodEnd: Date;
};

/** A line to write: the new plan lines and the manual lines, in their final order. */
export type LineToWrite = Omit<StoredLine, "amountMinor">;

export type RecalculationLine = {
  priceId: string | null;
  description: string;
  /** Null when the line is new (the events now reach a tier they did not). */
  oldQuantity: string | null;
  /** Null when the line goes away. */
  newQuantity: string | null;
  oldAmountMinor: bigint | null;
  newAmountMinor: bigint | null;
};

// InvoiceLine.quantity is DECIMAL(20, 6): a quantity with more places would be rounded on the way
// in, and the stored line would no longer be what was compared. PostgreSQL rounds half away from zero.
const QUANTITY_PLACES = 6;

/** Decimal text as the quantity column stores it, printed canonically ("7.5", "1000"). */
export const storedQuantity = (quantity: string): string =>
  new Decimal(quantity).toDecimalPlaces(QUANTITY_PLACES, Decimal.ROUND_HALF_UP).toFixed();

const canonicalRate = (rate: string): string => new Decimal(rate).toFixed();

const matchKey = (line: { priceId: string | null; description: string }) =>
  `${line.priceId ?? ""}\u0000${line.description}`;

const contentKey = (line: { quantity: string; unitAmountMinor: bigint; taxRatePercent: string }) =>
  [storedQuantity(line.quantity), line.unitAmountMinor.toString(), canonicalRate(line.taxRatePercent)].join("|");

/**
 * The tax rate of a plan line: the one the invoice's line for the same price already carries (finance
 * may have set it, e.g. 9% GST on a reseller's invoice, and a recount of usage does not change tax),
 * else the rate lines.ts gave.
 */
const rateFor = (line: PlanLine, current: readonly StoredLine[]): string => {
  const same = current.find((each) => each.priceId === line.priceId && each.description === line.description);
  const samePrice = same ?? current.find((each) => each.priceId === line.priceId);
  return samePrice ? samePrice.taxRatePercent : line.taxRatePercent;
};

export type RecalculatedLines = {
  /** Per line: old and new quantity and amount, the plan's order first, then lines that go away. */
  lines: RecalculationLine[];
  /** Every line of the recalculated invoice, positions in this order. */
  linesToWrite: LineToWrite[];
  /** False when the plan lines are what the invoice already holds (nothing to write). */
  changed: boolean;
};

/**
 * Puts the plan's new lines where the invoice's plan lines stood (manual lines above them stay above,
 * the rest follow in their order) and compares them with the old ones.
 */
export const recalculateLines = ({
  current,
  planLines,
}: {
  current: readonly StoredLine[];
  planLines: readonly PlanLine[];
}): RecalculatedLines => {
  const oldPlanLines = current.filter((line) => line.priceId !== null);
  const fresh: LineToWrite[] = planLines.map((line) => ({
    priceId: line.priceId,
    description: line.description,
    quantity: storedQuantity(line.quantity),
    unitAmountMinor: line.unitAmountMinor,
    taxRatePercent: rateFor(line, oldPlanLines),
    periodStart: line.periodStart,
    periodEnd: line.periodEnd,
  }));

  // Lines are matched in order, so a price that bills two lines of one description pairs them up.
  const unmatched = new Map<string, StoredLine[]>();
  for (const line of oldPlanLines) {
    const key = matchKey(line);
    unmatched.set(key, [...(unmatched.get(key) ?? []), line]);
  }
  const lines: RecalculationLine[] = fresh.map((line) => {
    const old = unmatched.get(matchKey(line))?.shift() ?? null;
    return {
      priceId: line.priceId,
      description: line.description,
      oldQuantity: old ? storedQuantity(old.quantity) : null,
      newQuantity: line.quantity,
      oldAmountMinor: old ? old.amountMinor : null,
      newAmountMinor: computeLine(line).amountMinor,
    };
  });
  for (const old of [...unmatched.values()].flat()) {
    lines.push({
      priceId: old.priceId,
      description: old.description,
      oldQuantity: storedQuantity(old.quantity),
      newQuantity: null,
      oldAmountMinor: old.amountMinor,
      newAmountMinor: null,
    });
  }

  const before = oldPlanLines.map((line) => `${matchKey(line)}|${contentKey(line)}`).sort();
  const after = fresh.map((line) => `${matchKey(line)}|${contentKey(line)}`).sort();
  const changed = before.length !== after.length || before.some((key, index) => key !== after[index]);

  // Every line before the first plan line is a manual one; with no plan line at all, the plan goes first.
  const manualAbove = Math.max(
    current.findIndex((line) => line.priceId !== null),
    0,
  );
  const manual = current
    .filter((line) => line.priceId === null)
    .map((line): LineToWrite => ({
      priceId: null,
      description: line.description,
      quantity: storedQuantity(line.quantity),
      unitAmountMinor: line.unitAmountMinor,
      taxRatePercent: line.taxRatePercent,
      periodStart: line.periodStart,
      periodEnd: line.periodEnd,
    }));
  return {
    lines,
    linesToWrite: [...manual.slice(0, manualAbove), ...fresh, ...manual.slice(manualAbove)],
    changed,
  };
};
