"use client";
// Adding or changing a number series, with the number the next document would get shown as the
// format and counter are typed. The same zod rules check the fields here and in the action; what
// only the server can know (a name in use, a number already issued) lands on its field.
import { zodResolver } from "@hookform/resolvers/zod";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useForm, useWatch } from "react-hook-form";
import { Button } from "@/components/ui/button";
import { Field, FormError, Input, Select } from "@/components/ui/field";
import { useToast } from "@/components/ui/toast";
import { applyServerErrors } from "@/lib/actions/form-errors";
import type { NumberSeriesKind } from "@/lib/db/generated/enums";
import type { createNumberSeries, updateNumberSeries } from "@/lib/numbering/actions";
import { MAX_SERIES_FORMAT_LENGTH, seriesPreview } from "@/lib/numbering/format";
import {
  CREATE_SERIES_FIELDS,
  createNumberSeriesSchema,
  parseNextNumber,
  SERIES_KIND_LABELS,
  SERIES_KIND_NOUNS,
  SERIES_KINDS,
  SERIES_NAME_MAX_LENGTH,
  type CreateNumberSeriesFormValues,
} from "@/lib/numbering/schemas";

/** Another series, so the form can warn when two would print the same numbers. */
export type SiblingSeries = { kind: NumberSeriesKind; name: string; format: string };

export type EditableSeries = {
  id: string;
  kind: NumberSeriesKind;
  name: string;
  format: string;
  nextNumber: number;
  /** The issued number with the highest counter, if any: the next number must pass it. */
  lastIssued: string | null;
};

type NumberingFormProps = {
  /** The organisation's zone: it decides the date in the preview. */
  timeZone: string;
  siblings: SiblingSeries[];
  /** Points at the format examples shown beside the form. */
  helpId?: string;
} & (
  | { mode: "create"; action: typeof createNumberSeries; series?: undefined }
  | { mode: "edit"; action: typeof updateNumberSeries; series: EditableSeries }
);

const EMPTY: CreateNumberSeriesFormValues = { name: "", kind: "invoice", format: "", nextNumber: "1" };

export const NumberingForm = (props: NumberingFormProps) => {
  const { timeZone, siblings, helpId, mode } = props;
  const router = useRouter();
  const { notify } = useToast();
  const [formError, setFormError] = useState<string>();
  const [leaving, setLeaving] = useState(false);
  const defaultValues: CreateNumberSeriesFormValues = props.series
    ? {
        name: props.series.name,
        kind: props.series.kind,
        format: props.series.format,
        nextNumber: String(props.series.nextNumber),
      }
    : EMPTY;
  const {
    register,
    handleSubmit,
    setError,
    reset,
    control,
    formState: { errors, isSubmitting },
  } = useForm<CreateNumberSeriesFormValues>({
    // Raw: the action gets the text as typed and parses it itself (the counter never crosses as NaN).
    resolver: zodResolver(createNumberSeriesSchema, undefined, { raw: true }),
    mode: "onTouched",
    defaultValues,
  });

  const [kind, format, nextNumber] = useWatch({ control, name: ["kind", "format", "nextNumber"] });
  const preview = seriesPreview({ format: format.trim(), nextNumber: parseNextNumber(nextNumber) ?? 0, timeZone });
  const sameFormat = siblings.filter((sibling) => sibling.kind === kind && sibling.format === format.trim());

  const onSubmit = handleSubmit(async (values) => {
    setFormError(undefined);
    if (props.mode === "edit") {
      const result = await props.action({
        seriesId: props.series.id,
        name: values.name,
        format: values.format,
        nextNumber: values.nextNumber,
        nextNumberWas: String(props.series.nextNumber),
      });
      if (!result.ok) {
        setFormError(applyServerErrors(result, { setError, fields: CREATE_SERIES_FIELDS }));
        return;
      }
      setLeaving(true);
      notify(`Changes to ${result.data.name} saved`);
      router.push("/settings/numbering");
      return;
    }
    const result = await props.action(values);
    if (!result.ok) {
      setFormError(applyServerErrors(result, { setError, fields: CREATE_SERIES_FIELDS }));
      return;
    }
    reset({ ...EMPTY, kind: values.kind });
    notify(
      `Added the ${SERIES_KIND_NOUNS[result.data.kind]} series ${result.data.name}${result.data.isDefault ? " as the default" : ""}`,
    );
  });

  const lastIssued = props.series?.lastIssued;
  const busy = isSubmitting || leaving;

  return (
    <form
      onSubmit={onSubmit}
      method="post"
      noValidate
      aria-label={mode === "create" ? "Add a number series" : "Edit number series"}
      className="flex flex-col gap-4"
    >
      <FormError message={formError} />
      <div className="grid gap-4 sm:grid-cols-2">
        <Field
          id="series-name"
          label="Name"
          hint="How finance picks it on an invoice, e.g. Singapore."
          error={errors.name?.message}
        >
          <Input
            id="series-name"
            autoComplete="off"
            maxLength={SERIES_NAME_MAX_LENGTH}
            invalid={Boolean(errors.name)}
            hasHint
            {...register("name")}
          />
        </Field>
        {mode === "create" ? (
          <Field id="series-kind" label="Numbers" error={errors.kind?.message}>
            <Select id="series-kind" invalid={Boolean(errors.kind)} {...register("kind")}>
              {SERIES_KINDS.map((option) => (
                <option key={option} value={option}>
                  {SERIES_KIND_LABELS[option]}
                </option>
              ))}
            </Select>
          </Field>
        ) : null}
        <Field
          id="series-format"
          label="Format"
          hint={`For example INV-{YYYY}{MM}-{NNNN}. At most ${MAX_SERIES_FORMAT_LENGTH} characters.`}
          error={errors.format?.message}
        >
          <Input
            id="series-format"
            autoComplete="off"
            spellCheck={false}
            className="font-mono"
            invalid={Boolean(errors.format)}
            hasHint
            aria-details={helpId}
            {...register("format")}
          />
        </Field>
        <Field
          id="series-next-number"
          label="Next number"
          hint={
            lastIssued
              ? `The counter the next document takes. Last issued: ${lastIssued}.`
              : "The counter the next document takes, from 1."
          }
          error={errors.nextNumber?.message}
        >
          <Input
            id="series-next-number"
            inputMode="numeric"
            autoComplete="off"
            className="tabular"
            invalid={Boolean(errors.nextNumber)}
            hasHint
            {...register("nextNumber")}
          />
        </Field>
      </div>

      <div className="flex flex-col gap-1 rounded-md bg-ink-50 px-3 py-2 text-sm">
        <output htmlFor="series-format series-next-number" aria-live="polite" className="text-ink-900">
          Next number:{" "}
          {preview.ok ? (
            <span className="font-mono font-medium">{preview.number}</span>
          ) : (
            <span className="text-ink-600">— (complete the format and next number)</span>
          )}
        </output>
        {preview.ok ? <p className="text-xs text-ink-600">For a document numbered today, {timeZone} time.</p> : null}
        {sameFormat.length > 0 ? (
          <p className="text-xs text-amber-900">
            {sameFormat.map((sibling) => sibling.name).join(", ")} already {sameFormat.length === 1 ? "uses" : "use"}{" "}
            this format, so the series can reach the same numbers; a number already used is skipped.
          </p>
        ) : null}
      </div>

      <div className="flex justify-end gap-2">
        {mode === "edit" ? (
          <Button asChild variant="secondary">
            <Link href="/settings/numbering">Cancel</Link>
          </Button>
        ) : null}
        <Button type="submit" disabled={busy}>
          {mode === "create" ? (busy ? "Adding…" : "Add series") : busy ? "Saving…" : "Save changes"}
        </Button>
      </div>
    </form>
  );
};
