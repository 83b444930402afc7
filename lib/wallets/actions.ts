"use server";
// Wallet server actions: parse and authorize through defineAction, run the service, then refresh
// the pages that show the wallet. Bigints go back as decimal strings. A top-up or a debit is one
// guarded statement (see postings.ts) and runs without a transaction around it; applying credit
// locks the invoice too and runs in one.
import { revalidatePath } from "next/cache";
import { defineAction } from "@/lib/actions/client";
import { db } from "@/lib/db/client";
import { applyCreditSchema, manualDebitSchema, topUpSchema } from "./schemas";
import { applyWalletCredit as applyCredit, manualDebit, topUpWallet as topUp } from "./service";

const revalidateWalletPages = ({ customerId, invoiceId }: { customerId: string; invoiceId?: string }) => {
  revalidatePath(`/customers/${customerId}`);
  revalidatePath("/");
  if (invoiceId) {
    revalidatePath("/invoices");
    revalidatePath(`/invoices/${invoiceId}`);
  }
};

export const topUpWallet = defineAction({
  name: "wallets.topUp",
  role: "finance",
  schema: topUpSchema,
  run: async ({ input, user }) => {
    const credited = await topUp(db, { actor: user, input });
    revalidateWalletPages({ customerId: input.customerId });
    return {
      transactionId: credited.transactionId,
      duplicate: credited.duplicate,
      balanceMinor: credited.balanceMinor.toString(),
    };
  },
});

export const debitWallet = defineAction({
  name: "wallets.debit",
  role: "admin",
  schema: manualDebitSchema,
  run: async ({ input, user }) => {
    const debited = await manualDebit(db, { actor: user, input });
    revalidateWalletPages({ customerId: input.customerId });
    return {
      transactionId: debited.transactionId,
      duplicate: debited.duplicate,
      balanceMinor: debited.balanceMinor.toString(),
    };
  },
});

export const applyWalletCredit = defineAction({
  name: "wallets.applyToInvoice",
  role: "finance",
  schema: applyCreditSchema,
  run: async ({ input, user }) => {
    const applied = await db.$transaction((tx) => applyCredit(tx, { actor: user, input }));
    revalidateWalletPages({ customerId: applied.customerId, invoiceId: applied.invoiceId });
    return {
      transactionId: applied.transactionId,
      paymentId: applied.paymentId,
      receiptId: applied.receiptId,
      receiptNumber: applied.receiptNumber,
      amountDueMinor: applied.amountDueMinor.toString(),
    };
  },
});
