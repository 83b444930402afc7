"use server";
// Catalogue actions for Settings > Catalogue: parse and authorize through defineAction (admins
// only), run the service in one transaction, then refresh the pages that show the catalogue.
import { revalidatePath } from "next/cache";
import { defineAction } from "@/lib/actions/client";
import { db } from "@/lib/db/client";
import { createMeterSchema, createPlanSchema, planRefSchema, updateMeterSchema, updatePlanSchema } from "./schemas";
import * as catalogue from "./service";

const revalidateCatalogue = (path?: string) => {
  revalidatePath("/settings/catalogue");
  if (path) revalidatePath(path);
  // The subscription form offers plans; subscription pages show their prices.
  revalidatePath("/subscriptions", "layout");
};

export const createMeter = defineAction({
  name: "catalogue.createMeter",
  role: "admin",
  schema: createMeterSchema,
  run: async ({ input, user }) => {
    const meter = await db.$transaction((tx) => catalogue.createMeter(tx, { actor: user, input }));
    revalidateCatalogue(`/settings/catalogue/meters/${meter.id}`);
    return { id: meter.id, name: meter.name };
  },
});

export const updateMeter = defineAction({
  name: "catalogue.updateMeter",
  role: "admin",
  schema: updateMeterSchema,
  run: async ({ input, user }) => {
    const meter = await db.$transaction((tx) => catalogue.updateMeter(tx, { actor: user, input }));
    revalidateCatalogue(`/settings/catalogue/meters/${meter.id}`);
    return { id: meter.id, name: meter.name };
  },
});

export const createPlan = defineAction({
  name: "catalogue.createPlan",
  role: "admin",
  schema: createPlanSchema,
  run: async ({ input, user }) => {
    const plan = await db.$transaction((tx) => catalogue.createPlan(tx, { actor: user, input }));
    revalidateCatalogue(`/settings/catalogue/plans/${plan.id}`);
    return { id: plan.id, name: plan.name };
  },
});

export const updatePlan = defineAction({
  name: "catalogue.updatePlan",
  role: "admin",
  schema: updatePlanSchema,
  run: async ({ input, user }) => {
    const plan = await db.$transaction((tx) => catalogue.updatePlan(tx, { actor: user, input }));
    revalidateCatalogue(`/settings/catalogue/plans/${plan.id}`);
    return { id: plan.id, name: plan.name };
  },
});

export const archivePlan = defineAction({
  name: "catalogue.archivePlan",
  role: "admin",
  schema: planRefSchema,
  run: async ({ input, user }) => {
    const plan = await db.$transaction((tx) => catalogue.archivePlan(tx, { actor: user, planId: input.planId }));
    revalidateCatalogue(`/settings/catalogue/plans/${plan.id}`);
    return { id: plan.id, name: plan.name };
  },
});

export const unarchivePlan = defineAction({
  name: "catalogue.unarchivePlan",
  role: "admin",
  schema: planRefSchema,
  run: async ({ input, user }) => {
    const plan = await db.$transaction((tx) => catalogue.unarchivePlan(tx, { actor: user, planId: input.planId }));
    revalidateCatalogue(`/settings/catalogue/plans/${plan.id}`);
    return { id: plan.id, name: plan.name };
  },
});
