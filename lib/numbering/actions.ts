"use server";
// Number series actions for Settings > Numbering: parse and authorize through defineAction (admins
// and finance), run the service in one transaction, then refresh the pages that list series.
import { revalidatePath } from "next/cache";
import { defineAction } from "@/lib/actions/client";
import { db } from "@/lib/db/client";
import { createNumberSeriesSchema, seriesRefSchema, updateNumberSeriesSchema } from "./schemas";
import * as numberSeries from "./series";

const revalidateSeriesPages = (seriesId: string) => {
  revalidatePath("/settings/numbering");
  revalidatePath(`/settings/numbering/${seriesId}`);
  // The invoice and customer forms offer the series with their previews.
  revalidatePath("/invoices/new");
  revalidatePath("/customers/new");
};

const summary = (series: numberSeries.NumberSeriesRow) => ({
  id: series.id,
  kind: series.kind,
  name: series.name,
  isDefault: series.isDefault,
});

export const createNumberSeries = defineAction({
  name: "numbering.create",
  role: "finance",
  schema: createNumberSeriesSchema,
  run: async ({ input, user }) => {
    const series = await db.$transaction((tx) => numberSeries.createNumberSeries(tx, { actor: user, input }));
    revalidateSeriesPages(series.id);
    return summary(series);
  },
});

export const updateNumberSeries = defineAction({
  name: "numbering.update",
  role: "finance",
  schema: updateNumberSeriesSchema,
  run: async ({ input, user }) => {
    const series = await db.$transaction((tx) => numberSeries.updateNumberSeries(tx, { actor: user, input }));
    revalidateSeriesPages(series.id);
    return summary(series);
  },
});

export const makeDefaultNumberSeries = defineAction({
  name: "numbering.makeDefault",
  role: "finance",
  schema: seriesRefSchema,
  run: async ({ input, user }) => {
    const series = await db.$transaction((tx) =>
      numberSeries.makeDefaultNumberSeries(tx, { actor: user, seriesId: input.seriesId }),
    );
    revalidateSeriesPages(series.id);
    return summary(series);
  },
});
