"use client";
// Voiding a credit note (a reason is required): what it took off the invoice is restored, its wallet
// credit taken back, and its number stays used. The dialog says so before anything happens.
import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { InvoiceFormDialog } from "@/components/invoices/invoice-form-dialog";
import { Button } from "@/components/ui/button";
import { Field, Textarea } from "@/components/ui/field";
import { useToast } from "@/components/ui/toast";
import { applyServerErrors } from "@/lib/actions/form-errors";
import type { voidCreditNote } from "@/lib/credit-notes/actions";
import { voidCreditNoteSchema, type VoidCreditNoteValues } from "@/lib/credit-notes/schemas";

type VoidCreditNoteDialogProps = {
  creditNoteId: string;
  number: string;
  /** What voiding does, in the credit note's own amounts ("INV-…'s amount due rises by $100.00 …"). */
  consequence: string;
  action: typeof voidCreditNote;
};

export const VoidCreditNoteDialog = ({ creditNoteId, number, consequence, action }: VoidCreditNoteDialogProps) => {
  const router = useRouter();
  const { notify } = useToast();
  const [open, setOpen] = useState(false);
  const [formError, setFormError] = useState<string>();
  const {
    register,
    handleSubmit,
    reset,
    setError,
    formState: { errors, isSubmitting },
  } = useForm<VoidCreditNoteValues, unknown, VoidCreditNoteValues>({
    resolver: zodResolver(voidCreditNoteSchema, undefined, { raw: true }),
    defaultValues: { creditNoteId, reason: "" },
  });

  const onOpenChange = (next: boolean) => {
    if (next) {
      reset({ creditNoteId, reason: "" });
      setFormError(undefined);
    }
    setOpen(next);
  };

  const onSubmit = handleSubmit(async (values) => {
    setFormError(undefined);
    const result = await action(values);
    if (!result.ok) {
      setFormError(applyServerErrors(result, { setError, fields: ["reason"] }));
      return;
    }
    setOpen(false);
    notify(`${number} voided; its number stays used`);
    router.refresh();
  });

  const error = errors.reason?.message;
  return (
    <InvoiceFormDialog
      trigger={<Button variant="secondary">Void</Button>}
      open={open}
      onOpenChange={onOpenChange}
      title={`Void ${number}?`}
      description={`${consequence} Its number stays used.`}
      submitLabel="Void credit note"
      pendingLabel="Voiding…"
      tone="danger"
      pending={isSubmitting}
      formError={formError}
      onSubmit={onSubmit}
    >
      <Field id="void-credit-note-reason" label="Reason" hint="Shown on the credit note's timeline." error={error}>
        <Textarea id="void-credit-note-reason" invalid={Boolean(error)} hasHint {...register("reason")} />
      </Field>
    </InvoiceFormDialog>
  );
};
