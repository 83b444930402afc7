"use client";
// A meter's property filters as "key = value" rows: only events whose property equals the value
// count. Blank rows are ignored; each error sits under its own input.
import { useFieldArray, useFormContext, type FieldError } from "react-hook-form";
import { Button } from "@/components/ui/button";
import { cn } from "@/lib/cn";
import { MAX_METER_FILTERS, type MeterFormValues } from "@/lib/catalogue/schemas";

const FilterInput = ({
  index,
  field,
  error,
  disabled,
}: {
  index: number;
  field: "key" | "value";
  error?: FieldError;
  disabled: boolean;
}) => {
  const { register } = useFormContext<MeterFormValues>();
  const id = `meter-filters-${index}-${field}`;
  return (
    <div className="flex min-w-0 flex-1 flex-col gap-1">
      <label htmlFor={id} className="sr-only">
        Filter {index + 1} {field === "key" ? "property" : "value"}
      </label>
      <input
        id={id}
        type="text"
        autoComplete="off"
        spellCheck={false}
        readOnly={disabled}
        placeholder={field === "key" ? "region" : "eu"}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
        className={cn(
          "h-9 w-full rounded-md border bg-white px-2 font-mono text-sm text-ink-900 placeholder:text-ink-500 read-only:bg-ink-100",
          error ? "border-red-600" : "border-ink-300",
        )}
        {...register(`filters.${index}.${field}`)}
      />
      {error?.message ? (
        <p id={`${id}-error`} role="alert" className="text-xs text-red-700">
          {error.message}
        </p>
      ) : null}
    </div>
  );
};

export const MeterFiltersEditor = ({ disabled = false }: { disabled?: boolean }) => {
  const {
    control,
    formState: { errors },
  } = useFormContext<MeterFormValues>();
  const { fields, append, remove } = useFieldArray({ control, name: "filters" });
  const filterErrors = errors.filters;
  const listMessage = filterErrors?.root?.message ?? filterErrors?.message;
  return (
    <fieldset className="flex flex-col gap-2">
      <legend className="text-sm font-medium text-ink-700">Property filters (optional)</legend>
      <p className="text-xs text-ink-600">
        Count only events whose property has this exact value, e.g. region = eu. Every filter must match.
      </p>
      {listMessage ? (
        <p role="alert" className="text-sm text-red-700">
          {listMessage}
        </p>
      ) : null}
      {fields.length === 0 ? <p className="text-sm text-ink-600">No filters: every event of the name counts.</p> : null}
      <ul className="flex flex-col gap-2">
        {fields.map((field, index) => (
          <li key={field.id} className="flex items-start gap-2">
            <FilterInput index={index} field="key" error={filterErrors?.[index]?.key} disabled={disabled} />
            <span aria-hidden className="pt-2 text-ink-600">
              =
            </span>
            <FilterInput index={index} field="value" error={filterErrors?.[index]?.value} disabled={disabled} />
            {disabled ? null : (
              <Button
                variant="ghost"
                size="sm"
                className="mt-0.5"
                aria-label={`Remove filter ${index + 1}`}
                onClick={() => remove(index)}
              >
                ✕
              </Button>
            )}
          </li>
        ))}
      </ul>
      {disabled ? null : (
        <div>
          <Button
            variant="secondary"
            size="sm"
            disabled={fields.length >= MAX_METER_FILTERS}
            onClick={() => append({ key: "", value: "" })}
          >
            Add filter
          </Button>
        </div>
      )}
    </fieldset>
  );
};
