// Pieces the catalogue schemas share: collecting every problem with its field path, then reporting
// them all at once, and reading a required, bounded text field.
import { z } from "zod";

export type Issue = { path: (string | number)[]; message: string };

export const reportIssues = (issues: Issue[], context: z.RefinementCtx): typeof z.NEVER => {
  for (const issue of issues) context.addIssue({ code: "custom", ...issue });
  return z.NEVER;
};

export const idSchema = z.string().trim().min(1).max(64);

export const readText = (
  issues: Issue[],
  {
    text,
    path,
    label,
    empty,
    max,
  }: { text: string; path: (string | number)[]; label: string; empty: string; max: number },
): string => {
  const value = text.trim();
  if (value === "") issues.push({ path, message: empty });
  else if (value.length > max) issues.push({ path, message: `${label} can be at most ${max} characters` });
  return value;
};
