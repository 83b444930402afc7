"use client";
// Confirm dialogs for destructive actions, on Radix (focus trap, Esc closes, labelled).
import * as RadixDialog from "@radix-ui/react-dialog";
import { useState } from "react";
import { Button } from "./button";

type ConfirmDialogProps = {
  trigger: React.ReactNode;
  title: string;
  description: string;
  confirmLabel: string;
  /** What dismissing means, where a plain "Cancel" beside the confirm button would mislead ("Keep subscription"). */
  dismissLabel?: string;
  tone?: "danger" | "primary";
  /** Resolves false to keep the dialog open. */
  onConfirm: () => Promise<boolean | void>;
};

export const ConfirmDialog = ({
  trigger,
  title,
  description,
  confirmLabel,
  dismissLabel = "Cancel",
  tone = "danger",
  onConfirm,
}: ConfirmDialogProps) => {
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
                  const keepOpen = (await onConfirm()) === false;
                  if (!keepOpen) setOpen(false);
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
