// Words for customer fields and states as a finance user reads them: in the history timeline and
// in audit summaries. Pure, so server and browser code can both import it.
import type { CustomerStatus } from "@/lib/db/generated/enums";

export const CUSTOMER_FIELD_LABELS: Record<string, string> = {
  name: "Name",
  email: "Email",
  externalId: "External id",
  addressLine1: "Address line 1",
  addressLine2: "Address line 2",
  city: "City",
  postalCode: "Postal code",
  country: "Country",
  taxId: "Tax id",
  currency: "Currency",
  defaultInvoiceSeries: "Default invoice series",
  status: "Status",
  archivedAt: "Archived at",
};

export const customerFieldLabel = (field: string): string => CUSTOMER_FIELD_LABELS[field] ?? field;

export const CUSTOMER_STATUS_LABELS: Record<CustomerStatus, string> = { active: "Active", archived: "Archived" };
