"use client";
// One tiered price's tiers: "up to" (blank on the open last tier), unit price and optional flat fee
// per tier. New tiers go in before the open last tier, so the table stays valid as it grows.
import { useFieldArray, useFormContext, type FieldError } from "react-hook-form";
import { Button } from "@/components/ui/button";
import { Table, Td, Th } from "@/components/ui/table";
import { cn } from "@/lib/cn";
import { EMPTY_TIER } from "@/lib/catalogue/form-values";
import { MAX_TIERS, type PlanFormValues } from "@/lib/catalogue/schemas";

type TierField = "upTo" | "unitPrice" | "flatFee";

const TIER_LABELS: Record<TierField, string> = { upTo: "up to", unitPrice: "unit price", flatFee: "flat fee" };

const TierInput = ({
  priceIndex,
  tierIndex,
  field,
  error,
  placeholder,
}: {
  priceIndex: number;
  tierIndex: number;
  field: TierField;
  error?: FieldError;
  placeholder?: string;
}) => {
  const { register } = useFormContext<PlanFormValues>();
  const id = `plan-prices-${priceIndex}-tiers-${tierIndex}-${field}`;
  return (
    <div className="flex flex-col gap-1">
      <label htmlFor={id} className="sr-only">
        Price {priceIndex + 1} tier {tierIndex + 1} {TIER_LABELS[field]}
      </label>
      <input
        id={id}
        type="text"
        inputMode="decimal"
        autoComplete="off"
        placeholder={placeholder}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
        className={cn(
          "tabular h-9 w-full rounded-md border bg-white px-2 text-right text-sm text-ink-900 placeholder:text-ink-500",
          error ? "border-red-600" : "border-ink-300",
        )}
        {...register(`prices.${priceIndex}.tiers.${tierIndex}.${field}`)}
      />
      {error?.message ? (
        <p id={`${id}-error`} role="alert" className="text-left text-xs text-red-700">
          {error.message}
        </p>
      ) : null}
    </div>
  );
};

export const TierFields = ({ priceIndex, currency }: { priceIndex: number; currency: string }) => {
  const {
    control,
    formState: { errors },
  } = useFormContext<PlanFormValues>();
  const { fields, insert, remove } = useFieldArray({ control, name: `prices.${priceIndex}.tiers` });
  const tierErrors = errors.prices?.[priceIndex]?.tiers;
  const listMessage = tierErrors?.root?.message ?? tierErrors?.message;
  return (
    <div className="flex flex-col gap-2">
      {listMessage ? (
        <p role="alert" className="text-sm text-red-700">
          {listMessage}
        </p>
      ) : null}
      <Table label={`Price ${priceIndex + 1} tiers`}>
        <thead>
          <tr>
            <Th className="w-10">Tier</Th>
            <Th align="right">Up to (units, inclusive)</Th>
            <Th align="right">Unit price ({currency})</Th>
            <Th align="right">Flat fee ({currency}, optional)</Th>
            <Th className="w-12">
              <span className="sr-only">Remove</span>
            </Th>
          </tr>
        </thead>
        <tbody>
          {fields.map((field, tierIndex) => {
            const error = tierErrors?.[tierIndex];
            const isLast = tierIndex === fields.length - 1;
            return (
              <tr key={field.id} className="align-top">
                <Td className="pt-4 text-ink-600">{tierIndex + 1}</Td>
                <Td>
                  <TierInput
                    priceIndex={priceIndex}
                    tierIndex={tierIndex}
                    field="upTo"
                    error={error?.upTo}
                    placeholder={isLast ? "and above (leave blank)" : "1000"}
                  />
                </Td>
                <Td>
                  <TierInput
                    priceIndex={priceIndex}
                    tierIndex={tierIndex}
                    field="unitPrice"
                    error={error?.unitPrice}
                    placeholder="0.00"
                  />
                </Td>
                <Td>
                  <TierInput
                    priceIndex={priceIndex}
                    tierIndex={tierIndex}
                    field="flatFee"
                    error={error?.flatFee}
                    placeholder="none"
                  />
                </Td>
                <Td className="pt-2.5">
                  <Button
                    variant="ghost"
                    size="sm"
                    aria-label={`Remove price ${priceIndex + 1} tier ${tierIndex + 1}`}
                    disabled={fields.length === 1}
                    onClick={() => remove(tierIndex)}
                  >
                    ✕
                  </Button>
                </Td>
              </tr>
            );
          })}
        </tbody>
      </Table>
      <div className="flex flex-wrap items-center gap-3">
        <Button
          variant="secondary"
          size="sm"
          disabled={fields.length >= MAX_TIERS}
          onClick={() => insert(Math.max(fields.length - 1, 0), { ...EMPTY_TIER })}
        >
          Add tier
        </Button>
        <p className="text-xs text-ink-600">
          Bounds go up; the last tier has no bound and prices everything above. New tiers go before it.
        </p>
      </div>
    </div>
  );
};
