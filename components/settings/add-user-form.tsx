"use client";
// Adding a person to the organisation: name, email, role and an initial password they sign in with.
import { zodResolver } from "@hookform/resolvers/zod";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { Button } from "@/components/ui/button";
import { Field, FormError, Input, Select } from "@/components/ui/field";
import { useToast } from "@/components/ui/toast";
import { ROLE_DESCRIPTIONS, ROLE_LABELS, ROLES } from "@/lib/auth/roles";
import type { createUser } from "@/lib/users/actions";
import {
  createUserSchema,
  PASSWORD_MIN_LENGTH,
  type CreateUserFormValues,
  type CreateUserInput,
} from "@/lib/users/schemas";
import { applyServerErrors } from "@/lib/actions/form-errors";

const FIELDS = ["name", "email", "role", "password"] as const;
const EMPTY: CreateUserFormValues = { name: "", email: "", role: "viewer", password: "" };

export const AddUserForm = ({ action }: { action: typeof createUser }) => {
  const { notify } = useToast();
  const [formError, setFormError] = useState<string>();
  const {
    register,
    handleSubmit,
    setError,
    reset,
    formState: { errors, isSubmitting },
  } = useForm<CreateUserFormValues, unknown, CreateUserInput>({
    resolver: zodResolver(createUserSchema),
    defaultValues: EMPTY,
  });

  const onSubmit = handleSubmit(async (values) => {
    setFormError(undefined);
    const result = await action(values);
    if (!result.ok) {
      setFormError(applyServerErrors(result, { setError, fields: FIELDS }));
      return;
    }
    reset(EMPTY);
    notify(`${result.data.name} was added and can sign in now`);
  });

  return (
    // method="post": a submit before hydration must not put the password in the address bar.
    <form onSubmit={onSubmit} method="post" aria-label="Add user" noValidate className="flex flex-col gap-4">
      <FormError message={formError} />
      <div className="grid gap-4 sm:grid-cols-2">
        <Field id="new-user-name" label="Name" error={errors.name?.message}>
          <Input id="new-user-name" autoComplete="off" invalid={Boolean(errors.name)} {...register("name")} />
        </Field>
        <Field id="new-user-email" label="Email" error={errors.email?.message}>
          <Input
            id="new-user-email"
            type="email"
            autoComplete="off"
            invalid={Boolean(errors.email)}
            {...register("email")}
          />
        </Field>
        <Field id="new-user-role" label="Role" error={errors.role?.message}>
          <Select id="new-user-role" invalid={Boolean(errors.role)} defaultValue={EMPTY.role} {...register("role")}>
            {ROLES.map((role) => (
              <option key={role} value={role}>
                {ROLE_LABELS[role]} — {ROLE_DESCRIPTIONS[role]}
              </option>
            ))}
          </Select>
        </Field>
        <Field
          id="new-user-password"
          label="Initial password"
          hint={`At least ${PASSWORD_MIN_LENGTH} characters. Share it with them privately.`}
          error={errors.password?.message}
        >
          <Input
            id="new-user-password"
            type="password"
            autoComplete="new-password"
            invalid={Boolean(errors.password)}
            {...register("password")}
          />
        </Field>
      </div>
      <div className="flex justify-end">
        <Button type="submit" disabled={isSubmitting}>
          {isSubmitting ? "Adding…" : "Add user"}
        </Button>
      </div>
    </form>
  );
};
