// A finance user manages a customer's wallet: top-ups with several reasons show in the balance, the
// breakdown by reason, the credit expiring soon and the ledger; the same top-up form sent twice
// credits once; credit applied to an invoice shows on it and voiding that invoice gives it back. An
// admin's manual debit never takes the balance below zero; finance and viewers cannot debit.
import { expect, test, type Page, type Request } from "@playwright/test";
import {
  ADMIN_STATE,
  createCustomer,
  createFinalizedInvoice,
  daysFromToday,
  FINANCE_STATE,
  stampFor,
  toast,
  topUp,
  VIEWER_STATE,
  walletSection,
} from "./helpers/billing";

const balance = (page: Page) => page.getByTestId("wallet-balance-USD");
const ledgerRows = (page: Page) => page.getByRole("table", { name: "Wallet ledger (USD)" }).locator("tbody tr");

const isAction = (request: Request) => request.method() === "POST" && Boolean(request.headers()["next-action"]);

test.describe("as finance", () => {
  test.use({ storageState: FINANCE_STATE });

  test("top-ups with several reasons show in the breakdown, and the same form sent twice credits once", async ({
    page,
  }, testInfo) => {
    test.setTimeout(120_000);
    const stamp = stampFor(testInfo);
    await createCustomer(page, { name: `Wallet Reasons Ltd ${stamp}`, stamp });
    await expect(walletSection(page)).toContainText("No wallet credit yet.");

    await topUp(page, { amount: "100.00", reason: "Purchased", memo: `Prepaid by wire ${stamp}` });
    await expect(toast(page, "Wallet topped up: 100.00 USD")).toBeVisible();
    await expect(balance(page)).toHaveText("$100.00");
    const expiresOn = daysFromToday(10);
    await topUp(page, { amount: "25", reason: "Promotional", expiresOn, priority: "10", memo: "Launch promotion" });
    await topUp(page, { amount: "10.50", reason: "Goodwill", memo: "Sorry for the outage" });
    await expect(balance(page)).toHaveText("$135.50");

    const reasons = walletSection(page).getByLabel("Balance by reason (USD)");
    await expect(reasons).toContainText("Purchased$100.00");
    await expect(reasons).toContainText("Promotional$25.00");
    await expect(reasons).toContainText("Goodwill$10.50");
    const expiring = walletSection(page).getByRole("list", { name: "Expiring in the next 30 days (USD)" });
    await expect(expiring.getByRole("listitem")).toHaveCount(1);
    await expect(expiring).toContainText("Promotional");
    await expect(expiring).toContainText("$25.00");

    // The ledger, newest first: reason, amount, balance after, who.
    await expect(ledgerRows(page)).toHaveCount(3);
    await expect(ledgerRows(page).nth(0)).toContainText("Credit · Goodwill");
    await expect(ledgerRows(page).nth(0)).toContainText("+$10.50");
    await expect(ledgerRows(page).nth(0)).toContainText("$135.50");
    await expect(ledgerRows(page).nth(0)).toContainText("Sorry for the outage");
    await expect(ledgerRows(page).nth(2)).toContainText("Credit · Purchased");
    await expect(ledgerRows(page).nth(2)).toContainText("$100.00");

    // The answer to a top-up is lost on the way back: the server credited it, the form says it
    // could not confirm. Submitting the same form again credits nothing more.
    await walletSection(page).getByRole("button", { name: "Top up" }).click();
    const dialog = page.getByRole("dialog", { name: /^Top up .*'s wallet$/ });
    await dialog.getByLabel(/^Amount/).fill("40.00");
    await dialog.getByLabel("Reason").selectOption({ label: "Free trial" });
    await dialog.getByLabel("Memo").fill("Trial extension");
    let sent: { url: string; headers: Record<string, string>; body: string } | undefined;
    await page.route("**/*", async (route) => {
      const request = route.request();
      if (!isAction(request) || sent) return route.fallback();
      sent = { url: request.url(), headers: request.headers(), body: request.postData() ?? "" };
      await route.fetch();
      await route.abort("connectionreset");
    });
    await dialog.getByRole("button", { name: "Top up" }).click();
    await expect(dialog.getByRole("alert")).toContainText("The top-up could not be confirmed");
    await page.unrouteAll({ behavior: "wait" });
    await dialog.getByRole("button", { name: "Top up" }).click();
    await expect(dialog).toHaveCount(0);
    await expect(toast(page, "This top-up was already recorded: nothing was credited twice")).toBeVisible();
    await expect(balance(page)).toHaveText("$175.50");

    // The very same request sent twice more (the same idempotency key) changes nothing either.
    expect(sent).toBeDefined();
    for (let attempt = 0; attempt < 2; attempt++) {
      const replay = await page.request.post(sent!.url, {
        headers: {
          accept: sent!.headers["accept"] ?? "text/x-component",
          "content-type": sent!.headers["content-type"] ?? "text/plain;charset=UTF-8",
          "next-action": sent!.headers["next-action"] ?? "",
          "next-router-state-tree": sent!.headers["next-router-state-tree"] ?? "",
        },
        data: sent!.body,
      });
      expect(replay.ok()).toBe(true);
    }
    await page.reload();
    await expect(balance(page)).toHaveText("$175.50");
    await expect(ledgerRows(page)).toHaveCount(4);
    await expect(walletSection(page).getByLabel("Balance by reason (USD)")).toContainText("Free trial$40.00");
  });

  test("credit applied to an invoice shows on it, and voiding the invoice gives the credit back", async ({
    page,
  }, testInfo) => {
    test.setTimeout(120_000);
    const stamp = stampFor(testInfo);
    const customer = await createCustomer(page, { name: `Wallet Apply Ltd ${stamp}`, stamp });
    await topUp(page, { amount: "100.00", reason: "Purchased", memo: "Prepaid" });
    await expect(balance(page)).toHaveText("$100.00");

    const invoice = await createFinalizedInvoice(page, {
      customerId: customer.id,
      lines: [{ description: "Annual support", quantity: "1", unitPrice: "150.00" }],
    });

    // The dialog offers at most the smaller of the balance and the amount due.
    await page.getByRole("button", { name: "Apply wallet credit" }).click();
    let dialog = page.getByRole("dialog", { name: `Apply wallet credit to ${invoice.number}` });
    await expect(dialog).toContainText("holds $100.00; $150.00 is due. Up to $100.00 can be applied.");
    await expect(dialog.getByLabel("Amount (USD)")).toHaveValue("100.00");
    await dialog.getByLabel("Amount (USD)").fill("60.00");
    await dialog.getByRole("button", { name: "Apply credit" }).click();
    await expect(dialog).toHaveCount(0);
    await expect(toast(page, new RegExp(`Wallet credit applied to ${invoice.number}: receipt RCP-`))).toBeVisible();

    // On the invoice: credits applied, what is still due, and the wallet payment with its receipt.
    await expect(page.getByLabel("Invoice totals")).toContainText("Credits applied-$60.00");
    await expect(page.getByTestId("invoice-amount-due")).toHaveText("$90.00");
    const payments = page.getByRole("table", { name: "Payments and receipts" }).locator("tbody tr");
    await expect(payments).toHaveCount(1);
    await expect(payments.first()).toContainText("Wallet credit");
    await expect(payments.first()).toContainText("$60.00");
    await expect(payments.first().getByRole("link", { name: /^RCP-/ })).toBeVisible();

    // More than the balance left is refused at the amount, and nothing changes.
    await page.getByRole("button", { name: "Apply wallet credit" }).click();
    dialog = page.getByRole("dialog", { name: `Apply wallet credit to ${invoice.number}` });
    await expect(dialog.getByLabel("Amount (USD)")).toHaveValue("40.00");
    await dialog.getByLabel("Amount (USD)").fill("50.00");
    await dialog.getByRole("button", { name: "Apply credit" }).click();
    await expect(dialog.getByLabel("Amount (USD)")).toHaveAttribute("aria-invalid", "true");
    await expect(dialog.getByLabel("Amount (USD)")).toHaveAccessibleDescription(/40\.00/);
    await dialog.getByRole("button", { name: "Cancel" }).click();
    await expect(page.getByTestId("invoice-amount-due")).toHaveText("$90.00");

    // The wallet's ledger shows the debit, linked to the invoice.
    await page.goto(customer.url);
    await expect(balance(page)).toHaveText("$40.00");
    await expect(ledgerRows(page).nth(0)).toContainText("Debit · Invoice payment");
    await expect(ledgerRows(page).nth(0)).toContainText("-$60.00");
    await expect(ledgerRows(page).nth(0).getByRole("link", { name: invoice.number })).toHaveAttribute(
      "href",
      `/invoices/${invoice.id}`,
    );

    // Voiding the invoice gives the $60.00 back to the credit it came from.
    await page.goto(invoice.url);
    await page.getByRole("button", { name: "Void", exact: true }).click();
    const voidDialog = page.getByRole("dialog", { name: `Void ${invoice.number}?` });
    await voidDialog.getByLabel("Reason").fill("Billed the wrong entity");
    await voidDialog.getByRole("button", { name: "Void invoice" }).click();
    await expect(voidDialog).toHaveCount(0);
    await expect(page.getByTestId("invoice-badges")).toContainText("Void");

    await page.goto(customer.url);
    await expect(balance(page)).toHaveText("$100.00");
    await expect(ledgerRows(page)).toHaveCount(3);
    await expect(ledgerRows(page).nth(0)).toContainText("Credit · Void refund");
    await expect(ledgerRows(page).nth(0)).toContainText("+$60.00");
    await expect(ledgerRows(page).nth(0).getByRole("link", { name: invoice.number })).toBeVisible();
    // The credit regained its $100.00: the breakdown is all purchased credit again.
    await expect(walletSection(page).getByLabel("Balance by reason (USD)")).toContainText("Purchased$100.00");
  });
});

test.describe("as admin", () => {
  test.use({ storageState: ADMIN_STATE });

  test("a manual debit never takes the balance below zero, and only admins are offered it", async ({
    page,
    browser,
  }, testInfo) => {
    const stamp = stampFor(testInfo);
    const customer = await createCustomer(page, { name: `Wallet Debit Ltd ${stamp}`, stamp });
    await topUp(page, { amount: "50.00", reason: "Goodwill", memo: "Goodwill" });
    await expect(balance(page)).toHaveText("$50.00");

    await walletSection(page).getByRole("button", { name: "Debit" }).click();
    const dialog = page.getByRole("dialog", { name: /^Debit .*'s wallet\?$/ });
    await dialog.getByLabel("Amount (USD)").fill("60.00");
    await dialog.getByLabel("Reason").fill("Correction of a duplicate top-up");
    await dialog.getByRole("button", { name: "Debit wallet" }).click();
    const amount = dialog.getByLabel("Amount (USD)");
    await expect(amount).toHaveAttribute("aria-invalid", "true");
    await expect(amount).toHaveAccessibleDescription(/would make it negative/);
    await amount.fill("20.00");
    await dialog.getByRole("button", { name: "Debit wallet" }).click();
    await expect(dialog).toHaveCount(0);
    await expect(balance(page)).toHaveText("$30.00");
    await expect(ledgerRows(page).nth(0)).toContainText("Debit · Manual debit");
    await expect(ledgerRows(page).nth(0)).toContainText("-$20.00");
    await expect(ledgerRows(page).nth(0)).toContainText("Correction of a duplicate top-up");

    // Finance tops up but is not offered a debit; a viewer sees the wallet and nothing to change.
    for (const [state, canTopUp] of [
      [FINANCE_STATE, true],
      [VIEWER_STATE, false],
    ] as const) {
      const context = await browser.newContext({ storageState: state });
      const other = await context.newPage();
      await other.goto(customer.url);
      await expect(other.getByTestId("wallet-balance-USD")).toHaveText("$30.00");
      await expect(walletSection(other).getByRole("button", { name: "Debit" })).toHaveCount(0);
      await expect(walletSection(other).getByRole("button", { name: "Top up" })).toHaveCount(canTopUp ? 1 : 0);
      await context.close();
    }
  });
});
