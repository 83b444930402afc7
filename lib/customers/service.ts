// Creating, changing, archiving and restoring customers. Each function runs inside the caller's
// transaction and writes its audit entry there, so the change and its record commit together.
// Every read and write is scoped by the acting user's organisation. `tx` must be a transaction
// (db.$transaction), not the bare client: the writes use a savepoint and row locks.
import { recordAudit, userActor } from "@/lib/audit/record";
import type { CurrentUser } from "@/lib/auth/session";
import type { Tx } from "@/lib/db/client";
import { isUniqueViolation, NotFoundError, UserError } from "@/lib/errors";
import { newId } from "@/lib/ids";
import { customerFieldLabel } from "./labels";
import type { CustomerInput, UpdateCustomerInput } from "./schemas";

/** Who acts: the signed-in user (tests pass a plain object of the same shape). */
export type Actor = Pick<CurrentUser, "id" | "organizationId" | "name" | "email">;

const ENTITY_TYPE = "customer";

const customerColumns = {
  id: true,
  organizationId: true,
  externalId: true,
  name: true,
  email: true,
  addressLine1: true,
  addressLine2: true,
  city: true,
  postalCode: true,
  country: true,
  taxId: true,
  currency: true,
  status: true,
  defaultInvoiceSeriesId: true,
  archivedAt: true,
} as const;

// ---------------------------------------------------------------- checks

const externalIdTaken = (externalId: string, holderName: string) =>
  new UserError(`External id ${externalId} is already used by ${holderName}`, { field: "externalId" });

const assertExternalIdFree = async (
  tx: Tx,
  params: { organizationId: string; externalId: string; exceptCustomerId?: string },
) => {
  const holder = await tx.customer.findUnique({
    where: { organizationId_externalId: { organizationId: params.organizationId, externalId: params.externalId } },
    select: { id: true, name: true },
  });
  if (holder && holder.id !== params.exceptCustomerId) throw externalIdTaken(params.externalId, holder.name);
};

const seriesName = async (tx: Tx, organizationId: string, seriesId: string | null): Promise<string | null> => {
  if (!seriesId) return null;
  const series = await tx.numberSeries.findFirst({
    where: { id: seriesId, organizationId, kind: "invoice" },
    select: { name: true },
  });
  if (!series) throw new UserError("Choose an invoice series from the list", { field: "defaultInvoiceSeriesId" });
  return series.name;
};

// The check above misses a customer being created at the same moment in another transaction; the
// unique index (organizationId, externalId) catches it. A failed statement aborts a PostgreSQL
// transaction, so the write runs under a savepoint: rolled back to it, the transaction can still
// read who took the external id and say so.
const writeHoldingExternalId = async <T>(
  tx: Tx,
  params: { organizationId: string; externalId: string },
  write: () => Promise<T>,
): Promise<T> => {
  await tx.$executeRaw`SAVEPOINT customer_external_id`;
  let result: T;
  try {
    result = await write();
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
    await tx.$executeRaw`ROLLBACK TO SAVEPOINT customer_external_id`;
    const holder = await tx.customer.findUnique({
      where: { organizationId_externalId: params },
      select: { name: true },
    });
    if (!holder) throw error;
    throw externalIdTaken(params.externalId, holder.name);
  }
  await tx.$executeRaw`RELEASE SAVEPOINT customer_external_id`;
  return result;
};

// Locks the row so concurrent edits queue up and each audit entry's "from" values are what the
// change really replaced.
const lockCustomer = async (tx: Tx, actor: Actor, customerId: string) => {
  await tx.$executeRaw`SELECT 1 FROM "Customer" WHERE "id" = ${customerId} AND "organizationId" = ${actor.organizationId} FOR UPDATE`;
  const customer = await tx.customer.findFirst({
    where: { id: customerId, organizationId: actor.organizationId },
    select: customerColumns,
  });
  if (!customer) throw new NotFoundError("Customer");
  return customer;
};

type EditableValues = ReturnType<typeof editableValues>;

const editableValues = (input: CustomerInput) => ({
  name: input.name,
  email: input.email,
  externalId: input.externalId,
  addressLine1: input.addressLine1,
  addressLine2: input.addressLine2,
  city: input.city,
  postalCode: input.postalCode,
  country: input.country,
  taxId: input.taxId,
  // Widened to the column's type, so stored rows and parsed input compare field by field.
  currency: input.currency as string | null,
  defaultInvoiceSeriesId: input.defaultInvoiceSeriesId,
});

/** Field-by-field changes as the audit entry stores them: `{ email: { from, to } }`. */
type FieldChanges = Record<string, { from: string | null; to: string | null }>;

const changedFields = (before: Partial<EditableValues>, after: EditableValues): FieldChanges => {
  const changes: FieldChanges = {};
  for (const key of Object.keys(after) as (keyof EditableValues)[]) {
    if (key === "defaultInvoiceSeriesId") continue;
    const from = before[key] ?? null;
    const to = after[key] ?? null;
    if (from !== to) changes[key] = { from, to };
  }
  return changes;
};

// ---------------------------------------------------------------- create

export const createCustomer = async (tx: Tx, { actor, input }: { actor: Actor; input: CustomerInput }) => {
  const { organizationId } = actor;
  await assertExternalIdFree(tx, { organizationId, externalId: input.externalId });
  const defaultSeries = await seriesName(tx, organizationId, input.defaultInvoiceSeriesId);
  const values = editableValues(input);

  const customer = await writeHoldingExternalId(tx, { organizationId, externalId: input.externalId }, () =>
    tx.customer.create({
      data: { id: newId("customer"), organizationId, status: "active", ...values },
      select: customerColumns,
    }),
  );

  // The opening values, so the history shows what the customer started as.
  const changes = changedFields({}, values);
  if (defaultSeries) changes.defaultInvoiceSeries = { from: null, to: defaultSeries };
  await recordAudit(tx, {
    organizationId,
    actor: userActor(actor),
    action: "customer.created",
    entityType: ENTITY_TYPE,
    entityId: customer.id,
    summary: `Created customer ${customer.name} (${customer.externalId})`,
    changes,
  });
  return customer;
};

// ---------------------------------------------------------------- update

export const updateCustomer = async (tx: Tx, { actor, input }: { actor: Actor; input: UpdateCustomerInput }) => {
  const { organizationId } = actor;
  const { customerId, ...fields } = input;
  const before = await lockCustomer(tx, actor, customerId);
  const after = editableValues(fields);

  if (after.externalId !== before.externalId) {
    await assertExternalIdFree(tx, { organizationId, externalId: after.externalId, exceptCustomerId: customerId });
  }

  const changes = changedFields(before, after);
  if (before.defaultInvoiceSeriesId !== after.defaultInvoiceSeriesId) {
    // Names, not ids, so the history reads as the person saw it.
    changes.defaultInvoiceSeries = {
      from: before.defaultInvoiceSeriesId
        ? await seriesNameOrId(tx, organizationId, before.defaultInvoiceSeriesId)
        : null,
      to: await seriesName(tx, organizationId, after.defaultInvoiceSeriesId),
    };
  }
  if (Object.keys(changes).length === 0) return before;

  const customer = await writeHoldingExternalId(tx, { organizationId, externalId: after.externalId }, () =>
    tx.customer.update({ where: { id: before.id }, data: after, select: customerColumns }),
  );

  await recordAudit(tx, {
    organizationId,
    actor: userActor(actor),
    action: "customer.updated",
    entityType: ENTITY_TYPE,
    entityId: customer.id,
    summary: `Updated ${customer.name}: ${Object.keys(changes)
      .map((field) => customerFieldLabel(field).toLowerCase())
      .join(", ")}`,
    changes,
  });
  return customer;
};

// The previous series may have been deleted or renamed since; fall back to its id.
const seriesNameOrId = async (tx: Tx, organizationId: string, seriesId: string) =>
  (await tx.numberSeries.findFirst({ where: { id: seriesId, organizationId }, select: { name: true } }))?.name ??
  seriesId;

// ---------------------------------------------------------------- archive and restore

const LIVE_SUBSCRIPTIONS_NAMED = 3;

/**
 * A customer who uses or pays for a live subscription stays active: its periods would be billed to,
 * or counted for, an archived customer. Subscriptions created meanwhile wait on the customer's row
 * lock (they take it FOR SHARE), so none slips in between this check and the archive.
 */
const refuseLiveSubscriptions = async (tx: Tx, customer: { id: string; name: string }, organizationId: string) => {
  const where = {
    organizationId,
    status: "active" as const,
    OR: [{ customerId: customer.id }, { invoicingCustomerId: customer.id }],
  };
  const live = await tx.subscription.findMany({
    where,
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    take: LIVE_SUBSCRIPTIONS_NAMED,
    select: { customerId: true, plan: { select: { name: true } }, customer: { select: { name: true } } },
  });
  if (live.length === 0) return;
  const total = live.length < LIVE_SUBSCRIPTIONS_NAMED ? live.length : await tx.subscription.count({ where });
  const named = live.map((subscription) =>
    subscription.customerId === customer.id
      ? subscription.plan.name
      : `${subscription.plan.name}, paid for ${subscription.customer.name}`,
  );
  const more = total > live.length ? `; and ${total - live.length} more` : "";
  throw new UserError(
    `${customer.name} still has ${total === 1 ? "a live subscription" : `${total} live subscriptions`} (${named.join("; ")}${more}): cancel ${total === 1 ? "it" : "them"} first, so nothing is billed to an archived customer.`,
  );
};

export const archiveCustomer = async (tx: Tx, { actor, customerId }: { actor: Actor; customerId: string }) => {
  const before = await lockCustomer(tx, actor, customerId);
  if (before.status === "archived") throw new UserError(`${before.name} is already archived.`);
  await refuseLiveSubscriptions(tx, before, actor.organizationId);
  const archivedAt = new Date();
  const customer = await tx.customer.update({
    where: { id: before.id },
    data: { status: "archived", archivedAt },
    select: customerColumns,
  });
  await recordAudit(tx, {
    organizationId: actor.organizationId,
    actor: userActor(actor),
    action: "customer.archived",
    entityType: ENTITY_TYPE,
    entityId: customer.id,
    summary: `Archived ${customer.name}`,
    changes: { status: { from: "active", to: "archived" }, archivedAt: { from: null, to: archivedAt.toISOString() } },
  });
  return customer;
};

export const restoreCustomer = async (tx: Tx, { actor, customerId }: { actor: Actor; customerId: string }) => {
  const before = await lockCustomer(tx, actor, customerId);
  if (before.status === "active") throw new UserError(`${before.name} is not archived.`);
  const customer = await tx.customer.update({
    where: { id: before.id },
    data: { status: "active", archivedAt: null },
    select: customerColumns,
  });
  await recordAudit(tx, {
    organizationId: actor.organizationId,
    actor: userActor(actor),
    action: "customer.restored",
    entityType: ENTITY_TYPE,
    entityId: customer.id,
    summary: `Restored ${customer.name}`,
    changes: {
      status: { from: "archived", to: "active" },
      archivedAt: { from: before.archivedAt?.toISOString() ?? null, to: null },
    },
  });
  return customer;
};
