// The invoice server actions as a form calls them, against a real PostgreSQL: raw strings in, a
// result with the error at the field the form shows it on, nothing a viewer may do, nothing in
// another organisation, and no bigint crossing the wire. The session is the one thing stubbed.
import { describe, expect, it } from "vitest";
import { setUpActionTests } from "./action-harness";
import { draftValues, makeCustomer, makeOrganization } from "./invoice-fixtures";

const harness = setUpActionTests();
const { signIn } = harness;

const actions = await import("@/lib/invoices/actions");

describe("invoice actions", () => {
  it("save, finalize, pay and rotate through the pipeline, returning plain values", async () => {
    const user = await signIn();
    const customer = await makeCustomer(harness.db, user);
    const saved = await actions.saveDraftInvoice(draftValues(customer.id));
    expect(saved).toMatchObject({ ok: true });
    if (!saved.ok) return;
    const { invoiceId } = saved.data;

    expect(await actions.finalizeInvoice({ invoiceId })).toEqual({ ok: true, data: { number: "INV-202406-0001" } });
    const paid = await actions.recordPayment({
      invoiceId,
      amount: "234.50",
      receivedOn: "2024-06-30",
      method: "cheque",
      reference: "CHQ 1042",
    });
    expect(paid).toMatchObject({ ok: true, data: { receiptNumber: "RCP-2024-00001", amountDueMinor: "100000" } });
    // Everything returned survives the wire: no bigint anywhere.
    expect(() => JSON.stringify(paid)).not.toThrow();

    const rotated = await actions.rotateInvoiceLink({ invoiceId });
    expect(rotated.ok && rotated.data.publicToken.length).toBeGreaterThan(20);
    expect(await actions.markInvoiceUncollectible({ invoiceId, reason: "" })).toEqual({
      ok: true,
      data: { number: "INV-202406-0001" },
    });
  });

  it("puts errors at the fields the form shows them on", async () => {
    const user = await signIn();
    const customer = await makeCustomer(harness.db, user);
    const invalid = await actions.saveDraftInvoice(
      draftValues(customer.id, {
        lines: [{ description: "", quantity: "1", unitPrice: "10.999", taxRate: "" }],
      }),
    );
    expect(invalid).toMatchObject({
      ok: false,
      fieldErrors: {
        "lines.0.description": "Describe the line",
        "lines.0.unitPrice": "USD amounts have at most 2 decimals",
      },
    });

    await actions.saveDraftInvoice(draftValues(customer.id, { numbering: "custom", customNumber: "INV-202406-0052" }));
    const taken = await actions.saveDraftInvoice(
      draftValues(customer.id, { numbering: "custom", customNumber: "INV-202406-0052" }),
    );
    expect(taken).toEqual({
      ok: false,
      error: "INV-202406-0052 is already used by another invoice",
      fieldErrors: { customNumber: "INV-202406-0052 is already used by another invoice" },
    });
    expect(await actions.checkInvoiceNumber({ number: "INV-202406-0052" })).toEqual({
      ok: true,
      data: { available: false, message: "INV-202406-0052 is already used by another invoice" },
    });
    expect(await actions.checkInvoiceNumber({ number: "INV 7" })).toEqual({
      ok: true,
      data: { available: false, message: "Use only letters, digits and - _ / . in an invoice number" },
    });
    expect(await actions.checkInvoiceNumber({ number: "INV-202406-0053" })).toEqual({
      ok: true,
      data: { available: true },
    });

    const issued = await actions.saveDraftInvoice(draftValues(customer.id));
    if (!issued.ok) throw new Error(issued.error);
    await actions.finalizeInvoice({ invoiceId: issued.data.invoiceId });
    const tooMuch = await actions.recordPayment({
      invoiceId: issued.data.invoiceId,
      amount: "2000",
      receivedOn: "2024-06-30",
      method: "bank_transfer",
      reference: "",
    });
    expect(tooMuch).toMatchObject({
      ok: false,
      fieldErrors: { amount: "The amount due is $1,234.50: a payment cannot exceed it" },
    });
    expect(await actions.voidInvoice({ invoiceId: issued.data.invoiceId, reason: " " })).toMatchObject({
      ok: false,
      fieldErrors: { reason: "Say why the invoice is void" },
    });
  });

  it("lets a viewer change nothing and nobody reach another organisation's invoice", async () => {
    const owner = await signIn();
    const customer = await makeCustomer(harness.db, owner);
    const saved = await actions.saveDraftInvoice(draftValues(customer.id));
    if (!saved.ok) throw new Error(saved.error);
    const { invoiceId } = saved.data;

    await signIn("viewer");
    expect(await actions.finalizeInvoice({ invoiceId })).toEqual({
      ok: false,
      error: "You do not have permission to do this.",
    });
    expect(await actions.searchInvoiceCustomers({ q: "" })).toMatchObject({ ok: false });

    await signIn("finance");
    expect(await actions.finalizeInvoice({ invoiceId })).toEqual({ ok: false, error: "Invoice was not found." });
    expect(await actions.deleteDraftInvoice({ invoiceId })).toEqual({ ok: false, error: "Invoice was not found." });
    expect(await harness.db.invoice.findUniqueOrThrow({ where: { id: invoiceId } })).toMatchObject({ status: "draft" });
  });

  it("finds active customers to bill by name, email or external id", async () => {
    const user = await signIn();
    const named = { email: "billing@example.test" };
    const acme = await makeCustomer(harness.db, user, { ...named, name: "Acme Corporation" });
    await makeCustomer(harness.db, user, { ...named, name: "Acme Archived", archived: true });
    await makeCustomer(harness.db, user, { ...named, name: "Globex_GmbH", currency: "EUR" });
    await makeCustomer(harness.db, user, { name: "Hooli", email: "ap@acme-parent.example" });
    for (let index = 0; index < 12; index++)
      await makeCustomer(harness.db, user, { ...named, name: `Initech ${index}` });
    const stranger = await makeOrganization(harness.db, { name: "Stranger" });
    await makeCustomer(harness.db, stranger, { ...named, name: "Acme Elsewhere" });

    const names = async (q: string) => {
      const result = await actions.searchInvoiceCustomers({ q });
      if (!result.ok) throw new Error(result.error);
      return result.data.map((customer) => customer.name);
    };
    // By name or email; archived customers and other organisations' are not offered.
    expect(await names("acme")).toEqual(["Acme Corporation", "Hooli"]);
    expect(await names(acme.externalId.toUpperCase())).toEqual(["Acme Corporation"]);
    // "_" is a character here, not a wildcard.
    expect(await names("x_g")).toEqual(["Globex_GmbH"]);
    expect(await names("xxg")).toEqual([]);
    expect(await names("initech")).toHaveLength(10);
    const globex = await actions.searchInvoiceCustomers({ q: "globex" });
    expect(globex.ok && globex.data).toEqual([
      expect.objectContaining({ name: "Globex_GmbH", currency: "EUR", defaultInvoiceSeriesId: null }),
    ]);
  });

  it("deletes a draft", async () => {
    const user = await signIn();
    const customer = await makeCustomer(harness.db, user);
    const saved = await actions.saveDraftInvoice(draftValues(customer.id));
    if (!saved.ok) throw new Error(saved.error);
    expect(await actions.deleteDraftInvoice({ invoiceId: saved.data.invoiceId })).toEqual({
      ok: true,
      data: { deleted: true },
    });
  });
});
