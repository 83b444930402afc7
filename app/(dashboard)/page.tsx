import type { Metadata } from "next";
import Link from "next/link";
import { Card, PageHeader } from "@/components/ui/card";
import { requireUser } from "@/lib/auth/session";
import { formatDateTime, todayIn } from "@/lib/format/date";
import { formatMoney } from "@/lib/money";
import { getOrganization } from "@/lib/organization/queries";
import { entityHref, getOverview, type CurrencyTotal } from "@/lib/overview/queries";

export const metadata: Metadata = { title: "Overview" };

const Figure = ({
  label,
  totals,
  locale,
  empty,
  testId,
}: {
  label: string;
  totals: CurrencyTotal[];
  locale: string;
  empty: string;
  testId: string;
}) => (
  <Card>
    <h2 className="text-sm font-medium text-ink-600">{label}</h2>
    <div className="mt-2 flex flex-col gap-1" data-testid={testId}>
      {totals.length === 0 ? (
        <p className="text-lg font-semibold text-ink-700">{empty}</p>
      ) : (
        totals.map((total) => (
          <p key={total.currency} className="tabular text-xl font-semibold text-ink-900">
            {formatMoney(total.amountMinor, total.currency, { locale })}
          </p>
        ))
      )}
    </div>
  </Card>
);

const OverviewPage = async () => {
  const user = await requireUser();
  const organization = await getOrganization(user.organizationId);
  const today = todayIn(organization.timeZone);
  const overview = await getOverview(user.organizationId, today);
  const { locale, timeZone } = organization;
  return (
    <>
      <PageHeader title="Overview" description={`${organization.name} · figures as of today in ${timeZone}`} />
      <div className="grid grid-cols-1 gap-4 sm:grid-cols-2 xl:grid-cols-4">
        <Figure
          label="Outstanding"
          totals={overview.outstanding}
          locale={locale}
          empty="Nothing due"
          testId="figure-outstanding"
        />
        <Figure
          label="Overdue"
          totals={overview.overdue}
          locale={locale}
          empty="Nothing overdue"
          testId="figure-overdue"
        />
        <Figure
          label="Received this month"
          totals={overview.paidThisMonth}
          locale={locale}
          empty="No payments yet"
          testId="figure-paid-this-month"
        />
        <Figure
          label="Wallet credit outstanding"
          totals={overview.walletCredit}
          locale={locale}
          empty="No credit held"
          testId="figure-wallet-credit"
        />
      </div>
      <div className="mt-6 grid grid-cols-1 gap-4 lg:grid-cols-3">
        <Card title="Recent activity" className="lg:col-span-2">
          {overview.recentActivity.length === 0 ? (
            <p className="text-sm text-ink-600">Nothing has happened yet. Create a customer to get started.</p>
          ) : (
            <ol className="flex flex-col divide-y divide-ink-100" aria-label="Recent activity">
              {overview.recentActivity.map((entry) => {
                const href = entityHref(entry.entityType, entry.entityId);
                return (
                  <li key={entry.id} className="flex flex-wrap items-baseline justify-between gap-2 py-2 text-sm">
                    <span className="text-ink-900">
                      {href ? (
                        <Link className="text-brand-700 hover:underline" href={href}>
                          {entry.summary}
                        </Link>
                      ) : (
                        entry.summary
                      )}
                      {entry.reason ? <span className="text-ink-600"> — {entry.reason}</span> : null}
                    </span>
                    <span className="text-xs text-ink-600">
                      {entry.actorLabel} · {formatDateTime(entry.createdAt, { locale, timeZone })}
                    </span>
                  </li>
                );
              })}
            </ol>
          )}
        </Card>
        <Card title="To do">
          <ul className="flex flex-col gap-2 text-sm">
            <li>
              <Link className="text-brand-700 hover:underline" href="/invoices?status=draft">
                {overview.draftCount} draft invoice{overview.draftCount === 1 ? "" : "s"}
              </Link>
            </li>
            <li>
              <Link className="text-brand-700 hover:underline" href="/invoices?status=overdue">
                {overview.overdue.reduce((sum, total) => sum + total.count, 0)} overdue invoice(s)
              </Link>
            </li>
          </ul>
        </Card>
      </div>
    </>
  );
};

export default OverviewPage;
