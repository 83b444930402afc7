"use client";
// Revoking a key, behind a confirmation that says what happens: the systems using it are refused at once.
import { useRouter } from "next/navigation";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/dialog";
import { useToast } from "@/components/ui/toast";
import type { revokeApiKey } from "@/lib/api-keys/actions";

type RevokeApiKeyButtonProps = {
  apiKey: { id: string; name: string; prefix: string };
  action: typeof revokeApiKey;
};

export const RevokeApiKeyButton = ({ apiKey, action }: RevokeApiKeyButtonProps) => {
  const router = useRouter();
  const { notify } = useToast();
  return (
    <ConfirmDialog
      trigger={
        <Button size="sm" variant="secondary" aria-label={`Revoke ${apiKey.name}`}>
          Revoke
        </Button>
      }
      title={`Revoke ${apiKey.name}?`}
      description={`Requests with ${apiKey.prefix}… are refused from now on (401). A revoked key cannot be restored: create a new one for the systems that still send events.`}
      confirmLabel="Revoke key"
      onConfirm={async () => {
        const result = await action({ apiKeyId: apiKey.id });
        if (!result.ok) {
          notify(result.error, "error");
          return false;
        }
        notify(`${apiKey.name} was revoked`);
        router.refresh();
      }}
    />
  );
};
