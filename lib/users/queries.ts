// Reads for the users settings page: one organisation's people, newest first, a page at a time.
import { db } from "@/lib/db/client";

export const USERS_PAGE_SIZE = 50;

const LIST_SELECT = {
  id: true,
  name: true,
  email: true,
  role: true,
  disabledAt: true,
  lastSignInAt: true,
  createdAt: true,
} as const;

/**
 * Keyset pagination on the id (ids sort by creation time): `after` is the last id of the previous
 * page. Newest first, so someone just added is at the top where the admin is looking.
 */
export const listUsers = async ({
  organizationId,
  after,
  limit = USERS_PAGE_SIZE,
}: {
  organizationId: string;
  after?: string;
  limit?: number;
}) => {
  const rows = await db.user.findMany({
    where: { organizationId, ...(after ? { id: { lt: after } } : {}) },
    orderBy: { id: "desc" },
    take: limit + 1,
    select: LIST_SELECT,
  });
  const users = rows.slice(0, limit);
  const nextAfter = rows.length > limit ? users.at(-1)?.id : undefined;
  return { users, nextAfter };
};

export type UserListItem = Awaited<ReturnType<typeof listUsers>>["users"][number];
