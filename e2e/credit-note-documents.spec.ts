// Credit note documents as staff and customers get them: finance downloads a seeded refunded credit
// note's PDF and reads its numbers with pdftotext, and finds it on the invoice's PDF; the customer,
// signed out, reaches it from their invoice link, opens /c/<token> and downloads the same PDF; a
// wrong link is a plain "not found".
import fs from "node:fs";
import { expect, test, type Page } from "@playwright/test";
import { FINANCE_STATE } from "./helpers/billing";
import { escapeRegExp, expectPrivate, figure, pdfText, SIGNED_OUT, spaces } from "./helpers/documents";

type SeededCreditNote = {
  id: string;
  number: string;
  invoiceId: string;
  invoiceNumber: string;
  amount: string;
  refund: string;
};

/** A seeded issued credit note that was partly or wholly refunded, as the credit note list shows it. */
const findRefundedCreditNote = async (page: Page): Promise<SeededCreditNote> => {
  await page.goto("/credit-notes?status=issued");
  const table = page.getByRole("table", { name: "Credit notes" });
  const rows = table.locator("tbody tr").filter({ hasText: /Refund / });
  await expect(rows.first()).toBeVisible();
  const row = rows.first();
  const cells = row.getByRole("cell");
  const numberLink = cells.nth(0).getByRole("link");
  const invoiceLink = cells.nth(1).getByRole("link");
  const settled = spaces((await cells.nth(6).textContent()) ?? "");
  const refund = /Refund (.+?)(?: · |$)/.exec(settled)?.[1]?.trim() ?? "";
  return {
    id: /\/credit-notes\/(cn_[0-9A-Z]+)/.exec((await numberLink.getAttribute("href")) ?? "")?.[1] ?? "",
    number: ((await numberLink.textContent()) ?? "").trim(),
    invoiceId: /\/invoices\/(inv_[0-9A-Z]+)/.exec((await invoiceLink.getAttribute("href")) ?? "")?.[1] ?? "",
    invoiceNumber: ((await invoiceLink.textContent()) ?? "").trim(),
    amount: spaces((await cells.nth(7).textContent()) ?? "").trim(),
    refund,
  };
};

test.describe("credit note documents", () => {
  test.use({ storageState: FINANCE_STATE });

  test("the credit note PDF carries its numbers, and the customer opens it signed out from their invoice", async ({
    page,
    browser,
  }) => {
    const creditNote = await findRefundedCreditNote(page);
    expect(creditNote.id).toMatch(/^cn_/);
    expect(creditNote.number).toMatch(new RegExp(`^${escapeRegExp(creditNote.invoiceNumber)}-CN\\d{2}$`));
    expect(creditNote.refund).not.toBe("");

    // Staff PDF, by the session.
    const staffPdf = await page.request.get(`/api/credit-notes/${creditNote.id}/pdf`);
    expect(staffPdf.status()).toBe(200);
    expect(staffPdf.headers()["content-type"]).toBe("application/pdf");
    expect(staffPdf.headers()["content-disposition"]).toBe(`attachment; filename="${creditNote.number}.pdf"`);
    const staffText = pdfText(await staffPdf.body());
    expect(staffText).toContain("Credit note");
    expect(staffText).toContain(creditNote.number);
    expect(staffText).toContain(creditNote.invoiceNumber);
    expect(staffText).toContain("Northwind Analytics Ltd");
    expect(staffText).toMatch(new RegExp(`Total credited\\s+${figure(creditNote.amount)}`));
    expect(staffText).toMatch(new RegExp(`Refunded\\s+${figure(creditNote.refund)}`));
    expect(staffText).toMatch(/Page 1 of 1/);
    expect(staffText).not.toContain("VOID");

    // The invoice's PDF lists it, with its amount off the original total.
    const invoicePdf = await page.request.get(`/api/invoices/${creditNote.invoiceId}/pdf`);
    expect(invoicePdf.status()).toBe(200);
    const invoiceText = pdfText(await invoicePdf.body());
    expect(invoiceText).toMatch(/Original total\s+\S+/);
    expect(invoiceText).toMatch(
      new RegExp(`Credit note ${escapeRegExp(creditNote.number)}\\s+-${figure(creditNote.amount)}`),
    );
    expect(invoiceText).toMatch(/Amount due\s+\S+/);

    // The customer holds the invoice's link (from the staff invoice page) and finds the credit note there.
    await page.goto(`/invoices/${creditNote.invoiceId}`);
    const invoiceUrl = await page.getByLabel(/customer views and downloads the invoice/i).inputValue();
    const invoiceToken = /\/i\/([A-Za-z0-9_-]+)$/.exec(invoiceUrl)?.[1];
    expect(invoiceToken).toBeTruthy();

    const context = await browser.newContext({ storageState: SIGNED_OUT });
    try {
      const customer = await context.newPage();
      expect((await customer.goto(`/i/${invoiceToken}`))?.status()).toBe(200);
      const listed = customer.getByRole("table", { name: "Credit notes" }).getByRole("row").filter({
        hasText: creditNote.number,
      });
      await expect(listed).toContainText("Issued");
      await expect(
        customer
          .getByRole("definition")
          .filter({ hasText: new RegExp(figure(creditNote.amount)) })
          .first(),
      ).toBeVisible();
      await listed.getByRole("link", { name: creditNote.number }).click();
      await expect(customer).toHaveURL(/\/c\/[A-Za-z0-9_-]+$/);
      const creditNoteUrl = new URL(customer.url()).pathname;

      // Opened directly, as from an email: not indexed, not cached, no sign-in.
      const opened = await customer.goto(creditNoteUrl);
      expect(opened?.status()).toBe(200);
      expectPrivate(opened);
      await expect(customer).toHaveURL(creditNoteUrl);
      await expect(customer.getByRole("heading", { level: 1, name: `Credit note ${creditNote.number}` })).toBeVisible();
      await expect(customer.getByRole("table", { name: "Credit note lines" })).toBeVisible();
      const totals = customer.getByLabel("Credit note totals");
      await expect(totals).toContainText(new RegExp(`Total credited\\s*${figure(creditNote.amount)}`));
      await expect(totals).toContainText(new RegExp(`Refunded\\s*${figure(creditNote.refund)}`));
      await expect(customer.getByRole("link", { name: creditNote.invoiceNumber, exact: true })).toHaveAttribute(
        "href",
        `/i/${invoiceToken}`,
      );

      const [download] = await Promise.all([
        customer.waitForEvent("download"),
        customer.getByRole("link", { name: "Download PDF" }).click(),
      ]);
      expect(download.suggestedFilename()).toBe(`${creditNote.number}.pdf`);
      const downloaded = pdfText(fs.readFileSync((await download.path())!));
      expect(downloaded).toContain(creditNote.number);
      expect(downloaded).toMatch(new RegExp(`Total credited\\s+${figure(creditNote.amount)}`));

      const customerPdf = await customer.request.get(`${creditNoteUrl}/pdf`);
      expect(customerPdf.status()).toBe(200);
      expectPrivate(customerPdf);

      // The staff route asks the signed-out customer to sign in rather than serving the credit note.
      expect((await customer.request.get(`/api/credit-notes/${creditNote.id}/pdf`)).status()).toBe(401);
    } finally {
      await context.close();
    }
  });

  test("a wrong credit note link is a plain not-found page, and so is its PDF", async ({ browser, page }) => {
    const context = await browser.newContext({ storageState: SIGNED_OUT });
    try {
      const customer = await context.newPage();
      const response = await customer.goto("/c/not-a-real-token");
      expect(response?.status()).toBe(404);
      expectPrivate(response);
      await expect(customer.getByRole("heading", { name: "This link does not work" })).toBeVisible();
      await expect(customer).toHaveURL("/c/not-a-real-token");
      // Well formed, but no credit note holds it.
      expect((await customer.goto("/c/AAAAAAAAAAAAAAAAAAAAAAAAAAA"))?.status()).toBe(404);
      const pdf = await customer.request.get("/c/not-a-real-token/pdf");
      expect(pdf.status()).toBe(404);
      expect(pdf.headers()["content-type"]).not.toContain("pdf");
    } finally {
      await context.close();
    }
    // Staff: an id that is not theirs.
    expect((await page.request.get("/api/credit-notes/cn_00000000000000000000000000/pdf")).status()).toBe(404);
  });
});
