// Addresses of the customer list, leaving defaults out so links stay short and shareable.
import type { CustomerStatusFilter } from "@/lib/customers/schemas";

export const customersHref = (params: {
  q?: string;
  status?: CustomerStatusFilter;
  after?: string;
  before?: string;
}) => {
  const search = new URLSearchParams();
  if (params.q) search.set("q", params.q);
  if (params.status && params.status !== "active") search.set("status", params.status);
  if (params.after) search.set("after", params.after);
  if (params.before) search.set("before", params.before);
  const query = search.toString();
  return query ? `/customers?${query}` : "/customers";
};
