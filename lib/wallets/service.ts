// The wallet services other features and the actions call, each with the caller's transaction or
// (top-up and debit, which need none: see postings.ts) the plain client: the ledger primitives
// re-exported from their files, and the two forms' services (top-up and manual debit), which check
// what only the server knows (the customer, the organisation's date).
import type { Tx } from "@/lib/db/client";
import { NotFoundError, UserError } from "@/lib/errors";
import { todayIn } from "@/lib/format/date";
import { expiryInstant } from "./dates";
import type { WalletActor } from "./ledger";
import { creditWallet, debitWallet, type CreditedWallet, type DebitedWallet } from "./postings";
import type { ManualDebitInput, TopUpInput } from "./schemas";

export { applyCreditToInvoice, applyWalletCredit, type AppliedCredit } from "./apply-credit";
export { expireCredit, expireDueCredits, type ExpiredCredit } from "./expiry";
export { getOrCreateWallet, lockWallet, type LockedWallet, type WalletActor } from "./ledger";
export {
  creditWallet,
  debitWallet,
  type CreditedWallet,
  type CreditWalletInput,
  type DebitedWallet,
  type DebitWalletInput,
} from "./postings";
export {
  restoreInvoiceCredit,
  reverseCreditNoteWalletCredit,
  type ReversedCreditNoteCredit,
  type RestoredCredit,
} from "./reversals";

const customerOf = async (tx: Tx, { organizationId, customerId }: { organizationId: string; customerId: string }) => {
  const customer = await tx.customer.findFirst({
    where: { id: customerId, organizationId },
    select: { name: true, status: true, organization: { select: { timeZone: true } } },
  });
  if (!customer) throw new NotFoundError("Customer");
  return customer;
};

/**
 * A top-up from the customer page. The form's key makes it idempotent: the same submission twice
 * (a double click, a retry after a timeout) credits once and says so (duplicate: true).
 */
export const topUpWallet = async (
  tx: Tx,
  { actor, input, now = new Date() }: { actor: WalletActor; input: TopUpInput; now?: Date },
): Promise<CreditedWallet> => {
  const customer = await customerOf(tx, { organizationId: actor.organizationId, customerId: input.customerId });
  if (customer.status !== "active") {
    throw new UserError(`${customer.name} is archived: restore the customer before adding credit`);
  }
  const { timeZone } = customer.organization;
  // "Expires on" a day: usable through that day in the organisation's zone, so today is the earliest.
  if (input.expiresOn && input.expiresOn.getTime() < todayIn(timeZone, now).getTime()) {
    throw new UserError("The expiry date cannot be in the past", { field: "expiresOn" });
  }
  return creditWallet(tx, {
    actor,
    customerId: input.customerId,
    currency: input.currency,
    amountMinor: input.amountMinor,
    reason: input.reason,
    expiresAt: input.expiresOn ? expiryInstant(input.expiresOn, timeZone) : null,
    priority: input.priority,
    memo: input.memo,
    idempotencyKey: input.idempotencyKey,
    now,
  });
};

/** A manual debit (admins only, checked by the action), with the reason the form requires. */
export const manualDebit = async (
  tx: Tx,
  { actor, input, now = new Date() }: { actor: WalletActor; input: ManualDebitInput; now?: Date },
): Promise<DebitedWallet> => {
  await customerOf(tx, { organizationId: actor.organizationId, customerId: input.customerId });
  return debitWallet(tx, {
    actor,
    customerId: input.customerId,
    currency: input.currency,
    amountMinor: input.amountMinor,
    reason: "manual_debit",
    memo: input.memo,
    idempotencyKey: input.idempotencyKey,
    now,
  });
};
