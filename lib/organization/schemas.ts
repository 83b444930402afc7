// The seller details an admin edits on the organisation settings page: one schema shared by the
// form (zodResolver) and the server action. Forms send strings; empty optional fields become null.
import { z } from "zod";
import { PaymentTerms } from "@/lib/db/generated/enums";
import { isSupportedCurrency } from "@/lib/money";
import { isCountryCode } from "./countries";

export const PAYMENT_TERMS = [
  PaymentTerms.due_on_receipt,
  PaymentTerms.net_15,
  PaymentTerms.net_30,
  PaymentTerms.net_60,
] as const satisfies readonly PaymentTerms[];

export const PAYMENT_TERMS_LABELS: Record<PaymentTerms, string> = {
  due_on_receipt: "Due on receipt",
  net_15: "Net 15",
  net_30: "Net 30",
  net_60: "Net 60",
};

let timeZones: Set<string> | undefined;

/**
 * A time zone the runtime knows, checked against Intl.supportedValuesOf("timeZone"). That list
 * holds canonical names only and leaves out "UTC" (Node 20 lists "Asia/Calcutta", not
 * "Asia/Kolkata"), so an alias counts when the runtime resolves it to a listed zone.
 */
export const isValidTimeZone = (timeZone: string): boolean => {
  if (timeZone === "UTC") return true;
  timeZones ??= new Set(Intl.supportedValuesOf("timeZone"));
  if (timeZones.has(timeZone)) return true;
  try {
    const resolved = new Intl.DateTimeFormat("en-US", { timeZone }).resolvedOptions().timeZone;
    return resolved === "UTC" || timeZones.has(resolved);
  } catch {
    return false;
  }
};

/** A well-formed BCP 47 tag, in canonical form ("en-US", not "en_us"), that Intl can format for. */
export const isValidLocale = (locale: string): boolean => {
  try {
    const [canonical] = Intl.getCanonicalLocales(locale);
    return canonical === locale && Intl.NumberFormat.supportedLocalesOf([locale]).length === 1;
  } catch {
    return false;
  }
};

const tooLong = (max: number) => `Use at most ${max} characters`;

/** Optional text: trimmed, and stored as null when left empty. */
const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, tooLong(max))
    .transform((value) => (value === "" ? null : value));

export const organizationSettingsSchema = z.object({
  name: z.string().trim().min(1, "Enter the name shown on invoices").max(200, tooLong(200)),
  legalName: optionalText(200),
  email: z
    .string()
    .trim()
    .max(320, "Enter a valid email address")
    .refine((value) => value === "" || z.email().safeParse(value).success, "Enter a valid email address")
    .transform((value) => (value === "" ? null : value)),
  addressLine1: optionalText(200),
  addressLine2: optionalText(200),
  city: optionalText(100),
  postalCode: optionalText(20),
  country: z
    .string()
    .trim()
    .toUpperCase()
    .refine((value) => value === "" || isCountryCode(value), "Choose a country from the list")
    .transform((value) => (value === "" ? null : value)),
  taxId: optionalText(50),
  defaultCurrency: z.string().refine(isSupportedCurrency, "Choose a currency from the list"),
  paymentTerms: z.enum(PAYMENT_TERMS, { error: "Choose payment terms" }),
  locale: z.string().trim().refine(isValidLocale, "Choose a locale from the list"),
  timeZone: z.string().trim().refine(isValidTimeZone, "Choose a time zone from the list"),
  paymentInstructions: optionalText(2000),
  invoiceFooter: optionalText(1000),
});

/** What the form holds: every field a string. */
export type OrganizationSettingsFormValues = z.input<typeof organizationSettingsSchema>;
/** What the service stores: empty optional fields are null. */
export type OrganizationSettingsInput = z.output<typeof organizationSettingsSchema>;

export const ORGANIZATION_FIELD_LABELS: Record<keyof OrganizationSettingsInput, string> = {
  name: "Name",
  legalName: "Legal name",
  email: "Billing email",
  addressLine1: "Address line 1",
  addressLine2: "Address line 2",
  city: "City",
  postalCode: "Postal code",
  country: "Country",
  taxId: "Tax ID",
  defaultCurrency: "Default currency",
  paymentTerms: "Payment terms",
  locale: "Locale",
  timeZone: "Time zone",
  paymentInstructions: "Payment instructions",
  invoiceFooter: "Invoice footer",
};

type StoredOrganizationSettings = {
  [Field in keyof OrganizationSettingsFormValues]: OrganizationSettingsFormValues[Field] | null;
};

/** The stored settings as the form holds them: empty strings where nothing is set. */
export const toOrganizationFormValues = (stored: StoredOrganizationSettings): OrganizationSettingsFormValues => ({
  name: stored.name ?? "",
  legalName: stored.legalName ?? "",
  email: stored.email ?? "",
  addressLine1: stored.addressLine1 ?? "",
  addressLine2: stored.addressLine2 ?? "",
  city: stored.city ?? "",
  postalCode: stored.postalCode ?? "",
  country: stored.country ?? "",
  taxId: stored.taxId ?? "",
  defaultCurrency: stored.defaultCurrency ?? "",
  paymentTerms: stored.paymentTerms ?? PaymentTerms.net_30,
  locale: stored.locale ?? "",
  timeZone: stored.timeZone ?? "",
  paymentInstructions: stored.paymentInstructions ?? "",
  invoiceFooter: stored.invoiceFooter ?? "",
});
