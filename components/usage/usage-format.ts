// How usage reads on the Usage page: a quantity grouped per locale, and what a meter measures.
import Decimal from "decimal.js";
import type { MeterAggregation } from "@/lib/db/generated/enums";
import { formatQuantity } from "@/lib/money";

/** Quantities show up to 6 decimals (a sum of many fractional values can carry far more). */
export const formatUsageQuantity = (quantity: string, locale: string): string =>
  formatQuantity(new Decimal(quantity).toDecimalPlaces(6, Decimal.ROUND_HALF_UP).toFixed(), locale);

type MeterToDescribe = {
  eventName: string;
  aggregation: MeterAggregation;
  property: string | null;
  filters: Record<string, string> | null;
};

/** "Sum of hours over compute_job events where region = eu", for the line under the filters. */
export const describeMeter = (meter: MeterToDescribe): string => {
  const events = `${meter.eventName} events`;
  const property = meter.property ?? "a property";
  const what = (() => {
    switch (meter.aggregation) {
      case "count":
        return `Count of ${events}`;
      case "sum":
        return `Sum of ${property} over ${events}`;
      case "max":
        return `Highest ${property} among ${events}`;
      case "unique_count":
        return `Distinct values of ${property} among ${events}`;
      default: {
        const unknown: never = meter.aggregation;
        throw new Error(`Unknown aggregation ${String(unknown)}`);
      }
    }
  })();
  const filters = Object.entries(meter.filters ?? {}).map(([key, value]) => `${key} = ${value}`);
  return filters.length > 0 ? `${what} where ${filters.join(" and ")}` : what;
};
