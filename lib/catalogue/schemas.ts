// What the plan form sends and the plan actions accept: one zod schema shared by the browser
// (zodResolver) and the server, so both refuse the same input in the same words at the same field
// ("prices.1.tiers.2.upTo"). Money is parsed here, once, into minor units. No I/O.
import type { Path } from "react-hook-form";
import { z } from "zod";
import { tierProblems, type TierInput } from "@/lib/billing/tiers";
import type { BillingInterval, TierMode } from "@/lib/db/generated/enums";
import { isSupportedCurrency, parseMoney, parseQuantity, type CurrencyCode } from "@/lib/money";
import { idSchema, readText, reportIssues, type Issue } from "./schema-helpers";

// The meter form's schema lives beside this one; import either from here.
export * from "./meter-schemas";

// ---------------------------------------------------------------- plans

export const BILLING_INTERVALS = ["month", "year"] as const satisfies readonly BillingInterval[];
export const BILLING_INTERVAL_LABELS: Record<BillingInterval, string> = { month: "Monthly", year: "Yearly" };

export const PRICE_TYPES = ["flat", "per_unit", "tiered"] as const;
export type PriceType = (typeof PRICE_TYPES)[number];
export const PRICE_TYPE_LABELS: Record<PriceType, string> = {
  flat: "Flat recurring fee",
  per_unit: "Per-unit usage price",
  tiered: "Tiered usage price",
};

export const TIER_MODES = ["graduated", "volume"] as const satisfies readonly TierMode[];
export const TIER_MODE_LABELS: Record<TierMode, string> = {
  graduated: "Graduated: each tier prices the units within it",
  volume: "Volume: the tier the total reaches prices every unit",
};

export const PLAN_CODE_MAX_LENGTH = 60;
export const PLAN_NAME_MAX_LENGTH = 120;
export const PRICE_DESCRIPTION_MAX_LENGTH = 200;
export const MAX_PRICES = 20;
export const MAX_TIERS = 20;
// Codes travel in URLs, exports and API payloads: letters, digits and - _ . only.
const PLAN_CODE_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;

const tierFields = z.object({ upTo: z.string(), unitPrice: z.string(), flatFee: z.string() });
const priceFields = z.object({
  type: z.enum(PRICE_TYPES, "Choose the kind of price"),
  description: z.string(),
  meterId: z.string(),
  unitPrice: z.string(),
  tierMode: z.enum(TIER_MODES, "Choose graduated or volume"),
  tiers: z.array(tierFields),
});
const planFields = z.object({
  code: z.string(),
  name: z.string(),
  currency: z.string(),
  interval: z.enum(BILLING_INTERVALS, "Choose monthly or yearly"),
  prices: z.array(priceFields),
});

export type PriceDraft =
  | { type: "flat"; description: string; unitAmountMinor: bigint }
  | { type: "per_unit"; description: string; meterId: string; unitAmountMinor: bigint }
  | { type: "tiered"; description: string; meterId: string; mode: TierMode; tiers: TierInput[] };

export type PlanInput = {
  code: string;
  name: string;
  currency: CurrencyCode;
  interval: BillingInterval;
  prices: PriceDraft[];
};

/** Where tierProblems' fields live in the form. */
const TIER_FORM_FIELD = { upTo: "upTo", unitAmount: "unitPrice", flatAmount: "flatFee" } as const;

const readTiers = (
  issues: Issue[],
  { tiers, currency, at }: { tiers: z.output<typeof tierFields>[]; currency: CurrencyCode | null; at: number },
): TierInput[] | null => {
  if (tiers.length > MAX_TIERS) {
    issues.push({ path: ["prices", at, "tiers"], message: `A price can have at most ${MAX_TIERS} tiers` });
  }
  const parsed: TierInput[] = [];
  let readable = true;
  tiers.forEach((tier, index) => {
    const path = (field: string) => ["prices", at, "tiers", index, field];
    let upTo: string | null = null;
    if (tier.upTo.trim() !== "") {
      const quantity = parseQuantity(tier.upTo);
      if (quantity.ok) upTo = quantity.quantity;
      else issues.push({ path: path("upTo"), message: quantity.error });
      readable &&= quantity.ok;
    }
    const unitPrice = currency ? parseMoney(tier.unitPrice, currency, { allowZero: true }) : null;
    if (unitPrice && !unitPrice.ok) {
      issues.push({
        path: path("unitPrice"),
        message: tier.unitPrice.trim() === "" ? "Enter the unit price (0 for free units)" : unitPrice.error,
      });
    }
    const flatFee =
      tier.flatFee.trim() === ""
        ? { ok: true as const, minor: 0n }
        : currency
          ? parseMoney(tier.flatFee, currency, { allowZero: true })
          : null;
    if (flatFee && !flatFee.ok) issues.push({ path: path("flatFee"), message: flatFee.error });
    if (unitPrice?.ok && flatFee?.ok) {
      parsed.push({ upTo, unitAmountMinor: unitPrice.minor, flatAmountMinor: flatFee.minor });
    } else {
      readable = false;
    }
  });
  if (tiers.length === 0) {
    issues.push({ path: ["prices", at, "tiers"], message: "Add at least one tier" });
    return null;
  }
  if (!readable) return null;
  // Order and openness, once every tier reads: the same rules the service applies.
  for (const problem of tierProblems(parsed)) {
    issues.push({
      path: ["prices", at, "tiers", problem.index, TIER_FORM_FIELD[problem.field]],
      message: problem.message,
    });
  }
  return parsed;
};

const readPrice = (
  issues: Issue[],
  { price, currency, at }: { price: z.output<typeof priceFields>; currency: CurrencyCode | null; at: number },
): PriceDraft | null => {
  const description = readText(issues, {
    text: price.description,
    path: ["prices", at, "description"],
    label: "A description",
    empty: "Describe the price as the invoice line should read",
    max: PRICE_DESCRIPTION_MAX_LENGTH,
  });
  const meterId = price.meterId.trim();
  if (price.type !== "flat" && meterId === "") {
    issues.push({ path: ["prices", at, "meterId"], message: "Choose the meter that counts this usage" });
  }
  if (price.type === "tiered") {
    const tiers = readTiers(issues, { tiers: price.tiers, currency, at });
    return tiers ? { type: "tiered", description, meterId, mode: price.tierMode, tiers } : null;
  }
  const amount = currency ? parseMoney(price.unitPrice, currency) : null;
  if (amount && !amount.ok) {
    const empty = price.unitPrice.trim() === "";
    const message = empty ? (price.type === "flat" ? "Enter the fee" : "Enter the price of one unit") : amount.error;
    issues.push({ path: ["prices", at, "unitPrice"], message });
  }
  if (!amount?.ok) return null;
  return price.type === "flat"
    ? { type: "flat", description, unitAmountMinor: amount.minor }
    : { type: "per_unit", description, meterId, unitAmountMinor: amount.minor };
};

const readPlan = (values: z.output<typeof planFields>, issues: Issue[]): PlanInput | null => {
  const code = readText(issues, {
    text: values.code,
    path: ["code"],
    label: "A code",
    empty: "Enter a code, for example growth-usd",
    max: PLAN_CODE_MAX_LENGTH,
  });
  if (code !== "" && code.length <= PLAN_CODE_MAX_LENGTH && !PLAN_CODE_PATTERN.test(code)) {
    issues.push({
      path: ["code"],
      message: "Use letters, digits and - _ . in a code, starting with a letter or digit",
    });
  }
  const name = readText(issues, {
    text: values.name,
    path: ["name"],
    label: "A name",
    empty: "Name the plan as customers know it",
    max: PLAN_NAME_MAX_LENGTH,
  });
  const currencyText = values.currency.trim().toUpperCase();
  const currency = isSupportedCurrency(currencyText) ? currencyText : null;
  if (!currency) issues.push({ path: ["currency"], message: "Choose a currency from the list" });
  if (values.prices.length === 0) issues.push({ path: ["prices"], message: "Add at least one price" });
  if (values.prices.length > MAX_PRICES) {
    issues.push({ path: ["prices"], message: `A plan can have at most ${MAX_PRICES} prices` });
  }
  const prices = values.prices.map((price, at) => readPrice(issues, { price, currency, at }));
  if (!currency || prices.some((price) => price === null)) return null;
  return { code, name, currency, interval: values.interval, prices: prices.filter((price) => price !== null) };
};

/**
 * The plan form: every value a string, as typed. Parsing collects every problem at once, each at
 * its field, so a bad tier shows at "prices.1.tiers.2.upTo" together with any other mistake.
 */
export const createPlanSchema = planFields.transform((values, context): PlanInput => {
  const issues: Issue[] = [];
  const plan = readPlan(values, issues);
  return issues.length > 0 || !plan ? reportIssues(issues, context) : plan;
});

export const updatePlanSchema = planFields
  .extend({ planId: idSchema })
  .transform((values, context): PlanInput & { planId: string } => {
    const issues: Issue[] = [];
    const plan = readPlan(values, issues);
    return issues.length > 0 || !plan ? reportIssues(issues, context) : { ...plan, planId: values.planId };
  });

export type PlanFormValues = z.input<typeof createPlanSchema>;
export type PriceFormValues = PlanFormValues["prices"][number];
export type TierFormValues = PriceFormValues["tiers"][number];
export type UpdatePlanInput = z.output<typeof updatePlanSchema>;

export const planRefSchema = z.object({ planId: idSchema });
export type PlanRef = z.output<typeof planRefSchema>;

const PLAN_SCALAR_FIELDS = ["code", "name", "currency", "interval", "prices"] as const;
const PRICE_FIELDS = ["type", "description", "meterId", "unitPrice", "tierMode", "tiers"] as const;
const TIER_FIELDS = ["upTo", "unitPrice", "flatFee"] as const;

/** Every field path an error may land on, for applyServerErrors: "code", "prices.1.tiers.2.upTo", ... */
export const planFieldPaths = (prices: readonly { tiers: readonly unknown[] }[]): Path<PlanFormValues>[] => [
  ...PLAN_SCALAR_FIELDS,
  ...prices.flatMap((price, at) => [
    ...PRICE_FIELDS.map((field) => `prices.${at}.${field}` as const),
    ...price.tiers.flatMap((_, index) => TIER_FIELDS.map((field) => `prices.${at}.tiers.${index}.${field}` as const)),
  ]),
];
