// Expected failures a finance user can act on. Anything else is a bug: logged, and shown as a
// generic message with a request id.

/** A failure with a message for the user, optionally tied to the form field that caused it. */
export class UserError extends Error {
  readonly field?: string;
  constructor(message: string, options?: { field?: string }) {
    super(message);
    this.name = "UserError";
    this.field = options?.field;
  }
}

/** The signed-in user may not do this (a viewer posting a change, say). */
export class ForbiddenError extends UserError {
  constructor(message = "You do not have permission to do this.") {
    super(message);
    this.name = "ForbiddenError";
  }
}

export class NotFoundError extends UserError {
  constructor(what: string) {
    super(`${what} was not found.`);
    this.name = "NotFoundError";
  }
}

type PrismaKnownError = { code: string; meta?: { target?: unknown; driverAdapterError?: unknown } };

const isPrismaKnownError = (error: unknown): error is PrismaKnownError =>
  typeof error === "object" &&
  error !== null &&
  "code" in error &&
  typeof (error as { code: unknown }).code === "string" &&
  /^P\d{4}$/.test((error as { code: string }).code);

/** True when the error is a unique-constraint violation (Prisma's P2002). */
export const isUniqueViolation = (error: unknown): boolean => isPrismaKnownError(error) && error.code === "P2002";
