// Form fields with a label on every input and the error beside it, tied by aria-describedby.
import { cn } from "@/lib/cn";

type FieldProps = {
  id: string;
  label: string;
  error?: string;
  hint?: string;
  children: React.ReactNode;
  className?: string;
};

export const Field = ({ id, label, error, hint, children, className }: FieldProps) => (
  <div className={cn("flex flex-col gap-1", className)}>
    <label htmlFor={id} className="text-sm font-medium text-ink-700">
      {label}
    </label>
    {children}
    {hint && !error ? (
      <p id={`${id}-hint`} className="text-xs text-ink-600">
        {hint}
      </p>
    ) : null}
    {error ? (
      <p id={`${id}-error`} role="alert" className="text-sm text-red-700">
        {error}
      </p>
    ) : null}
  </div>
);

const controlClass = (invalid: boolean) =>
  cn(
    "h-9 w-full rounded-md border bg-white px-3 text-sm text-ink-900 placeholder:text-ink-500 disabled:bg-ink-100",
    invalid ? "border-red-600" : "border-ink-300",
  );

type ControlProps = { invalid?: boolean; hasHint?: boolean };

// The error, or else the hint, describes the control to screen readers.
const describedBy = (id: string | undefined, { invalid, hasHint }: ControlProps) => {
  if (!id) return undefined;
  if (invalid) return `${id}-error`;
  return hasHint ? `${id}-hint` : undefined;
};

export const Input = ({
  invalid = false,
  hasHint = false,
  className,
  ...props
}: React.InputHTMLAttributes<HTMLInputElement> & ControlProps) => (
  <input
    aria-invalid={invalid || undefined}
    aria-describedby={describedBy(props.id, { invalid, hasHint })}
    className={cn(controlClass(invalid), className)}
    {...props}
  />
);

export const Select = ({
  invalid = false,
  hasHint = false,
  className,
  ...props
}: React.SelectHTMLAttributes<HTMLSelectElement> & ControlProps) => (
  <select
    aria-invalid={invalid || undefined}
    aria-describedby={describedBy(props.id, { invalid, hasHint })}
    className={cn(controlClass(invalid), className)}
    {...props}
  />
);

export const Textarea = ({
  invalid = false,
  hasHint = false,
  className,
  ...props
}: React.TextareaHTMLAttributes<HTMLTextAreaElement> & ControlProps) => (
  <textarea
    aria-invalid={invalid || undefined}
    aria-describedby={describedBy(props.id, { invalid, hasHint })}
    rows={3}
    className={cn(
      "w-full rounded-md border bg-white px-3 py-2 text-sm text-ink-900 placeholder:text-ink-500",
      invalid ? "border-red-600" : "border-ink-300",
      className,
    )}
    {...props}
  />
);

export const FormError = ({ message }: { message?: string }) =>
  message ? (
    <div role="alert" className="rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-800">
      {message}
    </div>
  ) : null;
