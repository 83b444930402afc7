import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { MeterForm } from "@/components/catalogue/meter-form";
import { filtersText } from "@/components/catalogue/meters-table";
import { Card } from "@/components/ui/card";
import { hasRole } from "@/lib/auth/roles";
import { requireUser } from "@/lib/auth/session";
import { updateMeter } from "@/lib/catalogue/actions";
import { meterFormValues } from "@/lib/catalogue/form-values";
import { lockedMeterMessage } from "@/lib/catalogue/meters";
import { getMeter } from "@/lib/catalogue/queries";
import { METER_AGGREGATION_LABELS } from "@/lib/catalogue/schemas";

export const metadata: Metadata = { title: "Meter · Catalogue" };

type MeterPageProps = { params: Promise<{ id: string }> };

const MeterPage = async ({ params }: MeterPageProps) => {
  const user = await requireUser();
  const { id } = await params;
  const meter = await getMeter({ organizationId: user.organizationId, meterId: id });
  if (!meter) notFound();
  const usedBy =
    meter.planNames.length === 0 ? "No plan's prices use this meter yet." : `Used by ${meter.planNames.join(", ")}.`;

  if (!hasRole(user.role, "admin")) {
    // [label, value, shown as code]
    const rows: [string, string, boolean][] = [
      ["Event name", meter.eventName, true],
      ["Aggregation", METER_AGGREGATION_LABELS[meter.aggregation], false],
      ["Property", meter.property ?? "—", meter.property !== null],
      ["Filters", filtersText(meter.filters) ?? "None: every event of the name counts", meter.filters !== null],
    ];
    return (
      <section aria-labelledby="meter-heading" className="flex flex-col gap-4">
        <h2 id="meter-heading" className="text-base font-semibold text-ink-900">
          Meter {meter.name}
        </h2>
        <p className="text-sm text-ink-600">{usedBy} Only admins change meters.</p>
        <Card>
          <dl className="grid gap-x-6 gap-y-3 text-sm sm:grid-cols-[max-content_1fr]">
            {rows.map(([label, value, code]) => (
              <div key={label} className="contents">
                <dt className="text-ink-600">{label}</dt>
                <dd className={code ? "font-mono text-ink-900" : "text-ink-900"}>{value}</dd>
              </div>
            ))}
          </dl>
        </Card>
      </section>
    );
  }

  return (
    <section aria-labelledby="meter-heading" className="flex flex-col gap-4">
      <h2 id="meter-heading" className="text-base font-semibold text-ink-900">
        Edit meter {meter.name}
      </h2>
      {meter.planNames.length === 0 ? <p className="text-sm text-ink-600">{usedBy}</p> : null}
      <Card>
        <MeterForm
          mode="edit"
          action={updateMeter}
          meterId={meter.id}
          defaultValues={meterFormValues(meter)}
          lockedReason={meter.planNames.length > 0 ? lockedMeterMessage(meter.planNames) : null}
        />
      </Card>
    </section>
  );
};

export default MeterPage;
