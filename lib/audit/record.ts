// Writes an audit entry inside the caller's transaction, so the change and its record commit or
// roll back together.
import type { Tx } from "@/lib/db/client";
import type { Prisma } from "@/lib/db/generated/client";
import { newId } from "@/lib/ids";

export type AuditActor =
  { type: "user"; userId: string; label: string } | { type: "system"; label: string } | { type: "api"; label: string };

export type AuditInput = {
  organizationId: string;
  actor: AuditActor;
  /** What happened, as `<entity>.<verb>`: "customer.created", "invoice.voided". */
  action: string;
  entityType: string;
  entityId: string;
  /** One line a person reads on the timeline. */
  summary: string;
  reason?: string | null;
  changes?: Prisma.InputJsonValue;
};

/** A signed-in user; without an id (a background job acting through a user-shaped service), the system under that name. */
export const userActor = (user: { id?: string | null; name: string; email: string }): AuditActor =>
  user.id
    ? { type: "user", userId: user.id, label: `${user.name} <${user.email}>` }
    : { type: "system", label: user.name };

export const recordAudit = async (tx: Tx, entry: AuditInput) =>
  tx.auditEntry.create({
    data: {
      id: newId("auditEntry"),
      organizationId: entry.organizationId,
      actorUserId: entry.actor.type === "user" ? entry.actor.userId : null,
      actorType: entry.actor.type,
      actorLabel: entry.actor.label,
      action: entry.action,
      entityType: entry.entityType,
      entityId: entry.entityId,
      summary: entry.summary,
      reason: entry.reason ?? null,
      changes: entry.changes,
    },
  });

/** Field-by-field differences between two versions of a record, for the audit entry. */
export const diffFields = <T extends Record<string, unknown>>(before: T, after: Partial<T>) => {
  const changes: Record<string, { from: unknown; to: unknown }> = {};
  for (const [key, value] of Object.entries(after)) {
    const previous = before[key];
    const same =
      previous instanceof Date && value instanceof Date ? previous.getTime() === value.getTime() : previous === value;
    if (!same) changes[key] = { from: previous ?? null, to: value ?? null };
  }
  return changes;
};
