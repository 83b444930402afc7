import type { Metadata } from "next";
import { OrganizationDetails } from "@/components/settings/organization-details";
import { OrganizationForm } from "@/components/settings/organization-form";
import { hasRole } from "@/lib/auth/roles";
import { requireUser } from "@/lib/auth/session";
import { updateOrganization } from "@/lib/organization/actions";
import {
  countryOptions,
  currencyOptions,
  describeSettings,
  localeOptions,
  timeZoneOptions,
} from "@/lib/organization/options";
import { getOrganization } from "@/lib/organization/queries";
import { toOrganizationFormValues } from "@/lib/organization/schemas";

export const metadata: Metadata = { title: "Organisation · Settings" };

const OrganisationPage = async () => {
  const user = await requireUser();
  const organization = await getOrganization(user.organizationId);
  if (!hasRole(user.role, "admin")) {
    return <OrganizationDetails organization={organization} names={describeSettings(organization)} />;
  }
  return (
    <OrganizationForm
      defaultValues={toOrganizationFormValues(organization)}
      options={{
        countries: countryOptions(organization.country),
        currencies: currencyOptions(organization.defaultCurrency),
        locales: localeOptions(organization.locale),
        timeZones: timeZoneOptions(organization.timeZone),
      }}
      action={updateOrganization}
    />
  );
};

export default OrganisationPage;
