"use client";
// The one time a key is shown: the full key with a Copy button and a curl command that uses it.
// Clicking outside does not close it (the key would be lost); Esc and Done do.
import * as RadixDialog from "@radix-ui/react-dialog";
import { Button } from "@/components/ui/button";
import { useToast } from "@/components/ui/toast";
import { eventsCurlExample } from "./events-api-example";
import { useOrigin } from "./use-origin";

type NewApiKeyDialogProps = {
  created: { name: string; key: string } | null;
  appUrl: string | null;
  onClose: () => void;
};

export const NewApiKeyDialog = ({ created, appUrl, onClose }: NewApiKeyDialogProps) => {
  const { notify } = useToast();
  const origin = useOrigin(appUrl);
  const copy = async (text: string, what: string) => {
    try {
      await navigator.clipboard.writeText(text);
      notify(`${what} copied`);
    } catch {
      notify("Could not copy: select the text and copy it by hand.", "error");
    }
  };
  return (
    <RadixDialog.Root open={created !== null} onOpenChange={(open) => (open ? undefined : onClose())}>
      <RadixDialog.Portal>
        <RadixDialog.Overlay className="fixed inset-0 z-40 bg-ink-900/40" />
        <RadixDialog.Content
          onInteractOutside={(event) => event.preventDefault()}
          className="fixed top-1/2 left-1/2 z-50 max-h-[90vh] w-[min(92vw,40rem)] -translate-x-1/2 -translate-y-1/2 overflow-auto rounded-lg bg-white p-5 shadow-xl"
        >
          <RadixDialog.Title className="text-base font-semibold text-ink-900">
            Copy the key for {created?.name}
          </RadixDialog.Title>
          <RadixDialog.Description className="mt-2 text-sm text-ink-700">
            This is the only time the key is shown. Store it where the sending system keeps its secrets: Billfold keeps
            only a fingerprint of it and cannot show it again.
          </RadixDialog.Description>
          {created ? (
            <div className="mt-4 flex flex-col gap-4">
              <div className="flex flex-col gap-1">
                <label htmlFor="new-api-key" className="text-sm font-medium text-ink-700">
                  API key
                </label>
                <div className="flex gap-2">
                  <input
                    id="new-api-key"
                    readOnly
                    value={created.key}
                    onFocus={(event) => event.currentTarget.select()}
                    className="h-9 min-w-0 flex-1 rounded-md border border-ink-300 bg-ink-50 px-3 font-mono text-xs text-ink-900"
                  />
                  <Button onClick={() => copy(created.key, "API key")}>Copy key</Button>
                </div>
              </div>
              <div className="flex flex-col gap-1">
                <p className="text-sm font-medium text-ink-700" id="new-api-key-example">
                  Send an event with it
                </p>
                <pre
                  aria-labelledby="new-api-key-example"
                  className="overflow-x-auto rounded-md bg-ink-900 p-3 font-mono text-xs leading-relaxed text-ink-50"
                >
                  {eventsCurlExample({ origin, key: created.key })}
                </pre>
              </div>
            </div>
          ) : null}
          <div className="mt-5 flex justify-end">
            <RadixDialog.Close asChild>
              <Button variant="secondary">Done</Button>
            </RadixDialog.Close>
          </div>
        </RadixDialog.Content>
      </RadixDialog.Portal>
    </RadixDialog.Root>
  );
};
