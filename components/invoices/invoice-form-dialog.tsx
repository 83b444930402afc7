"use client";
// A dialog holding a small form (record a payment, void with a reason), on Radix: focus is trapped,
// Esc closes, the title labels it, and the primary action sits on the right.
import * as RadixDialog from "@radix-ui/react-dialog";
import { Button } from "@/components/ui/button";
import { FormError } from "@/components/ui/field";

type InvoiceFormDialogProps = {
  trigger: React.ReactNode;
  open: boolean;
  onOpenChange: (open: boolean) => void;
  title: string;
  description: string;
  submitLabel: string;
  pendingLabel?: string;
  pending: boolean;
  tone?: "primary" | "danger";
  formError?: string;
  onSubmit: React.FormEventHandler<HTMLFormElement>;
  children: React.ReactNode;
};

export const InvoiceFormDialog = ({
  trigger,
  open,
  onOpenChange,
  title,
  description,
  submitLabel,
  pendingLabel = "Working…",
  pending,
  tone = "primary",
  formError,
  onSubmit,
  children,
}: InvoiceFormDialogProps) => (
  <RadixDialog.Root open={open} onOpenChange={onOpenChange}>
    <RadixDialog.Trigger asChild>{trigger}</RadixDialog.Trigger>
    <RadixDialog.Portal>
      <RadixDialog.Overlay className="fixed inset-0 z-40 bg-ink-900/40" />
      <RadixDialog.Content className="fixed top-1/2 left-1/2 z-50 max-h-[90vh] w-[min(92vw,32rem)] -translate-x-1/2 -translate-y-1/2 overflow-auto rounded-lg bg-white p-5 shadow-xl">
        <RadixDialog.Title className="text-base font-semibold text-ink-900">{title}</RadixDialog.Title>
        <RadixDialog.Description className="mt-2 text-sm text-ink-700">{description}</RadixDialog.Description>
        <form onSubmit={onSubmit} noValidate className="mt-4 flex flex-col gap-4">
          <FormError message={formError} />
          {children}
          <div className="mt-1 flex justify-end gap-2">
            <RadixDialog.Close asChild>
              <Button variant="secondary">Cancel</Button>
            </RadixDialog.Close>
            <Button type="submit" variant={tone === "danger" ? "danger" : "primary"} disabled={pending}>
              {pending ? pendingLabel : submitLabel}
            </Button>
          </div>
        </form>
      </RadixDialog.Content>
    </RadixDialog.Portal>
  </RadixDialog.Root>
);
