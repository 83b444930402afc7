"use client";
// One price of a plan: what kind it is, how its invoice line reads, the meter it bills (usage
// prices), and its amount or its tiers. Errors sit under their own input.
import { useFormContext, useWatch } from "react-hook-form";
import { Button } from "@/components/ui/button";
import { Field, Input, Select } from "@/components/ui/field";
import {
  PRICE_DESCRIPTION_MAX_LENGTH,
  PRICE_TYPE_LABELS,
  PRICE_TYPES,
  TIER_MODE_LABELS,
  TIER_MODES,
  type PlanFormValues,
} from "@/lib/catalogue/schemas";
import type { MeterSummary } from "@/lib/catalogue/queries";
import { usageUnit } from "@/lib/catalogue/format";
import { TierFields } from "./tier-fields";

type PriceFieldsProps = {
  index: number;
  count: number;
  currency: string;
  meters: MeterSummary[];
  onMove: (from: number, to: number) => void;
  onRemove: (index: number) => void;
};

export const PriceFields = ({ index, count, currency, meters, onMove, onRemove }: PriceFieldsProps) => {
  const {
    register,
    control,
    formState: { errors },
  } = useFormContext<PlanFormValues>();
  const [type, meterId] = useWatch({ control, name: [`prices.${index}.type`, `prices.${index}.meterId`] });
  const error = errors.prices?.[index];
  const id = (field: string) => `plan-prices-${index}-${field}`;
  const position = index + 1;
  const meter = meters.find((option) => option.id === meterId);

  return (
    <fieldset
      className="flex flex-col gap-4 rounded-lg border border-ink-200 bg-white p-4"
      aria-label={`Price ${position}`}
    >
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h3 className="text-sm font-semibold text-ink-900">Price {position}</h3>
        <div className="flex gap-1">
          <Button
            variant="ghost"
            size="sm"
            aria-label={`Move price ${position} up`}
            disabled={index === 0}
            onClick={() => onMove(index, index - 1)}
          >
            ↑
          </Button>
          <Button
            variant="ghost"
            size="sm"
            aria-label={`Move price ${position} down`}
            disabled={index === count - 1}
            onClick={() => onMove(index, index + 1)}
          >
            ↓
          </Button>
          <Button
            variant="ghost"
            size="sm"
            aria-label={`Remove price ${position}`}
            disabled={count === 1}
            onClick={() => onRemove(index)}
          >
            ✕
          </Button>
        </div>
      </div>
      <div className="grid gap-4 sm:grid-cols-2">
        <Field id={id("type")} label={`Price ${position} kind`} error={error?.type?.message}>
          <Select id={id("type")} invalid={Boolean(error?.type)} {...register(`prices.${index}.type`)}>
            {PRICE_TYPES.map((option) => (
              <option key={option} value={option}>
                {PRICE_TYPE_LABELS[option]}
              </option>
            ))}
          </Select>
        </Field>
        <Field
          id={id("description")}
          label={`Price ${position} description`}
          hint="How the invoice line reads, e.g. API calls."
          error={error?.description?.message}
        >
          <Input
            id={id("description")}
            autoComplete="off"
            maxLength={PRICE_DESCRIPTION_MAX_LENGTH}
            invalid={Boolean(error?.description)}
            hasHint
            {...register(`prices.${index}.description`)}
          />
        </Field>
        {type === "flat" ? null : (
          <Field
            id={id("meterId")}
            label={`Price ${position} meter`}
            hint={
              meter
                ? `Bills per ${usageUnit(meter)}, counted from ${meter.eventName} events.`
                : "The meter that counts this usage."
            }
            error={error?.meterId?.message}
          >
            <Select
              id={id("meterId")}
              invalid={Boolean(error?.meterId)}
              hasHint
              {...register(`prices.${index}.meterId`)}
            >
              <option value="">Choose a meter…</option>
              {meters.map((option) => (
                <option key={option.id} value={option.id}>
                  {option.name} ({option.eventName})
                </option>
              ))}
            </Select>
          </Field>
        )}
        {type === "tiered" ? (
          <Field id={id("tierMode")} label={`Price ${position} tier mode`} error={error?.tierMode?.message}>
            <Select id={id("tierMode")} invalid={Boolean(error?.tierMode)} {...register(`prices.${index}.tierMode`)}>
              {TIER_MODES.map((option) => (
                <option key={option} value={option}>
                  {TIER_MODE_LABELS[option]}
                </option>
              ))}
            </Select>
          </Field>
        ) : (
          <Field
            id={id("unitPrice")}
            label={
              type === "flat" ? `Price ${position} fee (${currency})` : `Price ${position} unit price (${currency})`
            }
            hint={
              type === "flat"
                ? "Charged once per billing period."
                : `Per ${meter ? usageUnit(meter) : "unit"}, in ${currency} (at most its minor unit).`
            }
            error={error?.unitPrice?.message}
          >
            <Input
              id={id("unitPrice")}
              inputMode="decimal"
              autoComplete="off"
              className="tabular text-right"
              invalid={Boolean(error?.unitPrice)}
              hasHint
              {...register(`prices.${index}.unitPrice`)}
            />
          </Field>
        )}
      </div>
      {type === "tiered" ? <TierFields priceIndex={index} currency={currency} /> : null}
    </fieldset>
  );
};
