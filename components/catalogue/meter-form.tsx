"use client";
// Adding or changing a meter: which events it reads, how it aggregates them, and optional property
// filters. The shared schema checks the fields here and in the action; what only the server knows
// (a name in use, a meter that plans' prices depend on) lands at its field with nothing saved.
import { zodResolver } from "@hookform/resolvers/zod";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { FormProvider, useForm, useWatch } from "react-hook-form";
import { Button } from "@/components/ui/button";
import { Field, FormError, Input, Select } from "@/components/ui/field";
import { useToast } from "@/components/ui/toast";
import { applyServerErrors } from "@/lib/actions/form-errors";
import { cn } from "@/lib/cn";
import type { createMeter, updateMeter } from "@/lib/catalogue/actions";
import {
  createMeterSchema,
  EVENT_NAME_MAX_LENGTH,
  METER_AGGREGATION_LABELS,
  METER_AGGREGATIONS,
  METER_NAME_MAX_LENGTH,
  meterFieldPaths,
  PROPERTY_MAX_LENGTH,
  type MeterFormValues,
} from "@/lib/catalogue/schemas";
import { MeterFiltersEditor } from "./meter-filters-editor";

const CATALOGUE_HREF = "/settings/catalogue";
const READ_ONLY = "bg-ink-100 text-ink-700";

type MeterFormProps =
  | {
      mode: "create";
      action: typeof createMeter;
      meterId?: undefined;
      defaultValues?: undefined;
      lockedReason?: undefined;
    }
  | {
      mode: "edit";
      action: typeof updateMeter;
      meterId: string;
      defaultValues: MeterFormValues;
      /** Set when plans' prices use the meter: only its name may change, and this says why. */
      lockedReason: string | null;
    };

const EMPTY: MeterFormValues = { name: "", eventName: "", aggregation: "count", property: "", filters: [] };

export const MeterForm = (props: MeterFormProps) => {
  const router = useRouter();
  const { notify } = useToast();
  const [formError, setFormError] = useState<string>();
  const [leaving, setLeaving] = useState(false);
  const locked = Boolean(props.lockedReason);
  const form = useForm<MeterFormValues, unknown, MeterFormValues>({
    // Raw: the action gets the text as typed and parses it itself.
    resolver: zodResolver(createMeterSchema, undefined, { raw: true }),
    mode: "onTouched",
    defaultValues: props.defaultValues ?? EMPTY,
  });
  const {
    register,
    handleSubmit,
    setError,
    control,
    formState: { errors, isSubmitting },
  } = form;
  const aggregation = useWatch({ control, name: "aggregation" });

  const onSubmit = handleSubmit(async (values) => {
    setFormError(undefined);
    const result =
      props.mode === "edit" ? await props.action({ ...values, meterId: props.meterId }) : await props.action(values);
    if (!result.ok) {
      setFormError(applyServerErrors(result, { setError, fields: meterFieldPaths(values.filters.length) }));
      return;
    }
    setLeaving(true);
    notify(props.mode === "edit" ? `Changes to meter ${result.data.name} saved` : `Added meter ${result.data.name}`);
    router.push(CATALOGUE_HREF);
  });

  const busy = isSubmitting || leaving;
  return (
    <FormProvider {...form}>
      <form
        onSubmit={onSubmit}
        method="post"
        noValidate
        aria-label={props.mode === "create" ? "Add a meter" : "Edit meter"}
        className="flex flex-col gap-5"
      >
        <FormError message={formError} />
        {props.lockedReason ? (
          <p className="rounded-md border border-amber-200 bg-amber-50 px-3 py-2 text-sm text-amber-900">
            {props.lockedReason}
          </p>
        ) : null}
        <div className="grid gap-4 sm:grid-cols-2">
          <Field
            id="meter-name"
            label="Name"
            hint="Unique in your catalogue, e.g. api_calls."
            error={errors.name?.message}
          >
            <Input
              id="meter-name"
              autoComplete="off"
              maxLength={METER_NAME_MAX_LENGTH}
              invalid={Boolean(errors.name)}
              hasHint
              {...register("name")}
            />
          </Field>
          <Field
            id="meter-event-name"
            label="Event name"
            hint="The event_name usage events are sent with, e.g. api_call."
            error={errors.eventName?.message}
          >
            <Input
              id="meter-event-name"
              autoComplete="off"
              spellCheck={false}
              className={cn("font-mono", locked && READ_ONLY)}
              readOnly={locked}
              maxLength={EVENT_NAME_MAX_LENGTH}
              invalid={Boolean(errors.eventName)}
              hasHint
              {...register("eventName")}
            />
          </Field>
          <Field id="meter-aggregation" label="Aggregation" error={errors.aggregation?.message}>
            {locked ? (
              <Input
                id="meter-aggregation"
                readOnly
                className={READ_ONLY}
                value={METER_AGGREGATION_LABELS[aggregation]}
              />
            ) : (
              <Select id="meter-aggregation" invalid={Boolean(errors.aggregation)} {...register("aggregation")}>
                {METER_AGGREGATIONS.map((option) => (
                  <option key={option} value={option}>
                    {METER_AGGREGATION_LABELS[option]}
                  </option>
                ))}
              </Select>
            )}
          </Field>
          {aggregation === "count" ? null : (
            <Field
              id="meter-property"
              label="Property"
              hint={
                aggregation === "unique_count"
                  ? "The property whose distinct values are counted, e.g. user_id."
                  : "A numeric property of the event, e.g. hours. Events without it are ignored."
              }
              error={errors.property?.message}
            >
              <Input
                id="meter-property"
                autoComplete="off"
                spellCheck={false}
                className={cn("font-mono", locked && READ_ONLY)}
                readOnly={locked}
                maxLength={PROPERTY_MAX_LENGTH}
                invalid={Boolean(errors.property)}
                hasHint
                {...register("property")}
              />
            </Field>
          )}
        </div>
        <MeterFiltersEditor disabled={locked} />
        <div className="flex justify-end gap-2">
          <Button asChild variant="secondary">
            <Link href={CATALOGUE_HREF}>Cancel</Link>
          </Button>
          <Button type="submit" disabled={busy}>
            {props.mode === "create" ? (busy ? "Adding…" : "Add meter") : busy ? "Saving…" : "Save changes"}
          </Button>
        </div>
      </form>
    </FormProvider>
  );
};
