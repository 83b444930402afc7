"use client";
// What the meter and plan forms share: saving through an action (its field errors placed, a toast
// and a redirect on success), the form element with its error, a text field, the amber notice that
// says why fields are locked, and the Cancel / submit footer.
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState } from "react";
import {
  FormProvider,
  type FieldValues,
  type Path,
  type UseFormRegisterReturn,
  type UseFormReturn,
  type UseFormSetError,
} from "react-hook-form";
import { Button } from "@/components/ui/button";
import { Field, FormError, Input } from "@/components/ui/field";
import { useToast } from "@/components/ui/toast";
import { applyServerErrors } from "@/lib/actions/form-errors";
import type { ActionResult } from "@/lib/actions/result";
import { cn } from "@/lib/cn";

export type CatalogueFormMode = "create" | "edit";

type SaveOptions<Values extends FieldValues, Saved> = {
  setError: UseFormSetError<Values>;
  fields: readonly Path<Values>[];
  /** The toast once saved. */
  message: (saved: Saved) => string;
  /** Where to go once saved. */
  href: (saved: Saved) => string;
};

/** Runs the action; on success says so and leaves (busy until the page changes), else shows why. */
export const useCatalogueSave = () => {
  const router = useRouter();
  const { notify } = useToast();
  const [formError, setFormError] = useState<string>();
  const [leaving, setLeaving] = useState(false);
  const save = async <Values extends FieldValues, Saved>(
    run: () => Promise<ActionResult<Saved>>,
    { setError, fields, message, href }: SaveOptions<Values, Saved>,
  ) => {
    setFormError(undefined);
    const result = await run();
    if (!result.ok) {
      setFormError(applyServerErrors(result, { setError, fields }));
      return;
    }
    setLeaving(true);
    notify(message(result.data));
    router.push(href(result.data));
  };
  return { formError, leaving, save };
};

type CatalogueFormShellProps<Values extends FieldValues> = {
  form: UseFormReturn<Values, unknown, Values>;
  onSubmit: React.FormEventHandler<HTMLFormElement>;
  /** The form's accessible name. */
  label: string;
  className: string;
  formError?: string;
  children: React.ReactNode;
};

export const CatalogueFormShell = <Values extends FieldValues>({
  form,
  onSubmit,
  label,
  className,
  formError,
  children,
}: CatalogueFormShellProps<Values>) => (
  <FormProvider {...form}>
    <form onSubmit={onSubmit} method="post" noValidate aria-label={label} className={className}>
      <FormError message={formError} />
      {children}
    </form>
  </FormProvider>
);

const READ_ONLY = "bg-ink-100 text-ink-700";

type CatalogueTextFieldProps = {
  id: string;
  label: string;
  hint?: string;
  error?: string;
  maxLength: number;
  /** A code-like value: monospace, no spell check. */
  code?: boolean;
  readOnly?: boolean;
  registration: UseFormRegisterReturn;
};

export const CatalogueTextField = ({
  id,
  label,
  hint,
  error,
  maxLength,
  code = false,
  readOnly,
  registration,
}: CatalogueTextFieldProps) => (
  <Field id={id} label={label} hint={hint} error={error}>
    <Input
      id={id}
      autoComplete="off"
      spellCheck={code ? false : undefined}
      className={cn(code && "font-mono", readOnly && READ_ONLY) || undefined}
      readOnly={readOnly}
      maxLength={maxLength}
      invalid={Boolean(error)}
      hasHint={Boolean(hint)}
      {...registration}
    />
  </Field>
);

/** A read-only control showing a value that cannot change, styled like the locked text fields. */
export const ReadOnlyInput = ({ id, value }: { id: string; value: string }) => (
  <Input id={id} readOnly className={READ_ONLY} value={value} />
);

/** Why some fields cannot change. */
export const LockedNotice = ({ children }: { children: React.ReactNode }) => (
  <p className="rounded-md border border-amber-200 bg-amber-50 px-3 py-2 text-sm text-amber-900">{children}</p>
);

type CatalogueFormFooterProps = {
  mode: CatalogueFormMode;
  /** "meter", "plan": the create button says "Add meter". */
  noun: string;
  cancelHref: string;
  busy: boolean;
};

export const CatalogueFormFooter = ({ mode, noun, cancelHref, busy }: CatalogueFormFooterProps) => (
  <div className="flex justify-end gap-2">
    <Button asChild variant="secondary">
      <Link href={cancelHref}>Cancel</Link>
    </Button>
    <Button type="submit" disabled={busy}>
      {mode === "create" ? (busy ? "Adding…" : `Add ${noun}`) : busy ? "Saving…" : "Save changes"}
    </Button>
  </div>
);
