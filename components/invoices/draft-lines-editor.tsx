"use client";
// The draft's lines: add, remove and reorder them, with each line's amount and the invoice totals
// recomputed as finance types. Errors (from the schema or the server) sit under their own input.
// A subscription line's plan price and period ride along in the field array's values (no input of
// their own), so moving or removing lines keeps each line's own.
import { useFieldArray, useFormContext, useWatch, type FieldError } from "react-hook-form";
import { Button } from "@/components/ui/button";
import { Table, Td, Th } from "@/components/ui/table";
import { cn } from "@/lib/cn";
import type { DraftInvoiceFormValues } from "@/lib/invoices/schemas";
import { computeLiveTotals, DraftTotals, formatLineAmount } from "./draft-totals";

type LineField = "description" | "quantity" | "unitPrice" | "taxRate";

// A line added by hand bills no plan price (and so no period): Recalculate leaves it as it is.
export const EMPTY_LINE = {
  description: "",
  quantity: "1",
  unitPrice: "",
  taxRate: "0",
  priceId: "",
  periodStart: "",
  periodEnd: "",
} as const;

const LINE_LABELS: Record<LineField, string> = {
  description: "description",
  quantity: "quantity",
  unitPrice: "unit price",
  taxRate: "tax rate",
};

const LineInput = ({
  index,
  field,
  error,
  numeric = false,
  placeholder,
}: {
  index: number;
  field: LineField;
  error?: FieldError;
  numeric?: boolean;
  placeholder?: string;
}) => {
  const { register } = useFormContext<DraftInvoiceFormValues>();
  const id = `invoice-lines-${index}-${field}`;
  return (
    <div className="flex flex-col gap-1">
      <label htmlFor={id} className="sr-only">
        Line {index + 1} {LINE_LABELS[field]}
      </label>
      <input
        id={id}
        type="text"
        autoComplete="off"
        inputMode={numeric ? "decimal" : undefined}
        placeholder={placeholder}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
        className={cn(
          "h-9 w-full rounded-md border bg-white px-2 text-sm text-ink-900 placeholder:text-ink-500",
          numeric && "tabular text-right",
          error ? "border-red-600" : "border-ink-300",
        )}
        {...register(`lines.${index}.${field}`)}
      />
      {error?.message ? (
        <p id={`${id}-error`} role="alert" className="text-xs text-red-700">
          {error.message}
        </p>
      ) : null}
    </div>
  );
};

export const DraftLinesEditor = ({ locale }: { locale: string }) => {
  const {
    control,
    formState: { errors },
  } = useFormContext<DraftInvoiceFormValues>();
  const { fields, append, remove, move } = useFieldArray({ control, name: "lines" });
  const lines = useWatch({ control, name: "lines" });
  const currency = useWatch({ control, name: "currency" });
  const totals = computeLiveTotals(lines ?? [], currency);
  const lineErrors = errors.lines;
  // A resolver puts an array-level issue ("Add at least one line") on root; setError puts it on the array.
  const linesMessage = lineErrors?.root?.message ?? lineErrors?.message;

  return (
    <fieldset className="flex flex-col gap-3">
      <legend className="mb-2 text-sm font-semibold text-ink-900">Lines</legend>
      {linesMessage ? (
        <p id="invoice-lines-error" role="alert" className="text-sm text-red-700">
          {linesMessage}
        </p>
      ) : null}
      <Table label="Invoice lines">
        <thead>
          <tr>
            <Th className="w-8">#</Th>
            <Th>Description</Th>
            <Th align="right" className="w-28">
              Quantity
            </Th>
            <Th align="right" className="w-36">
              Unit price{currency ? ` (${currency})` : ""}
            </Th>
            <Th align="right" className="w-28">
              Tax rate (%)
            </Th>
            <Th align="right" className="w-36">
              Amount
            </Th>
            <Th className="w-32">
              <span className="sr-only">Reorder or remove</span>
            </Th>
          </tr>
        </thead>
        <tbody>
          {fields.map((field, index) => {
            const error = lineErrors?.[index];
            const position = index + 1;
            return (
              <tr key={field.id} className="align-top">
                <Td className="pt-4 text-ink-600">{position}</Td>
                <Td>
                  <LineInput
                    index={index}
                    field="description"
                    error={error?.description}
                    placeholder="What was delivered"
                  />
                  {lines?.[index]?.priceId ? (
                    <p className="mt-1 text-xs text-ink-600" data-testid={`line-${position}-source`}>
                      Plan line: Recalculate replaces it
                    </p>
                  ) : null}
                </Td>
                <Td>
                  <LineInput index={index} field="quantity" error={error?.quantity} numeric />
                </Td>
                <Td>
                  <LineInput index={index} field="unitPrice" error={error?.unitPrice} numeric placeholder="0.00" />
                </Td>
                <Td>
                  <LineInput index={index} field="taxRate" error={error?.taxRate} numeric />
                </Td>
                <Td align="right" className="pt-4">
                  <span data-testid={`line-${position}-amount`}>
                    {formatLineAmount(totals.lineAmounts[index] ?? null, currency, locale)}
                  </span>
                </Td>
                <Td>
                  <div className="flex justify-end gap-1">
                    <Button
                      variant="ghost"
                      size="sm"
                      aria-label={`Move line ${position} up`}
                      disabled={index === 0}
                      onClick={() => move(index, index - 1)}
                    >
                      ↑
                    </Button>
                    <Button
                      variant="ghost"
                      size="sm"
                      aria-label={`Move line ${position} down`}
                      disabled={index === fields.length - 1}
                      onClick={() => move(index, index + 1)}
                    >
                      ↓
                    </Button>
                    <Button
                      variant="ghost"
                      size="sm"
                      aria-label={`Remove line ${position}`}
                      disabled={fields.length === 1}
                      onClick={() => remove(index)}
                    >
                      ✕
                    </Button>
                  </div>
                </Td>
              </tr>
            );
          })}
        </tbody>
      </Table>
      <div className="flex flex-wrap items-start justify-between gap-4">
        <Button variant="secondary" onClick={() => append({ ...EMPTY_LINE })}>
          Add line
        </Button>
        <DraftTotals totals={totals} currency={currency} locale={locale} />
      </div>
    </fieldset>
  );
};
