"use client";
// Topping up a customer's wallet: amount, currency, reason, optional expiry and priority, memo. Each
// opening of the form gets one idempotency key, so submitting the same form again (a double click, a
// retry after an answer was lost) is recognised by the server and credits nothing more.
import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { useForm, useWatch } from "react-hook-form";
import type { z } from "zod";
import { InvoiceFormDialog } from "@/components/invoices/invoice-form-dialog";
import { Button } from "@/components/ui/button";
import { Field, Input, Textarea } from "@/components/ui/field";
import { AmountField, OptionSelectField } from "@/components/ui/form-fields";
import { useToast } from "@/components/ui/toast";
import { useFormDialog, useSingleSubmit } from "@/components/ui/use-form-dialog";
import { applyServerErrors } from "@/lib/actions/form-errors";
import type { topUpWallet } from "@/lib/wallets/actions";
import { topUpSchema } from "@/lib/wallets/schemas";
import { newIdempotencyKey } from "./idempotency-key";

type TopUpValues = z.input<typeof topUpSchema>;
export type Option = { value: string; label: string };

const TOP_UP_FIELDS = ["amount", "currency", "reason", "expiresOn", "priority", "memo"] as const;

const LOST_ANSWER = "The top-up could not be confirmed. Submit again: the same form is never credited twice.";

type TopUpDialogProps = {
  customerId: string;
  customerName: string;
  /** The customer's currency (or the organisation's) first. */
  currencies: Option[];
  /** The credit reasons a person may choose. */
  reasons: { value: TopUpValues["reason"]; label: string }[];
  /** Today in the organisation's time zone (YYYY-MM-DD): the earliest expiry date. */
  earliestExpiry: string;
  action: typeof topUpWallet;
};

export const TopUpDialog = ({
  customerId,
  customerName,
  currencies,
  reasons,
  earliestExpiry,
  action,
}: TopUpDialogProps) => {
  const router = useRouter();
  const { notify } = useToast();
  const defaults = (): TopUpValues => ({
    customerId,
    currency: currencies[0]?.value ?? "",
    amount: "",
    reason: reasons[0]?.value ?? "purchased",
    expiresOn: "",
    priority: "",
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
  } = useForm<TopUpValues, unknown, TopUpValues>({
    resolver: zodResolver(topUpSchema, undefined, { raw: true }),
    defaultValues: defaults(),
  });
  const currency = useWatch({ control, name: "currency" });

  // A new opening is a new top-up: fresh fields and a fresh key.
  const { open, setOpen, formError, setFormError, onOpenChange } = useFormDialog({ onOpen: () => reset(defaults()) });

  const submit = handleSubmit(async (values) => {
    setFormError(undefined);
    const result = await action(values);
    if (!result.ok) {
      setFormError(applyServerErrors(result, { setError, fields: TOP_UP_FIELDS }));
      return;
    }
    setOpen(false);
    notify(
      result.data.duplicate
        ? "This top-up was already recorded: nothing was credited twice"
        : `Wallet topped up: ${values.amount} ${values.currency} credited to ${customerName}`,
    );
    router.refresh();
  });

  // The form's key makes a second submit harmless; dropping it saves a round trip.
  const onSubmit = useSingleSubmit(submit, () => setFormError(LOST_ANSWER));

  return (
    <InvoiceFormDialog
      trigger={<Button size="sm">Top up</Button>}
      open={open}
      onOpenChange={onOpenChange}
      title={`Top up ${customerName}'s wallet`}
      description="Credit is added to the wallet in its currency and used by invoices before anything else is due."
      submitLabel="Top up"
      pendingLabel="Crediting…"
      pending={isSubmitting}
      formError={formError}
      onSubmit={onSubmit}
    >
      <div className="grid gap-4 sm:grid-cols-2">
        <AmountField
          id="top-up-amount"
          currency={currency}
          error={errors.amount?.message}
          registration={register("amount")}
        />
        <OptionSelectField
          id="top-up-currency"
          label="Currency"
          error={errors.currency?.message}
          options={currencies}
          registration={register("currency")}
        />
        <OptionSelectField
          id="top-up-reason"
          label="Reason"
          error={errors.reason?.message}
          options={reasons}
          registration={register("reason")}
        />
        <Field
          id="top-up-expiresOn"
          label="Expires on (optional)"
          hint="Usable through this day; empty: never expires."
          error={errors.expiresOn?.message}
        >
          <Input
            id="top-up-expiresOn"
            type="date"
            min={earliestExpiry}
            invalid={Boolean(errors.expiresOn)}
            hasHint
            {...register("expiresOn")}
          />
        </Field>
        <Field
          id="top-up-priority"
          label="Priority (optional)"
          hint="0 to 1000, lower is used first; 100 when empty."
          error={errors.priority?.message}
        >
          <Input
            id="top-up-priority"
            inputMode="numeric"
            autoComplete="off"
            placeholder="100"
            invalid={Boolean(errors.priority)}
            hasHint
            {...register("priority")}
          />
        </Field>
      </div>
      <Field
        id="top-up-memo"
        label="Memo"
        hint="Why it is given, or the payment behind it."
        error={errors.memo?.message}
      >
        <Textarea id="top-up-memo" invalid={Boolean(errors.memo)} hasHint {...register("memo")} />
      </Field>
    </InvoiceFormDialog>
  );
};
