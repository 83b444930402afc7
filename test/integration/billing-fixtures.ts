// Factories for the usage and billing integration tests: meters, plans with their prices and tiers,
// subscriptions and usage events, written as rows (the catalogue and subscription forms are tested
// on their own); each test makes its own.
import type { Db } from "@/lib/db/client";
import type { MeterAggregation } from "@/lib/db/generated/enums";
import { newId } from "@/lib/ids";
import type { InvoiceActor } from "@/lib/invoices/service/shared";
import type { MeterDefinition } from "@/lib/usage/aggregate";

export const HOUR_MS = 60 * 60 * 1000;

export const makeMeter = async (
  db: Db,
  actor: Pick<InvoiceActor, "organizationId">,
  values: { eventName: string; aggregation: MeterAggregation; property?: string; filters?: Record<string, string> },
): Promise<MeterDefinition> => {
  const id = newId("meter");
  await db.meter.create({
    data: {
      id,
      organizationId: actor.organizationId,
      name: `${values.eventName} ${values.aggregation} ${id}`,
      eventName: values.eventName,
      aggregation: values.aggregation,
      property: values.property ?? null,
      filters: values.filters ?? undefined,
    },
  });
  return {
    id,
    eventName: values.eventName,
    aggregation: values.aggregation,
    property: values.property ?? null,
    filters: values.filters ?? null,
  };
};

export type PriceSeed =
  | { type: "flat"; description: string; unitAmountMinor: bigint }
  | { type: "per_unit"; description: string; meterId: string; unitAmountMinor: bigint }
  | {
      type: "tiered";
      description: string;
      meterId: string;
      mode: "graduated" | "volume";
      tiers: { upTo: string | null; unitAmountMinor: bigint; flatAmountMinor?: bigint }[];
    };

export const makePlan = async (
  db: Db,
  actor: Pick<InvoiceActor, "organizationId">,
  {
    prices,
    currency = "USD",
    interval = "month",
  }: { prices: PriceSeed[]; currency?: string; interval?: "month" | "year" },
) => {
  const planId = newId("plan");
  await db.plan.create({
    data: {
      id: planId,
      organizationId: actor.organizationId,
      code: planId.toLowerCase(),
      name: "Growth",
      currency,
      interval,
    },
  });
  const priceIds: string[] = [];
  // Created in reverse, so a test sees lines follow position, not creation order.
  for (const [position, price] of [...prices.entries()].reverse()) {
    const id = newId("price");
    priceIds[position] = id;
    await db.price.create({
      data: {
        id,
        planId,
        type: price.type,
        description: price.description,
        meterId: price.type === "flat" ? null : price.meterId,
        unitAmountMinor: price.type === "tiered" ? null : price.unitAmountMinor,
        tierMode: price.type === "tiered" ? price.mode : null,
        position,
        tiers:
          price.type === "tiered"
            ? {
                create: price.tiers.map((tier, index) => ({
                  id: newId("priceTier"),
                  position: index,
                  upTo: tier.upTo,
                  unitAmountMinor: tier.unitAmountMinor,
                  flatAmountMinor: tier.flatAmountMinor ?? 0n,
                })),
              }
            : undefined,
      },
    });
  }
  return { planId, priceIds };
};

export const makeSubscription = (
  db: Db,
  actor: Pick<InvoiceActor, "organizationId">,
  values: {
    planId: string;
    ownerId: string;
    payerId?: string;
    period: { start: Date; end: Date };
    anchor?: Date;
    cancelAtPeriodEnd?: boolean;
  },
) =>
  db.subscription.create({
    data: {
      id: newId("subscription"),
      organizationId: actor.organizationId,
      customerId: values.ownerId,
      invoicingCustomerId: values.payerId ?? values.ownerId,
      planId: values.planId,
      startDate: values.anchor ?? values.period.start,
      billingAnchor: values.anchor ?? values.period.start,
      currentPeriodStart: values.period.start,
      currentPeriodEnd: values.period.end,
      cancelAtPeriodEnd: values.cancelAtPeriodEnd ?? false,
    },
  });

export type EventSeed = {
  customerId: string;
  eventName: string;
  timestamp: Date;
  properties?: Record<string, unknown>;
  receivedAt?: Date;
};

export const addEvents = async (db: Db, actor: Pick<InvoiceActor, "organizationId">, events: EventSeed[]) => {
  for (let start = 0; start < events.length; start += 1000) {
    await db.usageEvent.createMany({
      data: events.slice(start, start + 1000).map((event) => {
        const id = newId("usageEvent");
        return {
          id,
          organizationId: actor.organizationId,
          customerId: event.customerId,
          eventName: event.eventName,
          timestamp: event.timestamp,
          properties: (event.properties ?? {}) as object,
          idempotencyKey: id,
          ...(event.receivedAt ? { receivedAt: event.receivedAt } : {}),
        };
      }),
    });
  }
};
