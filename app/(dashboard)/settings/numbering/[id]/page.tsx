import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { NumberingForm } from "@/components/settings/numbering-form";
import { NumberingFormatHelp } from "@/components/settings/numbering-format-help";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { hasRole } from "@/lib/auth/roles";
import { requireUser } from "@/lib/auth/session";
import { updateNumberSeries } from "@/lib/numbering/actions";
import { getNumberSeries } from "@/lib/numbering/queries";
import { SERIES_KIND_NOUNS } from "@/lib/numbering/schemas";
import { getOrganization } from "@/lib/organization/queries";

export const metadata: Metadata = { title: "Edit number series · Settings" };

type EditSeriesPageProps = { params: Promise<{ id: string }> };

const EditSeriesPage = async ({ params }: EditSeriesPageProps) => {
  const user = await requireUser();
  const { id } = await params;
  if (!hasRole(user.role, "finance")) {
    return (
      <div role="alert" className="rounded-lg border border-ink-200 bg-white p-6 text-sm text-ink-700">
        <h2 className="text-base font-semibold text-ink-900">You cannot change number series</h2>
        <p className="mt-2">Only people with the Finance or Admin role can. Ask an admin if you need it.</p>
        <Link className="mt-4 inline-block font-medium text-brand-700 hover:underline" href="/settings/numbering">
          Back to numbering
        </Link>
      </div>
    );
  }
  const [organization, series] = await Promise.all([
    getOrganization(user.organizationId),
    getNumberSeries({ organizationId: user.organizationId, seriesId: id }),
  ]);
  if (!series) notFound();
  return (
    <section aria-labelledby="edit-series-heading" className="flex flex-col gap-4">
      <div className="flex flex-wrap items-center gap-2">
        <h2 id="edit-series-heading" className="text-base font-semibold text-ink-900">
          Edit the {SERIES_KIND_NOUNS[series.kind]} series {series.name}
        </h2>
        {series.isDefault ? <Badge tone="info">Default</Badge> : null}
      </div>
      <p className="text-sm text-ink-600">
        Numbers already issued keep their form; changes apply to the next document numbered from this series.
      </p>
      <Card>
        <div className="grid gap-6 xl:grid-cols-[minmax(0,1fr)_minmax(0,1fr)]">
          <NumberingForm
            mode="edit"
            action={updateNumberSeries}
            timeZone={organization.timeZone}
            siblings={series.siblings}
            helpId="series-format-help"
            series={{
              id: series.id,
              kind: series.kind,
              name: series.name,
              format: series.format,
              nextNumber: series.nextNumber,
              lastIssued: series.lastIssued,
            }}
          />
          <NumberingFormatHelp id="series-format-help" />
        </div>
      </Card>
    </section>
  );
};

export default EditSeriesPage;
