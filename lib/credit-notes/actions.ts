"use server";
// Credit note server actions: parse and authorize through defineAction, run the service in one
// transaction, then refresh the pages that show the credit note and its invoice. Bigints go back as
// decimal strings.
import { revalidatePath } from "next/cache";
import { defineAction } from "@/lib/actions/client";
import { db } from "@/lib/db/client";
import { NotFoundError } from "@/lib/errors";
import { getOrganization } from "@/lib/organization/queries";
import { loadCreditNoteInvoice } from "./invoice-context";
import { evaluateCreditNote, issueCreditNoteSchema, previewCreditNoteSchema, voidCreditNoteSchema } from "./schemas";
import { issueCreditNote as issue, voidCreditNote as voidIssued } from "./service";

const revalidateCreditNotePages = ({
  creditNoteId,
  invoiceId,
  customerId,
}: {
  creditNoteId: string;
  invoiceId: string;
  customerId: string;
}) => {
  revalidatePath("/credit-notes");
  revalidatePath(`/credit-notes/${creditNoteId}`);
  revalidatePath("/invoices");
  revalidatePath(`/invoices/${invoiceId}`);
  revalidatePath(`/customers/${customerId}`);
};

export const issueCreditNote = defineAction({
  name: "creditNotes.issue",
  role: "finance",
  schema: issueCreditNoteSchema,
  run: async ({ input, user }) => {
    const issued = await db.$transaction((tx) => issue(tx, { actor: user, input }));
    revalidateCreditNotePages(issued);
    return {
      creditNoteId: issued.creditNoteId,
      number: issued.number,
      totalMinor: issued.totalMinor.toString(),
      amountDueMinor: issued.amountDueMinor.toString(),
    };
  },
});

export const voidCreditNote = defineAction({
  name: "creditNotes.void",
  role: "finance",
  schema: voidCreditNoteSchema,
  run: async ({ input, user }) => {
    const voided = await db.$transaction((tx) =>
      voidIssued(tx, { actor: user, creditNoteId: input.creditNoteId, reason: input.reason }),
    );
    revalidateCreditNotePages(voided);
    return { number: voided.number };
  },
});

/** What the credit note would do, computed on the server from the invoice as it is now. */
export const previewCreditNoteAction = defineAction({
  name: "creditNotes.preview",
  role: "finance",
  schema: previewCreditNoteSchema,
  run: async ({ input, user }) => {
    const [invoice, organization] = await Promise.all([
      loadCreditNoteInvoice(db, { organizationId: user.organizationId, invoiceId: input.invoiceId }),
      getOrganization(user.organizationId),
    ]);
    if (!invoice) throw new NotFoundError("Invoice");
    const { preview, split, issues } = evaluateCreditNote({ values: input, invoice, locale: organization.locale });
    return {
      lines: preview.lines.map((line) => ({
        ...line,
        unitAmountMinor: line.unitAmountMinor.toString(),
        amountMinor: line.amountMinor.toString(),
        taxMinor: line.taxMinor.toString(),
      })),
      subtotalMinor: preview.subtotalMinor.toString(),
      taxMinor: preview.taxMinor.toString(),
      totalMinor: preview.totalMinor.toString(),
      invoiceTotalMinor: preview.invoiceTotalMinor.toString(),
      creditedSoFarMinor: preview.creditedSoFarMinor.toString(),
      creditableMinor: preview.creditableMinor.toString(),
      amountDueMinor: preview.amountDueMinor.toString(),
      newAmountDueMinor: preview.newAmountDueMinor.toString(),
      creditedToDueMinor: preview.creditedToDueMinor.toString(),
      remainderMinor: preview.remainderMinor.toString(),
      refundableMinor: preview.refundableMinor.toString(),
      refundMinor: split.refundMinor.toString(),
      walletCreditMinor: split.walletCreditMinor.toString(),
      outOfBandMinor: split.outOfBandMinor.toString(),
      issues,
    };
  },
});
