import type { Metadata } from "next";
import Link from "next/link";
import { MetersTable } from "@/components/catalogue/meters-table";
import { PlansTable } from "@/components/catalogue/plans-table";
import { Button } from "@/components/ui/button";
import { hasRole } from "@/lib/auth/roles";
import { requireUser } from "@/lib/auth/session";
import { listMeters, listPlans } from "@/lib/catalogue/queries";
import { getOrganization } from "@/lib/organization/queries";

export const metadata: Metadata = { title: "Catalogue · Settings" };

const CataloguePage = async () => {
  const user = await requireUser();
  const [organization, meters, plans] = await Promise.all([
    getOrganization(user.organizationId),
    listMeters({ organizationId: user.organizationId }),
    listPlans({ organizationId: user.organizationId }),
  ]);
  const canEdit = hasRole(user.role, "admin");
  return (
    <div className="flex flex-col gap-8">
      <p className="text-sm text-ink-600">
        Meters count usage events per customer and period; plans price them with flat fees, per-unit and tiered prices
        in one currency, billed monthly or yearly.{" "}
        {canEdit ? "Admins add and change meters and plans." : "Only admins change the catalogue."}
      </p>
      <section aria-labelledby="meters-heading" className="flex flex-col gap-3">
        <div className="flex flex-wrap items-center justify-between gap-2">
          <h2 id="meters-heading" className="text-base font-semibold text-ink-900">
            Meters
          </h2>
          {canEdit ? (
            <Button asChild size="sm">
              <Link href="/settings/catalogue/meters/new">Add meter</Link>
            </Button>
          ) : null}
        </div>
        <MetersTable rows={meters} canEdit={canEdit} />
      </section>
      <section aria-labelledby="plans-heading" className="flex flex-col gap-3">
        <div className="flex flex-wrap items-center justify-between gap-2">
          <h2 id="plans-heading" className="text-base font-semibold text-ink-900">
            Plans
          </h2>
          {canEdit ? (
            <Button asChild size="sm">
              <Link href="/settings/catalogue/plans/new">Add plan</Link>
            </Button>
          ) : null}
        </div>
        <PlansTable rows={plans} canEdit={canEdit} locale={organization.locale} />
      </section>
    </div>
  );
};

export default CataloguePage;
