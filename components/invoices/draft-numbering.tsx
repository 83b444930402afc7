"use client";
// How the invoice will be numbered: the next number of a series (given at finalization), or a
// number finance types, checked for uniqueness while typing and again when the draft is saved.
import { useEffect, useRef, useState } from "react";
import { useFormContext, useWatch } from "react-hook-form";
import { Field, Input, Select } from "@/components/ui/field";
import type { checkInvoiceNumber } from "@/lib/invoices/actions";
import type { InvoiceSeriesChoice } from "@/lib/invoices/detail";
import type { DraftInvoiceFormValues } from "@/lib/invoices/schemas";

type DraftNumberingProps = {
  series: InvoiceSeriesChoice[];
  /** The chosen customer's default series, which an empty choice falls back to. */
  customerSeriesId: string | null;
  invoiceId?: string;
  checkNumber: typeof checkInvoiceNumber;
};

const TYPING_PAUSE_MS = 300;

type Check = { number: string; state: "checking" | "available" | "taken" };

const seriesLabel = (series: InvoiceSeriesChoice) => `${series.name} — next ${series.preview}`;

export const DraftNumbering = ({ series, customerSeriesId, invoiceId, checkNumber }: DraftNumberingProps) => {
  const {
    control,
    register,
    setError,
    clearErrors,
    formState: { errors },
  } = useFormContext<DraftInvoiceFormValues>();
  const numbering = useWatch({ control, name: "numbering" });
  const customNumber = useWatch({ control, name: "customNumber" }) ?? "";
  const [check, setCheck] = useState<Check | null>(null);
  const latest = useRef("");

  const wanted = customNumber.trim();
  useEffect(() => {
    latest.current = wanted;
    if (numbering !== "custom" || wanted === "") return;
    const timer = setTimeout(async () => {
      setCheck({ number: wanted, state: "checking" });
      const result = await checkNumber({ number: wanted, invoiceId });
      // Typed on since: this answer is about a number no longer in the field.
      if (latest.current !== wanted) return;
      if (!result.ok) {
        setCheck(null);
        setError("customNumber", { type: "server", message: result.fieldErrors?.number ?? result.error });
        return;
      }
      if (result.data.available) {
        setCheck({ number: wanted, state: "available" });
        return;
      }
      setCheck({ number: wanted, state: "taken" });
      setError("customNumber", {
        type: "server",
        message: result.data.message ?? `${wanted} is already used by another invoice`,
      });
    }, TYPING_PAUSE_MS);
    return () => clearTimeout(timer);
  }, [numbering, wanted, invoiceId, checkNumber, setError]);

  // As finalization picks: the customer's series, else the organisation's default (listed first).
  const fallback = series.find((item) => item.id === customerSeriesId) ?? series[0];
  const customError = errors.customNumber?.message;
  const current = check?.number === wanted ? check : null;
  const customHint =
    current?.state === "checking"
      ? "Checking…"
      : current?.state === "available"
        ? `Available`
        : "Letters, digits, - _ / and . only. It is checked against every invoice number in use.";

  return (
    <fieldset className="grid gap-4 sm:grid-cols-2">
      <legend className="mb-2 text-sm font-semibold text-ink-900">Numbering</legend>
      <div role="radiogroup" aria-label="Numbering" className="flex flex-col gap-2 sm:col-span-2 sm:flex-row sm:gap-6">
        <label className="flex items-center gap-2 text-sm text-ink-900">
          <input type="radio" value="series" {...register("numbering")} />
          Next number from series
        </label>
        <label className="flex items-center gap-2 text-sm text-ink-900">
          <input type="radio" value="custom" {...register("numbering")} />
          Custom number
        </label>
      </div>
      {numbering === "custom" ? (
        <Field id="invoice-customNumber" label="Custom number" error={customError} hint={customHint}>
          <Input
            id="invoice-customNumber"
            autoComplete="off"
            maxLength={40}
            placeholder="CUSTOM-SEQ-002"
            invalid={Boolean(customError)}
            hasHint
            className={current?.state === "available" && !customError ? "border-emerald-600" : undefined}
            {...register("customNumber", {
              // A "taken" verdict is about the number typed before; the next check will say again.
              onChange: () => {
                if (errors.customNumber?.type === "server") clearErrors("customNumber");
              },
            })}
          />
        </Field>
      ) : (
        <Field
          id="invoice-seriesId"
          label="Series"
          hint="The number is given when the invoice is finalized, so a deleted draft leaves no gap."
          error={errors.seriesId?.message}
        >
          <Select id="invoice-seriesId" invalid={Boolean(errors.seriesId)} hasHint {...register("seriesId")}>
            <option value="">
              {fallback ? `Default: ${seriesLabel(fallback)}` : "Default series (INV-{YYYY}{MM}-{NNNN})"}
            </option>
            {series.map((item) => (
              <option key={item.id} value={item.id}>
                {seriesLabel(item)}
              </option>
            ))}
          </Select>
        </Field>
      )}
    </fieldset>
  );
};
