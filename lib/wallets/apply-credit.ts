// Paying an open invoice from the customer's wallet in the invoice's currency: a ledger debit linked
// to the invoice that records which credits it consumed, a payment (method wallet) with its receipt,
// and the invoice's amount due lowered, all under the invoice's lock and then the wallet's.
import { recordAudit } from "@/lib/audit/record";
import type { Tx } from "@/lib/db/client";
import { UserError } from "@/lib/errors";
import { todayIn } from "@/lib/format/date";
import { newId } from "@/lib/ids";
import { formatMoney, parseMoney } from "@/lib/money";
import { assertInvoiceAction, INVOICE_ENTITY, issueReceipt, lockInvoice } from "@/lib/invoices/service/shared";
import type { PlannedConsumption } from "./allocation";
import { lockWallet, organizationLocale, walletAuditActor, walletMoney, type WalletActor } from "./ledger";
import { debitChanges, drawDownLocked, insufficientBalance } from "./postings";
import type { ApplyCreditInput } from "./schemas";

export type AppliedCredit = {
  invoiceId: string;
  customerId: string;
  transactionId: string;
  paymentId: string;
  receiptId: string;
  receiptNumber: string;
  amountDueMinor: bigint;
  allocations: PlannedConsumption[];
};

export const applyCreditToInvoice = async (
  tx: Tx,
  {
    actor,
    invoiceId,
    amountMinor,
    now = new Date(),
  }: { actor: WalletActor; invoiceId: string; amountMinor: bigint; now?: Date },
): Promise<AppliedCredit> => {
  const { organizationId } = actor;
  const invoice = await lockInvoice(tx, { actor, invoiceId });
  assertInvoiceAction(invoice, "apply_wallet_credit");
  const number = invoice.number ?? invoice.id;
  if (amountMinor <= 0n) throw new UserError("Amount must be greater than zero", { field: "amount" });
  if (amountMinor > invoice.amountDueMinor) {
    const locale = await organizationLocale(tx, organizationId);
    const due = formatMoney(invoice.amountDueMinor, invoice.currency, { locale });
    throw new UserError(`The amount due is ${due}: the credit applied cannot exceed it`, { field: "amount" });
  }
  const wallet = await lockWallet(tx, { customerId: invoice.customerId, currency: invoice.currency, organizationId });
  if (!wallet) {
    const locale = await organizationLocale(tx, organizationId);
    throw insufficientBalance({ currency: invoice.currency, locale }, 0n, amountMinor);
  }
  const money = (minor: bigint) => walletMoney(wallet, minor);
  const paymentId = newId("payment");
  const debit = await drawDownLocked(tx, {
    wallet,
    amountMinor,
    reason: "invoice_payment",
    invoiceId,
    memo: `Applied to ${number}`,
    actorUserId: actor.id ?? null,
    now,
    audit: (draft) => ({
      actor,
      action: "wallet.applied_to_invoice",
      summary: `Applied ${money(amountMinor)} of ${wallet.currency} wallet credit to ${number}`,
      changes: {
        ...debitChanges({ draft, reason: "invoice_payment", currency: wallet.currency, amountMinor }),
        invoiceId,
        paymentId,
      },
    }),
  });

  const remainingMinor = invoice.amountDueMinor - amountMinor;
  const settled = remainingMinor === 0n;
  // The organisation's date: at 01:00 in Singapore it is already tomorrow there.
  const receivedOn = todayIn(wallet.timeZone, now);
  await tx.payment.create({
    data: {
      id: paymentId,
      organizationId,
      invoiceId,
      customerId: invoice.customerId,
      kind: "payment",
      method: "wallet",
      status: "succeeded",
      currency: invoice.currency,
      amountMinor,
      receivedOn,
      walletTransactionId: debit.transactionId,
      createdById: actor.id ?? null,
    },
    select: { id: true },
  });
  await tx.invoice.update({
    where: { id: invoiceId },
    data: {
      walletAppliedMinor: invoice.walletAppliedMinor + amountMinor,
      amountDueMinor: remainingMinor,
      paymentStatus: settled ? "paid" : "partially_paid",
      ...(settled ? { status: "paid", paidAt: now } : {}),
    },
    select: { id: true },
  });

  const consumed = debit.allocations.map((part) => ({
    creditId: part.creditId,
    amountMinor: part.amountMinor.toString(),
  }));
  // Numbered last: the receipt series stays locked from here to commit.
  const { receiptId, receiptNumber } = await issueReceipt(tx, {
    organizationId,
    paymentId,
    amountMinor,
    currency: invoice.currency,
    amountRemainingMinor: remainingMinor,
    receivedOn,
    now,
  });
  await recordAudit(tx, {
    organizationId,
    actor: walletAuditActor(actor),
    action: "invoice.wallet_applied",
    entityType: INVOICE_ENTITY,
    entityId: invoiceId,
    summary: `Applied ${money(amountMinor)} of wallet credit, receipt ${receiptNumber}; ${money(remainingMinor)} still due`,
    changes: {
      paymentId,
      receiptId,
      receiptNumber,
      walletTransactionId: debit.transactionId,
      amountMinor: amountMinor.toString(),
      amountDueMinor: { from: invoice.amountDueMinor.toString(), to: remainingMinor.toString() },
      consumed,
    },
  });
  if (settled) {
    await recordAudit(tx, {
      organizationId,
      actor: walletAuditActor(actor),
      action: "invoice.paid",
      entityType: INVOICE_ENTITY,
      entityId: invoiceId,
      summary: `${number} is paid in full`,
      changes: { status: { from: invoice.status, to: "paid" } },
    });
  }
  return {
    invoiceId,
    customerId: invoice.customerId,
    transactionId: debit.transactionId,
    paymentId,
    receiptId,
    receiptNumber,
    amountDueMinor: remainingMinor,
    allocations: debit.allocations,
  };
};

/** The form's version: the amount as typed, parsed in the invoice's currency (errors at "amount"). */
export const applyWalletCredit = async (
  tx: Tx,
  { actor, input, now = new Date() }: { actor: WalletActor; input: ApplyCreditInput; now?: Date },
): Promise<AppliedCredit> => {
  const invoice = await lockInvoice(tx, { actor, invoiceId: input.invoiceId });
  const parsed = parseMoney(input.amount, invoice.currency);
  if (!parsed.ok) throw new UserError(parsed.error, { field: "amount" });
  return applyCreditToInvoice(tx, { actor, invoiceId: input.invoiceId, amountMinor: parsed.minor, now });
};
