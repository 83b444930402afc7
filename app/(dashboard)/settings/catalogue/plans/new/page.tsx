import type { Metadata } from "next";
import { AdminOnly } from "@/components/catalogue/admin-only";
import { PlanForm } from "@/components/catalogue/plan-form";
import { hasRole } from "@/lib/auth/roles";
import { requireUser } from "@/lib/auth/session";
import { createPlan } from "@/lib/catalogue/actions";
import { emptyPlan } from "@/lib/catalogue/form-values";
import { listMeterOptions } from "@/lib/catalogue/queries";
import { currencyOptions } from "@/lib/organization/options";
import { getOrganization } from "@/lib/organization/queries";

export const metadata: Metadata = { title: "Add plan · Catalogue" };

const NewPlanPage = async () => {
  const user = await requireUser();
  if (!hasRole(user.role, "admin")) return <AdminOnly what="add plans" />;
  const [organization, meters] = await Promise.all([
    getOrganization(user.organizationId),
    listMeterOptions({ organizationId: user.organizationId }),
  ]);
  return (
    <section aria-labelledby="new-plan-heading" className="flex flex-col gap-4">
      <h2 id="new-plan-heading" className="text-base font-semibold text-ink-900">
        Add a plan
      </h2>
      <PlanForm
        mode="create"
        action={createPlan}
        defaultValues={emptyPlan(organization.defaultCurrency)}
        currencies={currencyOptions(organization.defaultCurrency)}
        meters={meters}
        cancelHref="/settings/catalogue"
      />
    </section>
  );
};

export default NewPlanPage;
