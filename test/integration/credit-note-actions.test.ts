// The credit note server actions as the form calls them, against a real PostgreSQL: raw strings in,
// errors at the field the form shows them on, nothing for a viewer, nothing in another organisation,
// and no bigint crossing the wire. The session is the one thing stubbed.
import { describe, expect, it } from "vitest";
import type { IssueCreditNoteValues } from "@/lib/credit-notes/schemas";
import { setUpActionTests } from "./action-harness";
import { issuedInvoice } from "./invoice-fixtures";

const harness = setUpActionTests();
const { signIn } = harness;

const actions = await import("@/lib/credit-notes/actions");

const form = (invoiceId: string, values: Partial<IssueCreditNoteValues> = {}): IssueCreditNoteValues => ({
  invoiceId,
  mode: "amount",
  lines: [],
  amount: "",
  reason: "billing_error",
  memo: "Wrong rate applied",
  refund: "",
  walletCredit: "",
  outOfBand: "",
  ...values,
});

describe("credit note actions", () => {
  it("preview, issue and void through the pipeline, returning plain values", async () => {
    const user = await signIn();
    const { invoiceId, number } = await issuedInvoice(harness.db, user); // 1,234.50 due

    const preview = await actions.previewCreditNoteAction({ invoiceId, mode: "amount", amount: "1,300" });
    expect(preview.ok).toBe(true);
    if (!preview.ok) return;
    // Plain JSON: no bigint crosses to the browser.
    expect(JSON.parse(JSON.stringify(preview.data))).toEqual(preview.data);
    expect(preview.data).toMatchObject({
      totalMinor: "130000",
      creditableMinor: "123450",
      newAmountDueMinor: "0",
      issues: [{ path: "amount", message: `At most $1,234.50 can still be credited on ${number}` }],
    });

    const issued = await actions.issueCreditNote(form(invoiceId, { amount: "34.50" }));
    expect(issued).toEqual({
      ok: true,
      data: {
        creditNoteId: expect.stringMatching(/^cn_/),
        number: `${number}-CN01`,
        totalMinor: "3450",
        amountDueMinor: "120000",
      },
    });
    if (!issued.ok) return;

    const voided = await actions.voidCreditNote({ creditNoteId: issued.data.creditNoteId, reason: "Rate was right" });
    expect(voided).toEqual({ ok: true, data: { number: `${number}-CN01` } });
    expect((await harness.db.invoice.findUniqueOrThrow({ where: { id: invoiceId } })).amountDueMinor).toBe(123450n);
  });

  it("puts the form's errors at their fields and writes nothing", async () => {
    const user = await signIn();
    const { invoiceId, number } = await issuedInvoice(harness.db, user);

    expect(await actions.issueCreditNote(form(invoiceId, { memo: " ", amount: "10" }))).toMatchObject({
      ok: false,
      fieldErrors: { memo: "Write a memo: why is this credited?" },
    });
    expect(await actions.issueCreditNote(form(invoiceId, { amount: "2,000" }))).toEqual({
      ok: false,
      error: `At most $1,234.50 can still be credited on ${number}`,
      fieldErrors: { amount: `At most $1,234.50 can still be credited on ${number}` },
    });
    expect(await harness.db.creditNote.count({ where: { invoiceId } })).toBe(0);
  });

  it("refuses viewers, and another organisation's invoice is not found", async () => {
    const owner = await signIn();
    const { invoiceId } = await issuedInvoice(harness.db, owner);

    await signIn("viewer");
    expect(await actions.issueCreditNote(form(invoiceId, { amount: "10" }))).toEqual({
      ok: false,
      error: "You do not have permission to do this.",
    });

    await signIn("finance");
    expect(await actions.issueCreditNote(form(invoiceId, { amount: "10" }))).toEqual({
      ok: false,
      error: "Invoice was not found.",
    });
    expect(await actions.previewCreditNoteAction({ invoiceId, mode: "amount", amount: "10" })).toEqual({
      ok: false,
      error: "Invoice was not found.",
    });
    expect(await harness.db.creditNote.count({ where: { invoiceId } })).toBe(0);
  });
});
