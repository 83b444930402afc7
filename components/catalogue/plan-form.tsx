"use client";
// Adding or changing a plan: code, name, currency, billing interval and its prices in order. The
// form holds strings only; the shared schema checks them here and again in the action, and an error
// the server finds (a code in use, prices locked by subscriptions) lands at its field, nothing saved.
import { zodResolver } from "@hookform/resolvers/zod";
import Link from "next/link";
import { useFieldArray, useForm, useWatch } from "react-hook-form";
import { Button } from "@/components/ui/button";
import { OptionSelectField } from "@/components/ui/form-fields";
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
import {
  CatalogueFormFooter,
  CatalogueFormShell,
  CatalogueTextField,
  LockedNotice,
  useCatalogueSave,
} from "./catalogue-form";
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

const INTERVAL_OPTIONS = BILLING_INTERVALS.map((value) => ({ value, label: BILLING_INTERVAL_LABELS[value] }));

export const PlanForm = (props: PlanFormProps) => {
  const { defaultValues, currencies, meters, cancelHref, lockedPrices } = props;
  const { formError, leaving, save } = useCatalogueSave();
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

  const onSubmit = handleSubmit((values) =>
    save(() => (props.mode === "edit" ? props.action({ ...values, planId: props.planId }) : props.action(values)), {
      setError,
      fields: planFieldPaths(values.prices),
      message: (plan) => (props.mode === "edit" ? `Changes to ${plan.name} saved` : `Added plan ${plan.name}`),
      href: (plan) => `/settings/catalogue/plans/${plan.id}`,
    }),
  );

  const busy = isSubmitting || leaving;
  return (
    <CatalogueFormShell
      form={form}
      onSubmit={onSubmit}
      label={props.mode === "create" ? "Add a plan" : "Edit plan"}
      className="flex flex-col gap-6"
      formError={formError}
    >
      <div className="grid gap-4 sm:grid-cols-2">
        <CatalogueTextField
          id="plan-code"
          label="Code"
          hint="Unique in your catalogue, e.g. growth-usd."
          error={errors.code?.message}
          maxLength={PLAN_CODE_MAX_LENGTH}
          code
          registration={register("code")}
        />
        <CatalogueTextField
          id="plan-name"
          label="Name"
          hint="As customers and invoices call it."
          error={errors.name?.message}
          maxLength={PLAN_NAME_MAX_LENGTH}
          registration={register("name")}
        />
        {lockedPrices ? null : (
          <>
            <OptionSelectField
              id="plan-currency"
              label="Currency"
              error={errors.currency?.message}
              options={currencies}
              registration={register("currency")}
            />
            <OptionSelectField
              id="plan-interval"
              label="Billed"
              error={errors.interval?.message}
              options={INTERVAL_OPTIONS}
              registration={register("interval")}
            />
          </>
        )}
      </div>

      {lockedPrices ? (
        <section aria-labelledby="plan-prices-heading" className="flex flex-col gap-3">
          <h2 id="plan-prices-heading" className="text-base font-semibold text-ink-900">
            Prices
          </h2>
          <LockedNotice>{lockedPrices.reason}</LockedNotice>
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

      <CatalogueFormFooter mode={props.mode} noun="plan" cancelHref={cancelHref} busy={busy} />
    </CatalogueFormShell>
  );
};
