// Where a draft line comes from, as the draft form carries it in hidden fields: a line billed from a
// subscription plan's price keeps that price and the period it bills (so Recalculate can tell usage
// lines from lines finance added by hand); a hand-made line has neither. Parsing only, no I/O: the
// service checks the price against the invoice's subscription. Periods are instants (midnight in the
// organisation's zone), carried as ISO text ("2026-10-01T04:00:00.000Z").

/** What the form's hidden fields hold: "" (or nothing) on a hand-made line. */
export type BilledLineText = { priceId?: string; periodStart?: string; periodEnd?: string };

export type BilledLine = { priceId: string | null; periodStart: Date | null; periodEnd: Date | null };

export const HAND_MADE_LINE: BilledLine = { priceId: null, periodStart: null, periodEnd: null };

const INSTANT_TEXT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,3})?Z$/;

/** "2026-10-01T04:00:00.000Z" -> that instant, or null (only UTC ISO text, as the form is given it). */
export const parseInstant = (text: string): Date | null => {
  if (!INSTANT_TEXT.test(text)) return null;
  const date = new Date(text);
  if (Number.isNaN(date.getTime())) return null;
  // Date rolls 2026-02-30 over to March: an instant that does not round-trip does not exist.
  return date.toISOString().slice(0, 19) === text.slice(0, 19) ? date : null;
};

/** A stored line's source as the form's hidden fields hold it. */
export const billedLineText = (line: BilledLine): Required<BilledLineText> => ({
  priceId: line.priceId ?? "",
  periodStart: line.periodStart?.toISOString() ?? "",
  periodEnd: line.periodEnd?.toISOString() ?? "",
});

export type BilledLineResult = { ok: true; line: BilledLine } | { ok: false; error: string };

/**
 * The hidden fields read back: a price alone, a price with its period, or nothing. A period needs
 * both ends, must end after it starts, and belongs only to a line billed from a price.
 */
export const readBilledLine = (text: BilledLineText): BilledLineResult => {
  const priceId = text.priceId?.trim() ?? "";
  const startText = text.periodStart?.trim() ?? "";
  const endText = text.periodEnd?.trim() ?? "";
  if (startText === "" && endText === "") {
    return { ok: true, line: { priceId: priceId === "" ? null : priceId, periodStart: null, periodEnd: null } };
  }
  if (priceId === "") return { ok: false, error: "Only a line billed from a plan price carries a billing period" };
  if (startText === "" || endText === "") {
    return { ok: false, error: "This line's billing period needs both its start and its end" };
  }
  const periodStart = parseInstant(startText);
  const periodEnd = parseInstant(endText);
  if (!periodStart || !periodEnd) return { ok: false, error: "This line's billing period is not a valid time" };
  if (periodEnd.getTime() <= periodStart.getTime()) {
    return { ok: false, error: "This line's billing period must end after it starts" };
  }
  return { ok: true, line: { priceId, periodStart, periodEnd } };
};

/** What a subscription draft bills, as stored: its plan's prices and the period of the invoice. */
export type BilledSubscription = { priceIds: ReadonlySet<string>; periodStart: Date | null; periodEnd: Date | null };

export type DraftProblem = { field: string; message: string };

/**
 * Why a draft's new values do not fit what the invoice bills, or null. A subscription draft keeps its
 * payer and its plan's currency (the subscription fixes both), and its lines may name only its plan's
 * prices, within the invoice's period. A draft billing no subscription has no priced lines at all.
 */
export const billedDraftProblem = ({
  stored,
  input,
}: {
  stored: { customerId: string; currency: string; subscription: BilledSubscription | null } | null;
  input: { customerId: string; currency: string; lines: readonly BilledLine[] };
}): DraftProblem | null => {
  const subscription = stored?.subscription ?? null;
  if (stored && subscription) {
    if (input.customerId !== stored.customerId) {
      return {
        field: "customerId",
        message:
          "This invoice bills a subscription: it goes to the subscription's invoicing customer, who cannot change",
      };
    }
    if (input.currency !== stored.currency) {
      return {
        field: "currency",
        message: `This invoice bills a subscription: it is in the plan's currency (${stored.currency}), which cannot change`,
      };
    }
  }
  for (const [index, line] of input.lines.entries()) {
    if (line.priceId === null) continue;
    const field = `lines.${index}.description`;
    if (!subscription) {
      return { field, message: "This line names a plan price, but the invoice bills no subscription" };
    }
    if (!subscription.priceIds.has(line.priceId)) {
      return { field, message: "This line names a price that is not on the subscription's plan" };
    }
    const { periodStart, periodEnd } = subscription;
    if (
      line.periodStart &&
      line.periodEnd &&
      periodStart &&
      periodEnd &&
      (line.periodStart.getTime() < periodStart.getTime() || line.periodEnd.getTime() > periodEnd.getTime())
    ) {
      return { field, message: "This line's billing period lies outside the period the invoice bills" };
    }
  }
  return null;
};
