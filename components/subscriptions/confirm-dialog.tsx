"use client";
// A confirm dialog whose dismiss button says what dismissing means ("Keep subscription"): beside a
// "Cancel now" button, the usual "Cancel" would read as the very thing it does not do.
import * as RadixDialog from "@radix-ui/react-dialog";
import { useState } from "react";
import { Button } from "@/components/ui/button";

type SubscriptionConfirmDialogProps = {
  trigger: React.ReactNode;
  title: string;
  description: string;
  confirmLabel: string;
  dismissLabel: string;
  tone?: "danger" | "primary";
  /** Resolves false to keep the dialog open. */
  onConfirm: () => Promise<boolean>;
};

export const SubscriptionConfirmDialog = ({
  trigger,
  title,
  description,
  confirmLabel,
  dismissLabel,
  tone = "danger",
  onConfirm,
}: SubscriptionConfirmDialogProps) => {
  const [open, setOpen] = useState(false);
  const [pending, setPending] = useState(false);
  return (
    <RadixDialog.Root open={open} onOpenChange={setOpen}>
      <RadixDialog.Trigger asChild>{trigger}</RadixDialog.Trigger>
      <RadixDialog.Portal>
        <RadixDialog.Overlay className="fixed inset-0 z-40 bg-ink-900/40" />
        <RadixDialog.Content className="fixed top-1/2 left-1/2 z-50 w-[min(92vw,28rem)] -translate-x-1/2 -translate-y-1/2 rounded-lg bg-white p-5 shadow-xl">
          <RadixDialog.Title className="text-base font-semibold text-ink-900">{title}</RadixDialog.Title>
          <RadixDialog.Description className="mt-2 text-sm text-ink-700">{description}</RadixDialog.Description>
          <div className="mt-5 flex justify-end gap-2">
            <RadixDialog.Close asChild>
              <Button variant="secondary">{dismissLabel}</Button>
            </RadixDialog.Close>
            <Button
              variant={tone === "danger" ? "danger" : "primary"}
              disabled={pending}
              onClick={async () => {
                setPending(true);
                try {
                  if (await onConfirm()) setOpen(false);
                } finally {
                  setPending(false);
                }
              }}
            >
              {pending ? "Working…" : confirmLabel}
            </Button>
          </div>
        </RadixDialog.Content>
      </RadixDialog.Portal>
    </RadixDialog.Root>
  );
};
