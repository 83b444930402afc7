"use server";
// Billing server actions: "Bill now" on a subscription (finance) and the billing settings (admin).
// Parsed and authorized by defineAction; the work is the services', in one transaction each.
import { revalidatePath } from "next/cache";
import { defineAction } from "@/lib/actions/client";
import { userActor } from "@/lib/audit/record";
import { db } from "@/lib/db/client";
import { subscriptionRefSchema } from "@/lib/subscriptions/schemas";
import { billNow } from "./bill-period";
import { updateBillingSettings as updateSettings } from "./settings";
import { billingSettingsSchema } from "./settings-schema";

export const billSubscriptionNow = defineAction({
  name: "billing.billNow",
  role: "finance",
  schema: subscriptionRefSchema,
  run: async ({ input, user }) => {
    const billed = await db.$transaction((tx) => billNow(tx, { actor: user, subscriptionId: input.subscriptionId }));
    revalidatePath(`/subscriptions/${input.subscriptionId}`);
    revalidatePath("/subscriptions");
    revalidatePath("/invoices");
    return { invoiceId: billed.invoiceId, created: billed.created };
  },
});

export const updateBillingSettings = defineAction({
  name: "billing.updateSettings",
  role: "admin",
  schema: billingSettingsSchema,
  run: async ({ input, user }) => {
    const result = await db.$transaction((tx) =>
      updateSettings(tx, { organizationId: user.organizationId, actor: userActor(user), input }),
    );
    if (result.changedFields.length > 0) revalidatePath("/settings/billing");
    return result;
  },
});
