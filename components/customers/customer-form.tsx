"use client";
// Adding or editing a customer. The same zod schema checks the fields here and in the action; an
// error the server finds (an external id already used) lands on its field, and nothing is saved.
import { zodResolver } from "@hookform/resolvers/zod";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { Button } from "@/components/ui/button";
import { Field, FormError, Input, Select } from "@/components/ui/field";
import { useToast } from "@/components/ui/toast";
import { applyServerErrors } from "@/lib/actions/form-errors";
import type { createCustomer, updateCustomer } from "@/lib/customers/actions";
import {
  CUSTOMER_FIELDS,
  customerInputSchema,
  EXTERNAL_ID_MAX_LENGTH,
  type CustomerField,
  type CustomerFormValues,
  type CustomerInput,
} from "@/lib/customers/schemas";

export type SelectOption = { value: string; label: string };

type CustomerFormProps = {
  countries: SelectOption[];
  currencies: SelectOption[];
  invoiceSeries: SelectOption[];
  cancelHref: string;
} & (
  | { mode: "create"; action: typeof createCustomer; defaultValues?: undefined; customerId?: undefined }
  | { mode: "edit"; action: typeof updateCustomer; defaultValues: CustomerFormValues; customerId: string }
);

const EMPTY: CustomerFormValues = {
  name: "",
  email: "",
  externalId: "",
  addressLine1: "",
  addressLine2: "",
  city: "",
  postalCode: "",
  country: "",
  taxId: "",
  currency: "",
  defaultInvoiceSeriesId: "",
};

export const CustomerForm = (props: CustomerFormProps) => {
  const { countries, currencies, invoiceSeries, cancelHref, mode } = props;
  const router = useRouter();
  const { notify } = useToast();
  const [formError, setFormError] = useState<string>();
  const [saved, setSaved] = useState(false);
  const {
    register,
    handleSubmit,
    setError,
    formState: { errors, isSubmitting },
  } = useForm<CustomerFormValues, unknown, CustomerInput>({
    resolver: zodResolver(customerInputSchema),
    defaultValues: props.defaultValues ?? EMPTY,
  });

  const onSubmit = handleSubmit(async (values) => {
    setFormError(undefined);
    const result =
      props.mode === "create"
        ? await props.action(values)
        : await props.action({ ...values, customerId: props.customerId });
    if (!result.ok) {
      setFormError(applyServerErrors(result, { setError, fields: CUSTOMER_FIELDS }));
      return;
    }
    setSaved(true);
    notify(mode === "create" ? `Customer ${result.data.name} created` : `Changes to ${result.data.name} saved`);
    router.push(`/customers/${result.data.id}`);
  });

  const text = (
    field: Exclude<CustomerField, "country" | "currency" | "defaultInvoiceSeriesId">,
    label: string,
    options: { hint?: string; type?: string; autoComplete?: string; maxLength?: number; className?: string } = {},
  ) => {
    const id = `customer-${field}`;
    const message = errors[field]?.message;
    return (
      <Field id={id} label={label} error={message} hint={options.hint} className={options.className}>
        <Input
          id={id}
          type={options.type ?? "text"}
          autoComplete={options.autoComplete ?? "off"}
          maxLength={options.maxLength}
          invalid={Boolean(message)}
          aria-describedby={message ? `${id}-error` : options.hint ? `${id}-hint` : undefined}
          {...register(field)}
        />
      </Field>
    );
  };

  const busy = isSubmitting || saved;

  return (
    <form
      onSubmit={onSubmit}
      noValidate
      aria-label={mode === "create" ? "New customer" : "Edit customer"}
      className="flex flex-col gap-6"
    >
      <FormError message={formError} />

      <fieldset className="grid gap-4 sm:grid-cols-2">
        <legend className="mb-2 text-sm font-semibold text-ink-900">Customer</legend>
        {text("name", "Name", { autoComplete: "organization" })}
        {text("email", "Email", {
          type: "email",
          hint: "Where invoices and receipts are sent.",
          autoComplete: "email",
        })}
        {text("externalId", "External id", {
          hint: `The id your other systems use, like acme-corp. Letters, digits, - _ and . only; at most ${EXTERNAL_ID_MAX_LENGTH}.`,
          maxLength: EXTERNAL_ID_MAX_LENGTH,
        })}
        {text("taxId", "Tax id", { hint: "Shown on invoices, e.g. a VAT or GST number." })}
      </fieldset>

      <fieldset className="grid gap-4 sm:grid-cols-2">
        <legend className="mb-2 text-sm font-semibold text-ink-900">Billing address</legend>
        {text("addressLine1", "Address line 1", { autoComplete: "address-line1", className: "sm:col-span-2" })}
        {text("addressLine2", "Address line 2", { autoComplete: "address-line2", className: "sm:col-span-2" })}
        {text("city", "City", { autoComplete: "address-level2" })}
        {text("postalCode", "Postal code", { autoComplete: "postal-code" })}
        <Field id="customer-country" label="Country" error={errors.country?.message}>
          <Select id="customer-country" invalid={Boolean(errors.country)} {...register("country")}>
            <option value="">Not set</option>
            {countries.map((country) => (
              <option key={country.value} value={country.value}>
                {country.label} ({country.value})
              </option>
            ))}
          </Select>
        </Field>
      </fieldset>

      <fieldset className="grid gap-4 sm:grid-cols-2">
        <legend className="mb-2 text-sm font-semibold text-ink-900">Invoicing</legend>
        <Field
          id="customer-currency"
          label="Currency"
          hint="The currency new invoices for this customer start in."
          error={errors.currency?.message}
        >
          <Select
            id="customer-currency"
            invalid={Boolean(errors.currency)}
            aria-describedby={errors.currency ? "customer-currency-error" : "customer-currency-hint"}
            {...register("currency")}
          >
            <option value="">Organisation default</option>
            {currencies.map((currency) => (
              <option key={currency.value} value={currency.value}>
                {currency.label}
              </option>
            ))}
          </Select>
        </Field>
        <Field
          id="customer-defaultInvoiceSeriesId"
          label="Default invoice series"
          hint="The numbering used when this customer's invoices are finalized."
          error={errors.defaultInvoiceSeriesId?.message}
        >
          <Select
            id="customer-defaultInvoiceSeriesId"
            invalid={Boolean(errors.defaultInvoiceSeriesId)}
            aria-describedby={
              errors.defaultInvoiceSeriesId
                ? "customer-defaultInvoiceSeriesId-error"
                : "customer-defaultInvoiceSeriesId-hint"
            }
            {...register("defaultInvoiceSeriesId")}
          >
            <option value="">Organisation default series</option>
            {invoiceSeries.map((series) => (
              <option key={series.value} value={series.value}>
                {series.label}
              </option>
            ))}
          </Select>
        </Field>
      </fieldset>

      <div className="flex justify-end gap-2 border-t border-ink-200 pt-4">
        <Button asChild variant="secondary">
          <Link href={cancelHref}>Cancel</Link>
        </Button>
        <Button type="submit" disabled={busy}>
          {busy ? "Saving…" : mode === "create" ? "Create customer" : "Save changes"}
        </Button>
      </div>
    </form>
  );
};
