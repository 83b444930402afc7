// The organisation's API keys: name, the prefix that identifies each, who created it and when, when
// it was last used, and whether it still works. Admins get a Revoke button on keys in use.
import { Badge } from "@/components/ui/badge";
import { EmptyRow, Table, Td, Th } from "@/components/ui/table";
import type { revokeApiKey } from "@/lib/api-keys/actions";
import type { ApiKeyListItem } from "@/lib/api-keys/queries";
import { formatDateTime, type Locale } from "@/lib/format/date";
import { RevokeApiKeyButton } from "./revoke-api-key-button";

type ApiKeysTableProps = {
  keys: ApiKeyListItem[];
  format: Locale;
  /** Present for admins only: without it the table is read-only. */
  revokeAction?: typeof revokeApiKey;
};

const When = ({ date, format }: { date: Date; format: Locale }) => (
  <time dateTime={date.toISOString()}>{formatDateTime(date, format)}</time>
);

export const ApiKeysTable = ({ keys, format, revokeAction }: ApiKeysTableProps) => {
  const columns = revokeAction ? 6 : 5;
  return (
    <Table label="API keys">
      <thead>
        <tr>
          <Th>Name</Th>
          <Th>Key</Th>
          <Th>Created</Th>
          <Th>Last used</Th>
          <Th>Status</Th>
          {revokeAction ? (
            <Th align="right">
              <span className="sr-only">Actions</span>
            </Th>
          ) : null}
        </tr>
      </thead>
      <tbody>
        {keys.length === 0 ? (
          <EmptyRow colSpan={columns}>
            No API keys yet.{" "}
            {revokeAction
              ? "Create one for each system that sends usage events."
              : "An admin creates one for each system that sends usage events."}
          </EmptyRow>
        ) : null}
        {keys.map((key) => (
          <tr key={key.id} data-testid={`api-key-row-${key.id}`}>
            <Td className="font-medium text-ink-900">{key.name}</Td>
            <Td className="font-mono text-xs whitespace-nowrap text-ink-700">{key.prefix}…</Td>
            <Td className="whitespace-nowrap text-ink-700">
              <When date={key.createdAt} format={format} />
              {key.createdByName ? <span className="block text-xs text-ink-600">by {key.createdByName}</span> : null}
            </Td>
            <Td className="whitespace-nowrap text-ink-700">
              {key.lastUsedAt ? (
                <When date={key.lastUsedAt} format={format} />
              ) : (
                <span className="text-ink-600">Never</span>
              )}
            </Td>
            <Td>
              {key.revokedAt ? (
                <span className="flex flex-col items-start gap-0.5">
                  <Badge tone="danger">Revoked</Badge>
                  <span className="text-xs whitespace-nowrap text-ink-600">
                    <When date={key.revokedAt} format={format} />
                  </span>
                </span>
              ) : (
                <Badge tone="success">Active</Badge>
              )}
            </Td>
            {revokeAction ? (
              <Td align="right">
                {key.revokedAt ? null : (
                  <RevokeApiKeyButton
                    apiKey={{ id: key.id, name: key.name, prefix: key.prefix }}
                    action={revokeAction}
                  />
                )}
              </Td>
            ) : null}
          </tr>
        ))}
      </tbody>
    </Table>
  );
};
