"use client";
// The card with the address a customer opens a document at (an invoice's /i/<token>, a credit
// note's /c/<token>), to copy into an email; the document's own actions on the link go below it.
import { useSyncExternalStore } from "react";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { useToast } from "@/components/ui/toast";

type CustomerLinkCardProps = {
  /** The id of the link's field, which its description labels. */
  inputId: string;
  /** The path on the public address, e.g. `/i/<token>`. */
  path: string;
  /** What the customer opens there, in the description's words: "invoice", "credit note". */
  documentName: string;
  /** The configured public address (APP_URL); else the address this page was opened at. */
  appUrl: string | null;
  /** More actions beside "Open customer page". */
  children?: React.ReactNode;
};

const noSubscription = () => () => undefined;

export const CustomerLinkCard = ({ inputId, path, documentName, appUrl, children }: CustomerLinkCardProps) => {
  const { notify } = useToast();
  // The browser's origin is unknown while rendering on the server; the path alone is shown until hydration.
  const origin = useSyncExternalStore(
    noSubscription,
    () => appUrl ?? window.location.origin,
    () => appUrl ?? "",
  );
  const url = `${origin.replace(/\/$/, "")}${path}`;

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
        <label htmlFor={inputId} className="text-sm text-ink-700">
          The customer views and downloads the {documentName} here. Anyone with the link can open it.
        </label>
        <div className="flex gap-2">
          <input
            id={inputId}
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
          {children}
        </div>
      </div>
    </Card>
  );
};
