import { describe, expect, it } from "vitest";
import { creditNoteListHref, creditNoteListParamsSchema, hasActiveFilters } from "./list-params";

describe("creditNoteListParamsSchema", () => {
  it("reads every filter from the address", () => {
    expect(
      creditNoteListParamsSchema.parse({
        reason: "billing_error",
        status: "void",
        customer: "cus_01ABC",
        from: "2026-01-01",
        to: "2026-01-31",
        cursor: "abc",
      }),
    ).toEqual({
      reason: "billing_error",
      status: "void",
      customer: "cus_01ABC",
      from: "2026-01-01",
      to: "2026-01-31",
      cursor: "abc",
    });
  });

  it("treats malformed or empty values as no filter rather than an error", () => {
    const params = creditNoteListParamsSchema.parse({
      reason: "because",
      status: "",
      customer: "x'; drop table",
      from: "2026-02-30",
      to: ["2026-03-01", "2026-04-01"],
    });
    expect(params).toEqual({
      reason: undefined,
      status: undefined,
      customer: undefined,
      from: undefined,
      to: "2026-03-01",
      cursor: undefined,
    });
    expect(hasActiveFilters(params)).toBe(true);
    expect(hasActiveFilters(creditNoteListParamsSchema.parse({}))).toBe(false);
  });
});

describe("creditNoteListHref", () => {
  it("leaves out what is not set", () => {
    expect(creditNoteListHref({})).toBe("/credit-notes");
    expect(creditNoteListHref({ reason: "duplicate", from: "2026-01-01" })).toBe(
      "/credit-notes?reason=duplicate&from=2026-01-01",
    );
  });
});
