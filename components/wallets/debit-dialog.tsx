"use client";
// A manual debit of a customer's wallet (admins only), with the reason auditors will ask for. The
// server refuses a debit above the balance at the amount field: a balance never goes negative. Like
// a top-up, each opening of the form carries one idempotency key, so a resent form debits once.
import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { useForm, useWatch } from "react-hook-form";
import type { z } from "zod";
import { InvoiceFormDialog } from "@/components/invoices/invoice-form-dialog";
import { Button } from "@/components/ui/button";
import { Field, Textarea } from "@/components/ui/field";
import { AmountField, OptionSelectField } from "@/components/ui/form-fields";
import { useToast } from "@/components/ui/toast";
import { useFormDialog, useSingleSubmit } from "@/components/ui/use-form-dialog";
import { applyServerErrors } from "@/lib/actions/form-errors";
import type { debitWallet } from "@/lib/wallets/actions";
import { manualDebitSchema } from "@/lib/wallets/schemas";
import { newIdempotencyKey } from "./idempotency-key";

type DebitValues = z.input<typeof manualDebitSchema>;

const DEBIT_FIELDS = ["amount", "currency", "memo"] as const;

type DebitDialogProps = {
  customerId: string;
  customerName: string;
  /** The wallets there are to debit, with their balance as the label says it. */
  wallets: { currency: string; balanceLabel: string }[];
  action: typeof debitWallet;
};

const LOST_ANSWER = "The debit could not be confirmed. Submit again: the same form is never debited twice.";

export const DebitDialog = ({ customerId, customerName, wallets, action }: DebitDialogProps) => {
  const router = useRouter();
  const { notify } = useToast();
  // Each opening is one debit with one key: sent again, it debits once.
  const defaults = (): DebitValues => ({
    customerId,
    currency: wallets[0]?.currency ?? "",
    amount: "",
    memo: "",
    idempotencyKey: newIdempotencyKey(),
  });
  const {
    register,
    handleSubmit,
    reset,
    setError,
    control,
    formState: { errors, isSubmitting },
  } = useForm<DebitValues, unknown, DebitValues>({
    resolver: zodResolver(manualDebitSchema, undefined, { raw: true }),
    defaultValues: defaults(),
  });
  const currency = useWatch({ control, name: "currency" });
  const balance = wallets.find((wallet) => wallet.currency === currency)?.balanceLabel;

  const { open, setOpen, formError, setFormError, onOpenChange } = useFormDialog({ onOpen: () => reset(defaults()) });

  const submit = handleSubmit(async (values) => {
    setFormError(undefined);
    const result = await action(values);
    if (!result.ok) {
      setFormError(applyServerErrors(result, { setError, fields: DEBIT_FIELDS }));
      return;
    }
    setOpen(false);
    notify(
      result.data.duplicate
        ? "This debit was already recorded: nothing was debited twice"
        : `Debited ${values.amount} ${values.currency} from ${customerName}'s wallet`,
    );
    router.refresh();
  });

  // A second click before the button disables itself must not move the money twice.
  const onSubmit = useSingleSubmit(submit, () => setFormError(LOST_ANSWER));

  return (
    <InvoiceFormDialog
      trigger={
        <Button size="sm" variant="secondary">
          Debit
        </Button>
      }
      open={open}
      onOpenChange={onOpenChange}
      title={`Debit ${customerName}'s wallet?`}
      description="The amount is taken from the wallet's credits in order of use and cannot be undone; the reason goes on the ledger."
      submitLabel="Debit wallet"
      pendingLabel="Debiting…"
      tone="danger"
      pending={isSubmitting}
      formError={formError}
      onSubmit={onSubmit}
    >
      <div className="grid gap-4 sm:grid-cols-2">
        <AmountField
          id="debit-amount"
          currency={currency}
          hint={balance ? `Balance ${balance}` : undefined}
          error={errors.amount?.message}
          registration={register("amount")}
        />
        <OptionSelectField
          id="debit-currency"
          label="Wallet"
          error={errors.currency?.message}
          options={wallets.map((wallet) => ({ value: wallet.currency, label: wallet.currency }))}
          registration={register("currency")}
        />
      </div>
      <Field
        id="debit-memo"
        label="Reason"
        hint="Shown on the ledger and the customer's history."
        error={errors.memo?.message}
      >
        <Textarea id="debit-memo" invalid={Boolean(errors.memo)} hasHint {...register("memo")} />
      </Field>
    </InvoiceFormDialog>
  );
};
