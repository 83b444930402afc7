import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { ArchivePlanButton } from "@/components/catalogue/archive-plan-button";
import { PriceList } from "@/components/catalogue/price-list";
import { AuditTimeline } from "@/components/ui/audit-timeline";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { hasRole } from "@/lib/auth/roles";
import { requireUser } from "@/lib/auth/session";
import { archivePlan, unarchivePlan } from "@/lib/catalogue/actions";
import { getPlan } from "@/lib/catalogue/queries";
import { BILLING_INTERVAL_LABELS } from "@/lib/catalogue/schemas";
import { formatDateTime } from "@/lib/format/date";
import { getOrganization } from "@/lib/organization/queries";

export const metadata: Metadata = { title: "Plan · Catalogue" };

type PlanPageProps = { params: Promise<{ id: string }> };

const PlanPage = async ({ params }: PlanPageProps) => {
  const user = await requireUser();
  const { id } = await params;
  const [organization, plan] = await Promise.all([
    getOrganization(user.organizationId),
    getPlan({ organizationId: user.organizationId, planId: id }),
  ]);
  if (!plan) notFound();
  const canEdit = hasRole(user.role, "admin");
  const format = { locale: organization.locale, timeZone: organization.timeZone };
  const subscriptions =
    plan.subscriptions === 0
      ? "No subscriptions"
      : `${plan.activeSubscriptions} active of ${plan.subscriptions} subscription${plan.subscriptions === 1 ? "" : "s"}`;

  return (
    <div className="flex flex-col gap-6">
      <div className="flex flex-wrap items-start justify-between gap-4">
        <div>
          <div className="flex flex-wrap items-center gap-2">
            <h2 className="text-lg font-semibold text-ink-900">{plan.name}</h2>
            {plan.archivedAt ? <Badge tone="neutral">Archived</Badge> : <Badge tone="success">Active</Badge>}
          </div>
          <p className="mt-1 text-sm text-ink-600">
            <span className="font-mono">{plan.code}</span> · {BILLING_INTERVAL_LABELS[plan.interval]} in {plan.currency}{" "}
            · {subscriptions}
          </p>
          {plan.archivedAt ? (
            <p className="mt-1 text-sm text-ink-600">
              Archived {formatDateTime(plan.archivedAt, format)} ({format.timeZone}): existing subscriptions continue,
              no new ones can start.
            </p>
          ) : null}
        </div>
        {canEdit ? (
          <div className="flex gap-2">
            <ArchivePlanButton
              plan={{
                id: plan.id,
                name: plan.name,
                archived: plan.archivedAt !== null,
                activeSubscriptions: plan.activeSubscriptions,
              }}
              archiveAction={archivePlan}
              unarchiveAction={unarchivePlan}
            />
            <Button asChild>
              <Link href={`/settings/catalogue/plans/${plan.id}/edit`}>Edit plan</Link>
            </Button>
          </div>
        ) : null}
      </div>

      <section aria-labelledby="plan-prices-heading" className="flex flex-col gap-3">
        <h3 id="plan-prices-heading" className="text-base font-semibold text-ink-900">
          Prices
        </h3>
        {plan.pricesLockReason && canEdit ? <p className="text-sm text-ink-600">{plan.pricesLockReason}</p> : null}
        <PriceList
          prices={plan.prices}
          currency={plan.currency}
          interval={plan.interval}
          locale={organization.locale}
        />
      </section>

      <AuditTimeline title="History" entries={plan.history} format={format} />
    </div>
  );
};

export default PlanPage;
