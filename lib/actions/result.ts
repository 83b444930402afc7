// What every server action returns to the browser: data, or an error a form can place at a field.
export type FieldErrors = Record<string, string>;

export type ActionResult<T> =
  { ok: true; data: T } | { ok: false; error: string; fieldErrors?: FieldErrors; requestId?: string };
