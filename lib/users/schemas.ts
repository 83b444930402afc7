// What an admin types to add a user, change a role or disable someone: shared by the forms
// (zodResolver) and the server actions, so both check the same rules with the same words.
import { z } from "zod";
import { ROLES } from "@/lib/auth/roles";

export const PASSWORD_MIN_LENGTH = 12;
// bcrypt reads only the first 72 bytes; a longer password would silently lose its tail.
export const PASSWORD_MAX_BYTES = 72;

export const MESSAGES = {
  invalidEmail: "Enter a valid email address",
  shortPassword: `Use at least ${PASSWORD_MIN_LENGTH} characters`,
  longPassword: `Use at most ${PASSWORD_MAX_BYTES} characters (fewer with accented letters or symbols)`,
  duplicateEmail: "A user with this email already exists",
  lastAdmin: "At least one active admin must remain",
  nameRequired: "Enter the person's name",
  roleRequired: "Choose a role",
} as const;

/** Emails are stored trimmed and lowercased, so sign-in and the uniqueness check agree. */
export const normalizeEmail = (email: string): string => email.trim().toLowerCase();

const byteLength = (text: string) => new TextEncoder().encode(text).length;

export const roleSchema = z.enum(ROLES, { error: MESSAGES.roleRequired });

export const emailSchema = z
  .string()
  .trim()
  .toLowerCase()
  .max(320, MESSAGES.invalidEmail)
  .pipe(z.email({ error: MESSAGES.invalidEmail }));

export const createUserSchema = z.object({
  name: z.string().trim().min(1, MESSAGES.nameRequired).max(200, "Use at most 200 characters"),
  email: emailSchema,
  role: roleSchema,
  password: z
    .string()
    .min(PASSWORD_MIN_LENGTH, MESSAGES.shortPassword)
    .refine((password) => byteLength(password) <= PASSWORD_MAX_BYTES, MESSAGES.longPassword),
});
export type CreateUserInput = z.output<typeof createUserSchema>;
export type CreateUserFormValues = z.input<typeof createUserSchema>;

const userIdSchema = z.string().min(1).max(64);

export const changeUserRoleSchema = z.object({ userId: userIdSchema, role: roleSchema });
export type ChangeUserRoleInput = z.output<typeof changeUserRoleSchema>;

export const setUserDisabledSchema = z.object({ userId: userIdSchema, disabled: z.boolean() });
export type SetUserDisabledInput = z.output<typeof setUserDisabledSchema>;
