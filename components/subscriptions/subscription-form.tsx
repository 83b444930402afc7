"use client";
// Subscribing a customer (the owner) to a plan, optionally invoiced to another customer (the
// delegated payer). The form holds strings; the shared schema checks them here and again in the
// action. An archived payer is refused at the "Invoice to" field as soon as it is picked, and the
// server checks again under a lock, so nothing is created for a payer that is not active. Dates are
// days on the organisation's calendar: a subscription starts, and its periods turn, at midnight there.
import { zodResolver } from "@hookform/resolvers/zod";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useRef, useState } from "react";
import { useController, useForm, useWatch, type Resolver } from "react-hook-form";
import { CustomerCombobox } from "@/components/customers/customer-combobox";
import { Button } from "@/components/ui/button";
import { Field, FormError, Input, Select } from "@/components/ui/field";
import { useToast } from "@/components/ui/toast";
import { applyServerErrors } from "@/lib/actions/form-errors";
import type { Locale } from "@/lib/format/date";
import type { createSubscription, searchCustomersForSubscription } from "@/lib/subscriptions/actions";
import type { PlanOption, SubscriptionCustomerOption } from "@/lib/subscriptions/queries";
import {
  CREATE_SUBSCRIPTION_FIELDS,
  createSubscriptionSchema,
  PAYER_INACTIVE_MESSAGE,
  type CreateSubscriptionValues,
} from "@/lib/subscriptions/schemas";
import { FirstPeriodPreview } from "./first-period-preview";
import { planLabel } from "./plan-label";

// Raw: the submit handler gets the strings as typed, which is what crosses to the action.
const schemaResolver = zodResolver(createSubscriptionSchema, undefined, { raw: true });

type SubscriptionFormProps = {
  plans: PlanOption[];
  owner: SubscriptionCustomerOption | null;
  /** Today as "YYYY-MM-DD" in the organisation's zone, the start date offered. */
  today: string;
  /** The organisation's locale and zone: the dates are days on its calendar. */
  format: Locale;
  cancelHref: string;
  actions: { create: typeof createSubscription; searchCustomers: typeof searchCustomersForSubscription };
};

export const SubscriptionForm = ({
  plans,
  owner: initialOwner,
  today,
  format,
  cancelHref,
  actions,
}: SubscriptionFormProps) => {
  const router = useRouter();
  const { notify } = useToast();
  const [formError, setFormError] = useState<string>();
  const [saved, setSaved] = useState(false);
  const [owner, setOwner] = useState(initialOwner);
  const [payer, setPayer] = useState<SubscriptionCustomerOption | null>(null);
  // The anchor follows the start date until someone sets it on purpose.
  const [anchorChosen, setAnchorChosen] = useState(false);
  // Read by the resolver at validation time, so every re-validation keeps refusing an archived payer.
  const payerRef = useRef<SubscriptionCustomerOption | null>(null);
  const resolver: Resolver<CreateSubscriptionValues, unknown, CreateSubscriptionValues> = async (
    values,
    context,
    options,
  ) => {
    const result = await schemaResolver(values, context, options);
    const chosen = payerRef.current;
    if (chosen?.status !== "archived" || chosen.id !== values.invoicingCustomerId) return result;
    return {
      values: {},
      errors: { ...result.errors, invoicingCustomerId: { type: "inactive", message: PAYER_INACTIVE_MESSAGE } },
    };
  };
  const {
    control,
    register,
    handleSubmit,
    setError,
    clearErrors,
    setValue,
    formState: { errors, isSubmitting, isSubmitted },
  } = useForm<CreateSubscriptionValues, unknown, CreateSubscriptionValues>({
    resolver,
    defaultValues: {
      customerId: initialOwner?.id ?? "",
      planId: "",
      startDate: today,
      billingAnchor: today,
      invoicingCustomerId: "",
    },
  });
  const ownerField = useController({ control, name: "customerId" });
  const payerField = useController({ control, name: "invoicingCustomerId" });
  const [planId, startDate, billingAnchor] = useWatch({ control, name: ["planId", "startDate", "billingAnchor"] });
  const plan = plans.find((candidate) => candidate.id === planId) ?? null;

  const choosePayer = (chosen: SubscriptionCustomerOption) => {
    payerRef.current = chosen;
    setPayer(chosen);
    payerField.field.onChange(chosen.id);
    // Said at once, not only on submit; the server refuses it too, under a lock.
    if (chosen.status === "archived") {
      setError("invoicingCustomerId", { type: "inactive", message: PAYER_INACTIVE_MESSAGE });
    } else {
      clearErrors("invoicingCustomerId");
    }
  };

  const onSubmit = handleSubmit(async (values) => {
    setFormError(undefined);
    const result = await actions.create(values);
    if (!result.ok) {
      setFormError(applyServerErrors(result, { setError, fields: CREATE_SUBSCRIPTION_FIELDS }));
      return;
    }
    setSaved(true);
    notify(`${result.data.ownerName} subscribed to ${result.data.planName}`);
    router.push(`/subscriptions/${result.data.id}`);
  });

  const busy = isSubmitting || saved;
  const startRegistration = register("startDate", {
    onChange: (event: React.ChangeEvent<HTMLInputElement>) => {
      if (!anchorChosen) setValue("billingAnchor", event.target.value, { shouldValidate: isSubmitted });
    },
  });
  const anchorRegistration = register("billingAnchor", { onChange: () => setAnchorChosen(true) });

  return (
    <form onSubmit={onSubmit} noValidate aria-label="New subscription" className="flex flex-col gap-6">
      <FormError message={formError} />

      <fieldset className="grid gap-4 sm:grid-cols-2">
        <legend className="mb-2 text-sm font-semibold text-ink-900">Customer and plan</legend>
        <CustomerCombobox
          id="subscription-customerId"
          label="Customer"
          hint="Who uses the subscription: its usage events and entitlements are this customer's."
          selected={owner}
          onSelect={(chosen) => {
            setOwner(chosen);
            ownerField.field.onChange(chosen.id);
          }}
          onClear={() => {
            setOwner(null);
            ownerField.field.onChange("");
          }}
          search={actions.searchCustomers}
          error={errors.customerId?.message}
          inputRef={ownerField.field.ref}
        />
        <Field
          id="subscription-planId"
          label="Plan"
          hint={plans.length === 0 ? "There are no active plans: add one under Settings > Catalogue." : undefined}
          error={errors.planId?.message}
        >
          <Select
            id="subscription-planId"
            invalid={Boolean(errors.planId)}
            hasHint={plans.length === 0}
            {...register("planId")}
          >
            <option value="">Choose a plan</option>
            {plans.map((option) => (
              <option key={option.id} value={option.id}>
                {planLabel(option)}
              </option>
            ))}
          </Select>
        </Field>
      </fieldset>

      <fieldset className="grid gap-4 sm:grid-cols-2">
        <legend className="mb-2 text-sm font-semibold text-ink-900">Billing periods</legend>
        <Field
          id="subscription-startDate"
          label="Start date"
          hint={`The subscription starts at midnight (${format.timeZone}) on this day.`}
          error={errors.startDate?.message}
        >
          <Input
            id="subscription-startDate"
            type="date"
            invalid={Boolean(errors.startDate)}
            hasHint
            {...startRegistration}
          />
        </Field>
        <Field
          id="subscription-billingAnchor"
          label="Billing anchor"
          hint={`Periods turn at midnight (${format.timeZone}) on this day of the month (or of the year). Starts as the start date.`}
          error={errors.billingAnchor?.message}
        >
          <Input
            id="subscription-billingAnchor"
            type="date"
            invalid={Boolean(errors.billingAnchor)}
            hasHint
            {...anchorRegistration}
          />
        </Field>
        <FirstPeriodPreview
          className="sm:col-span-2"
          plan={plan}
          startDate={startDate}
          billingAnchor={billingAnchor || startDate}
          format={format}
        />
      </fieldset>

      <fieldset className="grid gap-4 sm:grid-cols-2">
        <legend className="mb-2 text-sm font-semibold text-ink-900">Invoicing</legend>
        <CustomerCombobox
          id="subscription-invoicingCustomerId"
          label="Invoice to (optional)"
          hint="Leave empty to invoice the customer itself. A reseller or a central finance team can pay instead; the payer cannot be changed later."
          selected={payer}
          onSelect={choosePayer}
          onClear={() => {
            payerRef.current = null;
            setPayer(null);
            payerField.field.onChange("");
            clearErrors("invoicingCustomerId");
          }}
          search={actions.searchCustomers}
          includeArchived
          error={errors.invoicingCustomerId?.message}
          inputRef={payerField.field.ref}
        />
        {payer && owner && payer.id !== owner.id && payer.status === "active" ? (
          <p className="self-center rounded-md bg-brand-50 px-3 py-2 text-sm text-brand-800">
            Invoices go to <strong>{payer.name}</strong>; usage is {owner.name}&apos;s.
          </p>
        ) : null}
      </fieldset>

      <div className="flex justify-end gap-2 border-t border-ink-200 pt-4">
        <Button asChild variant="secondary">
          <Link href={cancelHref}>Cancel</Link>
        </Button>
        <Button type="submit" disabled={busy}>
          {busy ? "Saving…" : "Create subscription"}
        </Button>
      </div>
    </form>
  );
};
