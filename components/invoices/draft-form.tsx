"use client";
// Drafting an invoice (new, or editing a draft). The form holds strings only; the shared schema
// checks them here and again in the action, and an error the server finds (a number already used,
// a price with too many decimals) lands at its field with nothing saved. A subscription draft shows
// its payer and currency as fixed; its lines keep their plan prices in hidden values.
import { zodResolver } from "@hookform/resolvers/zod";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { FormProvider, useController, useForm, useWatch } from "react-hook-form";
import { CustomerCombobox } from "@/components/customers/customer-combobox";
import { Button } from "@/components/ui/button";
import { Field, FormError, Select, Textarea } from "@/components/ui/field";
import { useToast } from "@/components/ui/toast";
import { applyServerErrors } from "@/lib/actions/form-errors";
import type { checkInvoiceNumber, saveDraftInvoice, searchInvoiceCustomers } from "@/lib/invoices/actions";
import type { InvoiceSeriesChoice } from "@/lib/invoices/detail";
import { draftInvoiceFieldPaths, draftInvoiceFormSchema, type DraftInvoiceFormValues } from "@/lib/invoices/schemas";
import { DraftDueDate } from "./draft-due-date";
import { DraftLinesEditor } from "./draft-lines-editor";
import { DraftNumbering } from "./draft-numbering";
import type { InvoiceCustomerOption } from "./draft-options";
import { DraftSubscriptionParties } from "./draft-subscription-parties";

export type DraftFormActions = {
  save: typeof saveDraftInvoice;
  searchCustomers: typeof searchInvoiceCustomers;
  checkNumber: typeof checkInvoiceNumber;
};

type DraftFormProps = {
  defaultValues: DraftInvoiceFormValues;
  customer: InvoiceCustomerOption | null;
  currencies: { value: string; label: string }[];
  series: InvoiceSeriesChoice[];
  locale: string;
  cancelHref: string;
  actions: DraftFormActions;
};

// The schema lists every path an error can land on ("lines.2.unitPrice"); all are this form's fields.
const fieldPaths = draftInvoiceFieldPaths;

export const DraftForm = ({
  defaultValues,
  customer: initialCustomer,
  currencies,
  series,
  locale,
  cancelHref,
  actions,
}: DraftFormProps) => {
  const router = useRouter();
  const { notify } = useToast();
  const [formError, setFormError] = useState<string>();
  const [saved, setSaved] = useState(false);
  const [customer, setCustomer] = useState(initialCustomer);
  const editing = Boolean(defaultValues.invoiceId);
  // A draft billing a subscription goes to its payer in its plan's currency: neither is offered.
  const subscriptionId = defaultValues.subscriptionId ?? "";
  // Raw: the submit handler gets the strings as typed, which is what crosses to the action.
  const form = useForm<DraftInvoiceFormValues, unknown, DraftInvoiceFormValues>({
    resolver: zodResolver(draftInvoiceFormSchema, undefined, { raw: true }),
    defaultValues,
  });
  const {
    control,
    register,
    handleSubmit,
    setError,
    setValue,
    formState: { errors, isSubmitting, isSubmitted },
  } = form;
  const customerField = useController({ control, name: "customerId" });
  const currency = useWatch({ control, name: "currency" });

  const chooseCustomer = (chosen: InvoiceCustomerOption) => {
    setCustomer(chosen);
    customerField.field.onChange(chosen.id);
    const revalidate = { shouldValidate: isSubmitted, shouldDirty: true };
    if (chosen.currency) setValue("currency", chosen.currency, revalidate);
    // The customer's series, or "" for the organisation's default: what the customer expects to see.
    setValue("seriesId", chosen.defaultInvoiceSeriesId ?? "", revalidate);
  };

  const onSubmit = handleSubmit(async (values) => {
    setFormError(undefined);
    const result = await actions.save(values);
    if (!result.ok) {
      setFormError(applyServerErrors(result, { setError, fields: fieldPaths(values.lines.length) }));
      return;
    }
    setSaved(true);
    notify(editing ? "Draft saved" : "Draft created");
    router.push(`/invoices/${result.data.invoiceId}`);
  });

  const busy = isSubmitting || saved;
  const currencyChoices = currencies.some((option) => option.value === currency)
    ? currencies
    : [{ value: currency, label: currency }, ...currencies];

  return (
    <FormProvider {...form}>
      <form
        onSubmit={onSubmit}
        noValidate
        aria-label={editing ? "Edit draft invoice" : "New invoice"}
        className="flex flex-col gap-6"
      >
        <FormError message={formError} />

        {subscriptionId ? (
          <DraftSubscriptionParties
            subscriptionId={subscriptionId}
            customerName={customer?.name ?? null}
            currency={currency}
            customerError={errors.customerId?.message}
            currencyError={errors.currency?.message}
          />
        ) : (
          <fieldset className="grid gap-4 sm:grid-cols-2">
            <legend className="mb-2 text-sm font-semibold text-ink-900">Bill to</legend>
            <CustomerCombobox
              id="invoice-customerId"
              label="Customer"
              listLabel="Customers"
              selected={customer}
              onSelect={chooseCustomer}
              onClear={() => {
                setCustomer(null);
                customerField.field.onChange("");
              }}
              search={actions.searchCustomers}
              activeOnlyWording
              openOnFocusWhenChosen
              error={errors.customerId?.message}
              inputRef={customerField.field.ref}
            />
            <Field
              id="invoice-currency"
              label="Currency"
              hint="One currency per invoice; unit prices are in it."
              error={errors.currency?.message}
            >
              <Select id="invoice-currency" invalid={Boolean(errors.currency)} hasHint {...register("currency")}>
                {currencyChoices.map((option) => (
                  <option key={option.value} value={option.value}>
                    {option.label}
                  </option>
                ))}
              </Select>
            </Field>
          </fieldset>
        )}

        <DraftDueDate locale={locale} />

        <DraftNumbering
          series={series}
          customerSeriesId={customer?.defaultInvoiceSeriesId ?? null}
          invoiceId={defaultValues.invoiceId || undefined}
          checkNumber={actions.checkNumber}
        />

        <DraftLinesEditor locale={locale} />

        <fieldset className="grid gap-4 sm:grid-cols-2">
          <legend className="mb-2 text-sm font-semibold text-ink-900">Notes</legend>
          <Field
            id="invoice-memo"
            label="Memo"
            hint="Shown on the invoice, e.g. a purchase order number."
            error={errors.memo?.message}
          >
            <Textarea id="invoice-memo" invalid={Boolean(errors.memo)} hasHint {...register("memo")} />
          </Field>
          <Field
            id="invoice-footer"
            label="Footer"
            hint="Printed at the bottom of the invoice; empty uses the organisation's footer."
            error={errors.footer?.message}
          >
            <Textarea id="invoice-footer" invalid={Boolean(errors.footer)} hasHint {...register("footer")} />
          </Field>
        </fieldset>

        <div className="flex justify-end gap-2 border-t border-ink-200 pt-4">
          <Button asChild variant="secondary">
            <Link href={cancelHref}>Cancel</Link>
          </Button>
          <Button type="submit" disabled={busy}>
            {busy ? "Saving…" : "Save draft"}
          </Button>
        </div>
      </form>
    </FormProvider>
  );
};
