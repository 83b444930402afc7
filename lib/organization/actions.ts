"use server";
// Admin-only: changing the seller details. Authorized here, not by the page that shows the form.
import { revalidatePath } from "next/cache";
import { defineAction } from "@/lib/actions/client";
import { userActor } from "@/lib/audit/record";
import { db } from "@/lib/db/client";
import { organizationSettingsSchema } from "./schemas";
import * as organization from "./service";

export const updateOrganization = defineAction({
  name: "organization.update",
  role: "admin",
  schema: organizationSettingsSchema,
  run: async ({ input, user }) => {
    const result = await db.$transaction((tx) =>
      organization.updateOrganization(tx, { organizationId: user.organizationId, actor: userActor(user), input }),
    );
    // Locale, time zone and seller details show on every page and document.
    if (result.changedFields.length > 0) revalidatePath("/", "layout");
    return result;
  },
});
