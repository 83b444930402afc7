// What a customer is made of, as the form sends it and the actions accept it: one schema for both,
// so the browser and the server refuse the same input in the same words. No I/O here.
import { z } from "zod";
import { isSupportedCurrency, type CurrencyCode } from "@/lib/money";
import { isCountryCode } from "@/lib/organization/countries";

export const EXTERNAL_ID_MAX_LENGTH = 64;
export const EMAIL_MESSAGE = "Enter a valid email address, like billing@acme.com";

// Parsing is idempotent (output is valid input), so the form can send what zodResolver produced
// and the action parses it again without a second shape: empty optional fields become null.
const optionalText = (label: string, max: number) =>
  z
    .string()
    .trim()
    .max(max, `${label} can be at most ${max} characters`)
    .nullish()
    .transform((value) => (value ? value : null));

export const customerInputSchema = z.object({
  name: z
    .string()
    .trim()
    .min(1, "Enter the customer's name, as it should appear on invoices")
    .max(200, "A name can be at most 200 characters"),
  email: z.string().trim().min(1, EMAIL_MESSAGE).pipe(z.email(EMAIL_MESSAGE).max(254, EMAIL_MESSAGE)),
  externalId: z
    .string()
    .trim()
    .min(1, "Enter the id your other systems use for this customer, like acme-corp")
    .max(EXTERNAL_ID_MAX_LENGTH, `An external id can be at most ${EXTERNAL_ID_MAX_LENGTH} characters`)
    .regex(/^[A-Za-z0-9._-]+$/, "Use only letters, digits, hyphens (-), underscores (_) and dots (.)"),
  addressLine1: optionalText("Address line 1", 200),
  addressLine2: optionalText("Address line 2", 200),
  city: optionalText("City", 120),
  postalCode: optionalText("Postal code", 32),
  country: z
    .string()
    .trim()
    .toUpperCase()
    .nullish()
    .transform((value, context): string | null => {
      if (!value) return null;
      if (isCountryCode(value)) return value;
      context.addIssue({
        code: "custom",
        message: "Choose a country from the list (a 2-letter ISO code, like US or SG)",
      });
      return z.NEVER;
    }),
  taxId: optionalText("Tax id", 64),
  currency: z
    .string()
    .trim()
    .nullish()
    .transform((value, context): CurrencyCode | null => {
      if (!value) return null;
      if (isSupportedCurrency(value)) return value;
      context.addIssue({ code: "custom", message: "Choose a currency from the list" });
      return z.NEVER;
    }),
  defaultInvoiceSeriesId: optionalText("Invoice series", 64),
});

/** What the form holds: strings (or null for an untouched optional field). */
export type CustomerFormValues = z.input<typeof customerInputSchema>;
/** What the service receives: trimmed, with empty optional fields as null. */
export type CustomerInput = z.output<typeof customerInputSchema>;
export type CustomerField = keyof CustomerInput;

export const CUSTOMER_FIELDS = Object.keys(customerInputSchema.shape) as CustomerField[];

export const updateCustomerSchema = customerInputSchema.extend({ customerId: z.string().min(1) });
export type UpdateCustomerInput = z.output<typeof updateCustomerSchema>;

export const customerRefSchema = z.object({ customerId: z.string().min(1) });

// ---------------------------------------------------------------- the list's address bar

export const CUSTOMER_STATUS_FILTERS = ["active", "archived", "all"] as const;
export type CustomerStatusFilter = (typeof CUSTOMER_STATUS_FILTERS)[number];

// Search params may repeat (?q=a&q=b); the first one counts. Anything malformed falls back to the
// default rather than failing the page.
const firstValue = (value: unknown) => (Array.isArray(value) ? value[0] : value);

export const customerListParamsSchema = z.object({
  q: z.preprocess(firstValue, z.string().trim().max(200).catch("")).catch(""),
  status: z.preprocess(firstValue, z.enum(CUSTOMER_STATUS_FILTERS)).catch("active"),
  after: z.preprocess(firstValue, z.string().max(1000).optional()).catch(undefined),
  before: z.preprocess(firstValue, z.string().max(1000).optional()).catch(undefined),
});

export type CustomerListParams = z.output<typeof customerListParamsSchema>;
