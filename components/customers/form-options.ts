// The choices the customer form offers, built on the server so the browser's own Intl data
// cannot make server and client render different lists.
import type { InvoiceSeriesOption } from "@/lib/customers/queries";
import { countryOptions, currencyOptions } from "@/lib/organization/options";
import type { SelectOption } from "./customer-form";

export const customerFormOptions = (
  series: InvoiceSeriesOption[],
  current: { country?: string | null; currency?: string | null } = {},
): { countries: SelectOption[]; currencies: SelectOption[]; invoiceSeries: SelectOption[] } => ({
  countries: countryOptions(current.country),
  currencies: currencyOptions(current.currency),
  invoiceSeries: series.map((item) => ({
    value: item.id,
    label: `${item.name} (${item.format})${item.isDefault ? " · default" : ""}`,
  })),
});
