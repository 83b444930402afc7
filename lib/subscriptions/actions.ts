"use server";
// Subscription server actions: parse and authorize through defineAction (finance and up), run the
// service in one transaction, then refresh the pages that show the subscription and its customers.
import { revalidatePath } from "next/cache";
import { defineAction } from "@/lib/actions/client";
import { db } from "@/lib/db/client";
import { cancelSubscription as cancel, resumeSubscription as resume } from "./cancel";
import { searchSubscriptionCustomers } from "./queries";
import {
  cancelSubscriptionSchema,
  createSubscriptionSchema,
  subscriptionCustomerSearchSchema,
  subscriptionRefSchema,
  updateSubscriptionSchema,
} from "./schemas";
import * as subscriptions from "./service";

const revalidateSubscriptionPages = (subscription: { id: string; customerId: string; invoicingCustomerId: string }) => {
  revalidatePath("/subscriptions");
  revalidatePath(`/subscriptions/${subscription.id}`);
  revalidatePath(`/customers/${subscription.customerId}`);
  revalidatePath(`/customers/${subscription.invoicingCustomerId}`);
};

export const createSubscription = defineAction({
  name: "subscriptions.create",
  role: "finance",
  schema: createSubscriptionSchema,
  run: async ({ input, user }) => {
    const subscription = await db.$transaction((tx) => subscriptions.createSubscription(tx, { actor: user, input }));
    revalidateSubscriptionPages(subscription);
    return { id: subscription.id, ownerName: subscription.customer.name, planName: subscription.plan.name };
  },
});

export const updateSubscription = defineAction({
  name: "subscriptions.update",
  role: "finance",
  schema: updateSubscriptionSchema,
  run: async ({ input, user }) => {
    const subscription = await db.$transaction((tx) => subscriptions.updateSubscription(tx, { actor: user, input }));
    revalidateSubscriptionPages(subscription);
    return { id: subscription.id };
  },
});

export const cancelSubscription = defineAction({
  name: "subscriptions.cancel",
  role: "finance",
  schema: cancelSubscriptionSchema,
  run: async ({ input, user }) => {
    const subscription = await db.$transaction((tx) =>
      cancel(tx, { actor: user, subscriptionId: input.subscriptionId, when: input.when }),
    );
    revalidateSubscriptionPages(subscription);
    return { id: subscription.id };
  },
});

export const resumeSubscription = defineAction({
  name: "subscriptions.resume",
  role: "finance",
  schema: subscriptionRefSchema,
  run: async ({ input, user }) => {
    const subscription = await db.$transaction((tx) =>
      resume(tx, { actor: user, subscriptionId: input.subscriptionId }),
    );
    revalidateSubscriptionPages(subscription);
    return { id: subscription.id };
  },
});

export const searchCustomersForSubscription = defineAction({
  name: "subscriptions.searchCustomers",
  role: "finance",
  schema: subscriptionCustomerSearchSchema,
  run: async ({ input, user }) =>
    searchSubscriptionCustomers({
      organizationId: user.organizationId,
      q: input.q,
      includeArchived: input.includeArchived,
    }),
});
