// The organisation's users: who they are, what they may do, whether they can sign in, and when
// they last did. Admins get the controls to change a role or disable someone.
import { Badge, type BadgeTone } from "@/components/ui/badge";
import { EmptyRow, Table, Td, Th } from "@/components/ui/table";
import { ROLE_LABELS } from "@/lib/auth/roles";
import type { Role } from "@/lib/db/generated/enums";
import type { changeUserRole, setUserDisabled } from "@/lib/users/actions";
import type { UserListItem } from "@/lib/users/queries";
import { UserRowActions } from "./user-row-actions";

// Green and red are kept for status, so a role badge never reads as good or bad.
const ROLE_TONES: Record<Role, BadgeTone> = { admin: "info", finance: "neutral", viewer: "neutral" };

type UsersTableProps = {
  users: UserListItem[];
  currentUserId: string;
  /** The organisation's locale and time zone, for the last sign-in. */
  locale: string;
  timeZone: string;
  /** Present for admins only: without them the table is read-only. */
  actions?: { changeRole: typeof changeUserRole; setDisabled: typeof setUserDisabled };
};

export const UsersTable = ({ users, currentUserId, locale, timeZone, actions }: UsersTableProps) => {
  // Fields rather than dateStyle/timeStyle: Intl refuses timeZoneName alongside those.
  const dateTime = new Intl.DateTimeFormat(locale, {
    day: "numeric",
    month: "short",
    year: "numeric",
    hour: "2-digit",
    minute: "2-digit",
    timeZone,
    timeZoneName: "short",
  });
  const columns = actions ? 6 : 5;
  return (
    <Table label="Users">
      <thead>
        <tr>
          <Th>Name</Th>
          <Th>Email</Th>
          <Th>Role</Th>
          <Th>Status</Th>
          <Th>Last sign-in</Th>
          {actions ? (
            <Th align="right">
              <span className="sr-only">Actions</span>
            </Th>
          ) : null}
        </tr>
      </thead>
      <tbody>
        {users.length === 0 ? (
          <EmptyRow colSpan={columns}>No users yet. Add the people who work on billing above.</EmptyRow>
        ) : null}
        {users.map((user) => {
          const isSelf = user.id === currentUserId;
          const disabled = user.disabledAt !== null;
          return (
            <tr key={user.id} data-testid={`user-row-${user.email}`}>
              <Td className="font-medium text-ink-900">
                {user.name}
                {isSelf ? <span className="ml-2 text-xs font-normal text-ink-600">(you)</span> : null}
              </Td>
              <Td className="text-ink-700">{user.email}</Td>
              <Td>
                <Badge tone={ROLE_TONES[user.role]}>{ROLE_LABELS[user.role]}</Badge>
              </Td>
              <Td>{disabled ? <Badge tone="danger">Disabled</Badge> : <Badge tone="success">Active</Badge>}</Td>
              <Td className="tabular whitespace-nowrap text-ink-700">
                {user.lastSignInAt ? (
                  <time dateTime={user.lastSignInAt.toISOString()}>{dateTime.format(user.lastSignInAt)}</time>
                ) : (
                  <span className="text-ink-600">Never</span>
                )}
              </Td>
              {actions ? (
                <Td align="right">
                  <UserRowActions
                    // A new role or status from the server starts the row's controls afresh.
                    key={`${user.role}-${disabled}`}
                    user={{ id: user.id, name: user.name, email: user.email, role: user.role, disabled }}
                    isSelf={isSelf}
                    changeRoleAction={actions.changeRole}
                    setDisabledAction={actions.setDisabled}
                  />
                </Td>
              ) : null}
            </tr>
          );
        })}
      </tbody>
    </Table>
  );
};
