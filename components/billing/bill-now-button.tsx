"use client";
// "Bill now" on a subscription: a confirm dialog that says what will be billed, then the draft
// invoice's page. A refusal (an archived payer, a period not started) stays in the dialog, in words.
import * as RadixDialog from "@radix-ui/react-dialog";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { FormError } from "@/components/ui/field";
import { useToast } from "@/components/ui/toast";
import type { billSubscriptionNow } from "@/lib/billing/actions";

type BillNowButtonProps = {
  subscriptionId: string;
  action: typeof billSubscriptionNow;
  /** Who receives the invoice, named in the dialog when given. */
  payerName?: string;
};

export const BillNowButton = ({ subscriptionId, action, payerName }: BillNowButtonProps) => {
  const router = useRouter();
  const { notify } = useToast();
  const [open, setOpen] = useState(false);
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string>();

  const onOpenChange = (next: boolean) => {
    if (next) setError(undefined);
    setOpen(next);
  };

  const bill = async () => {
    setPending(true);
    setError(undefined);
    try {
      const result = await action({ subscriptionId });
      if (!result.ok) {
        setError(result.error);
        return;
      }
      notify(result.data.created ? "Draft invoice created" : "This period was already billed: here is its invoice");
      setOpen(false);
      router.push(`/invoices/${result.data.invoiceId}`);
    } finally {
      setPending(false);
    }
  };

  return (
    <RadixDialog.Root open={open} onOpenChange={onOpenChange}>
      <RadixDialog.Trigger asChild>
        <Button variant="secondary">Bill now</Button>
      </RadixDialog.Trigger>
      <RadixDialog.Portal>
        <RadixDialog.Overlay className="fixed inset-0 z-40 bg-ink-900/40" />
        <RadixDialog.Content className="fixed top-1/2 left-1/2 z-50 w-[min(92vw,28rem)] -translate-x-1/2 -translate-y-1/2 rounded-lg bg-white p-5 shadow-xl">
          <RadixDialog.Title className="text-base font-semibold text-ink-900">
            Bill the current period now?
          </RadixDialog.Title>
          <RadixDialog.Description className="mt-2 text-sm text-ink-700">
            A draft invoice for the current period is created
            {payerName ? ` for ${payerName}` : " for the invoicing customer"}: the plan&apos;s flat fees and the usage
            recorded so far. It stays a draft you can review and recalculate. If this period is already billed, you go
            to its invoice instead.
          </RadixDialog.Description>
          <div className="mt-4">
            <FormError message={error} />
          </div>
          <div className="mt-5 flex justify-end gap-2">
            <RadixDialog.Close asChild>
              <Button variant="secondary">Cancel</Button>
            </RadixDialog.Close>
            <Button disabled={pending} onClick={bill}>
              {pending ? "Billing…" : "Create draft invoice"}
            </Button>
          </div>
        </RadixDialog.Content>
      </RadixDialog.Portal>
    </RadixDialog.Root>
  );
};
