// What can be done to an invoice in each state, and in which words it is refused otherwise. Pure:
// pages offer only the allowed actions, and the services refuse the rest with the same reasons.
import { hasRole } from "@/lib/auth/roles";
import type { InvoiceStatus, Role } from "@/lib/db/generated/enums";

export const INVOICE_ACTIONS = [
  "edit",
  "delete",
  "finalize",
  "record_payment",
  "void",
  "mark_uncollectible",
  "rotate_link",
  "issue_credit_note",
  "apply_wallet_credit",
] as const;
export type InvoiceAction = (typeof INVOICE_ACTIONS)[number];

export type InvoiceState = {
  status: InvoiceStatus;
  amountDueMinor: bigint;
  /** When known: money already received makes a void the wrong tool (a credit note reverses it). */
  paidMinor?: bigint;
  /** When known (with creditedMinor): nothing is left to credit once credit notes reach the total. */
  totalMinor?: bigint;
  creditedMinor?: bigint;
};

const refusalForDraftOnly = (action: "edit" | "delete" | "finalize", status: InvoiceStatus): string | null => {
  if (status === "draft") return null;
  switch (action) {
    case "edit":
      return "Only a draft can be edited: issue a credit note or void the invoice instead";
    case "delete":
      return "Only a draft can be deleted: a finalized invoice keeps its number and its record; void it instead";
    case "finalize":
      return "Only a draft can be finalized";
    default: {
      const unknown: never = action;
      throw new Error(`Unhandled action ${String(unknown)}`);
    }
  }
};

const paymentRefusal = ({ status, amountDueMinor }: InvoiceState): string | null => {
  switch (status) {
    case "draft":
      return "Finalize the invoice before recording a payment";
    case "paid":
      return "This invoice is already paid";
    case "void":
      return "A void invoice cannot take payments";
    case "finalized":
    case "uncollectible":
      return amountDueMinor > 0n ? null : "Nothing is due on this invoice";
    default: {
      const unknown: never = status;
      throw new Error(`Unhandled status ${String(unknown)}`);
    }
  }
};

const voidRefusal = ({ status, paidMinor }: InvoiceState): string | null => {
  switch (status) {
    case "draft":
      return "A draft cannot be voided: delete it instead";
    case "paid":
      return "A paid invoice cannot be voided: issue a credit note instead";
    case "void":
      return "This invoice is already void";
    case "finalized":
    case "uncollectible":
      return paidMinor !== undefined && paidMinor > 0n
        ? "A partly paid invoice cannot be voided: issue a credit note instead"
        : null;
    default: {
      const unknown: never = status;
      throw new Error(`Unhandled status ${String(unknown)}`);
    }
  }
};

const uncollectibleRefusal = ({ status }: InvoiceState): string | null => {
  switch (status) {
    case "finalized":
      return null;
    case "draft":
      return "Only a finalized invoice can be marked uncollectible";
    case "paid":
      return "A paid invoice cannot be marked uncollectible";
    case "void":
      return "A void invoice cannot be marked uncollectible";
    case "uncollectible":
      return "This invoice is already marked uncollectible";
    default: {
      const unknown: never = status;
      throw new Error(`Unhandled status ${String(unknown)}`);
    }
  }
};

const linkRefusal = ({ status }: InvoiceState): string | null => {
  switch (status) {
    case "finalized":
    case "paid":
    case "uncollectible":
      return null;
    case "draft":
      return "A draft has no customer link yet: it gets one when it is finalized";
    case "void":
      return "A void invoice's link cannot be replaced";
    default: {
      const unknown: never = status;
      throw new Error(`Unhandled status ${String(unknown)}`);
    }
  }
};

const creditNoteRefusal = ({ status, totalMinor, creditedMinor }: InvoiceState): string | null => {
  switch (status) {
    case "finalized":
    case "paid":
    case "uncollectible":
      return totalMinor !== undefined && creditedMinor !== undefined && creditedMinor >= totalMinor
        ? "This invoice is already credited in full"
        : null;
    case "draft":
      return "A draft can still be edited: credit notes are for finalized invoices";
    case "void":
      return "A void invoice cannot be credited";
    default: {
      const unknown: never = status;
      throw new Error(`Unhandled status ${String(unknown)}`);
    }
  }
};

const walletCreditRefusal = ({ status, amountDueMinor }: InvoiceState): string | null => {
  switch (status) {
    case "draft":
      return "Finalize the invoice before applying wallet credit";
    case "paid":
      return "This invoice is already paid";
    case "void":
      return "A void invoice cannot take wallet credit";
    case "finalized":
    case "uncollectible":
      return amountDueMinor > 0n ? null : "Nothing is due on this invoice";
    default: {
      const unknown: never = status;
      throw new Error(`Unhandled status ${String(unknown)}`);
    }
  }
};

/** Why the invoice's state refuses the action, in a finance user's words, or null when it is allowed. */
export const invoiceActionRefusal = (invoice: InvoiceState, action: InvoiceAction): string | null => {
  switch (action) {
    case "edit":
    case "delete":
    case "finalize":
      return refusalForDraftOnly(action, invoice.status);
    case "record_payment":
      return paymentRefusal(invoice);
    case "void":
      return voidRefusal(invoice);
    case "mark_uncollectible":
      return uncollectibleRefusal(invoice);
    case "rotate_link":
      return linkRefusal(invoice);
    case "issue_credit_note":
      return creditNoteRefusal(invoice);
    case "apply_wallet_credit":
      return walletCreditRefusal(invoice);
    default: {
      const unknown: never = action;
      throw new Error(`Unhandled action ${String(unknown)}`);
    }
  }
};

/** The actions a user with this role may take on the invoice now; a viewer gets none. */
export const allowedInvoiceActions = (invoice: InvoiceState, role: Role): InvoiceAction[] => {
  if (!hasRole(role, "finance")) return [];
  return INVOICE_ACTIONS.filter((action) => invoiceActionRefusal(invoice, action) === null);
};
