// Who may do what: admins manage users and settings, finance changes money and documents,
// viewers only read.
import type { Role } from "@/lib/db/generated/enums";

export const ROLES = ["admin", "finance", "viewer"] as const satisfies readonly Role[];

const RANK: Record<Role, number> = { viewer: 0, finance: 1, admin: 2 };

/** True when `role` is at least `minimum` (admin > finance > viewer). */
export const hasRole = (role: Role, minimum: Role): boolean => RANK[role] >= RANK[minimum];

export const ROLE_LABELS: Record<Role, string> = {
  admin: "Admin",
  finance: "Finance",
  viewer: "Viewer",
};

export const ROLE_DESCRIPTIONS: Record<Role, string> = {
  admin: "Everything, including users and settings",
  finance: "Creates and changes customers, invoices, payments and credit",
  viewer: "Reads everything, changes nothing",
};
