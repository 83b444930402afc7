"use client";
// Voiding an invoice (a reason is required: auditors ask why) and writing it off as uncollectible
// (a reason is optional). Both keep the number and the record; both go on the timeline.
import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { Button } from "@/components/ui/button";
import { Field, Textarea } from "@/components/ui/field";
import { useToast } from "@/components/ui/toast";
import { applyServerErrors } from "@/lib/actions/form-errors";
import type { markInvoiceUncollectible, voidInvoice } from "@/lib/invoices/actions";
import {
  markUncollectibleSchema,
  voidInvoiceSchema,
  type MarkUncollectibleValues,
  type VoidInvoiceValues,
} from "@/lib/invoices/schemas";
import { InvoiceFormDialog } from "./invoice-form-dialog";

// Both schemas take { invoiceId, reason }; only whether a reason is required differs.
type ReasonValues = VoidInvoiceValues & MarkUncollectibleValues;

type ReasonDialogProps = {
  invoiceId: string;
  number: string;
};

const useReasonForm = ({
  invoiceId,
  schema,
  run,
  done,
}: {
  invoiceId: string;
  schema: typeof voidInvoiceSchema | typeof markUncollectibleSchema;
  run: (values: ReasonValues) => ReturnType<typeof voidInvoice>;
  done: () => string;
}) => {
  const router = useRouter();
  const { notify } = useToast();
  const [open, setOpen] = useState(false);
  const [formError, setFormError] = useState<string>();
  const form = useForm<ReasonValues, unknown, ReasonValues>({
    resolver: zodResolver(schema, undefined, { raw: true }),
    defaultValues: { invoiceId, reason: "" },
  });
  const onOpenChange = (next: boolean) => {
    if (next) {
      form.reset({ invoiceId, reason: "" });
      setFormError(undefined);
    }
    setOpen(next);
  };
  const onSubmit = form.handleSubmit(async (values) => {
    setFormError(undefined);
    const result = await run(values);
    if (!result.ok) {
      setFormError(applyServerErrors(result, { setError: form.setError, fields: ["reason"] }));
      return;
    }
    setOpen(false);
    notify(done());
    router.refresh();
  });
  return { form, open, onOpenChange, onSubmit, formError };
};

export const VoidInvoiceDialog = ({
  invoiceId,
  number,
  walletAppliedLabel,
  action,
}: ReasonDialogProps & { walletAppliedLabel: string | null; action: typeof voidInvoice }) => {
  const { form, open, onOpenChange, onSubmit, formError } = useReasonForm({
    invoiceId,
    schema: voidInvoiceSchema,
    run: action,
    done: () => `${number} voided; its number stays used`,
  });
  const error = form.formState.errors.reason?.message;
  return (
    <InvoiceFormDialog
      trigger={<Button variant="secondary">Void</Button>}
      open={open}
      onOpenChange={onOpenChange}
      title={`Void ${number}?`}
      description={`Its number stays used and the invoice stays on record, marked void. Nothing more can be paid on it.${
        walletAppliedLabel
          ? ` The ${walletAppliedLabel} of wallet credit it used goes back to the customer's wallet.`
          : ""
      }`}
      submitLabel="Void invoice"
      pendingLabel="Voiding…"
      tone="danger"
      pending={form.formState.isSubmitting}
      formError={formError}
      onSubmit={onSubmit}
    >
      <Field id="void-reason" label="Reason" hint="Shown on the invoice's timeline." error={error}>
        <Textarea id="void-reason" invalid={Boolean(error)} hasHint {...form.register("reason")} />
      </Field>
    </InvoiceFormDialog>
  );
};

export const MarkUncollectibleDialog = ({
  invoiceId,
  number,
  action,
}: ReasonDialogProps & { action: typeof markInvoiceUncollectible }) => {
  const { form, open, onOpenChange, onSubmit, formError } = useReasonForm({
    invoiceId,
    schema: markUncollectibleSchema,
    run: action,
    done: () => `${number} marked uncollectible`,
  });
  const error = form.formState.errors.reason?.message;
  return (
    <InvoiceFormDialog
      trigger={<Button variant="secondary">Mark uncollectible</Button>}
      open={open}
      onOpenChange={onOpenChange}
      title={`Mark ${number} uncollectible?`}
      description="What is still due is written off. A payment can still be recorded on it if one arrives later."
      submitLabel="Mark uncollectible"
      pendingLabel="Saving…"
      tone="danger"
      pending={form.formState.isSubmitting}
      formError={formError}
      onSubmit={onSubmit}
    >
      <Field id="uncollectible-reason" label="Reason (optional)" hint="Shown on the timeline." error={error}>
        <Textarea id="uncollectible-reason" invalid={Boolean(error)} hasHint {...form.register("reason")} />
      </Field>
    </InvoiceFormDialog>
  );
};
