// The fields of a list's filter bar: a small label over each control, an "Any" choice on every
// select, an issue-date range whose ends bound each other, and the Apply button for keyboards.
import { Button } from "@/components/ui/button";
import { Input, Select } from "@/components/ui/field";
import { cn } from "@/lib/cn";

const labelClass = "text-xs font-medium text-ink-600";

type FilterFieldProps = {
  id: string;
  label: string;
  /** The field's width in the bar, e.g. `w-36`. */
  className?: string;
  children: React.ReactNode;
};

export const FilterField = ({ id, label, className, children }: FilterFieldProps) => (
  <div className={cn("flex flex-col gap-1", className)}>
    <label htmlFor={id} className={labelClass}>
      {label}
    </label>
    {children}
  </div>
);

type FilterSelectProps = {
  id: string;
  label: string;
  name: string;
  className?: string;
  value: string;
  /** The choices besides "Any" (the empty value). */
  options: readonly { value: string; label: string }[];
  onChange: (value: string) => void;
};

export const FilterSelect = ({ id, label, name, className, value, options, onChange }: FilterSelectProps) => (
  <FilterField id={id} label={label} className={className}>
    <Select id={id} name={name} value={value} onChange={(event) => onChange(event.target.value)}>
      <option value="">Any</option>
      {options.map((option) => (
        <option key={option.value} value={option.value}>
          {option.label}
        </option>
      ))}
    </Select>
  </FilterField>
);

type IssueDateRangeFilterProps = {
  fromId: string;
  toId: string;
  from: string;
  to: string;
  onFromChange: (from: string) => void;
  onToChange: (to: string) => void;
};

/** "Issued from" and "Issued to", sent as `from` and `to`. */
export const IssueDateRangeFilter = ({
  fromId,
  toId,
  from,
  to,
  onFromChange,
  onToChange,
}: IssueDateRangeFilterProps) => (
  <>
    <FilterField id={fromId} label="Issued from" className="w-36">
      <Input
        id={fromId}
        name="from"
        type="date"
        value={from}
        max={to || undefined}
        onChange={(event) => onFromChange(event.target.value)}
      />
    </FilterField>
    <FilterField id={toId} label="Issued to" className="w-36">
      <Input
        id={toId}
        name="to"
        type="date"
        value={to}
        min={from || undefined}
        onChange={(event) => onToChange(event.target.value)}
      />
    </FilterField>
  </>
);

// Changes apply as they are made; the button is for keyboards and for browsers without script.
export const FilterApplyButton = () => (
  <Button type="submit" variant="secondary" className="sr-only focus:not-sr-only">
    Apply
  </Button>
);
