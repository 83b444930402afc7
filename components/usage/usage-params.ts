// The Usage page's address: which meter, which calendar month (in the organisation's zone) and,
// optionally, which customer. Anything unreadable falls back to the default rather than an error.
import { todayIn } from "@/lib/format/date";

export type UsageParams = { meterId: string | null; month: string; customerId: string | null };

type SearchParams = Record<string, string | string[] | undefined>;

const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;

const single = (value: string | string[] | undefined): string | undefined =>
  typeof value === "string" ? value.trim() : undefined;

/** The month (YYYY-MM) that holds `now` in the zone. */
export const currentMonth = (timeZone: string, now: Date = new Date()): string =>
  todayIn(timeZone, now).toISOString().slice(0, 7);

/** The month `count` months after (or before) `month`. */
export const shiftMonth = (month: string, count: number): string => {
  const [year, monthNumber] = month.split("-").map(Number) as [number, number];
  const shifted = new Date(Date.UTC(year, monthNumber - 1 + count, 1));
  return shifted.toISOString().slice(0, 7);
};

export const isMonth = (value: string): boolean => {
  const match = MONTH.exec(value);
  return Boolean(match) && Number(match![1]) >= 1970 && Number(match![1]) <= 9998;
};

export const parseUsageParams = (
  search: SearchParams,
  { meterIds, defaultMonth }: { meterIds: string[]; defaultMonth: string },
): UsageParams => {
  const meter = single(search.meter);
  const month = single(search.month);
  const customer = single(search.customer);
  return {
    meterId: meter && meterIds.includes(meter) ? meter : (meterIds[0] ?? null),
    month: month && isMonth(month) ? month : defaultMonth,
    customerId: customer && /^cus_[0-9A-Z]{26}$/.test(customer) ? customer : null,
  };
};

/** The page's address for the filters; the first meter and the current month are left out. */
export const usageHref = (params: Partial<UsageParams>): string => {
  const search = new URLSearchParams();
  if (params.meterId) search.set("meter", params.meterId);
  if (params.month) search.set("month", params.month);
  if (params.customerId) search.set("customer", params.customerId);
  const query = search.toString();
  return query ? `/usage?${query}` : "/usage";
};
