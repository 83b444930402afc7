"use client";
// Settings > Billing, for admins: how long a period's draft waits for late usage events, and
// whether the billing job then finalizes it and draws the payer's wallet credit on its own.
import { zodResolver } from "@hookform/resolvers/zod";
import { useState } from "react";
import { useForm, useWatch, type UseFormRegisterReturn } from "react-hook-form";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { Field, FormError, Input } from "@/components/ui/field";
import { useToast } from "@/components/ui/toast";
import { applyServerErrors } from "@/lib/actions/form-errors";
import type { updateBillingSettings } from "@/lib/billing/actions";
import {
  BILLING_SETTINGS_FIELDS,
  BILLING_SETTINGS_LABELS as LABELS,
  billingSettingsSchema,
  MAX_USAGE_GRACE_HOURS,
  type BillingSettingsFormValues,
  type BillingSettingsInput,
} from "@/lib/billing/settings-schema";

type CheckboxFieldProps = {
  id: string;
  label: string;
  hint: string;
  error?: string;
  disabled?: boolean;
  registration: UseFormRegisterReturn;
};

const CheckboxField = ({ id, label, hint, error, disabled, registration }: CheckboxFieldProps) => (
  <div className="flex items-start gap-3">
    <input
      id={id}
      type="checkbox"
      disabled={disabled}
      aria-invalid={Boolean(error) || undefined}
      aria-describedby={error ? `${id}-error` : `${id}-hint`}
      className="mt-0.5 size-4 rounded border-ink-300 accent-brand-600 disabled:opacity-50"
      {...registration}
    />
    <div className="flex flex-col gap-0.5">
      <label htmlFor={id} className="text-sm font-medium text-ink-900">
        {label}
      </label>
      <p id={`${id}-hint`} className="text-xs text-ink-600">
        {hint}
      </p>
      {error ? (
        <p id={`${id}-error`} role="alert" className="text-sm text-red-700">
          {error}
        </p>
      ) : null}
    </div>
  </div>
);

type BillingSettingsFormProps = {
  defaultValues: BillingSettingsFormValues;
  action: typeof updateBillingSettings;
};

export const BillingSettingsForm = ({ defaultValues, action }: BillingSettingsFormProps) => {
  const { notify } = useToast();
  const [formError, setFormError] = useState<string>();
  const {
    register,
    handleSubmit,
    setError,
    setValue,
    reset,
    control,
    formState: { errors, isSubmitting, isDirty },
  } = useForm<BillingSettingsFormValues, unknown, BillingSettingsInput>({
    resolver: zodResolver(billingSettingsSchema),
    defaultValues,
  });
  const autoFinalize = useWatch({ control, name: "autoFinalize" });

  const onSubmit = handleSubmit(async (saved) => {
    setFormError(undefined);
    const values = { ...saved, usageGraceHours: String(saved.usageGraceHours) };
    const result = await action(values);
    if (!result.ok) {
      setFormError(applyServerErrors(result, { setError, fields: BILLING_SETTINGS_FIELDS }));
      return;
    }
    reset(values);
    notify(result.data.changedFields.length > 0 ? "Billing settings saved" : "Nothing to save: no setting changed");
  });

  // Credit is applied as the job finalizes: without automatic finalization it would never be.
  const finalizeRegistration = register("autoFinalize", {
    onChange: (event: React.ChangeEvent<HTMLInputElement>) => {
      if (!event.target.checked) setValue("autoApplyWallet", false, { shouldDirty: true });
    },
  });

  return (
    <form onSubmit={onSubmit} method="post" aria-label="Billing settings" noValidate className="flex flex-col gap-6">
      <FormError message={formError} />
      <Card title="Subscription invoices">
        <div className="flex max-w-xl flex-col gap-5">
          <p className="text-sm text-ink-600">
            When a subscription&apos;s period ends, Billfold drafts its invoice for the invoicing customer from the
            usage recorded so far. The draft then waits for late events before it can be finalized on its own.
          </p>
          <Field
            id="billing-usageGraceHours"
            label={`${LABELS.usageGraceHours} (hours)`}
            hint={`0 to ${MAX_USAGE_GRACE_HOURS} hours (30 days) after the period ends. Events that arrive within it are counted when the draft is finalized automatically.`}
            error={errors.usageGraceHours?.message}
            className="max-w-md"
          >
            <div className="w-32">
              <Input
                id="billing-usageGraceHours"
                inputMode="numeric"
                autoComplete="off"
                className="tabular text-right"
                invalid={Boolean(errors.usageGraceHours)}
                hasHint
                defaultValue={defaultValues.usageGraceHours}
                {...register("usageGraceHours")}
              />
            </div>
          </Field>
          <CheckboxField
            id="billing-autoFinalize"
            label={LABELS.autoFinalize}
            hint="After the grace period, the draft is recalculated with the events received, then finalized and numbered. Off: drafts wait for finance to finalize them."
            error={errors.autoFinalize?.message}
            registration={finalizeRegistration}
          />
          <CheckboxField
            id="billing-autoApplyWallet"
            label={LABELS.autoApplyWallet}
            hint="When an invoice is finalized automatically, the invoicing customer's wallet credit in its currency pays as much of it as it can."
            error={errors.autoApplyWallet?.message}
            disabled={!autoFinalize}
            registration={register("autoApplyWallet")}
          />
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
