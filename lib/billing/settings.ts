// The organisation's subscription billing settings: how long a period's draft waits for late usage,
// and whether the billing job then finalizes it and draws the payer's wallet credit on its own.
import { diffFields, recordAudit, type AuditActor } from "@/lib/audit/record";
import { db, type Tx } from "@/lib/db/client";
import { NotFoundError } from "@/lib/errors";
import { BILLING_SETTINGS_LABELS, type BillingSettingsInput } from "./settings-schema";

const SETTINGS_SELECT = { usageGraceHours: true, autoFinalize: true, autoApplyWallet: true } as const satisfies Record<
  keyof BillingSettingsInput,
  true
>;

export const getBillingSettings = (organizationId: string): Promise<BillingSettingsInput> =>
  db.organization.findUniqueOrThrow({ where: { id: organizationId }, select: SETTINGS_SELECT });

export const updateBillingSettings = async (
  tx: Tx,
  { organizationId, actor, input }: { organizationId: string; actor: AuditActor; input: BillingSettingsInput },
): Promise<{ changedFields: (keyof BillingSettingsInput)[] }> => {
  // Locked first, so the audit entry's "from" values are the ones this save replaced.
  const locked = await tx.$queryRaw<{ id: string }[]>`
    SELECT "id" FROM "Organization" WHERE "id" = ${organizationId} FOR UPDATE`;
  if (locked.length === 0) throw new NotFoundError("Organisation");
  const before = await tx.organization.findUniqueOrThrow({ where: { id: organizationId }, select: SETTINGS_SELECT });
  const changes = diffFields(before, input);
  const changedFields = Object.keys(changes) as (keyof BillingSettingsInput)[];
  if (changedFields.length === 0) return { changedFields };
  await tx.organization.update({ where: { id: organizationId }, data: input, select: { id: true } });
  await recordAudit(tx, {
    organizationId,
    actor,
    action: "organization.billing_updated",
    entityType: "organization",
    entityId: organizationId,
    summary: `Updated billing settings: ${changedFields.map((field) => BILLING_SETTINGS_LABELS[field]).join(", ")}`,
    // Numbers and booleans only: valid JSON as they are.
    changes: changes as Record<string, { from: number | boolean; to: number | boolean }>,
  });
  return { changedFields };
};
