// Calendar dates as forms type them ("2024-06-28") and DATE columns hold them (UTC midnight), and
// the zod fields that parse them, so every form refuses a date in the same words. No I/O.
import { z } from "zod";

const DATE_TEXT = /^(\d{4})-(\d{2})-(\d{2})$/;

/** "2024-06-28" -> that calendar date as UTC midnight (how DATE columns come back), or null. */
export const parseCalendarDate = (text: string): Date | null => {
  const match = DATE_TEXT.exec(text.trim());
  if (!match) return null;
  const [, year, month, day] = match.map(Number) as [number, number, number, number];
  const date = new Date(Date.UTC(year, month - 1, day));
  // Date.UTC rolls 2024-02-30 over to March: a date that does not round-trip does not exist.
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return null;
  return date;
};

/** A DATE column's value back as the form's "YYYY-MM-DD". */
export const calendarDateText = (date: Date): string => date.toISOString().slice(0, 10);

/** The message for text that is not a calendar date. */
export const DATE_EXAMPLE = "Enter a date like 2024-06-28";

/** A required date: empty text gets `emptyMessage`, malformed text DATE_EXAMPLE. */
export const calendarDate = (emptyMessage: string) =>
  z.string().transform((text, context): Date => {
    if (text.trim() === "") {
      context.addIssue({ code: "custom", message: emptyMessage });
      return z.NEVER;
    }
    const date = parseCalendarDate(text);
    if (date) return date;
    context.addIssue({ code: "custom", message: DATE_EXAMPLE });
    return z.NEVER;
  });

/** An optional date: absent or empty text is null, malformed text gets DATE_EXAMPLE. */
export const optionalCalendarDate = z
  .string()
  .optional()
  .transform((text, context): Date | null => {
    if (!text || text.trim() === "") return null;
    const date = parseCalendarDate(text);
    if (date) return date;
    context.addIssue({ code: "custom", message: DATE_EXAMPLE });
    return z.NEVER;
  });
