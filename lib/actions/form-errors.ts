// Puts an action's field errors on the react-hook-form fields they belong to (focusing the first)
// and returns the one message for the top of the form.
import type { FieldValues, Path, UseFormSetError } from "react-hook-form";
import type { ActionResult } from "./result";

export const applyServerErrors = <Values extends FieldValues>(
  result: Extract<ActionResult<unknown>, { ok: false }>,
  { setError, fields }: { setError: UseFormSetError<Values>; fields: readonly Path<Values>[] },
): string => {
  let placed = false;
  for (const [field, message] of Object.entries(result.fieldErrors ?? {})) {
    const known = fields.find((name) => name === field);
    if (!known) continue;
    setError(known, { type: "server", message }, { shouldFocus: !placed });
    placed = true;
  }
  return placed ? "Nothing was saved. Correct the highlighted fields and save again." : result.error;
};
