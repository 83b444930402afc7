// Adding people to an organisation, changing what they may do, and disabling them: each change
// and its audit entry in the caller's transaction. The rule that an organisation always keeps an
// active admin is checked here, under a lock, not in the UI.
import { recordAudit, type AuditActor } from "@/lib/audit/record";
import { hashPassword } from "@/lib/auth/password";
import { ROLE_LABELS } from "@/lib/auth/roles";
import type { Tx } from "@/lib/db/client";
import type { Role } from "@/lib/db/generated/enums";
import { isUniqueViolation, NotFoundError, UserError } from "@/lib/errors";
import { newId } from "@/lib/ids";
import { MESSAGES, normalizeEmail, type CreateUserInput } from "./schemas";

type Context = { organizationId: string; actor: AuditActor };

export type UserSummary = { id: string; name: string; email: string; role: Role; disabledAt: Date | null };

const SUMMARY_SELECT = { id: true, name: true, email: true, role: true, disabledAt: true } as const;

const describe = (user: { name: string; email: string }) => `${user.name} <${user.email}>`;

export const createUser = async (
  tx: Tx,
  { organizationId, actor, input }: Context & { input: CreateUserInput },
): Promise<UserSummary> => {
  const email = normalizeEmail(input.email);
  const name = input.name.trim();
  // The check gives the usual answer; the unique index (caught below) settles a race between two
  // admins adding the same person.
  const existing = await tx.user.findUnique({ where: { email }, select: { id: true } });
  if (existing) throw new UserError(MESSAGES.duplicateEmail, { field: "email" });
  const passwordHash = await hashPassword(input.password);
  let user: UserSummary;
  try {
    user = await tx.user.create({
      data: { id: newId("user"), organizationId, email, name, role: input.role, passwordHash },
      select: SUMMARY_SELECT,
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw new UserError(MESSAGES.duplicateEmail, { field: "email" });
    throw error;
  }
  await recordAudit(tx, {
    organizationId,
    actor,
    action: "user.created",
    entityType: "user",
    entityId: user.id,
    summary: `Added ${describe(user)} as ${ROLE_LABELS[user.role]}`,
    changes: { name: user.name, email: user.email, role: user.role },
  });
  return user;
};

type LockedUser = { id: string; name: string; email: string; role: Role; disabledAt: Date | null };

/**
 * Locks the organisation's active admins and the target user (in id order, so two callers never
 * wait on each other in a cycle) and returns them as they are now. A concurrent demotion waits
 * here until the first commits, then sees the admin it removed gone, so the last admin survives.
 */
const lockAdminsAndTarget = async (tx: Tx, { organizationId, userId }: { organizationId: string; userId: string }) => {
  const rows = await tx.$queryRaw<LockedUser[]>`
    SELECT "id", "name", "email", "role"::text AS "role", "disabledAt"
    FROM "User"
    WHERE "organizationId" = ${organizationId}
      AND (("role" = 'admin' AND "disabledAt" IS NULL) OR "id" = ${userId})
    ORDER BY "id"
    FOR UPDATE`;
  const target = rows.find((row) => row.id === userId);
  // Another organisation's user is as good as absent: never confirm it exists.
  if (!target) throw new NotFoundError("User");
  const activeAdminIds = rows.filter((row) => row.role === "admin" && row.disabledAt === null).map((row) => row.id);
  return { target, activeAdminIds };
};

/** True when `userId` is the only active admin left, so demoting or disabling them is refused. */
const isLastActiveAdmin = (activeAdminIds: string[], userId: string) =>
  activeAdminIds.length <= 1 && activeAdminIds.includes(userId);

export const changeUserRole = async (
  tx: Tx,
  { organizationId, actor, userId, role }: Context & { userId: string; role: Role },
): Promise<UserSummary> => {
  const { target, activeAdminIds } = await lockAdminsAndTarget(tx, { organizationId, userId });
  if (target.role === role) return target;
  if (role !== "admin" && isLastActiveAdmin(activeAdminIds, userId)) {
    throw new UserError(MESSAGES.lastAdmin, { field: "role" });
  }
  const user = await tx.user.update({ where: { id: userId }, data: { role }, select: SUMMARY_SELECT });
  await recordAudit(tx, {
    organizationId,
    actor,
    action: "user.role_changed",
    entityType: "user",
    entityId: user.id,
    summary: `Changed ${describe(user)} from ${ROLE_LABELS[target.role]} to ${ROLE_LABELS[role]}`,
    changes: { role: { from: target.role, to: role } },
  });
  return user;
};

export const setUserDisabled = async (
  tx: Tx,
  { organizationId, actor, userId, disabled }: Context & { userId: string; disabled: boolean },
): Promise<UserSummary> => {
  const { target, activeAdminIds } = await lockAdminsAndTarget(tx, { organizationId, userId });
  const alreadyDisabled = target.disabledAt !== null;
  if (alreadyDisabled === disabled) return target;
  if (disabled && isLastActiveAdmin(activeAdminIds, userId)) throw new UserError(MESSAGES.lastAdmin);
  const disabledAt = disabled ? new Date() : null;
  const user = await tx.user.update({ where: { id: userId }, data: { disabledAt }, select: SUMMARY_SELECT });
  await recordAudit(tx, {
    organizationId,
    actor,
    action: disabled ? "user.disabled" : "user.enabled",
    entityType: "user",
    entityId: user.id,
    summary: `${disabled ? "Disabled" : "Enabled"} ${describe(user)}`,
    changes: { disabledAt: { from: target.disabledAt?.toISOString() ?? null, to: disabledAt?.toISOString() ?? null } },
  });
  return user;
};
