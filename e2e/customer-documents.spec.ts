// Documents as staff and customers get them: finance downloads a seeded paid invoice's PDF and reads
// the number and amounts inside; the customer, signed out, opens the invoice and a receipt from
// their links, downloads both PDFs, and a wrong link is a plain "not found".
import fs from "node:fs";
import { expect, test, type Page } from "@playwright/test";
import { FINANCE_STATE } from "./helpers/billing";
import { escapeRegExp, expectPrivate, pdfText, SIGNED_OUT, spaces } from "./helpers/documents";

type SeededInvoice = {
  id: string;
  number: string;
  total: string;
  amountDue: string;
  customerUrl: string;
  receiptUrl: string;
};

/** A seeded paid invoice with a receipt, found as finance finds it: the list, then the invoice page. */
const findPaidInvoiceWithReceipt = async (page: Page): Promise<SeededInvoice> => {
  await page.goto("/invoices?status=paid");
  const links = page.getByRole("table", { name: "Invoices" }).getByRole("link", { name: /^[A-Z][A-Z0-9-]*-\d+$/ });
  await expect(links.first()).toBeVisible();
  const hrefs = await links.evaluateAll((anchors) => anchors.map((anchor) => anchor.getAttribute("href") ?? ""));
  for (const href of hrefs) {
    await page.goto(href);
    const receiptLinks = page.getByRole("link", { name: /Customer page for receipt/ });
    await expect(page.getByTestId("invoice-total")).toBeVisible();
    if ((await receiptLinks.count()) === 0) continue;
    const id = /\/invoices\/(inv_[0-9A-Z]+)/.exec(page.url())?.[1];
    const receiptHref = await receiptLinks.first().getAttribute("href");
    const customerUrl = await page.getByLabel(/customer views and downloads the invoice/i).inputValue();
    if (!id || !receiptHref) continue;
    return {
      id,
      number: (await page.getByRole("heading", { level: 1 }).textContent())?.trim() ?? "",
      // Amounts as the page prints them; some currencies put a no-break space after the code.
      total: spaces((await page.getByTestId("invoice-total").textContent()) ?? "").trim(),
      amountDue: spaces((await page.getByTestId("invoice-amount-due").textContent()) ?? "").trim(),
      customerUrl,
      receiptUrl: receiptHref,
    };
  }
  throw new Error("no seeded paid invoice with a receipt");
};

test.describe("documents", () => {
  test.use({ storageState: FINANCE_STATE });

  test("finance downloads a paid invoice's PDF and the customer opens the invoice and its receipt", async ({
    page,
    browser,
  }) => {
    const invoice = await findPaidInvoiceWithReceipt(page);
    expect(invoice.number).toMatch(/^[A-Z][A-Z0-9-]*-\d+$/);
    expect(invoice.amountDue).toMatch(/0\.00|0$/);

    // Staff PDF, by the session.
    const staffPdf = await page.request.get(`/api/invoices/${invoice.id}/pdf`);
    expect(staffPdf.status()).toBe(200);
    expect(staffPdf.headers()["content-type"]).toBe("application/pdf");
    expect(staffPdf.headers()["content-disposition"]).toBe(`attachment; filename="${invoice.number}.pdf"`);
    const staffText = pdfText(await staffPdf.body());
    expect(staffText).toContain(invoice.number);
    expect(staffText).toContain("Northwind Analytics Ltd");
    expect(staffText).toContain(invoice.total);
    expect(staffText).toMatch(new RegExp(`Amount due\\s+${escapeRegExp(invoice.amountDue)}`));
    expect(staffText).toContain("PAID");
    expect(staffText).toMatch(/Page 1 of \d+/);

    // The customer, signed out, at the link finance sends.
    const token = /\/i\/([A-Za-z0-9_-]+)$/.exec(invoice.customerUrl)?.[1];
    expect(token).toBeTruthy();
    const context = await browser.newContext({ storageState: SIGNED_OUT });
    try {
      const customer = await context.newPage();
      const opened = await customer.goto(`/i/${token}`);
      expect(opened?.status()).toBe(200);
      expectPrivate(opened);
      await expect(customer).toHaveURL(`/i/${token}`);
      await expect(customer.getByRole("heading", { level: 1, name: `Invoice ${invoice.number}` })).toBeVisible();
      await expect(customer.getByText("Paid", { exact: true }).first()).toBeVisible();
      const totals = customer.getByRole("definition").filter({
        hasText: new RegExp(escapeRegExp(invoice.total).replace(/ /g, "\\s")),
      });
      await expect(totals.first()).toBeVisible();
      await expect(customer.getByRole("table", { name: "Invoice lines" })).toBeVisible();

      const [download] = await Promise.all([
        customer.waitForEvent("download"),
        customer.getByRole("link", { name: "Download PDF" }).click(),
      ]);
      expect(download.suggestedFilename()).toBe(`${invoice.number}.pdf`);
      const downloaded = pdfText(fs.readFileSync((await download.path())!));
      expect(downloaded).toContain(invoice.number);
      expect(downloaded).toContain(invoice.total);

      // The receipt, from the invoice page's payments.
      const receiptPage = await customer.goto(invoice.receiptUrl);
      expect(receiptPage?.status()).toBe(200);
      expectPrivate(receiptPage);
      const receiptHeading = customer.getByRole("heading", { level: 1, name: /^Receipt / });
      await expect(receiptHeading).toBeVisible();
      const receiptNumber = (await receiptHeading.textContent())!.replace(/^Receipt /, "").trim();
      await expect(customer.getByText(`for invoice ${invoice.number}`)).toBeVisible();
      const receiptPdf = await customer.request.get(`${invoice.receiptUrl}/pdf`);
      expect(receiptPdf.status()).toBe(200);
      expectPrivate(receiptPdf);
      expect(receiptPdf.headers()["content-disposition"]).toBe(`attachment; filename="${receiptNumber}.pdf"`);
      const receiptText = pdfText(await receiptPdf.body());
      expect(receiptText).toContain(receiptNumber);
      expect(receiptText).toContain(invoice.number);
      expect(receiptText).toMatch(/Amount still due\s+\S+/);

      // A staff route asks the signed-out customer to sign in rather than serving the invoice.
      const staffRoute = await customer.request.get(`/api/invoices/${invoice.id}/pdf`);
      expect(staffRoute.status()).toBe(401);
    } finally {
      await context.close();
    }
  });

  test("a wrong customer link is a plain not-found page, and so is its PDF", async ({ browser }) => {
    const context = await browser.newContext({ storageState: SIGNED_OUT });
    try {
      const customer = await context.newPage();
      for (const address of ["/i/not-a-real-token", "/r/not-a-real-token"]) {
        const response = await customer.goto(address);
        expect(response?.status()).toBe(404);
        await expect(customer.getByRole("heading", { name: "This link does not work" })).toBeVisible();
        // Not sent to sign in: the page is public, the document just does not exist.
        await expect(customer).toHaveURL(address);
      }
      const pdf = await customer.request.get("/i/not-a-real-token/pdf");
      expect(pdf.status()).toBe(404);
      expect(pdf.headers()["content-type"]).not.toContain("pdf");
    } finally {
      await context.close();
    }
  });

  test("staff get 404 for an invoice or receipt that is not theirs", async ({ page }) => {
    expect((await page.request.get("/api/invoices/inv_00000000000000000000000000/pdf")).status()).toBe(404);
    expect((await page.request.get("/api/receipts/rcp_00000000000000000000000000/pdf")).status()).toBe(404);
  });
});
