// What the catalogue services share: who acts, the organisation's catalogue lock, and writes that
// turn a unique-index violation into a message at the field that caused it.
import type { CurrentUser } from "@/lib/auth/session";
import type { Tx } from "@/lib/db/client";
import { isUniqueViolation, UserError } from "@/lib/errors";

/** Who acts: the signed-in user (tests pass a plain object of the same shape). */
export type CatalogueActor = Pick<CurrentUser, "id" | "organizationId" | "name" | "email">;

const CATALOGUE_LOCK_CLASS = 0x4341; // "CA"

/**
 * Serialises catalogue changes within one organisation, so "is this name free?" and the write
 * that takes it cannot interleave with another change. Held until the transaction ends.
 */
export const lockCatalogue = async (tx: Tx, organizationId: string): Promise<void> => {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(${CATALOGUE_LOCK_CLASS}::int, hashtext(${organizationId}))`;
};

/**
 * Runs a write that a unique index guards, inside a savepoint: a writer that bypassed the lock
 * still gets the field message rather than an aborted transaction.
 */
export const writeHoldingUnique = async <T>(tx: Tx, taken: () => UserError, write: () => Promise<T>): Promise<T> => {
  await tx.$executeRaw`SAVEPOINT catalogue_unique`;
  let result: T;
  try {
    result = await write();
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
    await tx.$executeRaw`ROLLBACK TO SAVEPOINT catalogue_unique`;
    throw taken();
  }
  await tx.$executeRaw`RELEASE SAVEPOINT catalogue_unique`;
  return result;
};

export const plural = (count: number, one: string, many = `${one}s`) => `${count} ${count === 1 ? one : many}`;
