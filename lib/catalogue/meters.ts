// Adding and changing meters. A meter that a plan's price uses keeps how it counts (event, aggregation,
// property, filters): invoices already billed from it must stay explainable, so only its name may
// change. Each function runs in the caller's transaction and writes its audit entry there.
import { recordAudit, userActor } from "@/lib/audit/record";
import type { Tx } from "@/lib/db/client";
import { Prisma } from "@/lib/db/generated/client";
import type { MeterAggregation } from "@/lib/db/generated/enums";
import { NotFoundError, UserError } from "@/lib/errors";
import { newId } from "@/lib/ids";
import type { MeterInput, UpdateMeterInput } from "./schemas";
import { lockCatalogue, writeHoldingUnique, type CatalogueActor } from "./shared";

const ENTITY_TYPE = "meter";

export type MeterRow = {
  id: string;
  name: string;
  eventName: string;
  aggregation: MeterAggregation;
  property: string | null;
  filters: Record<string, string> | null;
};

const METER_COLUMNS = {
  id: true,
  name: true,
  eventName: true,
  aggregation: true,
  property: true,
  filters: true,
} as const;

/** A stored filters value back as a plain string map (null when there are none). */
export const readMeterFilters = (value: Prisma.JsonValue | null): Record<string, string> | null => {
  if (value === null || typeof value !== "object" || Array.isArray(value)) return null;
  const entries = Object.entries(value).filter((entry): entry is [string, string] => typeof entry[1] === "string");
  return entries.length === 0 ? null : Object.fromEntries(entries);
};

const toRow = (meter: { filters: Prisma.JsonValue } & Omit<MeterRow, "filters">): MeterRow => ({
  ...meter,
  filters: readMeterFilters(meter.filters),
});

const sameFilters = (a: Record<string, string> | null, b: Record<string, string> | null): boolean => {
  const sorted = (filters: Record<string, string> | null) =>
    JSON.stringify(Object.entries(filters ?? {}).sort(([x], [y]) => (x < y ? -1 : x > y ? 1 : 0)));
  return sorted(a) === sorted(b);
};

// The service is called by tests and other code too, not only through the form's schema.
const assertMeterRules = (input: MeterInput) => {
  if (input.aggregation !== "count" && (input.property === null || input.property.trim() === "")) {
    throw new UserError("Enter the property this meter aggregates", { field: "property" });
  }
};

const normalized = (input: MeterInput): MeterInput => ({
  ...input,
  property: input.aggregation === "count" ? null : input.property,
});

const nameTaken = (name: string) => new UserError(`There is already a meter named ${name}`, { field: "name" });

// Names differing only in case would read as one meter in a list, so the check ignores case.
const assertNameFree = async (
  tx: Tx,
  { organizationId, name, exceptId }: { organizationId: string; name: string; exceptId?: string },
) => {
  const clash = await tx.meter.findFirst({
    where: {
      organizationId,
      name: { equals: name, mode: "insensitive" },
      ...(exceptId ? { id: { not: exceptId } } : {}),
    },
    select: { name: true },
  });
  if (clash) throw nameTaken(clash.name);
};

export const describeAggregation = (meter: Pick<MeterInput, "aggregation" | "property" | "eventName">): string => {
  switch (meter.aggregation) {
    case "count":
      return `count of ${meter.eventName} events`;
    case "sum":
      return `sum of ${meter.property} over ${meter.eventName} events`;
    case "max":
      return `maximum of ${meter.property} over ${meter.eventName} events`;
    case "unique_count":
      return `unique ${meter.property} values over ${meter.eventName} events`;
    default: {
      const unknown: never = meter.aggregation;
      throw new Error(`Unknown aggregation ${String(unknown)}`);
    }
  }
};

const filtersJson = (filters: Record<string, string> | null) => filters ?? Prisma.DbNull;

export const createMeter = async (
  tx: Tx,
  { actor, input }: { actor: CatalogueActor; input: MeterInput },
): Promise<MeterRow> => {
  assertMeterRules(input);
  const meter = normalized(input);
  await lockCatalogue(tx, actor.organizationId);
  await assertNameFree(tx, { organizationId: actor.organizationId, name: meter.name });
  const created = await writeHoldingUnique(
    tx,
    () => nameTaken(meter.name),
    () =>
      tx.meter.create({
        data: {
          id: newId("meter"),
          organizationId: actor.organizationId,
          name: meter.name,
          eventName: meter.eventName,
          aggregation: meter.aggregation,
          property: meter.property,
          filters: filtersJson(meter.filters),
        },
        select: METER_COLUMNS,
      }),
  );
  await recordAudit(tx, {
    organizationId: actor.organizationId,
    actor: userActor(actor),
    action: "meter.created",
    entityType: ENTITY_TYPE,
    entityId: created.id,
    summary: `Added meter ${meter.name} (${describeAggregation(meter)})`,
    changes: {
      eventName: meter.eventName,
      aggregation: meter.aggregation,
      property: meter.property,
      filters: meter.filters,
    },
  });
  return toRow(created);
};

/** The plans whose prices use the meter, by name: why its counting is locked. */
export const plansUsingMeter = async (tx: Tx, meterId: string): Promise<string[]> => {
  const plans = await tx.plan.findMany({
    where: { prices: { some: { meterId } } },
    select: { name: true },
    orderBy: { name: "asc" },
  });
  return plans.map((plan) => plan.name);
};

export const lockedMeterMessage = (planNames: string[]): string => {
  const shown = planNames.slice(0, 3).join(", ");
  const more = planNames.length > 3 ? ` and ${planNames.length - 3} more` : "";
  return `Used by the prices of ${shown}${more}: only the name can change, so invoices billed from this meter stay explainable. Add a new meter to count differently.`;
};

export const updateMeter = async (
  tx: Tx,
  { actor, input }: { actor: CatalogueActor; input: UpdateMeterInput },
): Promise<MeterRow> => {
  assertMeterRules(input);
  const next = normalized(input);
  await lockCatalogue(tx, actor.organizationId);
  const found = await tx.meter.findFirst({
    where: { id: input.meterId, organizationId: actor.organizationId },
    select: METER_COLUMNS,
  });
  // Another organisation's meter is as good as absent: never confirm it exists.
  if (!found) throw new NotFoundError("Meter");
  const before = toRow(found);

  const changed = {
    name: before.name !== next.name,
    eventName: before.eventName !== next.eventName,
    aggregation: before.aggregation !== next.aggregation,
    property: before.property !== next.property,
    filters: !sameFilters(before.filters, next.filters),
  };
  const countingField = (["eventName", "aggregation", "property", "filters"] as const).find((field) => changed[field]);
  if (countingField) {
    const planNames = await plansUsingMeter(tx, before.id);
    if (planNames.length > 0) throw new UserError(lockedMeterMessage(planNames), { field: countingField });
  }
  const changedFields = (Object.keys(changed) as (keyof typeof changed)[]).filter((field) => changed[field]);
  if (changedFields.length === 0) return before;

  if (changed.name)
    await assertNameFree(tx, { organizationId: actor.organizationId, name: next.name, exceptId: before.id });
  const updated = await writeHoldingUnique(
    tx,
    () => nameTaken(next.name),
    () =>
      tx.meter.update({
        where: { id: before.id },
        data: {
          name: next.name,
          eventName: next.eventName,
          aggregation: next.aggregation,
          property: next.property,
          filters: filtersJson(next.filters),
        },
        select: METER_COLUMNS,
      }),
  );
  await recordAudit(tx, {
    organizationId: actor.organizationId,
    actor: userActor(actor),
    action: "meter.updated",
    entityType: ENTITY_TYPE,
    entityId: before.id,
    summary:
      changed.name && changedFields.length === 1
        ? `Renamed meter ${before.name} to ${next.name}`
        : `Changed meter ${next.name}: ${changedFields.join(", ")}`,
    changes: Object.fromEntries(
      changedFields.map((field) => [field, { from: before[field] ?? null, to: next[field] ?? null }]),
    ) as Prisma.InputJsonValue,
  });
  return toRow(updated);
};
