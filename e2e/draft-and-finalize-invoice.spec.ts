// A finance user drafts a one-off invoice for a seeded customer: the live total on the form is the
// total the invoice page shows after saving; bad lines and a taken custom number are refused at
// their fields with nothing saved; the draft is finalized from its series, paid in part, refused an
// overpayment, paid in full with a receipt per payment, and every step is on the timeline.
import { expect, test, type Page, type TestInfo } from "@playwright/test";

const FINANCE_STATE = "e2e/.auth/finance.json";
const VIEWER_STATE = "e2e/.auth/viewer.json";

// Unique per run, test and worker, so reruns against the same database never collide.
const stampFor = (testInfo: TestInfo) =>
  `${Date.now()}-${testInfo.workerIndex}-${Math.random().toString(36).slice(2, 6)}`;

const toast = (page: Page, text: string | RegExp) => page.getByRole("status").filter({ hasText: text });

const customerInvoiceRows = async (page: Page, customerName: string) => {
  await page.goto("/customers?q=" + encodeURIComponent(customerName));
  await page.getByRole("table", { name: "Customers" }).getByRole("link", { name: customerName }).click();
  const table = page.getByRole("table", { name: "Invoices billed to this customer" });
  await expect(table).toBeVisible();
  return table.locator("tbody tr").count();
};

const fillLine = async (
  page: Page,
  position: number,
  line: { description: string; quantity: string; unitPrice: string; taxRate: string },
) => {
  await page.getByLabel(`Line ${position} description`).fill(line.description);
  await page.getByLabel(`Line ${position} quantity`).fill(line.quantity);
  await page.getByLabel(`Line ${position} unit price`).fill(line.unitPrice);
  await page.getByLabel(`Line ${position} tax rate`).fill(line.taxRate);
};

test.describe("as finance", () => {
  test.use({ storageState: FINANCE_STATE });

  test("drafts, finalizes and is paid in two payments, with every step on the timeline", async ({ page }, testInfo) => {
    test.setTimeout(120_000);
    const stamp = stampFor(testInfo);
    const memo = `E2E draft ${stamp}`;
    const customerName = "Hooli Inc";
    const invoicesBefore = await customerInvoiceRows(page, customerName);

    await page.goto("/invoices");
    await page.getByRole("link", { name: "New invoice" }).click();
    await expect(page).toHaveURL(/\/invoices\/new$/);
    await expect(page.getByRole("heading", { level: 1, name: "New invoice" })).toBeVisible();

    // The customer is found by typing and picked with the keyboard; its currency comes with it.
    await page.getByLabel("Currency").selectOption("EUR");
    const customer = page.getByRole("combobox", { name: "Customer" });
    await customer.fill("hooli");
    await expect(page.getByRole("option", { name: /Hooli Inc/ })).toBeVisible();
    await customer.press("ArrowDown");
    await customer.press("Enter");
    await expect(customer).toHaveValue(customerName);
    await expect(page.getByRole("listbox", { name: "Customers" })).toBeHidden();
    await expect(page.getByLabel("Currency")).toHaveValue("USD");
    await page.getByLabel("Memo").fill(memo);

    // An empty description and a price with too many decimals for USD: refused at their fields.
    await fillLine(page, 1, { description: "", quantity: "7.5", unitPrice: "12.345", taxRate: "8.875" });
    await page.getByRole("button", { name: "Save draft" }).click();
    const description1 = page.getByLabel("Line 1 description");
    await expect(description1).toHaveAttribute("aria-invalid", "true");
    await expect(description1).toHaveAccessibleDescription("Describe the line");
    await expect(page.getByLabel("Line 1 unit price")).toHaveAccessibleDescription(
      "USD amounts have at most 2 decimals",
    );
    await expect(page.getByTestId("line-1-amount")).toHaveText("—");
    await expect(page).toHaveURL(/\/invoices\/new$/);

    // Three lines, one with a fractional quantity and a tax rate; the last moved up to second.
    await fillLine(page, 1, {
      description: "Consulting, hours",
      quantity: "7.5",
      unitPrice: "145.00",
      taxRate: "8.875",
    });
    await expect(page.getByTestId("line-1-amount")).toHaveText("$1,087.50");
    await page.getByRole("button", { name: "Add line" }).click();
    await fillLine(page, 2, { description: "Setup fee", quantity: "1", unitPrice: "500", taxRate: "0" });
    await page.getByRole("button", { name: "Add line" }).click();
    await fillLine(page, 3, { description: "Licences", quantity: "3", unitPrice: "19.99", taxRate: "8.875" });
    await page.getByRole("button", { name: "Move line 3 up" }).click();
    await expect(page.getByLabel("Line 2 description")).toHaveValue("Licences");
    await expect(page.getByLabel("Line 3 description")).toHaveValue("Setup fee");

    // 1,087.50 + 59.97 + 500.00 = 1,647.47; tax 96.52 + 5.32 (8.875%, per line) = 101.84.
    const liveTotal = page.getByTestId("draft-total");
    await expect(page.getByTestId("draft-subtotal")).toHaveText("$1,647.47");
    await expect(liveTotal).toHaveText("$1,749.31");
    const liveTotalText = await liveTotal.textContent();

    // A number already used (by a seeded invoice) is refused at the field while typing, and on save.
    await page.getByLabel("Custom number").check();
    const customNumber = page.getByRole("textbox", { name: "Custom number" });
    await customNumber.fill("CUSTOM-SEQ-001");
    await expect(customNumber).toHaveAccessibleDescription("CUSTOM-SEQ-001 is already used by another invoice");
    await page.getByRole("button", { name: "Save draft" }).click();
    await expect(customNumber).toHaveAttribute("aria-invalid", "true");
    await expect(customNumber).toHaveAccessibleDescription("CUSTOM-SEQ-001 is already used by another invoice");
    await expect(page.getByRole("alert").filter({ hasText: "Nothing was saved" })).toBeVisible();
    await expect(page).toHaveURL(/\/invoices\/new$/);

    // An unused number is reported available, but this invoice is numbered from the series.
    await customNumber.fill(`E2E-${stamp}`.slice(0, 40));
    await expect(customNumber).toHaveAccessibleDescription("Available");
    await page.getByLabel("Next number from series").check();
    await expect(page.getByLabel("Series", { exact: true })).toHaveValue("");
    await page.getByRole("button", { name: "Save draft" }).click();

    await expect(page).toHaveURL(/\/invoices\/inv_[0-9A-Z]+$/);
    await expect(toast(page, "Draft created")).toBeVisible();
    await expect(page.getByRole("heading", { level: 1, name: "Draft" })).toBeVisible();
    await expect(page.getByText(memo)).toBeVisible();
    await expect(page.getByTestId("invoice-total")).toHaveText(liveTotalText ?? "");
    await expect(page.getByTestId("invoice-subtotal")).toHaveText("$1,647.47");
    const lines = page.getByRole("table", { name: "Invoice lines" }).locator("tbody tr");
    await expect(lines).toHaveCount(3);
    await expect(lines.nth(0)).toContainText("Consulting, hours");
    await expect(lines.nth(0)).toContainText("7.5");
    await expect(lines.nth(1)).toContainText("Licences");
    await expect(lines.nth(2)).toContainText("Setup fee");
    const invoiceUrl = page.url();

    // Editing the draft opens it as saved, live total included.
    await page.getByRole("link", { name: "Edit", exact: true }).click();
    await expect(page).toHaveURL(/\/edit$/);
    await expect(page.getByRole("combobox", { name: "Customer" })).toHaveValue(customerName);
    await expect(page.getByLabel("Line 2 description")).toHaveValue("Licences");
    await expect(page.getByTestId("draft-total")).toHaveText("$1,749.31");
    await page.getByRole("link", { name: "Cancel" }).click();
    await expect(page).toHaveURL(invoiceUrl);

    // Finalize: the dialog names the series; the number is given now.
    await page.getByRole("button", { name: "Finalize", exact: true }).click();
    const finalizeDialog = page.getByRole("dialog", { name: "Finalize and number it from INV-{YYYY}{MM}-{NNNN}?" });
    await expect(finalizeDialog).toContainText("Lines and amounts can no longer change.");
    await finalizeDialog.getByRole("button", { name: "Finalize invoice" }).click();
    await expect(toast(page, /Finalized as INV-\d{6}-\d{4}/)).toBeVisible();
    const heading = page.getByRole("heading", { level: 1 });
    await expect(heading).toHaveText(/^INV-\d{6}-\d{4}$/);
    const number = (await heading.textContent()) ?? "";
    const badges = page.getByTestId("invoice-badges");
    await expect(badges).toHaveText("OpenUnpaid");
    await expect(page.getByRole("button", { name: "Finalize", exact: true })).toHaveCount(0);
    await expect(page.getByRole("link", { name: "Edit", exact: true })).toHaveCount(0);
    await expect(page.getByLabel(/The customer views and downloads the invoice here/)).toHaveValue(
      /^https?:\/\/.+\/i\/[A-Za-z0-9_-]{20,}$/,
    );

    // A partial payment: the amount starts at what is due.
    await page.getByRole("button", { name: "Record payment" }).click();
    let paymentDialog = page.getByRole("dialog", { name: `Record a payment on ${number}` });
    const amount = paymentDialog.getByLabel("Amount (USD)");
    await expect(amount).toHaveValue("1749.31");
    await amount.fill("1,000.00");
    await paymentDialog.getByLabel("Method").selectOption("bank_transfer");
    await paymentDialog.getByLabel("Reference").fill(`WIRE-${stamp}`);
    await paymentDialog.getByRole("button", { name: "Record payment" }).click();
    await expect(paymentDialog).toHaveCount(0);
    await expect(toast(page, /Payment recorded on .*: receipt RCP-/)).toBeVisible();
    await expect(page.getByTestId("invoice-amount-due")).toHaveText("$749.31");
    await expect(badges).toHaveText("OpenPartially paid");

    // More than is due is refused at the amount field, and nothing is recorded.
    await page.getByRole("button", { name: "Record payment" }).click();
    paymentDialog = page.getByRole("dialog", { name: `Record a payment on ${number}` });
    await expect(paymentDialog.getByLabel("Amount (USD)")).toHaveValue("749.31");
    await paymentDialog.getByLabel("Amount (USD)").fill("800.00");
    await paymentDialog.getByRole("button", { name: "Record payment" }).click();
    await expect(paymentDialog.getByLabel("Amount (USD)")).toHaveAttribute("aria-invalid", "true");
    await expect(paymentDialog.getByLabel("Amount (USD)")).toHaveAccessibleDescription(/749\.31/);
    await expect(page.getByTestId("invoice-amount-due")).toHaveText("$749.31");

    // The rest: paid, with one receipt per payment.
    await paymentDialog.getByLabel("Amount (USD)").fill("749.31");
    await paymentDialog.getByLabel("Method").selectOption("cheque");
    await paymentDialog.getByRole("button", { name: "Record payment" }).click();
    await expect(paymentDialog).toHaveCount(0);
    await expect(page.getByTestId("invoice-amount-due")).toHaveText("$0.00");
    await expect(badges).toHaveText("Paid");
    await expect(page.getByRole("button", { name: "Record payment" })).toHaveCount(0);
    const payments = page.getByRole("table", { name: "Payments and receipts" }).locator("tbody tr");
    await expect(payments).toHaveCount(2);
    await expect(payments.nth(0)).toContainText("Cheque");
    await expect(payments.nth(0)).toContainText("$749.31");
    await expect(payments.nth(1)).toContainText("Bank transfer");
    await expect(payments.nth(1)).toContainText(`WIRE-${stamp}`);
    await expect(payments.nth(1)).toContainText("$1,000.00");
    const receipts = page.getByRole("table", { name: "Payments and receipts" }).getByRole("link", { name: /^RCP-/ });
    await expect(receipts).toHaveCount(2);
    await expect(receipts.first()).toHaveAttribute("href", /^\/api\/receipts\/rcp_[0-9A-Z]+\/pdf$/);

    // The timeline, oldest first: created, finalized, two payments, paid.
    const timeline = page.getByRole("list", { name: "Timeline" }).getByRole("listitem");
    await expect(timeline.first()).toContainText(`Created a draft invoice for ${customerName}: $1,749.31`);
    await expect(timeline.filter({ hasText: `Finalized ${number}` })).toHaveCount(1);
    await expect(timeline.filter({ hasText: /Recorded \$1,000\.00/ })).toHaveCount(1);
    await expect(timeline.filter({ hasText: /Recorded \$749\.31/ })).toHaveCount(1);
    await expect(timeline.last()).toContainText(`${number} is paid in full`);
    await expect(timeline.first()).toContainText("finance@billfold.local");

    // The two refused saves created nothing: the customer has exactly one more invoice.
    expect(await customerInvoiceRows(page, customerName)).toBe(invoicesBefore + 1);
  });

  test("a draft is deleted; an open invoice gets a new customer link and is voided with a reason", async ({
    page,
  }, testInfo) => {
    const stamp = stampFor(testInfo);
    const draftOne = async (memo: string) => {
      await page.goto("/invoices/new");
      const customer = page.getByRole("combobox", { name: "Customer" });
      await customer.fill("acme-corp");
      await page.getByRole("option", { name: /Acme Corporation/ }).click();
      await expect(customer).toHaveValue("Acme Corporation");
      await fillLine(page, 1, { description: "Training day", quantity: "1", unitPrice: "1200", taxRate: "" });
      await page.getByLabel("Memo").fill(memo);
      await page.getByRole("button", { name: "Save draft" }).click();
      await expect(page).toHaveURL(/\/invoices\/inv_[0-9A-Z]+$/);
      await expect(page.getByTestId("invoice-total")).toHaveText("$1,200.00");
    };

    // Deleting a draft: confirmed in a dialog that says no number is lost.
    await draftOne(`E2E delete ${stamp}`);
    const draftUrl = page.url();
    await page.getByRole("button", { name: "Delete draft" }).click();
    const deleteDialog = page.getByRole("dialog", { name: "Delete this draft?" });
    await expect(deleteDialog).toContainText("It has no number yet, so no number is lost.");
    await deleteDialog.getByRole("button", { name: "Delete draft" }).click();
    await expect(page).toHaveURL(/\/invoices(\?.*)?$/);
    await expect(toast(page, "Draft deleted")).toBeVisible();
    expect((await page.goto(draftUrl))?.status()).toBe(404);

    // Finalized, then its customer link replaced: the old address is no longer the one shown.
    await draftOne(`E2E void ${stamp}`);
    await page.getByRole("button", { name: "Finalize", exact: true }).click();
    await page.getByRole("dialog").getByRole("button", { name: "Finalize invoice" }).click();
    const heading = page.getByRole("heading", { level: 1 });
    await expect(heading).toHaveText(/^INV-\d{6}-\d{4}$/);
    const number = (await heading.textContent()) ?? "";
    const link = page.getByLabel(/The customer views and downloads the invoice here/);
    await expect(link).toHaveValue(/\/i\/[A-Za-z0-9_-]{20,}$/);
    const oldLink = await link.inputValue();
    await page.getByRole("button", { name: "Rotate link" }).click();
    const rotateDialog = page.getByRole("dialog", { name: "Make a new customer link?" });
    await expect(rotateDialog).toContainText("The old link will stop working.");
    await rotateDialog.getByRole("button", { name: "Rotate link" }).click();
    await expect(toast(page, "the old one no longer works")).toBeVisible();
    await expect(link).not.toHaveValue(oldLink);
    await expect(link).toHaveValue(/\/i\/[A-Za-z0-9_-]{20,}$/);

    // Void needs a reason; with one, the invoice is void, keeps its number, and says why.
    await page.getByRole("button", { name: "Void", exact: true }).click();
    const voidDialog = page.getByRole("dialog", { name: `Void ${number}?` });
    await expect(voidDialog).toContainText("Its number stays used");
    await voidDialog.getByRole("button", { name: "Void invoice" }).click();
    await expect(voidDialog.getByLabel("Reason")).toHaveAccessibleDescription("Say why the invoice is void");
    await voidDialog.getByLabel("Reason").fill(`Duplicate of another order ${stamp}`);
    await voidDialog.getByRole("button", { name: "Void invoice" }).click();
    await expect(voidDialog).toHaveCount(0);
    await expect(toast(page, `${number} voided`)).toBeVisible();
    await expect(heading).toHaveText(number);
    await expect(page.getByTestId("invoice-badges")).toHaveText("VoidUnpaid");
    await expect(page.getByRole("button", { name: "Void", exact: true })).toHaveCount(0);
    await expect(page.getByRole("button", { name: "Record payment" })).toHaveCount(0);
    const timeline = page.getByRole("list", { name: "Timeline" }).getByRole("listitem");
    await expect(timeline.filter({ hasText: "Replaced the customer link" })).toHaveCount(1);
    await expect(timeline.filter({ hasText: `Voided ${number}` })).toContainText(
      `Reason: Duplicate of another order ${stamp}`,
    );
  });
});

test.describe("as a viewer", () => {
  test.use({ storageState: VIEWER_STATE });

  test("reads an invoice without any of the actions, and cannot open the new-invoice form", async ({ page }) => {
    await page.goto("/invoices?status=paid");
    await page
      .getByRole("table", { name: "Invoices" })
      .getByRole("link", { name: /^INV-|^RS-|^SG-/ })
      .first()
      .click();
    await expect(page).toHaveURL(/\/invoices\/inv_[0-9A-Z]+$/);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(/^(INV|RS-SEA|SG-INV)-/);
    await expect(page.getByRole("link", { name: "Download PDF" })).toBeVisible();
    for (const name of ["Finalize", "Record payment", "Void", "Mark uncollectible", "Rotate link"]) {
      await expect(page.getByRole("button", { name, exact: true })).toHaveCount(0);
    }
    await page.goto("/invoices/new");
    await expect(page.getByRole("heading", { name: "You cannot draft invoices" })).toBeVisible();
  });
});
