"use client";
// The invoice page's actions: only those the invoice's state and the user's role allow (the page
// asks lib/invoices/transitions), destructive ones behind a dialog that says what will happen.
import Link from "next/link";
import { useRouter } from "next/navigation";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/dialog";
import { useToast } from "@/components/ui/toast";
import { ApplyCreditDialog, type WalletCreditOffer } from "@/components/wallets/apply-credit-dialog";
import type {
  deleteDraftInvoice,
  finalizeInvoice,
  markInvoiceUncollectible,
  recordPayment,
  voidInvoice,
} from "@/lib/invoices/actions";
import type { InvoiceAction } from "@/lib/invoices/transitions";
import type { applyWalletCredit } from "@/lib/wallets/actions";
import { MarkUncollectibleDialog, VoidInvoiceDialog } from "./invoice-reason-dialog";
import { PaymentDialog } from "./payment-dialog";

export type InvoiceActionFunctions = {
  deleteDraft: typeof deleteDraftInvoice;
  finalize: typeof finalizeInvoice;
  void: typeof voidInvoice;
  markUncollectible: typeof markInvoiceUncollectible;
  recordPayment: typeof recordPayment;
  applyWalletCredit: typeof applyWalletCredit;
};

type InvoiceActionsProps = {
  invoice: {
    id: string;
    /** The number, or "Draft" before it has one. */
    label: string;
    currency: string;
    amountDue: string;
    amountDueLabel: string;
    /** Wallet credit the invoice consumed, formatted; voiding gives it back. */
    walletAppliedLabel: string | null;
  };
  allowed: readonly InvoiceAction[];
  /** What finalizing will number it with, for the confirm dialog. */
  finalizeConfirm: { title: string; description: string };
  today: string;
  /** The customer's wallet credit in the invoice's currency, when there is some to apply. */
  walletOffer: WalletCreditOffer | null;
  actions: InvoiceActionFunctions;
  /** "Recalculate" for a subscription invoice the user may recalculate. */
  recalculate?: React.ReactNode;
};

export const InvoiceActions = ({
  invoice,
  allowed,
  finalizeConfirm,
  today,
  walletOffer,
  actions,
  recalculate,
}: InvoiceActionsProps) => {
  const router = useRouter();
  const { notify } = useToast();
  const can = (action: InvoiceAction) => allowed.includes(action);

  const deleteDraft = async () => {
    const result = await actions.deleteDraft({ invoiceId: invoice.id });
    if (!result.ok) {
      notify(result.error, "error");
      return false;
    }
    notify("Draft deleted");
    router.push("/invoices");
  };

  const finalize = async () => {
    const result = await actions.finalize({ invoiceId: invoice.id });
    if (!result.ok) {
      notify(result.error, "error");
      return false;
    }
    notify(`Finalized as ${result.data.number}`);
    router.refresh();
  };

  return (
    <div className="flex flex-wrap items-center justify-end gap-2">
      <Button asChild variant="secondary">
        <a href={`/api/invoices/${invoice.id}/pdf`} download>
          Download PDF
        </a>
      </Button>
      {can("edit") ? (
        <Button asChild variant="secondary">
          <Link href={`/invoices/${invoice.id}/edit`}>Edit</Link>
        </Button>
      ) : null}
      {recalculate}
      {can("delete") ? (
        <ConfirmDialog
          trigger={<Button variant="secondary">Delete draft</Button>}
          title="Delete this draft?"
          description="It has no number yet, so no number is lost."
          confirmLabel="Delete draft"
          onConfirm={deleteDraft}
        />
      ) : null}
      {can("mark_uncollectible") ? (
        <MarkUncollectibleDialog invoiceId={invoice.id} number={invoice.label} action={actions.markUncollectible} />
      ) : null}
      {can("issue_credit_note") ? (
        <Button asChild variant="secondary">
          <Link href={`/invoices/${invoice.id}/credit-notes/new`}>Issue credit note</Link>
        </Button>
      ) : null}
      {can("void") ? (
        <VoidInvoiceDialog
          invoiceId={invoice.id}
          number={invoice.label}
          walletAppliedLabel={invoice.walletAppliedLabel}
          action={actions.void}
        />
      ) : null}
      {can("apply_wallet_credit") && walletOffer ? (
        <ApplyCreditDialog
          invoiceId={invoice.id}
          invoiceLabel={invoice.label}
          offer={walletOffer}
          action={actions.applyWalletCredit}
        />
      ) : null}
      {can("record_payment") ? (
        <PaymentDialog
          invoiceId={invoice.id}
          invoiceLabel={invoice.label}
          currency={invoice.currency}
          amountDue={invoice.amountDue}
          amountDueLabel={invoice.amountDueLabel}
          today={today}
          action={actions.recordPayment}
        />
      ) : null}
      {can("finalize") ? (
        <ConfirmDialog
          trigger={<Button>Finalize</Button>}
          title={finalizeConfirm.title}
          description={finalizeConfirm.description}
          confirmLabel="Finalize invoice"
          tone="primary"
          onConfirm={finalize}
        />
      ) : null}
    </div>
  );
};
