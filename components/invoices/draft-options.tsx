// The choices the draft form starts with, built on the server: the chosen customer as the customer
// search would return it, and the currencies named by the server's Intl so both renders agree.
import type { CustomerRecord } from "@/lib/customers/queries";
import { currencyOptions, type Option } from "@/lib/organization/options";

/** A customer as the invoice's customer search returns it: its currency and series come with it. */
export type InvoiceCustomerOption = {
  id: string;
  name: string;
  externalId: string;
  email: string;
  currency: string | null;
  defaultInvoiceSeriesId: string | null;
};

export const draftCustomerOption = (customer: CustomerRecord | null): InvoiceCustomerOption | null =>
  customer
    ? {
        id: customer.id,
        name: customer.name,
        externalId: customer.externalId,
        email: customer.email,
        currency: customer.currency,
        defaultInvoiceSeriesId: customer.defaultInvoiceSeriesId,
      }
    : null;

/** The organisation's invoice currencies, plus the draft's own if it is no longer among them. */
export const draftCurrencyOptions = (currencies: readonly string[], current: string): Option[] =>
  currencyOptions(current).filter((option) => currencies.includes(option.value) || option.value === current);
