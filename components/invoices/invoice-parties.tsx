// Who issues the invoice and who pays it. A finalized invoice shows the bill-to details frozen at
// finalization (a later edit of the customer does not rewrite an issued document); a draft shows
// the customer as it is now. A delegated payer's invoice also names whose usage it bills.
import Link from "next/link";
import { Card } from "@/components/ui/card";
import type { OrganizationSettings } from "@/lib/organization/queries";
import type { InvoiceDetail } from "@/lib/invoices/detail";

type Party = {
  name: string;
  email?: string | null;
  addressLine1?: string | null;
  addressLine2?: string | null;
  city?: string | null;
  postalCode?: string | null;
  country?: string | null;
  taxId?: string | null;
};

const PartyBlock = ({ heading, party, children }: { heading: string; party: Party; children?: React.ReactNode }) => {
  const cityLine = [party.postalCode, party.city].filter(Boolean).join(" ");
  return (
    <div>
      <h3 className="text-xs font-semibold tracking-wide text-ink-600 uppercase">{heading}</h3>
      <address className="mt-1 text-sm text-ink-900 not-italic">
        <span className="block font-medium">{party.name}</span>
        {[party.addressLine1, party.addressLine2, cityLine, party.country].filter(Boolean).map((line) => (
          <span key={line} className="block">
            {line}
          </span>
        ))}
        {party.email ? <span className="block text-ink-700">{party.email}</span> : null}
        {party.taxId ? <span className="block text-ink-700">Tax id {party.taxId}</span> : null}
      </address>
      {children}
    </div>
  );
};

export const InvoiceParties = ({
  detail,
  organization,
}: {
  detail: InvoiceDetail;
  organization: OrganizationSettings;
}) => {
  const { invoice, customer, usageOwner } = detail;
  const billTo: Party = (invoice.status === "draft" ? null : detail.billTo) ?? customer;
  const seller: Party = { ...organization, name: organization.legalName ?? organization.name };
  return (
    <Card>
      <div className="grid gap-6 sm:grid-cols-2">
        <PartyBlock heading="From" party={seller} />
        <PartyBlock heading="Bill to" party={billTo}>
          {usageOwner && usageOwner.id !== customer.id ? (
            <p className="mt-2 text-sm text-ink-700">
              Usage by{" "}
              <Link className="font-medium text-brand-700 hover:underline" href={`/customers/${usageOwner.id}`}>
                {usageOwner.name}
              </Link>
            </p>
          ) : null}
        </PartyBlock>
      </div>
    </Card>
  );
};
