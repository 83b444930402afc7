// Reads for Settings > API keys: the organisation's keys with who made them and when each was last
// used. Never the hash: the page has no use for it.
import { db, type Tx } from "@/lib/db/client";

export type ApiKeyListItem = {
  id: string;
  name: string;
  prefix: string;
  createdAt: Date;
  createdByName: string | null;
  lastUsedAt: Date | null;
  revokedAt: Date | null;
};

/** Keys in use first (newest first), then the revoked ones, most recently revoked first. */
export const listApiKeys = async (organizationId: string, client: Tx = db): Promise<ApiKeyListItem[]> => {
  const rows = await client.apiKey.findMany({
    where: { organizationId },
    orderBy: [{ revokedAt: { sort: "desc", nulls: "first" } }, { createdAt: "desc" }, { id: "desc" }],
    take: 500,
    select: {
      id: true,
      name: true,
      prefix: true,
      createdAt: true,
      lastUsedAt: true,
      revokedAt: true,
      createdBy: { select: { name: true } },
    },
  });
  return rows.map(({ createdBy, ...row }) => ({ ...row, createdByName: createdBy?.name ?? null }));
};
