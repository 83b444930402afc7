// Reads for the Usage page: the organisation's meters, the customers to filter by, and one meter's
// usage over a period (per day and per customer), aggregated in SQL by lib/usage/aggregate.ts.
import Decimal from "decimal.js";
import { db, type Tx } from "@/lib/db/client";
import type { CustomerStatus, MeterAggregation } from "@/lib/db/generated/enums";
import { startOfDayIn } from "@/lib/wallets/dates";
import { aggregateUsageByCustomer, aggregateUsageSeries, type MeterDefinition } from "./aggregate";

export type UsageMeter = MeterDefinition & { name: string; aggregation: MeterAggregation };

const isStringRecord = (value: unknown): value is Record<string, string> =>
  typeof value === "object" &&
  value !== null &&
  !Array.isArray(value) &&
  Object.values(value).every((item) => typeof item === "string");

/** Every meter of the organisation, by name. */
export const listUsageMeters = async (organizationId: string, client: Tx = db): Promise<UsageMeter[]> => {
  const meters = await client.meter.findMany({
    where: { organizationId },
    orderBy: [{ name: "asc" }, { id: "asc" }],
    select: { id: true, name: true, eventName: true, aggregation: true, property: true, filters: true },
  });
  return meters.map((meter) => ({ ...meter, filters: isStringRecord(meter.filters) ? meter.filters : null }));
};

export type UsageCustomerOption = { id: string; name: string; status: CustomerStatus };

/** At most this many customers are offered by name; the rest are reached through their page. */
export const USAGE_CUSTOMER_OPTIONS_LIMIT = 2000;

/** Customers to narrow the page to, archived ones too (their past usage stays), by name. */
export const listUsageCustomerOptions = (organizationId: string, client: Tx = db): Promise<UsageCustomerOption[]> =>
  client.customer.findMany({
    where: { organizationId },
    orderBy: [{ name: "asc" }, { id: "asc" }],
    take: USAGE_CUSTOMER_OPTIONS_LIMIT,
    select: { id: true, name: true, status: true },
  });

/** A calendar month ("2024-06") as the instants it starts and ends at in the organisation's zone. */
export const monthPeriod = (month: string, timeZone: string): { start: Date; end: Date } => {
  const [year, monthNumber] = month.split("-").map(Number) as [number, number];
  return {
    start: startOfDayIn(new Date(Date.UTC(year, monthNumber - 1, 1)), timeZone),
    end: startOfDayIn(new Date(Date.UTC(year, monthNumber, 1)), timeZone),
  };
};

export type UsageByCustomerRow = {
  customerId: string;
  customerName: string;
  externalId: string;
  quantity: string;
  events: number;
};

export type UsageReport = {
  period: { start: Date; end: Date };
  /** Every day of the period in the organisation's zone, 0 on quiet days. */
  series: { day: string; quantity: string }[];
  /** Customers with the meter's events in the period, largest quantity first (the first USAGE_TABLE_LIMIT). */
  customers: UsageByCustomerRow[];
  /** How many customers had the meter's events in the period, shown or not. */
  customerCount: number;
  /** The quantity of every customer in the table added up; null where a sum means nothing (max, unique count). */
  total: string | null;
};

/** Rows in the per-customer table; a customer further down is found with the customer filter. */
export const USAGE_TABLE_LIMIT = 200;

/** One meter's usage in a calendar month (the organisation's zone), optionally for one customer. */
export const getUsageReport = async (
  {
    organizationId,
    meter,
    month,
    timeZone,
    customerId,
  }: { organizationId: string; meter: MeterDefinition; month: string; timeZone: string; customerId?: string },
  client: Tx = db,
): Promise<UsageReport> => {
  const period = monthPeriod(month, timeZone);
  const [series, byCustomer] = await Promise.all([
    aggregateUsageSeries(client, { organizationId, meter, period, timeZone, customerId }),
    aggregateUsageByCustomer(client, { organizationId, meter, period }),
  ]);
  const matching = customerId ? byCustomer.filter((row) => row.customerId === customerId) : byCustomer;
  const rows = matching.slice(0, USAGE_TABLE_LIMIT);
  const additive = meter.aggregation === "count" || meter.aggregation === "sum";
  const total = additive ? matching.reduce((sum, row) => sum.plus(row.quantity), new Decimal(0)).toFixed() : null;
  const names = await client.customer.findMany({
    where: { organizationId, id: { in: rows.map((row) => row.customerId) } },
    select: { id: true, name: true, externalId: true },
  });
  const byId = new Map(names.map((customer) => [customer.id, customer]));
  return {
    period,
    series,
    customers: rows.map((row) => ({
      ...row,
      customerName: byId.get(row.customerId)?.name ?? row.customerId,
      externalId: byId.get(row.customerId)?.externalId ?? "",
    })),
    customerCount: matching.length,
    total,
  };
};
