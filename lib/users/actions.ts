"use server";
// Admin-only actions on the organisation's users. Each one authorizes itself through
// defineAction: a finance user or viewer posting them directly is refused by the server.
import { revalidatePath } from "next/cache";
import { defineAction } from "@/lib/actions/client";
import { userActor } from "@/lib/audit/record";
import { db } from "@/lib/db/client";
import { changeUserRoleSchema, createUserSchema, setUserDisabledSchema } from "./schemas";
import * as users from "./service";

const USERS_PATH = "/settings/users";

export const createUser = defineAction({
  name: "users.create",
  role: "admin",
  schema: createUserSchema,
  run: async ({ input, user }) => {
    const created = await db.$transaction((tx) =>
      users.createUser(tx, { organizationId: user.organizationId, actor: userActor(user), input }),
    );
    revalidatePath(USERS_PATH);
    return { id: created.id, name: created.name };
  },
});

export const changeUserRole = defineAction({
  name: "users.changeRole",
  role: "admin",
  schema: changeUserRoleSchema,
  run: async ({ input, user }) => {
    const changed = await db.$transaction((tx) =>
      users.changeUserRole(tx, { organizationId: user.organizationId, actor: userActor(user), ...input }),
    );
    revalidatePath(USERS_PATH);
    return { id: changed.id, name: changed.name, role: changed.role };
  },
});

export const setUserDisabled = defineAction({
  name: "users.setDisabled",
  role: "admin",
  schema: setUserDisabledSchema,
  run: async ({ input, user }) => {
    const changed = await db.$transaction((tx) =>
      users.setUserDisabled(tx, { organizationId: user.organizationId, actor: userActor(user), ...input }),
    );
    revalidatePath(USERS_PATH);
    return { id: changed.id, name: changed.name, disabled: changed.disabledAt !== null };
  },
});
