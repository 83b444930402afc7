"use client";
// An admin's controls on one user's row: change the role, and disable or enable their sign-in.
// The server refuses what would leave the organisation without an active admin; the reason shows
// here, beside the controls.
import { useState, useTransition } from "react";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/dialog";
import { Select } from "@/components/ui/field";
import { useToast } from "@/components/ui/toast";
import { ROLE_LABELS, ROLES } from "@/lib/auth/roles";
import type { Role } from "@/lib/db/generated/enums";
import type { changeUserRole, setUserDisabled } from "@/lib/users/actions";

type UserRowActionsProps = {
  user: { id: string; name: string; email: string; role: Role; disabled: boolean };
  isSelf: boolean;
  changeRoleAction: typeof changeUserRole;
  setDisabledAction: typeof setUserDisabled;
};

const isRole = (value: string): value is Role => (ROLES as readonly string[]).includes(value);

export const UserRowActions = ({ user, isSelf, changeRoleAction, setDisabledAction }: UserRowActionsProps) => {
  const { notify } = useToast();
  const [role, setRole] = useState<Role>(user.role);
  const [error, setError] = useState<string>();
  const [saving, startSaving] = useTransition();
  const errorId = `user-${user.id}-error`;

  const saveRole = () =>
    startSaving(async () => {
      setError(undefined);
      const result = await changeRoleAction({ userId: user.id, role });
      if (!result.ok) {
        setError(result.fieldErrors?.role ?? result.error);
        return;
      }
      notify(`${user.name} is now ${ROLE_LABELS[result.data.role]}`);
    });

  const toggleDisabled = async () => {
    setError(undefined);
    const result = await setDisabledAction({ userId: user.id, disabled: !user.disabled });
    if (!result.ok) {
      setError(result.error);
      notify(result.error, "error");
      return;
    }
    notify(result.data.disabled ? `${user.name} was disabled` : `${user.name} was enabled`);
  };

  const disableDescription = isSelf
    ? `You will be signed out at once and cannot sign in again until another admin enables you.`
    : `${user.name} (${user.email}) will be signed out at once and cannot sign in until enabled again. Their history stays.`;

  return (
    <div className="flex flex-col items-end gap-1">
      <div className="flex items-center justify-end gap-2">
        <Select
          aria-label={`Role for ${user.name}`}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? errorId : undefined}
          value={role}
          onChange={(event) => {
            if (isRole(event.target.value)) setRole(event.target.value);
          }}
          className="h-8 w-32"
        >
          {ROLES.map((option) => (
            <option key={option} value={option}>
              {ROLE_LABELS[option]}
            </option>
          ))}
        </Select>
        <Button
          size="sm"
          variant="secondary"
          aria-label={`Save role for ${user.name}`}
          disabled={saving || role === user.role}
          onClick={saveRole}
        >
          {saving ? "Saving…" : "Save"}
        </Button>
        {user.disabled ? (
          <ConfirmDialog
            trigger={
              <Button size="sm" variant="secondary" aria-label={`Enable ${user.name}`}>
                Enable
              </Button>
            }
            title={`Enable ${user.name}?`}
            description={`${user.email} can sign in again with their existing password, as ${ROLE_LABELS[user.role]}.`}
            confirmLabel="Enable user"
            tone="primary"
            onConfirm={toggleDisabled}
          />
        ) : (
          <ConfirmDialog
            trigger={
              <Button size="sm" variant="secondary" aria-label={`Disable ${user.name}`}>
                Disable
              </Button>
            }
            title={isSelf ? "Disable your own account?" : `Disable ${user.name}?`}
            description={disableDescription}
            confirmLabel="Disable user"
            onConfirm={toggleDisabled}
          />
        )}
      </div>
      {error ? (
        <p id={errorId} role="alert" className="text-right text-sm text-red-700">
          {error}
        </p>
      ) : null}
    </div>
  );
};
