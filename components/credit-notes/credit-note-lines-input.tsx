"use client";
// Crediting chosen lines: each invoice line with what was invoiced, what earlier credit notes took
// back, and the quantity to credit now (at most what is left), with the amount it credits.
import { useFormContext } from "react-hook-form";
import { Input } from "@/components/ui/field";
import { Td, Th } from "@/components/ui/table";
import type { CreditNoteLineDraft } from "@/lib/credit-notes/preview";
import type { CreditNoteInvoiceContext, IssueCreditNoteValues } from "@/lib/credit-notes/schemas";
import { formatMoney, formatPercent, formatQuantity } from "@/lib/money";

type CreditNoteLinesInputProps = {
  invoice: CreditNoteInvoiceContext;
  /** The preview's lines, to show what each quantity credits. */
  credited: CreditNoteLineDraft[];
  locale: string;
  /** An error about the lines as a whole ("Enter a quantity to credit on at least one line"). */
  error?: string;
};

export const CreditNoteLinesInput = ({ invoice, credited, locale, error }: CreditNoteLinesInputProps) => {
  const {
    register,
    formState: { errors },
  } = useFormContext<IssueCreditNoteValues>();
  const money = (minor: bigint) => formatMoney(minor, invoice.currency, { locale });
  return (
    <div className="flex flex-col gap-2">
      <div className="overflow-auto rounded-lg border border-ink-200 bg-white">
        <table aria-label="Lines to credit" className="w-full border-collapse text-sm">
          <thead>
            <tr>
              <Th>Line</Th>
              <Th align="right">Invoiced</Th>
              <Th align="right">Credited before</Th>
              <Th align="right">Unit price</Th>
              <Th align="right">Tax</Th>
              <Th align="right">Quantity to credit</Th>
              <Th align="right">Credit</Th>
            </tr>
          </thead>
          <tbody>
            {invoice.lines.map((line, index) => {
              const id = `credit-line-${index}-quantity`;
              const fieldError = errors.lines?.[index]?.quantity?.message;
              const before = invoice.creditedQuantities?.[line.id] ?? "0";
              const draft = credited.find((each) => each.invoiceLineId === line.id);
              return (
                <tr key={line.id}>
                  <Td>{line.description}</Td>
                  <Td align="right">{formatQuantity(line.quantity, locale)}</Td>
                  <Td align="right">{formatQuantity(before, locale)}</Td>
                  <Td align="right">{money(line.unitAmountMinor)}</Td>
                  <Td align="right">{formatPercent(line.taxRatePercent, locale)}</Td>
                  <Td align="right" className="w-36">
                    <label htmlFor={id} className="sr-only">
                      Quantity to credit on line {index + 1}
                    </label>
                    <Input
                      id={id}
                      inputMode="decimal"
                      autoComplete="off"
                      placeholder="0"
                      className="tabular text-right"
                      invalid={Boolean(fieldError)}
                      {...register(`lines.${index}.quantity`)}
                    />
                    {fieldError ? (
                      <p id={`${id}-error`} role="alert" className="mt-1 text-left text-xs text-red-700">
                        {fieldError}
                      </p>
                    ) : null}
                  </Td>
                  <Td align="right" className="whitespace-nowrap">
                    <span data-testid={`credit-line-${index}-amount`}>
                      {draft ? money(draft.amountMinor + draft.taxMinor) : "—"}
                    </span>
                  </Td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      {error ? (
        <p id="credit-lines-error" role="alert" className="text-sm text-red-700">
          {error}
        </p>
      ) : null}
    </div>
  );
};
