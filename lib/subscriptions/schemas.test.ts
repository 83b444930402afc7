import { describe, expect, it } from "vitest";
import {
  createSubscriptionSchema,
  SAME_CUSTOMER_MESSAGE,
  subscriptionListHref,
  subscriptionListParamsSchema,
  updateSubscriptionSchema,
  type CreateSubscriptionValues,
} from "./schemas";

const utc = (text: string) => new Date(`${text}T00:00:00.000Z`);

const values = (overrides: Partial<CreateSubscriptionValues> = {}): CreateSubscriptionValues => ({
  customerId: "cus_owner",
  planId: "pln_growth",
  startDate: "2026-01-31",
  billingAnchor: "",
  invoicingCustomerId: "",
  ...overrides,
});

const issuesOf = (input: CreateSubscriptionValues) => {
  const result = createSubscriptionSchema.safeParse(input);
  if (result.success) return {};
  return Object.fromEntries(result.error.issues.map((issue) => [issue.path.join("."), issue.message]));
};

describe("createSubscriptionSchema", () => {
  it("reads dates as 00:00 UTC and anchors on the start date when no anchor is given", () => {
    expect(createSubscriptionSchema.parse(values())).toEqual({
      customerId: "cus_owner",
      planId: "pln_growth",
      startDate: utc("2026-01-31"),
      billingAnchor: utc("2026-01-31"),
      invoicingCustomerId: null,
    });
  });

  it("keeps an explicit anchor and a delegated payer", () => {
    const parsed = createSubscriptionSchema.parse(
      values({ billingAnchor: "2026-02-01", invoicingCustomerId: " cus_reseller " }),
    );
    expect(parsed.billingAnchor).toEqual(utc("2026-02-01"));
    expect(parsed.invoicingCustomerId).toBe("cus_reseller");
  });

  it("refuses the owner as their own delegated payer, at the Invoice to field", () => {
    expect(issuesOf(values({ invoicingCustomerId: "cus_owner" }))).toEqual({
      invoicingCustomerId: SAME_CUSTOMER_MESSAGE,
    });
  });

  it("says which field is missing or malformed", () => {
    expect(issuesOf(values({ customerId: "", planId: " ", startDate: "" }))).toEqual({
      customerId: "Choose the customer who uses the subscription",
      planId: "Choose a plan",
      startDate: "Enter the date the subscription starts",
    });
    expect(issuesOf(values({ startDate: "2026-02-30", billingAnchor: "31/01/2026" }))).toEqual({
      startDate: "Enter a date like 2024-06-28",
      billingAnchor: "Enter a date like 2024-06-28",
    });
  });
});

describe("updateSubscriptionSchema", () => {
  it("passes a payer in a request on to the service, which refuses a change", () => {
    const parsed = updateSubscriptionSchema.parse({
      subscriptionId: "sub_1",
      planId: "pln_1",
      cancelAtPeriodEnd: false,
      invoicingCustomerId: "cus_other",
    });
    expect(parsed.invoicingCustomerId).toBe("cus_other");
  });

  it("leaves the payer undefined when the edit form sends only what may change", () => {
    const parsed = updateSubscriptionSchema.parse({
      subscriptionId: "sub_1",
      planId: "pln_1",
      cancelAtPeriodEnd: true,
    });
    expect(parsed).toEqual({ subscriptionId: "sub_1", planId: "pln_1", cancelAtPeriodEnd: true });
  });
});

describe("subscription list params", () => {
  it("falls back to all subscriptions and the first page on anything malformed", () => {
    expect(subscriptionListParamsSchema.parse({ status: "paused", after: "x" })).toEqual({
      status: "all",
      after: undefined,
    });
    expect(
      subscriptionListParamsSchema.parse({ status: ["canceled", "active"], after: "sub_01M7YB0VQFNHV8C9DMHR2H6TSG" }),
    ).toEqual({ status: "canceled", after: "sub_01M7YB0VQFNHV8C9DMHR2H6TSG" });
  });

  it("writes short links, leaving out the defaults", () => {
    expect(subscriptionListHref({ status: "all" })).toBe("/subscriptions");
    expect(subscriptionListHref({ status: "canceling", after: "sub_1" })).toBe(
      "/subscriptions?status=canceling&after=sub_1",
    );
  });
});
