import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { AdminOnly } from "@/components/catalogue/admin-only";
import { PlanForm } from "@/components/catalogue/plan-form";
import { PriceList } from "@/components/catalogue/price-list";
import { hasRole } from "@/lib/auth/roles";
import { requireUser } from "@/lib/auth/session";
import { updatePlan } from "@/lib/catalogue/actions";
import { planFormValues } from "@/lib/catalogue/form-values";
import { getPlan, listMeterOptions } from "@/lib/catalogue/queries";
import { currencyOptions } from "@/lib/organization/options";
import { getOrganization } from "@/lib/organization/queries";

export const metadata: Metadata = { title: "Edit plan · Catalogue" };

type EditPlanPageProps = { params: Promise<{ id: string }> };

const EditPlanPage = async ({ params }: EditPlanPageProps) => {
  const user = await requireUser();
  if (!hasRole(user.role, "admin")) return <AdminOnly what="change plans" />;
  const { id } = await params;
  const [organization, plan, meters] = await Promise.all([
    getOrganization(user.organizationId),
    getPlan({ organizationId: user.organizationId, planId: id }),
    listMeterOptions({ organizationId: user.organizationId }),
  ]);
  if (!plan) notFound();
  const href = `/settings/catalogue/plans/${plan.id}`;
  return (
    <section aria-labelledby="edit-plan-heading" className="flex flex-col gap-4">
      <h2 id="edit-plan-heading" className="text-base font-semibold text-ink-900">
        Edit plan {plan.name}
      </h2>
      <PlanForm
        mode="edit"
        action={updatePlan}
        planId={plan.id}
        defaultValues={planFormValues(plan)}
        currencies={currencyOptions(plan.currency)}
        meters={meters}
        cancelHref={href}
        lockedPrices={
          plan.pricesLockReason
            ? {
                reason: plan.pricesLockReason,
                summary: (
                  <PriceList
                    prices={plan.prices}
                    currency={plan.currency}
                    interval={plan.interval}
                    locale={organization.locale}
                  />
                ),
              }
            : undefined
        }
      />
    </section>
  );
};

export default EditPlanPage;
