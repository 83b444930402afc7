"use client";
// "Recalculate" on a subscription invoice: opening it asks the server what the events stored now
// would change and shows it; Apply sends back the total the user reviewed, so a difference that moved
// meanwhile is refused and shown again. After applying, the (corrected) invoice opens.
import * as RadixDialog from "@radix-ui/react-dialog";
import { useRouter } from "next/navigation";
import { useRef, useState } from "react";
import { Button } from "@/components/ui/button";
import { FormError } from "@/components/ui/field";
import { SkeletonBlock } from "@/components/ui/skeleton";
import { useToast } from "@/components/ui/toast";
import type {
  applyInvoiceRecalculation,
  previewInvoiceRecalculation,
  RecalculationPreviewData,
} from "@/lib/billing/recalculate-actions";
import { formatMoney } from "@/lib/money";
import { RecalculationPreview } from "./recalculation-preview";

type RecalculateDialogProps = {
  invoiceId: string;
  /** The number, or "This draft". */
  invoiceLabel: string;
  locale: string;
  actions: { preview: typeof previewInvoiceRecalculation; apply: typeof applyInvoiceRecalculation };
};

export const RecalculateDialog = ({ invoiceId, invoiceLabel, locale, actions }: RecalculateDialogProps) => {
  const router = useRouter();
  const { notify } = useToast();
  const [open, setOpen] = useState(false);
  const [preview, setPreview] = useState<RecalculationPreviewData | null>(null);
  const [loading, setLoading] = useState(false);
  const [applying, setApplying] = useState(false);
  const [error, setError] = useState<string>();
  // Only the latest request's answer is shown (a reopened dialog must not show an older preview).
  const request = useRef(0);

  const loadPreview = async () => {
    const current = ++request.current;
    setLoading(true);
    setPreview(null);
    const result = await actions.preview({ invoiceId });
    if (current !== request.current) return;
    setLoading(false);
    if (result.ok) setPreview(result.data);
    else setError(result.error);
  };

  const onOpenChange = (next: boolean) => {
    setOpen(next);
    if (!next) {
      request.current++;
      return;
    }
    setError(undefined);
    void loadPreview();
  };

  const apply = async () => {
    if (!preview || applying) return;
    setApplying(true);
    setError(undefined);
    try {
      const result = await actions.apply({ invoiceId, expectedTotalMinor: preview.newTotalMinor });
      if (!result.ok) {
        // The difference may have moved (events arrived): show the refusal above the fresh preview.
        setError(result.error);
        await loadPreview();
        return;
      }
      setOpen(false);
      const total = formatMoney(BigInt(preview.newTotalMinor), preview.currency, { locale });
      if (!result.data.changed) notify("Nothing changed: the invoice already matches the events stored now");
      else if (result.data.replacedInvoiceId)
        notify(`${invoiceLabel} voided and replaced by a corrected draft of ${total}`);
      else notify(`Recalculated: the draft's total is now ${total}`);
      if (result.data.invoiceId !== invoiceId) router.push(`/invoices/${result.data.invoiceId}`);
      else router.refresh();
    } finally {
      setApplying(false);
    }
  };

  const canApply = Boolean(preview?.changed && !preview.applyRefusal) && !loading && !applying;
  const applyLabel = preview?.replacesFinalized ? "Void and reissue" : "Apply recalculation";
  return (
    <RadixDialog.Root open={open} onOpenChange={onOpenChange}>
      <RadixDialog.Trigger asChild>
        <Button variant="secondary">Recalculate</Button>
      </RadixDialog.Trigger>
      <RadixDialog.Portal>
        <RadixDialog.Overlay className="fixed inset-0 z-40 bg-ink-900/40" />
        <RadixDialog.Content className="fixed top-1/2 left-1/2 z-50 max-h-[90vh] w-[min(94vw,46rem)] -translate-x-1/2 -translate-y-1/2 overflow-auto rounded-lg bg-white p-5 shadow-xl">
          <RadixDialog.Title className="text-base font-semibold text-ink-900">
            Recalculate {invoiceLabel}
          </RadixDialog.Title>
          <RadixDialog.Description className="mt-2 text-sm text-ink-700">
            The usage lines are counted again from the events stored now for the invoice&apos;s period. Review the
            difference before applying it; lines added by hand stay as they are.
          </RadixDialog.Description>
          <div className="mt-4 flex flex-col gap-4">
            <FormError message={error} />
            {loading ? (
              <div role="status" aria-label="Calculating the difference" className="flex flex-col gap-2">
                <SkeletonBlock className="h-4 w-2/3" />
                <SkeletonBlock className="h-24 w-full" />
                <SkeletonBlock className="h-4 w-1/3" />
              </div>
            ) : null}
            {preview ? <RecalculationPreview preview={preview} locale={locale} invoiceLabel={invoiceLabel} /> : null}
          </div>
          <div className="mt-5 flex justify-end gap-2">
            <RadixDialog.Close asChild>
              <Button variant="secondary">{preview && !preview.changed ? "Close" : "Cancel"}</Button>
            </RadixDialog.Close>
            <Button
              variant={preview?.replacesFinalized ? "danger" : "primary"}
              disabled={!canApply}
              onClick={() => void apply()}
            >
              {applying ? "Applying…" : applyLabel}
            </Button>
          </div>
        </RadixDialog.Content>
      </RadixDialog.Portal>
    </RadixDialog.Root>
  );
};
