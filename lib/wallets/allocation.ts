// Which credits a debit consumes, and how much of each: the domain's fixed order (lowest priority
// first, then the earliest expiry, then the oldest). Pure, so the order is tested without a database.

export type ConsumableCredit = {
  id: string;
  remainingMinor: bigint;
  priority: number;
  expiresAt: Date | null;
  createdAt: Date;
};

export type PlannedConsumption = { creditId: string; amountMinor: bigint };

/** The credits cannot cover the debit; availableMinor is what they could. */
export class InsufficientCreditError extends Error {
  readonly availableMinor: bigint;
  readonly requestedMinor: bigint;
  constructor({ availableMinor, requestedMinor }: { availableMinor: bigint; requestedMinor: bigint }) {
    super(`Credits hold ${availableMinor} minor units; ${requestedMinor} were asked for`);
    this.name = "InsufficientCreditError";
    this.availableMinor = availableMinor;
    this.requestedMinor = requestedMinor;
  }
}

/** A credit may be consumed while it has something left and its expiry has not come. */
export const isConsumable = (credit: Pick<ConsumableCredit, "remainingMinor" | "expiresAt">, now: Date): boolean =>
  credit.remainingMinor > 0n && (credit.expiresAt === null || credit.expiresAt.getTime() > now.getTime());

// Credits without an expiry go after every dated one: they can wait, the dated ones cannot.
const expiryKey = (credit: ConsumableCredit): number => credit.expiresAt?.getTime() ?? Number.POSITIVE_INFINITY;

const consumptionOrder = (a: ConsumableCredit, b: ConsumableCredit): number =>
  a.priority - b.priority ||
  expiryKey(a) - expiryKey(b) ||
  a.createdAt.getTime() - b.createdAt.getTime() ||
  // Ids sort by creation time too: the last word when two credits share a millisecond.
  (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/** What the consumable credits hold at `now`. */
export const consumableMinor = (credits: readonly ConsumableCredit[], now: Date): bigint =>
  credits.reduce((total, credit) => (isConsumable(credit, now) ? total + credit.remainingMinor : total), 0n);

/**
 * The credits a debit of amountMinor consumes, in order, each with the part it gives. Expired and
 * empty credits are skipped; throws InsufficientCreditError when the rest cannot cover the amount.
 */
export const planConsumption = (
  credits: readonly ConsumableCredit[],
  amountMinor: bigint,
  now: Date,
): PlannedConsumption[] => {
  if (amountMinor <= 0n) throw new RangeError(`A debit must be positive, got ${amountMinor}`);
  const ordered = credits.filter((credit) => isConsumable(credit, now)).sort(consumptionOrder);
  const plan: PlannedConsumption[] = [];
  let left = amountMinor;
  for (const credit of ordered) {
    if (left === 0n) break;
    const take = credit.remainingMinor < left ? credit.remainingMinor : left;
    plan.push({ creditId: credit.id, amountMinor: take });
    left -= take;
  }
  if (left > 0n) {
    throw new InsufficientCreditError({ availableMinor: amountMinor - left, requestedMinor: amountMinor });
  }
  return plan;
};
