"use client";
// The seller details an admin edits: what every invoice, credit note and receipt prints, and the
// defaults (currency, payment terms, locale, time zone) new documents start from.
import { zodResolver } from "@hookform/resolvers/zod";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { Field, FormError, Input, Select, Textarea } from "@/components/ui/field";
import { useToast } from "@/components/ui/toast";
import type { updateOrganization } from "@/lib/organization/actions";
import type { Option } from "@/lib/organization/options";
import {
  ORGANIZATION_FIELD_LABELS as LABELS,
  organizationSettingsSchema,
  PAYMENT_TERMS,
  PAYMENT_TERMS_LABELS,
  toOrganizationFormValues,
  type OrganizationSettingsFormValues,
  type OrganizationSettingsInput,
} from "@/lib/organization/schemas";
import { applyServerErrors } from "@/lib/actions/form-errors";

export type OrganizationFormOptions = {
  countries: Option[];
  currencies: Option[];
  locales: Option[];
  timeZones: Option[];
};

type OrganizationFormProps = {
  defaultValues: OrganizationSettingsFormValues;
  options: OrganizationFormOptions;
  action: typeof updateOrganization;
};

const FIELDS = Object.keys(LABELS) as (keyof OrganizationSettingsFormValues)[];

export const OrganizationForm = ({ defaultValues, options, action }: OrganizationFormProps) => {
  const { notify } = useToast();
  const [formError, setFormError] = useState<string>();
  const {
    register,
    handleSubmit,
    setError,
    reset,
    formState: { errors, isSubmitting, isDirty },
  } = useForm<OrganizationSettingsFormValues, unknown, OrganizationSettingsInput>({
    resolver: zodResolver(organizationSettingsSchema),
    defaultValues,
  });

  const onSubmit = handleSubmit(async (saved) => {
    setFormError(undefined);
    // The action parses the same schema, so it gets what the form holds (strings), not the
    // parsed values (nulls).
    const result = await action(toOrganizationFormValues(saved));
    if (!result.ok) {
      setFormError(applyServerErrors(result, { setError, fields: FIELDS }));
      return;
    }
    reset(toOrganizationFormValues(saved));
    notify(result.data.changedFields.length > 0 ? "Organisation settings saved" : "Nothing to save: no field changed");
  });

  const field = (name: keyof OrganizationSettingsFormValues) => ({
    id: `org-${name}`,
    label: LABELS[name],
    error: errors[name]?.message,
  });
  // defaultValue as well as register: the server-rendered form shows the stored values before
  // react-hook-form hydrates and fills them in.
  const control = (name: keyof OrganizationSettingsFormValues) => ({
    id: `org-${name}`,
    invalid: Boolean(errors[name]),
    defaultValue: defaultValues[name],
    ...register(name),
  });

  return (
    <form
      onSubmit={onSubmit}
      method="post"
      aria-label="Organisation settings"
      noValidate
      className="flex flex-col gap-6"
    >
      <FormError message={formError} />
      <Card title="Seller">
        <div className="grid gap-4 sm:grid-cols-2">
          <Field {...field("name")} label="Name on invoices">
            <Input autoComplete="organization" {...control("name")} />
          </Field>
          <Field {...field("legalName")} hint="If it differs from the name on invoices.">
            <Input {...control("legalName")} />
          </Field>
          <Field {...field("email")} hint="Where customers reply about invoices.">
            <Input type="email" autoComplete="email" {...control("email")} />
          </Field>
          <Field {...field("taxId")} hint="VAT, GST or EIN number, printed on invoices.">
            <Input {...control("taxId")} />
          </Field>
        </div>
      </Card>

      <Card title="Address">
        <div className="grid gap-4 sm:grid-cols-2">
          <Field {...field("addressLine1")}>
            <Input autoComplete="address-line1" {...control("addressLine1")} />
          </Field>
          <Field {...field("addressLine2")}>
            <Input autoComplete="address-line2" {...control("addressLine2")} />
          </Field>
          <Field {...field("city")}>
            <Input autoComplete="address-level2" {...control("city")} />
          </Field>
          <Field {...field("postalCode")}>
            <Input autoComplete="postal-code" {...control("postalCode")} />
          </Field>
          <Field {...field("country")}>
            <Select {...control("country")}>
              <option value="">Not set</option>
              {options.countries.map((option) => (
                <option key={option.value} value={option.value}>
                  {option.label}
                </option>
              ))}
            </Select>
          </Field>
        </div>
      </Card>

      <Card title="Invoicing defaults">
        <div className="grid gap-4 sm:grid-cols-2">
          <Field {...field("defaultCurrency")} hint="For new customers and invoices; existing documents keep theirs.">
            <Select {...control("defaultCurrency")}>
              {options.currencies.map((option) => (
                <option key={option.value} value={option.value}>
                  {option.label}
                </option>
              ))}
            </Select>
          </Field>
          <Field {...field("paymentTerms")} hint="Sets the due date of new invoices unless one is given.">
            <Select {...control("paymentTerms")}>
              {PAYMENT_TERMS.map((terms) => (
                <option key={terms} value={terms}>
                  {PAYMENT_TERMS_LABELS[terms]}
                </option>
              ))}
            </Select>
          </Field>
          <Field {...field("locale")} hint="How amounts and dates are written on pages and documents.">
            <Select {...control("locale")}>
              {options.locales.map((option) => (
                <option key={option.value} value={option.value}>
                  {option.label}
                </option>
              ))}
            </Select>
          </Field>
          <Field {...field("timeZone")} hint="Decides the date of invoices and when a billing period ends.">
            <Select {...control("timeZone")}>
              {options.timeZones.map((option) => (
                <option key={option.value} value={option.value}>
                  {option.label}
                </option>
              ))}
            </Select>
          </Field>
        </div>
      </Card>

      <Card title="Printed on every invoice">
        <div className="grid gap-4">
          <Field {...field("paymentInstructions")} hint="Bank details or how to pay, shown above the footer.">
            <Textarea rows={4} {...control("paymentInstructions")} />
          </Field>
          <Field {...field("invoiceFooter")} hint="Registered office, company number or a thank-you line.">
            <Textarea {...control("invoiceFooter")} />
          </Field>
        </div>
      </Card>

      <div className="flex items-center justify-end gap-3">
        {isDirty ? <p className="text-sm text-ink-600">You have unsaved changes.</p> : null}
        <Button type="submit" disabled={isSubmitting}>
          {isSubmitting ? "Saving…" : "Save changes"}
        </Button>
      </div>
    </form>
  );
};
