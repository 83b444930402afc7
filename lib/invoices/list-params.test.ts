import { describe, expect, it } from "vitest";
import {
  clearFiltersHref,
  decodeInvoiceCursor,
  encodeInvoiceCursor,
  hasActiveFilters,
  invoiceListHref,
  invoiceListParamsSchema,
  sortHrefs,
} from "./list-params";

const parse = (params: Record<string, string | string[]>) => invoiceListParamsSchema.parse(params);

describe("invoiceListParamsSchema", () => {
  it("defaults to every invoice, newest issued first", () => {
    expect(parse({})).toEqual({
      q: "",
      status: undefined,
      payment: undefined,
      customer: undefined,
      currency: undefined,
      from: undefined,
      to: undefined,
      sort: "issued",
      dir: "desc",
      after: undefined,
      before: undefined,
    });
  });

  it("reads every filter, the order and the cursor", () => {
    expect(
      parse({
        q: "  acme ",
        status: "overdue",
        payment: "partially_paid",
        customer: "cus_01JABC",
        currency: "eur",
        from: "2026-01-01",
        to: "2026-03-31",
        sort: "total",
        dir: "asc",
        after: "abc",
      }),
    ).toMatchObject({
      q: "acme",
      status: "overdue",
      payment: "partially_paid",
      customer: "cus_01JABC",
      currency: "EUR",
      from: "2026-01-01",
      to: "2026-03-31",
      sort: "total",
      dir: "asc",
      after: "abc",
    });
  });

  it("takes 'open' as the finalized status", () => {
    expect(parse({ status: "open" }).status).toBe("finalized");
  });

  it("drops what it cannot read instead of failing the page", () => {
    expect(
      parse({
        status: "late",
        payment: "maybe",
        customer: "cus_1'; DROP TABLE",
        currency: "EURO",
        from: "2026-02-30",
        to: "yesterday",
        sort: "name",
        dir: "sideways",
      }),
    ).toMatchObject({
      status: undefined,
      payment: undefined,
      customer: undefined,
      currency: undefined,
      from: undefined,
      to: undefined,
      sort: "issued",
      dir: "desc",
    });
  });

  it("reads empty fields of a plain GET form as no filter, and the first of repeated params", () => {
    expect(parse({ q: "", status: "", currency: "", from: "" })).toMatchObject({
      q: "",
      status: undefined,
      currency: undefined,
      from: undefined,
    });
    expect(parse({ status: ["paid", "void"], q: ["INV", "x"] })).toMatchObject({ status: "paid", q: "INV" });
  });
});

describe("invoiceListHref", () => {
  it("leaves defaults out so a shared link stays short", () => {
    expect(invoiceListHref({})).toBe("/invoices");
    expect(invoiceListHref(parse({}))).toBe("/invoices");
    expect(invoiceListHref({ sort: "issued", dir: "desc", q: "" })).toBe("/invoices");
  });

  it("round-trips through the parser", () => {
    const params = parse({
      q: "INV-2026 & co",
      status: "paid",
      payment: "paid",
      customer: "cus_1",
      currency: "USD",
      from: "2026-01-01",
      to: "2026-01-31",
      sort: "due",
      dir: "asc",
      before: "xyz",
    });
    const href = invoiceListHref(params);
    const search = Object.fromEntries(new URL(href, "http://localhost").searchParams);
    expect(parse(search)).toEqual(params);
  });

  it("carries one cursor at most, the next one first", () => {
    expect(invoiceListHref({ after: "a", before: "b" })).toBe("/invoices?after=a");
  });

  it("clears filters but keeps the order", () => {
    expect(clearFiltersHref(parse({ q: "x", status: "void", sort: "total", dir: "asc" }))).toBe(
      "/invoices?sort=total&dir=asc",
    );
  });
});

describe("sortHrefs", () => {
  it("turns the current column round and starts another column largest or latest first, on page one", () => {
    const hrefs = sortHrefs(parse({ status: "paid", after: "cursor" }));
    expect(hrefs.issued).toBe("/invoices?status=paid&dir=asc");
    expect(hrefs.due).toBe("/invoices?status=paid&sort=due");
    expect(hrefs.total).toBe("/invoices?status=paid&sort=total");
    expect(sortHrefs(parse({ sort: "total", dir: "asc" })).total).toBe("/invoices?sort=total");
  });
});

describe("hasActiveFilters", () => {
  it("is false for the order alone and true for any filter", () => {
    expect(hasActiveFilters(parse({ sort: "total" }))).toBe(false);
    expect(hasActiveFilters(parse({ q: "a" }))).toBe(true);
    expect(hasActiveFilters(parse({ to: "2026-01-01" }))).toBe(true);
  });
});

describe("invoice cursors", () => {
  const order = { sort: "total", dir: "desc" } as const;

  it("round-trip", () => {
    const cursor = { ...order, value: "123450", id: "inv_01JX" };
    expect(decodeInvoiceCursor(encodeInvoiceCursor(cursor), order)).toEqual(cursor);
    const dated = { sort: "due", dir: "asc", value: "2026-02-28", id: "inv_2" } as const;
    expect(decodeInvoiceCursor(encodeInvoiceCursor(dated), { sort: "due", dir: "asc" })).toEqual(dated);
  });

  it("are ignored when made for another order", () => {
    const cursor = encodeInvoiceCursor({ ...order, value: "1", id: "inv_1" });
    expect(decodeInvoiceCursor(cursor, { sort: "total", dir: "asc" })).toBeNull();
    expect(decodeInvoiceCursor(cursor, { sort: "issued", dir: "desc" })).toBeNull();
  });

  it("are ignored when tampered with", () => {
    const forged = (parts: unknown) => Buffer.from(JSON.stringify(parts)).toString("base64url");
    expect(decodeInvoiceCursor(undefined, order)).toBeNull();
    expect(decodeInvoiceCursor("not base64 json", order)).toBeNull();
    expect(decodeInvoiceCursor(forged(["total", "desc", "12.5", "inv_1"]), order)).toBeNull();
    expect(decodeInvoiceCursor(forged(["total", "desc", "9223372036854775808", "inv_1"]), order)).toBeNull();
    expect(decodeInvoiceCursor(forged(["total", "desc", "9223372036854775807", "inv_1"]), order)).not.toBeNull();
    expect(decodeInvoiceCursor(forged(["total", "desc", "1", "inv_1' OR 1=1"]), order)).toBeNull();
    expect(decodeInvoiceCursor(forged(["issued", "desc", "2026-13-01", "inv_1"]), { ...order, sort: "issued" })).toBe(
      null,
    );
    expect(decodeInvoiceCursor(forged({ sort: "total" }), order)).toBeNull();
  });
});
