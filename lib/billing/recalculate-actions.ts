"use server";
// Recalculation actions for the invoice page: the preview the dialog shows, then applying it with the
// total the user reviewed. Finance only; bigints go back as decimal strings.
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { defineAction } from "@/lib/actions/client";
import { db } from "@/lib/db/client";
import { applyRecalculation, previewRecalculation } from "./recalculate";

const invoiceId = z.string().trim().min(1, "Choose an invoice");

const previewSchema = z.object({ invoiceId });

const applySchema = z.object({
  invoiceId,
  // The new total the preview showed, in minor units: a different one now means events arrived.
  expectedTotalMinor: z
    .string()
    .regex(/^\d{1,19}$/, "The reviewed total is not a whole number of minor units")
    .transform((text) => BigInt(text))
    .optional(),
});

export type RecalculationPreviewLine = {
  priceId: string | null;
  description: string;
  oldQuantity: string | null;
  newQuantity: string | null;
  oldAmountMinor: string | null;
  newAmountMinor: string | null;
};

export type RecalculationPreviewData = {
  invoiceId: string;
  currency: string;
  lines: RecalculationPreviewLine[];
  oldTotalMinor: string;
  newTotalMinor: string;
  eventsSinceLastCalculation: number;
  changed: boolean;
  replacesFinalized: boolean;
  applyRefusal: string | null;
};

export const previewInvoiceRecalculation = defineAction({
  name: "billing.previewRecalculation",
  role: "finance",
  schema: previewSchema,
  run: async ({ input, user }): Promise<RecalculationPreviewData> => {
    const preview = await db.$transaction((tx) =>
      previewRecalculation(tx, { actor: user, invoiceId: input.invoiceId }),
    );
    return {
      ...preview,
      lines: preview.lines.map((line) => ({
        ...line,
        oldAmountMinor: line.oldAmountMinor?.toString() ?? null,
        newAmountMinor: line.newAmountMinor?.toString() ?? null,
      })),
      oldTotalMinor: preview.oldTotalMinor.toString(),
      newTotalMinor: preview.newTotalMinor.toString(),
    };
  },
});

export const applyInvoiceRecalculation = defineAction({
  name: "billing.applyRecalculation",
  role: "finance",
  schema: applySchema,
  run: async ({ input, user }) => {
    const applied = await db.$transaction((tx) =>
      applyRecalculation(tx, {
        actor: user,
        invoiceId: input.invoiceId,
        expectedTotalMinor: input.expectedTotalMinor,
      }),
    );
    revalidatePath("/invoices");
    revalidatePath(`/invoices/${input.invoiceId}`);
    if (applied.invoiceId !== input.invoiceId) revalidatePath(`/invoices/${applied.invoiceId}`);
    revalidatePath("/customers/[id]", "page");
    revalidatePath("/subscriptions/[id]", "page");
    return {
      invoiceId: applied.invoiceId,
      changed: applied.changed,
      replacedInvoiceId: applied.replacedInvoiceId ?? null,
      restoredCreditMinor: applied.restoredCreditMinor?.toString() ?? null,
    };
  },
});
