"use client";
// Recording a payment received outside Stripe (bank transfer, cheque...): the amount starts at what
// is due and the date at today; a refused amount (above what is due, too many decimals) is shown
// at the amount field. Each payment produces one receipt, named in the toast.
import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { useForm } from "react-hook-form";
import { Button } from "@/components/ui/button";
import { Field, Input } from "@/components/ui/field";
import { AmountField, OptionSelectField } from "@/components/ui/form-fields";
import { useToast } from "@/components/ui/toast";
import { useFormDialog } from "@/components/ui/use-form-dialog";
import { applyServerErrors } from "@/lib/actions/form-errors";
import type { recordPayment } from "@/lib/invoices/actions";
import {
  PAYMENT_METHOD_LABELS,
  PAYMENT_METHODS,
  PAYMENT_REFERENCE_MAX_LENGTH,
  recordPaymentSchema,
  type RecordPaymentValues,
} from "@/lib/invoices/schemas";
import { InvoiceFormDialog } from "./invoice-form-dialog";

const PAYMENT_FIELDS = ["amount", "receivedOn", "method", "reference"] as const;

type PaymentDialogProps = {
  invoiceId: string;
  invoiceLabel: string;
  currency: string;
  /** What is due now as form text ("749.31"): the amount the dialog starts with. */
  amountDue: string;
  amountDueLabel: string;
  /** Today in the organisation's time zone (YYYY-MM-DD). */
  today: string;
  action: typeof recordPayment;
};

export const PaymentDialog = ({
  invoiceId,
  invoiceLabel,
  currency,
  amountDue,
  amountDueLabel,
  today,
  action,
}: PaymentDialogProps) => {
  const router = useRouter();
  const { notify } = useToast();
  const defaults: RecordPaymentValues = {
    invoiceId,
    amount: amountDue,
    receivedOn: today,
    method: "bank_transfer",
    reference: "",
  };
  const {
    register,
    handleSubmit,
    reset,
    setError,
    formState: { errors, isSubmitting },
  } = useForm<RecordPaymentValues, unknown, RecordPaymentValues>({
    resolver: zodResolver(recordPaymentSchema, undefined, { raw: true }),
    defaultValues: defaults,
  });

  // Each opening starts from what is due now, not from the last payment typed.
  const { open, setOpen, formError, setFormError, onOpenChange } = useFormDialog({ onOpen: () => reset(defaults) });

  const onSubmit = handleSubmit(async (values) => {
    setFormError(undefined);
    const result = await action(values);
    if (!result.ok) {
      setFormError(applyServerErrors(result, { setError, fields: PAYMENT_FIELDS }));
      return;
    }
    setOpen(false);
    notify(`Payment recorded on ${invoiceLabel}: receipt ${result.data.receiptNumber}`);
    router.refresh();
  });

  return (
    <InvoiceFormDialog
      trigger={<Button>Record payment</Button>}
      open={open}
      onOpenChange={onOpenChange}
      title={`Record a payment on ${invoiceLabel}`}
      description={`${amountDueLabel} is due. A receipt is issued for each payment.`}
      submitLabel="Record payment"
      pendingLabel="Recording…"
      pending={isSubmitting}
      formError={formError}
      onSubmit={onSubmit}
    >
      <div className="grid gap-4 sm:grid-cols-2">
        <AmountField
          id="payment-amount"
          currency={currency}
          error={errors.amount?.message}
          registration={register("amount")}
        />
        <Field id="payment-receivedOn" label="Received on" error={errors.receivedOn?.message}>
          <Input id="payment-receivedOn" type="date" invalid={Boolean(errors.receivedOn)} {...register("receivedOn")} />
        </Field>
        <OptionSelectField
          id="payment-method"
          label="Method"
          error={errors.method?.message}
          options={PAYMENT_METHODS.map((method) => ({ value: method, label: PAYMENT_METHOD_LABELS[method] }))}
          registration={register("method")}
        />
        <Field
          id="payment-reference"
          label="Reference"
          hint="The bank reference or cheque number, if any."
          error={errors.reference?.message}
        >
          <Input
            id="payment-reference"
            autoComplete="off"
            maxLength={PAYMENT_REFERENCE_MAX_LENGTH}
            invalid={Boolean(errors.reference)}
            hasHint
            {...register("reference")}
          />
        </Field>
      </div>
    </InvoiceFormDialog>
  );
};
