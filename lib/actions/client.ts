// The one pipeline every server action goes through: resolve the session, check the role, parse
// the input with the feature's zod schema, run, and map failures to messages a user can act on.
// A page being protected does not protect its actions: each action authorizes itself here.
import { randomUUID } from "node:crypto";
import type { z } from "zod";
import { getCurrentUser, type CurrentUser } from "@/lib/auth/session";
import { hasRole } from "@/lib/auth/roles";
import type { Role } from "@/lib/db/generated/enums";
import { UserError } from "@/lib/errors";
import { log } from "@/lib/log";
import type { ActionResult, FieldErrors } from "./result";

export type ActionContext<Input> = { input: Input; user: CurrentUser; requestId: string };

type ActionDefinition<Schema extends z.ZodType, Output> = {
  /** A name for logs, e.g. "customers.create". */
  name: string;
  /** The least role allowed to run it. */
  role: Role;
  schema: Schema;
  run: (context: ActionContext<z.output<Schema>>) => Promise<Output>;
};

const fieldErrorsOf = (error: z.ZodError): FieldErrors => {
  const fieldErrors: FieldErrors = {};
  for (const issue of error.issues) {
    const key = issue.path.map(String).join(".") || "form";
    fieldErrors[key] ??= issue.message;
  }
  return fieldErrors;
};

export const defineAction =
  <Schema extends z.ZodType, Output>(definition: ActionDefinition<Schema, Output>) =>
  async (rawInput: z.input<Schema>): Promise<ActionResult<Output>> => {
    const requestId = randomUUID();
    try {
      const user = await getCurrentUser();
      if (!user) return { ok: false, error: "Your session has ended. Sign in again." };
      if (!hasRole(user.role, definition.role)) {
        log.warn("action refused: role", { action: definition.name, userId: user.id, role: user.role, requestId });
        return { ok: false, error: "You do not have permission to do this." };
      }
      const parsed = definition.schema.safeParse(rawInput);
      if (!parsed.success) {
        const fieldErrors = fieldErrorsOf(parsed.error);
        return { ok: false, error: "Check the highlighted fields.", fieldErrors };
      }
      const data = await definition.run({ input: parsed.data, user, requestId });
      log.info("action", { action: definition.name, userId: user.id, requestId });
      return { ok: true, data };
    } catch (error) {
      if (error instanceof UserError) {
        return {
          ok: false,
          error: error.message,
          ...(error.field ? { fieldErrors: { [error.field]: error.message } } : {}),
        };
      }
      // next/navigation's redirect() and notFound() work by throwing: let them through.
      if (error instanceof Error && "digest" in error && String(error.digest).startsWith("NEXT_")) throw error;
      log.error("action failed", { action: definition.name, requestId, error });
      return { ok: false, error: `Something went wrong on our side. Reference: ${requestId}`, requestId };
    }
  };
