import type { Metadata } from "next";
import Link from "next/link";
import { AddUserForm } from "@/components/settings/add-user-form";
import { UsersTable } from "@/components/settings/users-table";
import { Card } from "@/components/ui/card";
import { hasRole } from "@/lib/auth/roles";
import { requireUser } from "@/lib/auth/session";
import { getOrganization } from "@/lib/organization/queries";
import { changeUserRole, createUser, setUserDisabled } from "@/lib/users/actions";
import { listUsers } from "@/lib/users/queries";

export const metadata: Metadata = { title: "Users · Settings" };

type UsersPageProps = { searchParams: Promise<{ after?: string | string[] }> };

const UsersPage = async ({ searchParams }: UsersPageProps) => {
  const user = await requireUser();
  const { after } = await searchParams;
  const [organization, { users, nextAfter }] = await Promise.all([
    getOrganization(user.organizationId),
    listUsers({ organizationId: user.organizationId, after: typeof after === "string" ? after : undefined }),
  ]);
  const isAdmin = hasRole(user.role, "admin");
  return (
    <div className="flex flex-col gap-6">
      {isAdmin ? (
        <Card title="Add user">
          <AddUserForm action={createUser} />
        </Card>
      ) : (
        <p className="text-sm text-ink-600">Only admins can add users, change roles or disable someone.</p>
      )}
      <section aria-labelledby="users-heading" className="flex flex-col gap-3">
        <h2 id="users-heading" className="text-base font-semibold text-ink-900">
          Users
        </h2>
        <UsersTable
          users={users}
          currentUserId={user.id}
          locale={organization.locale}
          timeZone={organization.timeZone}
          actions={isAdmin ? { changeRole: changeUserRole, setDisabled: setUserDisabled } : undefined}
        />
        {after || nextAfter ? (
          <nav aria-label="Users pages" className="flex justify-end gap-2 text-sm">
            {after ? (
              <Link
                href="/settings/users"
                className="rounded-md px-3 py-1.5 font-medium text-brand-700 hover:bg-brand-50"
              >
                Newest users
              </Link>
            ) : null}
            {nextAfter ? (
              <Link
                href={`/settings/users?after=${encodeURIComponent(nextAfter)}`}
                className="rounded-md px-3 py-1.5 font-medium text-brand-700 hover:bg-brand-50"
              >
                Older users
              </Link>
            ) : null}
          </nav>
        ) : null}
      </section>
    </div>
  );
};

export default UsersPage;
