// What the subscription forms send and the subscription actions accept: one zod schema per form,
// shared by the browser (zodResolver, raw) and the server, so both refuse the same input in the
// same words at the same field. Dates are calendar dates (UTC midnight, as DATE columns hold them);
// the service reads each as midnight on the organisation's calendar, where periods turn. No I/O.
import { z } from "zod";
import { calendarDate, optionalCalendarDate } from "@/lib/forms/calendar-date";

export const SAME_CUSTOMER_MESSAGE = "The invoicing customer must be a different customer from the owner";
export const PAYER_INACTIVE_MESSAGE = "invoicing customer is not active";
export const PAYER_LOCKED_MESSAGE =
  "The invoicing customer cannot be changed: cancel this subscription and create a new one";
export const OWNER_LOCKED_MESSAGE =
  "The customer who uses a subscription cannot be changed: cancel this subscription and create a new one";

const id = (message: string) => z.string().trim().min(1, message).max(64, message);

const optionalId = z
  .string()
  .trim()
  .max(64, "Choose a customer from the list")
  .nullish()
  .transform((value) => (value ? value : null));

// ---------------------------------------------------------------- create

export const createSubscriptionSchema = z
  .object({
    customerId: id("Choose the customer who uses the subscription"),
    planId: id("Choose a plan"),
    startDate: calendarDate("Enter the date the subscription starts"),
    /** Empty: the start date. */
    billingAnchor: optionalCalendarDate,
    /** The delegated payer; empty: the owner pays. */
    invoicingCustomerId: optionalId,
  })
  .superRefine((value, context) => {
    if (value.invoicingCustomerId && value.invoicingCustomerId === value.customerId) {
      context.addIssue({ code: "custom", path: ["invoicingCustomerId"], message: SAME_CUSTOMER_MESSAGE });
    }
  })
  .transform(({ billingAnchor, ...value }) => ({ ...value, billingAnchor: billingAnchor ?? value.startDate }));

/** What the form holds: strings as typed. */
export type CreateSubscriptionValues = z.input<typeof createSubscriptionSchema>;
export type CreateSubscriptionInput = z.output<typeof createSubscriptionSchema>;
export const CREATE_SUBSCRIPTION_FIELDS = [
  "customerId",
  "planId",
  "startDate",
  "billingAnchor",
  "invoicingCustomerId",
] as const satisfies readonly (keyof CreateSubscriptionValues)[];

// ---------------------------------------------------------------- edit

// The edit form sends only what may change. The owner and the payer are accepted here only so the
// service can refuse, in words, a request that tries to change them (they are never written).
export const updateSubscriptionSchema = z.object({
  subscriptionId: id("Subscription missing"),
  planId: id("Choose a plan"),
  cancelAtPeriodEnd: z.boolean(),
  customerId: z.string().trim().max(64).optional(),
  invoicingCustomerId: z.string().trim().max(64).nullish(),
});
export type UpdateSubscriptionValues = z.input<typeof updateSubscriptionSchema>;
export type UpdateSubscriptionInput = z.output<typeof updateSubscriptionSchema>;
export const UPDATE_SUBSCRIPTION_FIELDS = [
  "planId",
  "cancelAtPeriodEnd",
] as const satisfies readonly (keyof UpdateSubscriptionValues)[];

// ---------------------------------------------------------------- cancel

export const CANCEL_WHEN = ["now", "period_end"] as const;
export type CancelWhen = (typeof CANCEL_WHEN)[number];

export const cancelSubscriptionSchema = z.object({
  subscriptionId: id("Subscription missing"),
  when: z.enum(CANCEL_WHEN, "Choose when the subscription ends"),
});
export type CancelSubscriptionInput = z.output<typeof cancelSubscriptionSchema>;

export const subscriptionRefSchema = z.object({ subscriptionId: id("Subscription missing") });

// ---------------------------------------------------------------- customer search (owner and payer)

export const subscriptionCustomerSearchSchema = z.object({
  q: z.string().trim().max(200, "Search for at most 200 characters"),
  /** The payer field lists archived customers too, marked, so finance sees why one cannot pay. */
  includeArchived: z.boolean().default(false),
});

// ---------------------------------------------------------------- the list's address bar

export const SUBSCRIPTION_STATUS_FILTERS = ["all", "active", "canceling", "canceled"] as const;
export type SubscriptionStatusFilter = (typeof SUBSCRIPTION_STATUS_FILTERS)[number];

export const SUBSCRIPTION_STATUS_FILTER_LABELS: Record<SubscriptionStatusFilter, string> = {
  all: "All",
  active: "Active",
  canceling: "Cancels at period end",
  canceled: "Canceled",
};

const firstValue = (value: unknown) => (Array.isArray(value) ? value[0] : value);

// A malformed value means "no filter" (or the first page), never an error page.
export const subscriptionListParamsSchema = z.object({
  status: z.preprocess(firstValue, z.enum(SUBSCRIPTION_STATUS_FILTERS)).catch("all"),
  after: z
    .preprocess(
      firstValue,
      z
        .string()
        .regex(/^sub_[0-9A-Z]{26}$/)
        .optional(),
    )
    .catch(undefined),
});
export type SubscriptionListParams = z.output<typeof subscriptionListParamsSchema>;

export const subscriptionListHref = (params: Partial<SubscriptionListParams>): string => {
  const search = new URLSearchParams();
  if (params.status && params.status !== "all") search.set("status", params.status);
  if (params.after) search.set("after", params.after);
  const query = search.toString();
  return query ? `/subscriptions?${query}` : "/subscriptions";
};
