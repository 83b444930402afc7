// How a plan is named in choices and tables: name, currency and how often it bills.
import type { BillingInterval } from "@/lib/db/generated/enums";

export const INTERVAL_LABELS: Record<BillingInterval, string> = { month: "Monthly", year: "Yearly" };

export const planLabel = (plan: { name: string; currency: string; interval: BillingInterval }): string =>
  `${plan.name} · ${plan.currency} · ${INTERVAL_LABELS[plan.interval]}`;
