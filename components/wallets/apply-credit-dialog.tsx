"use client";
// Paying an open invoice from the customer's wallet: the amount starts at the most that can be
// applied (the smaller of the balance and what is due). Credits are consumed by priority, then
// earliest expiry, then oldest; a receipt is issued like for any payment.
import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { useForm } from "react-hook-form";
import type { z } from "zod";
import { InvoiceFormDialog } from "@/components/invoices/invoice-form-dialog";
import { Button } from "@/components/ui/button";
import { AmountField } from "@/components/ui/form-fields";
import { useToast } from "@/components/ui/toast";
import { useFormDialog, useSingleSubmit } from "@/components/ui/use-form-dialog";
import { applyServerErrors } from "@/lib/actions/form-errors";
import type { applyWalletCredit } from "@/lib/wallets/actions";
import { applyCreditSchema } from "@/lib/wallets/schemas";

type ApplyCreditValues = z.input<typeof applyCreditSchema>;

export type WalletCreditOffer = {
  currency: string;
  balanceLabel: string;
  amountDueLabel: string;
  /** The most that can be applied, as form text ("120.00"). */
  maximum: string;
  maximumLabel: string;
};

type ApplyCreditDialogProps = {
  invoiceId: string;
  invoiceLabel: string;
  offer: WalletCreditOffer;
  action: typeof applyWalletCredit;
};

const LOST_ANSWER =
  "The answer was lost on the way. Close this form and check the invoice's payments before applying credit again.";

export const ApplyCreditDialog = ({ invoiceId, invoiceLabel, offer, action }: ApplyCreditDialogProps) => {
  const router = useRouter();
  const { notify } = useToast();
  const defaults: ApplyCreditValues = { invoiceId, amount: offer.maximum };
  const {
    register,
    handleSubmit,
    reset,
    setError,
    formState: { errors, isSubmitting },
  } = useForm<ApplyCreditValues, unknown, ApplyCreditValues>({
    resolver: zodResolver(applyCreditSchema, undefined, { raw: true }),
    defaultValues: defaults,
  });

  const { open, setOpen, formError, setFormError, onOpenChange } = useFormDialog({ onOpen: () => reset(defaults) });

  const submit = handleSubmit(async (values) => {
    setFormError(undefined);
    const result = await action(values);
    if (!result.ok) {
      setFormError(applyServerErrors(result, { setError, fields: ["amount"] }));
      return;
    }
    setOpen(false);
    notify(`Wallet credit applied to ${invoiceLabel}: receipt ${result.data.receiptNumber}`);
    router.refresh();
  });

  // A second click before the button disables itself must not move the money twice.
  // Applying credit carries no key: after a lost answer the invoice page says whether it went through.
  const onSubmit = useSingleSubmit(submit, () => setFormError(LOST_ANSWER));

  return (
    <InvoiceFormDialog
      trigger={<Button variant="secondary">Apply wallet credit</Button>}
      open={open}
      onOpenChange={onOpenChange}
      title={`Apply wallet credit to ${invoiceLabel}`}
      description={`The customer's ${offer.currency} wallet holds ${offer.balanceLabel}; ${offer.amountDueLabel} is due. Up to ${offer.maximumLabel} can be applied.`}
      submitLabel="Apply credit"
      pendingLabel="Applying…"
      pending={isSubmitting}
      formError={formError}
      onSubmit={onSubmit}
    >
      <AmountField
        id="apply-credit-amount"
        currency={offer.currency}
        hint="Credits are used by priority, then earliest expiry, then oldest. A receipt is issued."
        error={errors.amount?.message}
        registration={register("amount")}
      />
    </InvoiceFormDialog>
  );
};
