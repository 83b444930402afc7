"use client";
// The part of a credit note beyond what is still due was already paid: it goes back as a refund,
// as credit to the customer's wallet, or out of band (settled outside Billfold). The three must add
// up to it exactly; what is left to split is shown as one types.
import { useFormContext, useWatch } from "react-hook-form";
import { Field, Input } from "@/components/ui/field";
import type { IssueCreditNoteValues } from "@/lib/credit-notes/schemas";
import { formatMoney, parseMoney } from "@/lib/money";

type SplitField = "refund" | "walletCredit" | "outOfBand";

const PARTS: { field: SplitField; label: string; hint: string }[] = [
  { field: "refund", label: "Refund", hint: "Recorded as a refund payment." },
  { field: "walletCredit", label: "Wallet credit", hint: "Credited to the customer's wallet (reason: refund)." },
  { field: "outOfBand", label: "Out of band", hint: "Settled outside Billfold; only recorded." },
];

type CreditNoteSplitFieldsProps = {
  currency: string;
  locale: string;
  remainderMinor: bigint;
  refundableMinor: bigint;
};

const minorOf = (text: string | undefined, currency: string): bigint | null => {
  if (!text || text.trim() === "") return 0n;
  const parsed = parseMoney(text, currency, { allowZero: true });
  return parsed.ok ? parsed.minor : null;
};

export const CreditNoteSplitFields = ({
  currency,
  locale,
  remainderMinor,
  refundableMinor,
}: CreditNoteSplitFieldsProps) => {
  const {
    register,
    control,
    formState: { errors },
  } = useFormContext<IssueCreditNoteValues>();
  const typedParts = useWatch({ control, name: ["refund", "walletCredit", "outOfBand"] });
  const money = (minor: bigint) => formatMoney(minor, currency, { locale });
  const parts = typedParts.map((text) => minorOf(text, currency));
  const typed = parts.every((part) => part !== null)
    ? parts.reduce<bigint>((sum, part) => sum + (part ?? 0n), 0n)
    : null;
  const left = typed === null ? null : remainderMinor - typed;
  return (
    <fieldset className="flex flex-col gap-3 rounded-lg border border-amber-200 bg-amber-50 p-4">
      <legend className="px-1 text-sm font-semibold text-ink-900">Already paid: {money(remainderMinor)}</legend>
      <p className="text-sm text-ink-700">
        This part of the credit note exceeds what is still due. Split it between a refund (at most{" "}
        {money(refundableMinor)} was paid and not refunded), credit to the customer&apos;s wallet, and out of band.
      </p>
      <div className="grid gap-4 sm:grid-cols-3">
        {PARTS.map(({ field, label, hint }) => (
          <Field
            key={field}
            id={`credit-note-${field}`}
            label={`${label} (${currency})`}
            hint={hint}
            error={errors[field]?.message}
          >
            <Input
              id={`credit-note-${field}`}
              inputMode="decimal"
              autoComplete="off"
              placeholder="0.00"
              className="tabular text-right"
              invalid={Boolean(errors[field])}
              hasHint
              {...register(field)}
            />
          </Field>
        ))}
      </div>
      <p className="text-sm text-ink-700" aria-live="polite" data-testid="credit-note-split-left">
        {left === null
          ? "Enter amounts like 120.00."
          : left === 0n
            ? "Fully split."
            : left > 0n
              ? `Still to split: ${money(left)}`
              : `Split ${money(-left)} too much`}
      </p>
    </fieldset>
  );
};
