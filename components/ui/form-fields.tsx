// Fields that dialogs and forms repeat: a money amount in a named currency, and a select over a
// fixed list of choices, each registered with react-hook-form.
import type { UseFormRegisterReturn } from "react-hook-form";
import { Field, Input, Select } from "@/components/ui/field";

type AmountFieldProps = {
  id: string;
  currency: string;
  hint?: string;
  error?: string;
  registration: UseFormRegisterReturn;
};

/** "Amount (EUR)": decimal keyboard, right-aligned tabular figures. */
export const AmountField = ({ id, currency, hint, error, registration }: AmountFieldProps) => (
  <Field id={id} label={`Amount (${currency})`} hint={hint} error={error}>
    <Input
      id={id}
      inputMode="decimal"
      autoComplete="off"
      className="tabular text-right"
      invalid={Boolean(error)}
      hasHint={Boolean(hint)}
      {...registration}
    />
  </Field>
);

type OptionSelectFieldProps = {
  id: string;
  label: string;
  error?: string;
  options: readonly { value: string; label: string }[];
  registration: UseFormRegisterReturn;
};

export const OptionSelectField = ({ id, label, error, options, registration }: OptionSelectFieldProps) => (
  <Field id={id} label={label} error={error}>
    <Select id={id} invalid={Boolean(error)} {...registration}>
      {options.map((option) => (
        <option key={option.value} value={option.value}>
          {option.label}
        </option>
      ))}
    </Select>
  </Field>
);
