"use client";
// The address the customer opens the credit note at (/c/<token>), to copy into an email.
import { useSyncExternalStore } from "react";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { useToast } from "@/components/ui/toast";

type CreditNoteCustomerLinkProps = {
  publicToken: string;
  /** The configured public address (APP_URL); else the address this page was opened at. */
  appUrl: string | null;
};

const noSubscription = () => () => undefined;

export const CreditNoteCustomerLink = ({ publicToken, appUrl }: CreditNoteCustomerLinkProps) => {
  const { notify } = useToast();
  // The browser's origin is unknown while rendering on the server; the path alone is shown until hydration.
  const origin = useSyncExternalStore(
    noSubscription,
    () => appUrl ?? window.location.origin,
    () => appUrl ?? "",
  );
  const url = `${origin.replace(/\/$/, "")}/c/${publicToken}`;

  const copy = async () => {
    try {
      await navigator.clipboard.writeText(url);
      notify("Customer link copied");
    } catch {
      notify("Could not copy: select the link and copy it by hand.", "error");
    }
  };

  return (
    <Card title="Customer link">
      <div className="flex flex-col gap-3">
        <label htmlFor="credit-note-customer-link" className="text-sm text-ink-700">
          The customer views and downloads the credit note here. Anyone with the link can open it.
        </label>
        <div className="flex gap-2">
          <input
            id="credit-note-customer-link"
            readOnly
            value={url}
            onFocus={(event) => event.currentTarget.select()}
            className="h-9 min-w-0 flex-1 rounded-md border border-ink-300 bg-ink-50 px-3 font-mono text-xs text-ink-900"
          />
          <Button onClick={copy}>Copy</Button>
        </div>
        <div className="flex justify-end">
          <Button variant="secondary" size="sm" asChild>
            <a href={url} target="_blank" rel="noreferrer">
              Open customer page
            </a>
          </Button>
        </div>
      </div>
    </Card>
  );
};
