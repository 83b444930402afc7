// The signed-in user, read fresh from the database on every request, so a role change or a
// disabled account takes effect at once rather than when the session cookie expires.
import { redirect } from "next/navigation";
import { cache } from "react";
import { db } from "@/lib/db/client";
import type { Role } from "@/lib/db/generated/enums";
import { ForbiddenError } from "@/lib/errors";
import { auth } from "./config";
import { hasRole } from "./roles";

export type CurrentUser = {
  id: string;
  organizationId: string;
  email: string;
  name: string;
  role: Role;
};

export const getCurrentUser = cache(async (): Promise<CurrentUser | null> => {
  const session = await auth();
  const userId = session?.user?.id;
  if (!userId) return null;
  const user = await db.user.findUnique({
    where: { id: userId },
    select: { id: true, organizationId: true, email: true, name: true, role: true, disabledAt: true },
  });
  if (!user || user.disabledAt) return null;
  return { id: user.id, organizationId: user.organizationId, email: user.email, name: user.name, role: user.role };
});

/** For pages: the user, or a redirect to sign-in; a role below `minimum` is refused. */
export const requireUser = async (minimum: Role = "viewer"): Promise<CurrentUser> => {
  const user = await getCurrentUser();
  if (!user) redirect("/login");
  if (!hasRole(user.role, minimum)) throw new ForbiddenError();
  return user;
};
