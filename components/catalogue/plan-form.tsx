"use client";
// Adding or changing a plan: code, name, currency, billing interval and its prices in order. The
// form holds strings only; the shared schema checks them here and again in the action, and an error
// the server finds (a code in use, prices locked by subscriptions) lands at its field, nothing saved.
import { zodResolver } from "@hookform/resolvers/zod";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { FormProvider, useFieldArray, useForm, useWatch } from "react-hook-form";
import { Button } from "@/components/ui/button";
import { Field, FormError, Input, Select } from "@/components/ui/field";
import { useToast } from "@/components/ui/toast";
import { applyServerErrors } from "@/lib/actions/form-errors";
import type { createPlan, updatePlan } from "@/lib/catalogue/actions";
import { emptyPrice } from "@/lib/catalogue/form-values";
import type { MeterSummary } from "@/lib/catalogue/queries";
import {
  BILLING_INTERVAL_LABELS,
  BILLING_INTERVALS,
  createPlanSchema,
  MAX_PRICES,
  PLAN_CODE_MAX_LENGTH,
  PLAN_NAME_MAX_LENGTH,
  planFieldPaths,
  type PlanFormValues,
} from "@/lib/catalogue/schemas";
import { PriceFields } from "./price-fields";

type PlanFormProps = {
  defaultValues: PlanFormValues;
  currencies: { value: string; label: string }[];
  meters: MeterSummary[];
  cancelHref: string;
  /** Shown instead of the currency, interval and price fields when subscriptions lock them. */
  lockedPrices?: { reason: string; summary: React.ReactNode };
} & (
  | { mode: "create"; action: typeof createPlan; planId?: undefined }
  | { mode: "edit"; action: typeof updatePlan; planId: string }
);

export const PlanForm = (props: PlanFormProps) => {
  const { defaultValues, currencies, meters, cancelHref, lockedPrices } = props;
  const router = useRouter();
  const { notify } = useToast();
  const [formError, setFormError] = useState<string>();
  const [leaving, setLeaving] = useState(false);
  const form = useForm<PlanFormValues, unknown, PlanFormValues>({
    // Raw: the action gets the text as typed and parses it in the plan's currency itself.
    resolver: zodResolver(createPlanSchema, undefined, { raw: true }),
    defaultValues,
  });
  const {
    register,
    control,
    handleSubmit,
    setError,
    formState: { errors, isSubmitting },
  } = form;
  const { fields, append, remove, move } = useFieldArray({ control, name: "prices" });
  const currency = useWatch({ control, name: "currency" });
  const pricesMessage = errors.prices?.root?.message ?? errors.prices?.message;

  const onSubmit = handleSubmit(async (values) => {
    setFormError(undefined);
    const result =
      props.mode === "edit" ? await props.action({ ...values, planId: props.planId }) : await props.action(values);
    if (!result.ok) {
      setFormError(applyServerErrors(result, { setError, fields: planFieldPaths(values.prices) }));
      return;
    }
    setLeaving(true);
    notify(props.mode === "edit" ? `Changes to ${result.data.name} saved` : `Added plan ${result.data.name}`);
    router.push(`/settings/catalogue/plans/${result.data.id}`);
  });

  const busy = isSubmitting || leaving;
  return (
    <FormProvider {...form}>
      <form
        onSubmit={onSubmit}
        method="post"
        noValidate
        aria-label={props.mode === "create" ? "Add a plan" : "Edit plan"}
        className="flex flex-col gap-6"
      >
        <FormError message={formError} />
        <div className="grid gap-4 sm:grid-cols-2">
          <Field
            id="plan-code"
            label="Code"
            hint="Unique in your catalogue, e.g. growth-usd."
            error={errors.code?.message}
          >
            <Input
              id="plan-code"
              autoComplete="off"
              spellCheck={false}
              className="font-mono"
              maxLength={PLAN_CODE_MAX_LENGTH}
              invalid={Boolean(errors.code)}
              hasHint
              {...register("code")}
            />
          </Field>
          <Field id="plan-name" label="Name" hint="As customers and invoices call it." error={errors.name?.message}>
            <Input
              id="plan-name"
              autoComplete="off"
              maxLength={PLAN_NAME_MAX_LENGTH}
              invalid={Boolean(errors.name)}
              hasHint
              {...register("name")}
            />
          </Field>
          {lockedPrices ? null : (
            <>
              <Field id="plan-currency" label="Currency" error={errors.currency?.message}>
                <Select id="plan-currency" invalid={Boolean(errors.currency)} {...register("currency")}>
                  {currencies.map((option) => (
                    <option key={option.value} value={option.value}>
                      {option.label}
                    </option>
                  ))}
                </Select>
              </Field>
              <Field id="plan-interval" label="Billed" error={errors.interval?.message}>
                <Select id="plan-interval" invalid={Boolean(errors.interval)} {...register("interval")}>
                  {BILLING_INTERVALS.map((option) => (
                    <option key={option} value={option}>
                      {BILLING_INTERVAL_LABELS[option]}
                    </option>
                  ))}
                </Select>
              </Field>
            </>
          )}
        </div>

        {lockedPrices ? (
          <section aria-labelledby="plan-prices-heading" className="flex flex-col gap-3">
            <h2 id="plan-prices-heading" className="text-base font-semibold text-ink-900">
              Prices
            </h2>
            <p className="rounded-md border border-amber-200 bg-amber-50 px-3 py-2 text-sm text-amber-900">
              {lockedPrices.reason}
            </p>
            {lockedPrices.summary}
          </section>
        ) : (
          <section aria-labelledby="plan-prices-heading" className="flex flex-col gap-3">
            <div>
              <h2 id="plan-prices-heading" className="text-base font-semibold text-ink-900">
                Prices
              </h2>
              <p className="text-sm text-ink-600">
                Each price becomes invoice lines in this order: flat fees per period, usage priced per unit or by tiers.
              </p>
            </div>
            {pricesMessage ? (
              <p role="alert" className="text-sm text-red-700">
                {pricesMessage}
              </p>
            ) : null}
            {meters.length === 0 ? (
              <p className="text-sm text-ink-600">
                Usage prices need a meter.{" "}
                <Link className="font-medium text-brand-700 hover:underline" href="/settings/catalogue/meters/new">
                  Add a meter
                </Link>{" "}
                first to bill usage.
              </p>
            ) : null}
            {fields.map((field, index) => (
              <PriceFields
                key={field.id}
                index={index}
                count={fields.length}
                currency={currency}
                meters={meters}
                onMove={move}
                onRemove={remove}
              />
            ))}
            <div>
              <Button variant="secondary" disabled={fields.length >= MAX_PRICES} onClick={() => append(emptyPrice())}>
                Add price
              </Button>
            </div>
          </section>
        )}

        <div className="flex justify-end gap-2">
          <Button asChild variant="secondary">
            <Link href={cancelHref}>Cancel</Link>
          </Button>
          <Button type="submit" disabled={busy}>
            {props.mode === "create" ? (busy ? "Adding…" : "Add plan") : busy ? "Saving…" : "Save changes"}
          </Button>
        </div>
      </form>
    </FormProvider>
  );
};
