// Settings > Billing as finance users and viewers see it: what the billing job does, read-only.
import { Card } from "@/components/ui/card";
import { BILLING_SETTINGS_LABELS as LABELS, type BillingSettingsInput } from "@/lib/billing/settings-schema";

const hours = (count: number) =>
  count === 0 ? "None" : `${count.toLocaleString("en-US")} hour${count === 1 ? "" : "s"}`;

export const BillingSettingsDetails = ({ settings }: { settings: BillingSettingsInput }) => {
  const rows = [
    { label: LABELS.usageGraceHours, value: hours(settings.usageGraceHours) },
    { label: LABELS.autoFinalize, value: settings.autoFinalize ? "On" : "Off: finance finalizes drafts" },
    { label: LABELS.autoApplyWallet, value: settings.autoApplyWallet ? "On" : "Off" },
  ];
  return (
    <Card title="Subscription invoices">
      <dl className="grid gap-x-6 gap-y-3 sm:grid-cols-3">
        {rows.map((row) => (
          <div key={row.label}>
            <dt className="text-xs font-medium tracking-wide text-ink-600 uppercase">{row.label}</dt>
            <dd className="mt-0.5 text-sm text-ink-900">{row.value}</dd>
          </div>
        ))}
      </dl>
      <p className="mt-4 text-sm text-ink-600">Only admins change billing settings.</p>
    </Card>
  );
};
