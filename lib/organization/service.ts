// Updating the organisation's seller details, with an audit entry listing each changed field.
import { diffFields, recordAudit, type AuditActor } from "@/lib/audit/record";
import type { Tx } from "@/lib/db/client";
import type { Prisma } from "@/lib/db/generated/client";
import { NotFoundError } from "@/lib/errors";
import { ORGANIZATION_FIELD_LABELS, type OrganizationSettingsInput } from "./schemas";

const EDITABLE_SELECT = {
  name: true,
  legalName: true,
  email: true,
  addressLine1: true,
  addressLine2: true,
  city: true,
  postalCode: true,
  country: true,
  taxId: true,
  defaultCurrency: true,
  paymentTerms: true,
  locale: true,
  timeZone: true,
  paymentInstructions: true,
  invoiceFooter: true,
} as const satisfies Record<keyof OrganizationSettingsInput, true>;

export const updateOrganization = async (
  tx: Tx,
  { organizationId, actor, input }: { organizationId: string; actor: AuditActor; input: OrganizationSettingsInput },
): Promise<{ changedFields: (keyof OrganizationSettingsInput)[] }> => {
  // Lock the row first, so the "from" values in the audit entry are the ones this update replaced
  // even when two admins save at once.
  const locked = await tx.$queryRaw<{ id: string }[]>`
    SELECT "id" FROM "Organization" WHERE "id" = ${organizationId} FOR UPDATE`;
  if (locked.length === 0) throw new NotFoundError("Organisation");
  const before = await tx.organization.findUniqueOrThrow({ where: { id: organizationId }, select: EDITABLE_SELECT });
  const changes = diffFields(before, input);
  const changedFields = Object.keys(changes) as (keyof OrganizationSettingsInput)[];
  if (changedFields.length === 0) return { changedFields };
  await tx.organization.update({ where: { id: organizationId }, data: input });
  await recordAudit(tx, {
    organizationId,
    actor,
    action: "organization.updated",
    entityType: "organization",
    entityId: organizationId,
    summary: `Updated organisation settings: ${changedFields.map((field) => ORGANIZATION_FIELD_LABELS[field]).join(", ")}`,
    // Every value here is a string or null (the schema's output), so it is valid JSON.
    changes: changes as Prisma.InputJsonValue,
  });
  return { changedFields };
};
