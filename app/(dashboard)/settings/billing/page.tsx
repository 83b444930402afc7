import type { Metadata } from "next";
import { BillingSettingsDetails } from "@/components/billing/billing-settings-details";
import { BillingSettingsForm } from "@/components/billing/billing-settings-form";
import { hasRole } from "@/lib/auth/roles";
import { requireUser } from "@/lib/auth/session";
import { updateBillingSettings } from "@/lib/billing/actions";
import { getBillingSettings } from "@/lib/billing/settings";
import { toBillingSettingsFormValues } from "@/lib/billing/settings-schema";

export const metadata: Metadata = { title: "Billing · Settings" };

const BillingSettingsPage = async () => {
  const user = await requireUser();
  const settings = await getBillingSettings(user.organizationId);
  if (!hasRole(user.role, "admin")) return <BillingSettingsDetails settings={settings} />;
  return <BillingSettingsForm defaultValues={toBillingSettingsFormValues(settings)} action={updateBillingSettings} />;
};

export default BillingSettingsPage;
