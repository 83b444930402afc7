import type { Metadata } from "next";
import { NumberingForm } from "@/components/settings/numbering-form";
import { NumberingFormatHelp } from "@/components/settings/numbering-format-help";
import { NumberingTable, SERIES_TABLE_LABELS } from "@/components/settings/numbering-table";
import { Card } from "@/components/ui/card";
import { hasRole } from "@/lib/auth/roles";
import { requireUser } from "@/lib/auth/session";
import { createNumberSeries, makeDefaultNumberSeries } from "@/lib/numbering/actions";
import { listNumberSeries } from "@/lib/numbering/queries";
import { SERIES_KINDS } from "@/lib/numbering/schemas";
import { getOrganization } from "@/lib/organization/queries";

export const metadata: Metadata = { title: "Numbering · Settings" };

const NumberingPage = async () => {
  const user = await requireUser();
  const organization = await getOrganization(user.organizationId);
  const series = await listNumberSeries({ organizationId: user.organizationId, timeZone: organization.timeZone });
  const canEdit = hasRole(user.role, "finance");
  const siblings = SERIES_KINDS.flatMap((kind) =>
    series[kind].map((row) => ({ kind, name: row.name, format: row.format })),
  );
  return (
    <div className="flex flex-col gap-6">
      <p className="text-sm text-ink-600">
        A document takes its number from its series when it is finalized (a receipt, when its payment is recorded), so
        deleted drafts leave no gaps. Previews show the number a document would get today, {organization.timeZone} time.{" "}
        {canEdit
          ? "Finance and admins can add series, change them and choose the default."
          : "Only finance and admins can change numbering."}
      </p>
      {SERIES_KINDS.map((kind) => (
        <section key={kind} aria-labelledby={`${kind}-series-heading`} className="flex flex-col gap-3">
          <h2 id={`${kind}-series-heading`} className="text-base font-semibold text-ink-900">
            {SERIES_TABLE_LABELS[kind]}
          </h2>
          <NumberingTable
            kind={kind}
            rows={series[kind]}
            locale={organization.locale}
            makeDefaultAction={canEdit ? makeDefaultNumberSeries : undefined}
          />
        </section>
      ))}
      {canEdit ? (
        <Card title="Add a series">
          <div className="grid gap-6 xl:grid-cols-[minmax(0,1fr)_minmax(0,1fr)]">
            <NumberingForm
              mode="create"
              action={createNumberSeries}
              timeZone={organization.timeZone}
              siblings={siblings}
              helpId="series-format-help"
            />
            <NumberingFormatHelp id="series-format-help" />
          </div>
        </Card>
      ) : (
        <Card title="Formats">
          <NumberingFormatHelp />
        </Card>
      )}
    </div>
  );
};

export default NumberingPage;
