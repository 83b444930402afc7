"use client";
// Adding or changing a meter: which events it reads, how it aggregates them, and optional property
// filters. The shared schema checks the fields here and in the action; what only the server knows
// (a name in use, a meter that plans' prices depend on) lands at its field with nothing saved.
import { zodResolver } from "@hookform/resolvers/zod";
import { useForm, useWatch } from "react-hook-form";
import { OptionSelectField } from "@/components/ui/form-fields";
import { Field } from "@/components/ui/field";
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
import {
  CatalogueFormFooter,
  CatalogueFormShell,
  CatalogueTextField,
  LockedNotice,
  ReadOnlyInput,
  useCatalogueSave,
} from "./catalogue-form";
import { MeterFiltersEditor } from "./meter-filters-editor";

const CATALOGUE_HREF = "/settings/catalogue";
const AGGREGATION_OPTIONS = METER_AGGREGATIONS.map((value) => ({ value, label: METER_AGGREGATION_LABELS[value] }));

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
  const { formError, leaving, save } = useCatalogueSave();
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

  const onSubmit = handleSubmit((values) =>
    save(() => (props.mode === "edit" ? props.action({ ...values, meterId: props.meterId }) : props.action(values)), {
      setError,
      fields: meterFieldPaths(values.filters.length),
      message: (meter) =>
        props.mode === "edit" ? `Changes to meter ${meter.name} saved` : `Added meter ${meter.name}`,
      href: () => CATALOGUE_HREF,
    }),
  );

  const busy = isSubmitting || leaving;
  return (
    <CatalogueFormShell
      form={form}
      onSubmit={onSubmit}
      label={props.mode === "create" ? "Add a meter" : "Edit meter"}
      className="flex flex-col gap-5"
      formError={formError}
    >
      {props.lockedReason ? <LockedNotice>{props.lockedReason}</LockedNotice> : null}
      <div className="grid gap-4 sm:grid-cols-2">
        <CatalogueTextField
          id="meter-name"
          label="Name"
          hint="Unique in your catalogue, e.g. api_calls."
          error={errors.name?.message}
          maxLength={METER_NAME_MAX_LENGTH}
          registration={register("name")}
        />
        <CatalogueTextField
          id="meter-event-name"
          label="Event name"
          hint="The event_name usage events are sent with, e.g. api_call."
          error={errors.eventName?.message}
          maxLength={EVENT_NAME_MAX_LENGTH}
          code
          readOnly={locked}
          registration={register("eventName")}
        />
        {locked ? (
          <Field id="meter-aggregation" label="Aggregation" error={errors.aggregation?.message}>
            <ReadOnlyInput id="meter-aggregation" value={METER_AGGREGATION_LABELS[aggregation]} />
          </Field>
        ) : (
          <OptionSelectField
            id="meter-aggregation"
            label="Aggregation"
            error={errors.aggregation?.message}
            options={AGGREGATION_OPTIONS}
            registration={register("aggregation")}
          />
        )}
        {aggregation === "count" ? null : (
          <CatalogueTextField
            id="meter-property"
            label="Property"
            hint={
              aggregation === "unique_count"
                ? "The property whose distinct values are counted, e.g. user_id."
                : "A numeric property of the event, e.g. hours. Events without it are ignored."
            }
            error={errors.property?.message}
            maxLength={PROPERTY_MAX_LENGTH}
            code
            readOnly={locked}
            registration={register("property")}
          />
        )}
      </div>
      <MeterFiltersEditor disabled={locked} />
      <CatalogueFormFooter mode={props.mode} noun="meter" cancelHref={CATALOGUE_HREF} busy={busy} />
    </CatalogueFormShell>
  );
};
