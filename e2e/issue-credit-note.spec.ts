// A finance user issues credit notes from an invoice: before payment the credit lowers the amount
// due (the preview says so before anything is saved) and voiding it restores it; too much credit is
// refused at its field with nothing issued; after payment the credit goes to the customer's wallet,
// the split must add up (the form says which part is off), and the wallet grows with reason refund.
import { expect, test, type Page } from "@playwright/test";
import {
  createCustomer,
  createFinalizedInvoice,
  FINANCE_STATE,
  payInFull,
  stampFor,
  toast,
  walletSection,
  type CreatedInvoice,
} from "./helpers/billing";

test.use({ storageState: FINANCE_STATE });

const openIssueForm = async (page: Page, invoice: CreatedInvoice) => {
  await page.goto(invoice.url);
  await page.getByRole("link", { name: "Issue credit note" }).click();
  await expect(page).toHaveURL(new RegExp(`/invoices/${invoice.id}/credit-notes/new$`));
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`Issue a credit note on ${invoice.number}`);
};

const quantity = (page: Page, line: number) => page.getByLabel(`Quantity to credit on line ${line}`);

test("before payment a credit note lowers the amount due, and voiding it restores it", async ({ page }, testInfo) => {
  test.setTimeout(120_000);
  const stamp = stampFor(testInfo);
  const memo = `Platform outage ${stamp}`;
  const customer = await createCustomer(page, { name: `Credit Before Pay Ltd ${stamp}`, stamp });
  // 2 x $100.00 untaxed + 1 x $50.00 at 10% = $255.00
  const invoice = await createFinalizedInvoice(page, {
    customerId: customer.id,
    lines: [
      { description: "Platform fee", quantity: "2", unitPrice: "100.00" },
      { description: "Onboarding", quantity: "1", unitPrice: "50.00", taxRate: "10" },
    ],
  });
  await expect(page.getByTestId("invoice-total")).toHaveText("$255.00");

  await openIssueForm(page, invoice);
  await expect(page.getByText(`Will be numbered ${invoice.number}-CN01`)).toBeVisible();
  await expect(page.getByTestId("preview-invoice-total")).toHaveText("$255.00");
  await expect(page.getByTestId("preview-credited-so-far")).toHaveText("$0.00");
  await expect(page.getByTestId("preview-new-amount-due")).toHaveText("$255.00");

  // The preview follows the quantities typed: one platform fee and the whole onboarding, tax included.
  await quantity(page, 1).fill("1");
  await expect(page.getByTestId("credit-line-0-amount")).toHaveText("$100.00");
  await expect(page.getByTestId("preview-credit-note-total")).toHaveText("-$100.00");
  await expect(page.getByTestId("preview-new-amount-due")).toHaveText("$155.00");
  await quantity(page, 2).fill("1");
  await expect(page.getByTestId("credit-line-1-amount")).toHaveText("$55.00");
  await expect(page.getByTestId("preview-credit-note-total")).toHaveText("-$155.00");
  await expect(page.getByTestId("preview-new-amount-due")).toHaveText("$100.00");
  // Nothing was due beyond it, so there is nothing to refund.
  await expect(page.getByTestId("preview-remainder")).toHaveCount(0);

  // A reason and a memo are required.
  await page.getByRole("button", { name: "Issue credit note" }).click();
  await expect(page.getByLabel("Reason")).toHaveAttribute("aria-invalid", "true");
  await page.getByLabel("Reason").selectOption({ label: "Service issue" });
  await page.getByLabel("Memo").fill(memo);
  await page.getByRole("button", { name: "Issue credit note" }).click();

  await expect(page).toHaveURL(/\/credit-notes\/cn_[0-9A-Z]+$/);
  await expect(toast(page, `Credit note ${invoice.number}-CN01 issued`)).toBeVisible();
  const creditNoteUrl = page.url();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`${invoice.number}-CN01`);
  await expect(page.getByTestId("credit-note-status")).toHaveText("Issued");
  await expect(page.getByTestId("credit-note-total")).toHaveText("$155.00");
  await expect(page.getByTestId("credit-note-to-due")).toHaveText("$155.00");
  await expect(page.getByText(memo).first()).toBeVisible();
  const lines = page.getByRole("table", { name: "Credit note lines" }).locator("tbody tr");
  await expect(lines).toHaveCount(2);
  await expect(lines.nth(0)).toContainText("Platform fee");
  await expect(page.getByRole("link", { name: "Download PDF" })).toHaveAttribute(
    "href",
    /^\/api\/credit-notes\/cn_[0-9A-Z]+\/pdf$/,
  );
  await expect(page.getByLabel(/customer views and downloads the credit note/)).toHaveValue(
    /^https?:\/\/.+\/c\/[A-Za-z0-9_-]{20,}$/,
  );

  // The invoice shows the credit note and the amount due it left.
  await page.getByRole("link", { name: invoice.number }).first().click();
  await expect(page).toHaveURL(invoice.url);
  await expect(page.getByTestId("invoice-amount-due")).toHaveText("$100.00");
  const creditNotes = page.getByRole("table", { name: "Credit notes on this invoice" }).locator("tbody tr");
  await expect(creditNotes).toHaveCount(1);
  await expect(creditNotes.first()).toContainText(`${invoice.number}-CN01`);
  await expect(creditNotes.first()).toContainText("Service issue");
  await expect(creditNotes.first()).toContainText("Issued");
  await expect(creditNotes.first()).toContainText("-$155.00");
  await expect(page.getByTestId("credit-notes-original-total")).toHaveText("$255.00");

  // The list finds it by reason and customer.
  await page.goto("/credit-notes");
  await page.getByLabel("Reason").selectOption({ label: "Service issue" });
  await expect(page).toHaveURL(/reason=service_issue/);
  const customerFilter = page.getByRole("combobox", { name: "Customer" });
  await customerFilter.fill(customer.name);
  await page.getByRole("option", { name: customer.name }).click();
  await expect(page).toHaveURL(new RegExp(`customer=${customer.id}`));
  const listed = page.getByRole("table", { name: "Credit notes" }).locator("tbody tr");
  await expect(listed).toHaveCount(1);
  await expect(listed.first()).toContainText(`${invoice.number}-CN01`);
  await page.getByLabel("Status").selectOption({ label: "Void" });
  await expect(listed.first()).toContainText("No credit notes match these filters");

  // Voiding the credit note puts the amount due back.
  await page.goto(creditNoteUrl);
  await page.getByRole("button", { name: "Void", exact: true }).click();
  const dialog = page.getByRole("dialog", { name: `Void ${invoice.number}-CN01?` });
  await expect(dialog).toContainText(`${invoice.number}'s amount due rises again by $155.00.`);
  await dialog.getByLabel("Reason").fill("Issued on the wrong invoice");
  await dialog.getByRole("button", { name: "Void credit note" }).click();
  await expect(dialog).toHaveCount(0);
  await expect(page.getByTestId("credit-note-status")).toHaveText("Void");
  await expect(page.getByText("Reason: Issued on the wrong invoice").first()).toBeVisible();
  await page.goto(invoice.url);
  await expect(page.getByTestId("invoice-amount-due")).toHaveText("$255.00");
  await expect(creditNotes.first()).toContainText("Void");
});

test("an over-credit is refused at its field and nothing is issued", async ({ page }, testInfo) => {
  const stamp = stampFor(testInfo);
  const customer = await createCustomer(page, { name: `Over Credit Ltd ${stamp}`, stamp });
  const invoice = await createFinalizedInvoice(page, {
    customerId: customer.id,
    lines: [{ description: "Consulting day", quantity: "1", unitPrice: "80.00" }],
  });

  await openIssueForm(page, invoice);
  await page.getByLabel("Reason").selectOption({ label: "Billing error" });
  await page.getByLabel("Memo").fill("Overcharged");

  // More of a line than was invoiced.
  await quantity(page, 1).fill("2");
  await page.getByRole("button", { name: "Issue credit note" }).click();
  await expect(quantity(page, 1)).toHaveAttribute("aria-invalid", "true");
  await expect(quantity(page, 1)).toHaveAccessibleDescription("At most 1 can still be credited on this line");

  // More than the invoice's total, as an amount.
  await page.getByLabel("An amount").check();
  const amount = page.getByLabel("Amount to credit (USD)");
  await amount.fill("100.00");
  await expect(page.getByTestId("preview-credit-note-total")).toHaveText("-$100.00");
  await page.getByRole("button", { name: "Issue credit note" }).click();
  await expect(amount).toHaveAttribute("aria-invalid", "true");
  await expect(amount).toHaveAccessibleDescription(`At most $80.00 can still be credited on ${invoice.number}`);
  await expect(page).toHaveURL(new RegExp(`/invoices/${invoice.id}/credit-notes/new$`));

  await page.goto(invoice.url);
  await expect(page.getByRole("table", { name: "Credit notes on this invoice" })).toContainText("No credit notes.");
  await expect(page.getByTestId("invoice-amount-due")).toHaveText("$80.00");
});

test("after payment a credit note to the wallet grows the wallet with reason refund", async ({ page }, testInfo) => {
  test.setTimeout(120_000);
  const stamp = stampFor(testInfo);
  const customer = await createCustomer(page, { name: `Credit After Pay Ltd ${stamp}`, stamp });
  const invoice = await createFinalizedInvoice(page, {
    customerId: customer.id,
    lines: [{ description: "Seats", quantity: "4", unitPrice: "30.00" }],
  });
  await payInFull(page, invoice);

  await openIssueForm(page, invoice);
  await page.getByLabel("An amount").check();
  await page.getByLabel("Amount to credit (USD)").fill("50.00");
  // Nothing is due any more: the whole $50.00 was paid and must be split.
  await expect(page.getByTestId("preview-new-amount-due")).toHaveText("$0.00");
  await expect(page.getByTestId("preview-remainder")).toContainText("$50.00 of this credit note was already paid");
  await expect(page.getByRole("group", { name: "Already paid: $50.00" })).toBeVisible();
  await page.getByLabel("Reason").selectOption({ label: "Product unsatisfactory" });
  await page.getByLabel("Memo").fill("Two seats never worked");

  // A split that does not add up is refused at the part that is off.
  const wallet = page.getByLabel("Wallet credit (USD)");
  await wallet.fill("40.00");
  await expect(page.getByTestId("credit-note-split-left")).toHaveText("Still to split: $10.00");
  await page.getByRole("button", { name: "Issue credit note" }).click();
  await expect(wallet).toHaveAttribute("aria-invalid", "true");
  await expect(wallet).toHaveAccessibleDescription(
    "Refund, wallet credit and out of band must add up to $50.00; they add up to $40.00",
  );

  await wallet.fill("50.00");
  await expect(page.getByTestId("credit-note-split-left")).toHaveText("Fully split.");
  await page.getByRole("button", { name: "Issue credit note" }).click();
  await expect(page).toHaveURL(/\/credit-notes\/cn_[0-9A-Z]+$/);
  await expect(page.getByTestId("credit-note-wallet")).toHaveText("$50.00");
  await expect(page.getByTestId("credit-note-to-due")).toHaveText("$0.00");
  const number = `${invoice.number}-CN01`;

  // The customer's wallet grew by the credit, with reason refund, linked to the credit note.
  await page.goto(customer.url);
  await expect(page.getByTestId("wallet-balance-USD")).toHaveText("$50.00");
  await expect(walletSection(page).getByLabel("Balance by reason (USD)")).toContainText("Refund$50.00");
  const ledger = page.getByRole("table", { name: "Wallet ledger (USD)" }).locator("tbody tr");
  await expect(ledger).toHaveCount(1);
  await expect(ledger.first()).toContainText("Credit · Refund");
  await expect(ledger.first()).toContainText("+$50.00");
  await expect(ledger.first().getByRole("link", { name: number })).toBeVisible();
});
