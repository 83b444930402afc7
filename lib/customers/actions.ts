"use server";
// Customer server actions: parse and authorize through defineAction, run the service in one
// transaction, then refresh the pages that show the customer.
import { revalidatePath } from "next/cache";
import { defineAction } from "@/lib/actions/client";
import { db } from "@/lib/db/client";
import { customerInputSchema, customerRefSchema, updateCustomerSchema } from "./schemas";
import * as customers from "./service";

const revalidateCustomerPages = (customerId: string) => {
  revalidatePath("/customers");
  revalidatePath(`/customers/${customerId}`);
  revalidatePath(`/customers/${customerId}/edit`);
};

export const createCustomer = defineAction({
  name: "customers.create",
  role: "finance",
  schema: customerInputSchema,
  run: async ({ input, user }) => {
    const customer = await db.$transaction((tx) => customers.createCustomer(tx, { actor: user, input }));
    revalidateCustomerPages(customer.id);
    return { id: customer.id, name: customer.name };
  },
});

export const updateCustomer = defineAction({
  name: "customers.update",
  role: "finance",
  schema: updateCustomerSchema,
  run: async ({ input, user }) => {
    const customer = await db.$transaction((tx) => customers.updateCustomer(tx, { actor: user, input }));
    revalidateCustomerPages(customer.id);
    return { id: customer.id, name: customer.name };
  },
});

export const archiveCustomer = defineAction({
  name: "customers.archive",
  role: "finance",
  schema: customerRefSchema,
  run: async ({ input, user }) => {
    const customer = await db.$transaction((tx) =>
      customers.archiveCustomer(tx, { actor: user, customerId: input.customerId }),
    );
    revalidateCustomerPages(customer.id);
    return { id: customer.id, name: customer.name };
  },
});

export const restoreCustomer = defineAction({
  name: "customers.restore",
  role: "finance",
  schema: customerRefSchema,
  run: async ({ input, user }) => {
    const customer = await db.$transaction((tx) =>
      customers.restoreCustomer(tx, { actor: user, customerId: input.customerId }),
    );
    revalidateCustomerPages(customer.id);
    return { id: customer.id, name: customer.name };
  },
});
