import type { Metadata } from "next";
import Link from "next/link";
import { Card, PageHeader } from "@/components/ui/card";
import { UsageChart } from "@/components/usage/usage-chart";
import { UsageFilters } from "@/components/usage/usage-filters";
import { describeMeter } from "@/components/usage/usage-format";
import { currentMonth, parseUsageParams, shiftMonth, usageHref } from "@/components/usage/usage-params";
import { UsageTable } from "@/components/usage/usage-table";
import { usageUnit } from "@/lib/catalogue/format";
import { requireUser } from "@/lib/auth/session";
import { getOrganization } from "@/lib/organization/queries";
import { getUsageReport, listUsageCustomerOptions, listUsageMeters } from "@/lib/usage/queries";

export const metadata: Metadata = { title: "Usage" };

type UsagePageProps = { searchParams: Promise<Record<string, string | string[] | undefined>> };

const monthLink = "rounded-md px-2 py-1 text-sm font-medium text-brand-700 hover:bg-brand-50";

const UsagePage = async ({ searchParams }: UsagePageProps) => {
  const user = await requireUser();
  const [organization, meters, customers, search] = await Promise.all([
    getOrganization(user.organizationId),
    listUsageMeters(user.organizationId),
    listUsageCustomerOptions(user.organizationId),
    searchParams,
  ]);
  const { locale, timeZone } = organization;
  const header = (
    <PageHeader
      title="Usage"
      description={`What each customer used, per meter, by calendar month in ${timeZone} time. Events arrive through the events API.`}
    />
  );
  const params = parseUsageParams(search, {
    meterIds: meters.map((meter) => meter.id),
    defaultMonth: currentMonth(timeZone),
  });
  const meter = meters.find((candidate) => candidate.id === params.meterId);
  if (!meter) {
    return (
      <>
        {header}
        <Card>
          <p className="text-sm text-ink-700">
            No meters yet. A meter says which events to count and how (count, sum, highest or distinct values of a
            property).{" "}
            <Link className="font-medium text-brand-700 hover:underline" href="/settings/catalogue">
              Define one in Settings › Catalogue
            </Link>
            .
          </p>
        </Card>
      </>
    );
  }

  const report = await getUsageReport({
    organizationId: user.organizationId,
    meter,
    month: params.month,
    timeZone,
    customerId: params.customerId ?? undefined,
  });
  const monthName = new Intl.DateTimeFormat(locale, { month: "long", year: "numeric", timeZone: "UTC" }).format(
    new Date(`${params.month}-01T00:00:00Z`),
  );
  const customer = params.customerId ? customers.find((option) => option.id === params.customerId) : undefined;
  const scope = params.customerId ? (customer?.name ?? "the chosen customer") : "all customers";
  const unit = usageUnit(meter);
  const hasUsage = report.series.some((point) => point.quantity !== "0");

  return (
    <>
      {header}
      <div className="flex flex-col gap-6">
        <div className="flex flex-col gap-2">
          <UsageFilters params={params} meters={meters.map(({ id, name }) => ({ id, name }))} customers={customers} />
          <div className="flex flex-wrap items-center justify-between gap-2">
            <p className="text-sm text-ink-600">{describeMeter(meter)}.</p>
            <nav aria-label="Months" className="flex gap-1">
              <Link className={monthLink} href={usageHref({ ...params, month: shiftMonth(params.month, -1) })}>
                ← Previous month
              </Link>
              <Link className={monthLink} href={usageHref({ ...params, month: shiftMonth(params.month, 1) })}>
                Next month →
              </Link>
            </nav>
          </div>
        </div>
        <Card title={`${meter.name} per day, ${monthName} · ${scope}`}>
          {hasUsage ? (
            <UsageChart
              series={report.series}
              title={`${meter.name} per day in ${monthName}, ${scope}`}
              unit={unit}
              locale={locale}
            />
          ) : (
            <p className="py-8 text-center text-sm text-ink-600">
              No {meter.eventName} events for {scope} in {monthName}.
            </p>
          )}
        </Card>
        <section aria-labelledby="usage-by-customer" className="flex flex-col gap-3">
          <h2 id="usage-by-customer" className="text-base font-semibold text-ink-900">
            By customer
          </h2>
          <UsageTable
            rows={report.customers}
            customerCount={report.customerCount}
            total={report.total}
            label={`${meter.name}, ${monthName}`}
            unit={unit}
            locale={locale}
            emptyText={`No ${meter.eventName} events for ${scope} in ${monthName}. Systems send them with an API key (Settings › API keys).`}
          />
        </section>
      </div>
    </>
  );
};

export default UsagePage;
