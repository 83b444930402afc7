import { describe, expect, it } from "vitest";
import { customerInputSchema, customerListParamsSchema, EMAIL_MESSAGE, updateCustomerSchema } from "./schemas";

const valid = { name: "Acme Corp", email: "billing@acme.com", externalId: "acme-corp" };

const fieldErrors = (input: unknown) => {
  const result = customerInputSchema.safeParse(input);
  const errors: Record<string, string> = {};
  if (result.success) return errors;
  // The first message per field, as the action pipeline and the form both show it.
  for (const issue of result.error.issues) errors[issue.path.join(".")] ??= issue.message;
  return errors;
};

describe("customerInputSchema", () => {
  it("trims text and turns empty optional fields into null", () => {
    expect(
      customerInputSchema.parse({
        ...valid,
        name: "  Acme Corp ",
        city: "   ",
        taxId: "",
        country: "sg",
        currency: "",
      }),
    ).toEqual({
      name: "Acme Corp",
      email: "billing@acme.com",
      externalId: "acme-corp",
      addressLine1: null,
      addressLine2: null,
      city: null,
      postalCode: null,
      country: "SG",
      taxId: null,
      currency: null,
      defaultInvoiceSeriesId: null,
    });
  });

  it("accepts its own output, so the form can send what it parsed and the action parse it again", () => {
    const once = customerInputSchema.parse({ ...valid, country: "de", currency: "EUR", postalCode: " 10115 " });
    expect(customerInputSchema.parse(once)).toEqual(once);
    expect(updateCustomerSchema.parse({ ...once, customerId: "cus_1" })).toEqual({ ...once, customerId: "cus_1" });
  });

  it("refuses a missing or malformed email with words a finance user understands", () => {
    expect(fieldErrors({ ...valid, email: "" }).email).toBe(EMAIL_MESSAGE);
    expect(fieldErrors({ ...valid, email: "billing@" }).email).toBe(
      "Enter a valid email address, like billing@acme.com",
    );
    expect(fieldErrors({ ...valid, email: "billing acme.com" }).email).toBe(EMAIL_MESSAGE);
  });

  it("allows letters, digits, - _ and . in external ids, up to 64 characters", () => {
    expect(fieldErrors({ ...valid, externalId: "ACME_corp-01.eu" })).toEqual({});
    expect(fieldErrors({ ...valid, externalId: "acme corp" }).externalId).toMatch(/letters, digits/);
    expect(fieldErrors({ ...valid, externalId: "acme/corp" }).externalId).toMatch(/letters, digits/);
    expect(fieldErrors({ ...valid, externalId: "a".repeat(64) })).toEqual({});
    expect(fieldErrors({ ...valid, externalId: "a".repeat(65) }).externalId).toMatch(/at most 64/);
    expect(fieldErrors({ ...valid, externalId: "" }).externalId).toMatch(/Enter the id/);
  });

  it("requires a name", () => {
    expect(fieldErrors({ ...valid, name: "  " }).name).toMatch(/Enter the customer's name/);
  });

  it("takes only known countries and supported currencies", () => {
    expect(fieldErrors({ ...valid, country: "ZZ" }).country).toMatch(/Choose a country/);
    expect(fieldErrors({ ...valid, country: "USA" }).country).toMatch(/Choose a country/);
    expect(fieldErrors({ ...valid, currency: "usd" }).currency).toBe("Choose a currency from the list");
    expect(fieldErrors({ ...valid, currency: "XXX" }).currency).toBe("Choose a currency from the list");
    expect(customerInputSchema.parse({ ...valid, currency: "JPY" }).currency).toBe("JPY");
  });
});

describe("customerListParamsSchema", () => {
  it("defaults to active customers with no search", () => {
    expect(customerListParamsSchema.parse({})).toEqual({
      q: "",
      status: "active",
      after: undefined,
      before: undefined,
    });
  });

  it("takes the first of repeated params and ignores unknown statuses", () => {
    expect(customerListParamsSchema.parse({ q: [" acme ", "globex"], status: "deleted" })).toMatchObject({
      q: "acme",
      status: "active",
    });
    expect(customerListParamsSchema.parse({ status: "all", after: "abc" })).toMatchObject({
      status: "all",
      after: "abc",
    });
  });
});
