// What finance types to add or change a number series: one schema for the form (zodResolver) and
// the actions, so the browser and the server refuse the same input in the same words. No I/O here.
import { z } from "zod";
import type { NumberSeriesKind } from "@/lib/db/generated/enums";
import { validateSeriesFormat } from "./format";

export const SERIES_KINDS = ["invoice", "receipt"] as const satisfies readonly NumberSeriesKind[];

/** Headings of the settings tables, one per kind. */
export const SERIES_KIND_LABELS: Record<NumberSeriesKind, string> = { invoice: "Invoices", receipt: "Receipts" };
/** The kind as a word inside a sentence: "the default invoice series". */
export const SERIES_KIND_NOUNS: Record<NumberSeriesKind, string> = { invoice: "invoice", receipt: "receipt" };

export const SERIES_NAME_MAX_LENGTH = 80;
// The counter is an INTEGER column; a larger next number could never be stored or advanced.
export const MAX_NEXT_NUMBER = 2_147_483_647;

export const NEXT_NUMBER_MESSAGE = "The next number must be a whole number of at least 1.";

const name = z
  .string()
  .trim()
  .min(1, "Name the series, for example Singapore")
  .max(SERIES_NAME_MAX_LENGTH, `A name can be at most ${SERIES_NAME_MAX_LENGTH} characters`);

const format = z
  .string()
  .trim()
  .superRefine((value, context) => {
    const error = validateSeriesFormat(value);
    if (error) context.addIssue({ code: "custom", message: error });
  });

/** "18" -> 18. The form holds text, so a half-typed value is an error at the field, not NaN. */
export const parseNextNumber = (text: string): number | null => {
  const trimmed = text.trim();
  if (!/^\d{1,10}$/.test(trimmed)) return null;
  const value = Number(trimmed);
  return value >= 1 && value <= MAX_NEXT_NUMBER ? value : null;
};

const nextNumber = z.string().transform((value, context): number => {
  const parsed = parseNextNumber(value);
  if (parsed !== null) return parsed;
  const tooLarge = /^\d+$/.test(value.trim()) && Number(value.trim()) > MAX_NEXT_NUMBER;
  context.addIssue({
    code: "custom",
    message: tooLarge ? `The next number can be at most ${MAX_NEXT_NUMBER}.` : NEXT_NUMBER_MESSAGE,
  });
  return z.NEVER;
});

const seriesIdSchema = z.string().min(1).max(64);

export const createNumberSeriesSchema = z.object({
  name,
  kind: z.enum(SERIES_KINDS, { error: "Choose what the series numbers: invoices or receipts" }),
  format,
  nextNumber,
});

/** The add form's values: all text, sent to the action as typed (zodResolver in raw mode). */
export type CreateNumberSeriesFormValues = z.input<typeof createNumberSeriesSchema>;
export type CreateNumberSeriesInput = z.output<typeof createNumberSeriesSchema>;

export const updateNumberSeriesSchema = z.object({
  seriesId: seriesIdSchema,
  name,
  format,
  nextNumber,
  // The counter as the form loaded it. Documents may be numbered while the form is open: when
  // finance left the field alone, saving a new name must not wind the counter back.
  nextNumberWas: z.string().max(12).optional(),
});

export type UpdateNumberSeriesFormValues = z.input<typeof updateNumberSeriesSchema>;
export type UpdateNumberSeriesInput = z.output<typeof updateNumberSeriesSchema>;

export const seriesRefSchema = z.object({ seriesId: seriesIdSchema });
export type SeriesRef = z.output<typeof seriesRefSchema>;

export const CREATE_SERIES_FIELDS = ["name", "kind", "format", "nextNumber"] as const;
export const UPDATE_SERIES_FIELDS = ["name", "format", "nextNumber"] as const;

/** The examples from the product docs, shown beside every format field. */
export const SERIES_FORMAT_EXAMPLES = [
  { format: "INV-{YYYY}{MM}-{NNNN}", counter: 52, purpose: "Monthly invoices (the default)" },
  { format: "SG-INV-{YYYY}{MM}{DD}-{NNN}", counter: 1, purpose: "Singapore, dated by day" },
  { format: "RS-SEA-{YYYY}-{NNNN}", counter: 7, purpose: "A reseller, by year" },
] as const;

// 28 June 2024, the date the docs' examples are printed for (INV-202406-0052).
export const SERIES_EXAMPLE_DATE = new Date("2024-06-28T12:00:00Z");
