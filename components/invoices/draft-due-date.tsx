"use client";
// Issue date and due date: due from payment terms (shown as the date it gives) or a date typed.
import { useFormContext, useWatch } from "react-hook-form";
import { Field, Input, Select } from "@/components/ui/field";
import { formatCalendarDate } from "@/lib/format/date";
import {
  dueDateFor,
  parseCalendarDate,
  PAYMENT_TERMS,
  PAYMENT_TERMS_LABELS,
  type DraftInvoiceFormValues,
} from "@/lib/invoices/schemas";

export const DraftDueDate = ({ locale }: { locale: string }) => {
  const {
    control,
    register,
    formState: { errors },
  } = useFormContext<DraftInvoiceFormValues>();
  const [dueMode, issueDate, paymentTerms] = useWatch({ control, name: ["dueMode", "issueDate", "paymentTerms"] });
  // The date the server will store, computed by the same function, shown before saving.
  const issued = parseCalendarDate(issueDate);
  const termsDue = issued && paymentTerms ? dueDateFor(issued, paymentTerms) : null;

  return (
    <fieldset className="grid gap-4 sm:grid-cols-3">
      <legend className="mb-2 text-sm font-semibold text-ink-900">Dates</legend>
      <Field id="invoice-issueDate" label="Issue date" error={errors.issueDate?.message}>
        <Input id="invoice-issueDate" type="date" invalid={Boolean(errors.issueDate)} {...register("issueDate")} />
      </Field>
      <div role="radiogroup" aria-label="Due date from" className="flex flex-col justify-end gap-2 pb-2">
        <label className="flex items-center gap-2 text-sm text-ink-900">
          <input type="radio" value="terms" {...register("dueMode")} />
          Due by payment terms
        </label>
        <label className="flex items-center gap-2 text-sm text-ink-900">
          <input type="radio" value="date" {...register("dueMode")} />
          Due on a date
        </label>
      </div>
      {dueMode === "date" ? (
        <Field id="invoice-dueDate" label="Due date" error={errors.dueDate?.message}>
          <Input id="invoice-dueDate" type="date" invalid={Boolean(errors.dueDate)} {...register("dueDate")} />
        </Field>
      ) : (
        <Field
          id="invoice-paymentTerms"
          label="Payment terms"
          hint={termsDue ? `Due ${formatCalendarDate(termsDue, locale)}` : undefined}
          error={errors.paymentTerms?.message}
        >
          <Select
            id="invoice-paymentTerms"
            invalid={Boolean(errors.paymentTerms)}
            hasHint={Boolean(termsDue)}
            {...register("paymentTerms")}
          >
            {PAYMENT_TERMS.map((terms) => (
              <option key={terms} value={terms}>
                {PAYMENT_TERMS_LABELS[terms]}
              </option>
            ))}
          </Select>
        </Field>
      )}
    </fieldset>
  );
};
