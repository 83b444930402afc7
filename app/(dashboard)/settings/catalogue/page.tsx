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

type CatalogueSectionProps = {
  /** The heading's id, which labels the section. */
  id: string;
  title: string;
  /** The link that adds one, for those who may. */
  add: { href: string; label: string } | null;
  children: React.ReactNode;
};

const CatalogueSection = ({ id, title, add, children }: CatalogueSectionProps) => (
  <section aria-labelledby={id} className="flex flex-col gap-3">
    <div className="flex flex-wrap items-center justify-between gap-2">
      <h2 id={id} className="text-base font-semibold text-ink-900">
        {title}
      </h2>
      {add ? (
        <Button asChild size="sm">
          <Link href={add.href}>{add.label}</Link>
        </Button>
      ) : null}
    </div>
    {children}
  </section>
);

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
      <CatalogueSection
        id="meters-heading"
        title="Meters"
        add={canEdit ? { href: "/settings/catalogue/meters/new", label: "Add meter" } : null}
      >
        <MetersTable rows={meters} canEdit={canEdit} />
      </CatalogueSection>
      <CatalogueSection
        id="plans-heading"
        title="Plans"
        add={canEdit ? { href: "/settings/catalogue/plans/new", label: "Add plan" } : null}
      >
        <PlansTable rows={plans} canEdit={canEdit} locale={organization.locale} />
      </CatalogueSection>
    </div>
  );
};

export default CataloguePage;
