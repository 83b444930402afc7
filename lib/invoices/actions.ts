"use server";
// Invoice server actions: parse and authorize through defineAction, run the service in one
// transaction, then refresh the pages that show the invoice. Bigints go back as decimal strings.
import { revalidatePath } from "next/cache";
import { defineAction } from "@/lib/actions/client";
import { db } from "@/lib/db/client";
import type { Prisma } from "@/lib/db/generated/client";
import {
  checkInvoiceNumberSchema,
  customerSearchSchema,
  customNumberError,
  draftInvoiceFormSchema,
  invoiceIdSchema,
  markUncollectibleSchema,
  recordPaymentSchema,
  voidInvoiceSchema,
} from "./schemas";
import {
  deleteDraftInvoice as deleteDraft,
  invoiceHoldingNumber,
  saveDraftInvoice as saveDraft,
} from "./service/draft";
import { finalizeInvoice as finalize } from "./service/finalize";
import { markInvoiceUncollectible as markUncollectible, voidInvoice as voidIssued } from "./service/lifecycle";
import { rotateInvoiceLink as rotateLink } from "./service/link";
import { recordPayment as recordInvoicePayment } from "./service/payments";

const revalidateInvoicePages = ({ invoiceId, customerId }: { invoiceId: string; customerId?: string }) => {
  revalidatePath("/invoices");
  revalidatePath(`/invoices/${invoiceId}`);
  revalidatePath(`/invoices/${invoiceId}/edit`);
  if (customerId) revalidatePath(`/customers/${customerId}`);
};

export const saveDraftInvoice = defineAction({
  name: "invoices.saveDraft",
  role: "finance",
  schema: draftInvoiceFormSchema,
  run: async ({ input, user }) => {
    const saved = await db.$transaction((tx) => saveDraft(tx, { actor: user, input }));
    revalidateInvoicePages(saved);
    return { invoiceId: saved.invoiceId };
  },
});

export const deleteDraftInvoice = defineAction({
  name: "invoices.deleteDraft",
  role: "finance",
  schema: invoiceIdSchema,
  run: async ({ input, user }) => {
    const deleted = await db.$transaction((tx) => deleteDraft(tx, { actor: user, invoiceId: input.invoiceId }));
    revalidateInvoicePages(deleted);
    return { deleted: true as const };
  },
});

export const finalizeInvoice = defineAction({
  name: "invoices.finalize",
  role: "finance",
  schema: invoiceIdSchema,
  run: async ({ input, user }) => {
    const finalized = await db.$transaction((tx) => finalize(tx, { actor: user, invoiceId: input.invoiceId }));
    revalidateInvoicePages(finalized);
    return { number: finalized.number };
  },
});

export const voidInvoice = defineAction({
  name: "invoices.void",
  role: "finance",
  schema: voidInvoiceSchema,
  run: async ({ input, user }) => {
    const voided = await db.$transaction((tx) =>
      voidIssued(tx, { actor: user, invoiceId: input.invoiceId, reason: input.reason }),
    );
    revalidateInvoicePages(voided);
    return { number: voided.number };
  },
});

export const markInvoiceUncollectible = defineAction({
  name: "invoices.markUncollectible",
  role: "finance",
  schema: markUncollectibleSchema,
  run: async ({ input, user }) => {
    const marked = await db.$transaction((tx) =>
      markUncollectible(tx, { actor: user, invoiceId: input.invoiceId, reason: input.reason }),
    );
    revalidateInvoicePages(marked);
    return { number: marked.number };
  },
});

export const recordPayment = defineAction({
  name: "invoices.recordPayment",
  role: "finance",
  schema: recordPaymentSchema,
  run: async ({ input, user }) => {
    const recorded = await db.$transaction((tx) => recordInvoicePayment(tx, { actor: user, input }));
    revalidateInvoicePages(recorded);
    return {
      paymentId: recorded.paymentId,
      receiptId: recorded.receiptId,
      receiptNumber: recorded.receiptNumber,
      amountDueMinor: recorded.amountDueMinor.toString(),
    };
  },
});

export const rotateInvoiceLink = defineAction({
  name: "invoices.rotateLink",
  role: "finance",
  schema: invoiceIdSchema,
  run: async ({ input, user }) => {
    const rotated = await db.$transaction((tx) => rotateLink(tx, { actor: user, invoiceId: input.invoiceId }));
    revalidateInvoicePages(rotated);
    return { publicToken: rotated.publicToken };
  },
});

/** The live check under the custom number field; saving and finalizing check again. */
export const checkInvoiceNumber = defineAction({
  name: "invoices.checkNumber",
  role: "finance",
  schema: checkInvoiceNumberSchema,
  run: async ({ input, user }): Promise<{ available: boolean; message?: string }> => {
    const problem = customNumberError(input.number);
    if (problem) return { available: false, message: problem };
    const holder = await invoiceHoldingNumber(db, {
      organizationId: user.organizationId,
      number: input.number,
      exceptInvoiceId: input.invoiceId || undefined,
    });
    if (holder) return { available: false, message: `${input.number} is already used by another invoice` };
    return { available: true };
  },
});

// Prisma passes `contains` straight into ILIKE, so a `_` in "acme_corp" would match any character.
const escapeLike = (text: string) => text.replace(/[\\%_]/g, (character) => `\\${character}`);

/** Active customers to bill, for the draft form's customer picker: at most 10. */
export const searchInvoiceCustomers = defineAction({
  name: "invoices.searchCustomers",
  role: "finance",
  schema: customerSearchSchema,
  run: async ({ input, user }) => {
    const pattern = escapeLike(input.q);
    const where: Prisma.CustomerWhereInput = {
      organizationId: user.organizationId,
      status: "active",
      ...(pattern
        ? {
            OR: [
              { name: { contains: pattern, mode: "insensitive" } },
              { email: { contains: pattern, mode: "insensitive" } },
              { externalId: { contains: pattern, mode: "insensitive" } },
            ],
          }
        : {}),
    };
    return db.customer.findMany({
      where,
      orderBy: [{ name: "asc" }, { id: "asc" }],
      take: 10,
      select: { id: true, name: true, externalId: true, email: true, currency: true, defaultInvoiceSeriesId: true },
    });
  },
});
