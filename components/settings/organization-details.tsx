// The organisation's seller details, read-only, for finance users and viewers.
import { Card } from "@/components/ui/card";
import type { OrganizationSettings } from "@/lib/organization/queries";
import { ORGANIZATION_FIELD_LABELS as LABELS, PAYMENT_TERMS_LABELS } from "@/lib/organization/schemas";

type Row = { label: string; value: string | null };

const Details = ({ rows }: { rows: Row[] }) => (
  <dl className="grid gap-x-6 gap-y-3 sm:grid-cols-2">
    {rows.map((row) => (
      <div key={row.label}>
        <dt className="text-xs font-medium tracking-wide text-ink-600 uppercase">{row.label}</dt>
        <dd className="mt-0.5 text-sm whitespace-pre-line text-ink-900">
          {row.value ?? <span className="text-ink-600">Not set</span>}
        </dd>
      </div>
    ))}
  </dl>
);

type OrganizationDetailsProps = {
  organization: OrganizationSettings;
  /** Human names for the stored codes, worked out by the page. */
  names: { country: string | null; currency: string; locale: string };
};

export const OrganizationDetails = ({ organization, names }: OrganizationDetailsProps) => (
  <div className="flex flex-col gap-6">
    <Card title="Seller">
      <Details
        rows={[
          { label: "Name on invoices", value: organization.name },
          { label: LABELS.legalName, value: organization.legalName },
          { label: LABELS.email, value: organization.email },
          { label: LABELS.taxId, value: organization.taxId },
        ]}
      />
    </Card>
    <Card title="Address">
      <Details
        rows={[
          { label: LABELS.addressLine1, value: organization.addressLine1 },
          { label: LABELS.addressLine2, value: organization.addressLine2 },
          { label: LABELS.city, value: organization.city },
          { label: LABELS.postalCode, value: organization.postalCode },
          { label: LABELS.country, value: names.country },
        ]}
      />
    </Card>
    <Card title="Invoicing defaults">
      <Details
        rows={[
          { label: LABELS.defaultCurrency, value: names.currency },
          { label: LABELS.paymentTerms, value: PAYMENT_TERMS_LABELS[organization.paymentTerms] },
          { label: LABELS.locale, value: names.locale },
          { label: LABELS.timeZone, value: organization.timeZone },
        ]}
      />
    </Card>
    <Card title="Printed on every invoice">
      <Details
        rows={[
          { label: LABELS.paymentInstructions, value: organization.paymentInstructions },
          { label: LABELS.invoiceFooter, value: organization.invoiceFooter },
        ]}
      />
    </Card>
  </div>
);
