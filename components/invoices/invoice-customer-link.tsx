"use client";
// The address the customer opens the invoice at (/i/<token>), to copy into an email, and a way to
// replace it when it went to the wrong person: the old address stops working at once.
import { useRouter } from "next/navigation";
import { useSyncExternalStore } from "react";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { ConfirmDialog } from "@/components/ui/dialog";
import { useToast } from "@/components/ui/toast";
import type { rotateInvoiceLink } from "@/lib/invoices/actions";

type InvoiceCustomerLinkProps = {
  invoiceId: string;
  publicToken: string;
  /** The configured public address (APP_URL); else the address this page was opened at. */
  appUrl: string | null;
  /** Null when the user's role or the invoice's state does not allow a new link. */
  rotate: typeof rotateInvoiceLink | null;
};

const noSubscription = () => () => undefined;

export const InvoiceCustomerLink = ({ invoiceId, publicToken, appUrl, rotate }: InvoiceCustomerLinkProps) => {
  const router = useRouter();
  const { notify } = useToast();
  // The browser's origin is unknown while rendering on the server; the path alone is shown until hydration.
  const origin = useSyncExternalStore(
    noSubscription,
    () => appUrl ?? window.location.origin,
    () => appUrl ?? "",
  );
  const url = `${origin.replace(/\/$/, "")}/i/${publicToken}`;

  const copy = async () => {
    try {
      await navigator.clipboard.writeText(url);
      notify("Customer link copied");
    } catch {
      notify("Could not copy: select the link and copy it by hand.", "error");
    }
  };

  const rotateLink = async () => {
    if (!rotate) return;
    const result = await rotate({ invoiceId });
    if (!result.ok) {
      notify(result.error, "error");
      return false;
    }
    notify("New customer link made; the old one no longer works");
    router.refresh();
  };

  return (
    <Card title="Customer link">
      <div className="flex flex-col gap-3">
        <label htmlFor="invoice-customer-link" className="text-sm text-ink-700">
          The customer views and downloads the invoice here. Anyone with the link can open it.
        </label>
        <div className="flex gap-2">
          <input
            id="invoice-customer-link"
            readOnly
            value={url}
            onFocus={(event) => event.currentTarget.select()}
            className="h-9 min-w-0 flex-1 rounded-md border border-ink-300 bg-ink-50 px-3 font-mono text-xs text-ink-900"
          />
          <Button onClick={copy}>Copy</Button>
        </div>
        <div className="flex flex-wrap justify-end gap-2">
          <Button variant="secondary" size="sm" asChild>
            <a href={url} target="_blank" rel="noreferrer">
              Open customer page
            </a>
          </Button>
          {rotate ? (
            <ConfirmDialog
              trigger={
                <Button variant="secondary" size="sm">
                  Rotate link
                </Button>
              }
              title="Make a new customer link?"
              description="The old link will stop working. Send the new one to the customer."
              confirmLabel="Rotate link"
              onConfirm={rotateLink}
            />
          ) : null}
        </div>
      </div>
    </Card>
  );
};
