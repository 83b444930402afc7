import type { Metadata } from "next";
import { ApiKeysTable } from "@/components/api-keys/api-keys-table";
import { CreateApiKeyDialog } from "@/components/api-keys/create-api-key-dialog";
import { EventsApiCard } from "@/components/api-keys/events-api-card";
import { createApiKey, revokeApiKey } from "@/lib/api-keys/actions";
import { listApiKeys } from "@/lib/api-keys/queries";
import { hasRole } from "@/lib/auth/roles";
import { requireUser } from "@/lib/auth/session";
import { env } from "@/lib/env";
import { getOrganization } from "@/lib/organization/queries";

export const metadata: Metadata = { title: "API keys · Settings" };

const ApiKeysPage = async () => {
  const user = await requireUser();
  const [organization, keys] = await Promise.all([
    getOrganization(user.organizationId),
    listApiKeys(user.organizationId),
  ]);
  const isAdmin = hasRole(user.role, "admin");
  const appUrl = env().APP_URL ?? null;
  return (
    <div className="flex flex-col gap-6">
      <section aria-labelledby="api-keys-heading" className="flex flex-col gap-3">
        <div className="flex flex-wrap items-end justify-between gap-3">
          <div className="max-w-3xl min-w-0 flex-1">
            <h2 id="api-keys-heading" className="text-base font-semibold text-ink-900">
              API keys
            </h2>
            <p className="mt-1 text-sm text-ink-600">
              Keys authenticate the systems that send usage events. A key is shown once, when it is created; Billfold
              stores only a fingerprint.{" "}
              {isAdmin ? "Revoke a key the moment it may have leaked." : "Only admins create and revoke keys."}
            </p>
          </div>
          {isAdmin ? <CreateApiKeyDialog action={createApiKey} appUrl={appUrl} /> : null}
        </div>
        <ApiKeysTable
          keys={keys}
          format={{ locale: organization.locale, timeZone: organization.timeZone }}
          revokeAction={isAdmin ? revokeApiKey : undefined}
        />
      </section>
      <EventsApiCard appUrl={appUrl} />
    </div>
  );
};

export default ApiKeysPage;
