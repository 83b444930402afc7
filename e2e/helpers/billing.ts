// Factories for the credit note and wallet specs, through the UI as a finance user would: a fresh
// customer (so its wallet starts empty), a finalized one-off invoice for it, a payment in full.
import { expect, type Page, type TestInfo } from "@playwright/test";

export const FINANCE_STATE = "e2e/.auth/finance.json";
export const ADMIN_STATE = "e2e/.auth/admin.json";
export const VIEWER_STATE = "e2e/.auth/viewer.json";

// Unique per run, test and worker, so reruns against the same database never collide.
export const stampFor = (testInfo: TestInfo) =>
  `${Date.now()}-${testInfo.workerIndex}-${Math.random().toString(36).slice(2, 6)}`;

export const toast = (page: Page, text: string | RegExp) => page.getByRole("status").filter({ hasText: text });

export type CreatedCustomer = { id: string; name: string; url: string };

/** A new active USD customer, created through the form; leaves the page on the customer. */
export const createCustomer = async (page: Page, { name, stamp }: { name: string; stamp: string }) => {
  await page.goto("/customers/new");
  await page.getByLabel("Name").fill(name);
  await page.getByLabel("Email").fill(`billing+${stamp}@example.com`);
  await page.getByLabel("External id").fill(`e2e-${stamp}`);
  await page.getByLabel("Currency").selectOption("USD");
  await page.getByRole("button", { name: "Create customer" }).click();
  await expect(page).toHaveURL(/\/customers\/cus_[0-9A-Z]+$/);
  const id = /\/customers\/(cus_[0-9A-Z]+)$/.exec(page.url())?.[1] ?? "";
  return { id, name, url: page.url() } satisfies CreatedCustomer;
};

export type InvoiceLineSeed = { description: string; quantity: string; unitPrice: string; taxRate?: string };

export type CreatedInvoice = { id: string; number: string; url: string };

/** A one-off invoice for the customer, drafted and finalized; leaves the page on the invoice. */
export const createFinalizedInvoice = async (
  page: Page,
  { customerId, lines }: { customerId: string; lines: InvoiceLineSeed[] },
): Promise<CreatedInvoice> => {
  await page.goto(`/invoices/new?customer=${customerId}`);
  for (const [index, line] of lines.entries()) {
    const position = index + 1;
    if (index > 0) await page.getByRole("button", { name: "Add line" }).click();
    await page.getByLabel(`Line ${position} description`).fill(line.description);
    await page.getByLabel(`Line ${position} quantity`).fill(line.quantity);
    await page.getByLabel(`Line ${position} unit price`).fill(line.unitPrice);
    await page.getByLabel(`Line ${position} tax rate`).fill(line.taxRate ?? "0");
  }
  await page.getByRole("button", { name: "Save draft" }).click();
  await expect(page).toHaveURL(/\/invoices\/inv_[0-9A-Z]+$/);
  await page.getByRole("button", { name: "Finalize", exact: true }).click();
  await page.getByRole("dialog").getByRole("button", { name: "Finalize invoice" }).click();
  const heading = page.getByRole("heading", { level: 1 });
  await expect(heading).toHaveText(/^INV-\d{6}-\d{4}$/);
  const id = /\/invoices\/(inv_[0-9A-Z]+)$/.exec(page.url())?.[1] ?? "";
  return { id, number: ((await heading.textContent()) ?? "").trim(), url: page.url() };
};

/** Records a bank transfer for everything due; the page stays on the invoice. */
export const payInFull = async (page: Page, invoice: CreatedInvoice) => {
  await page.getByRole("button", { name: "Record payment" }).click();
  const dialog = page.getByRole("dialog", { name: `Record a payment on ${invoice.number}` });
  await dialog.getByLabel("Reference").fill(`WIRE-${invoice.number}`);
  await dialog.getByRole("button", { name: "Record payment" }).click();
  await expect(dialog).toHaveCount(0);
  await expect(page.getByTestId("invoice-amount-due")).toHaveText("$0.00");
};

/** The customer page's Wallet section. */
export const walletSection = (page: Page) => page.getByRole("region", { name: "Wallet" });

/** Tops up the customer's wallet through the dialog (the page must be the customer's). */
export const topUp = async (
  page: Page,
  values: { amount: string; reason: string; expiresOn?: string; priority?: string; memo: string },
) => {
  await walletSection(page).getByRole("button", { name: "Top up" }).click();
  const dialog = page.getByRole("dialog", { name: /^Top up .*'s wallet$/ });
  await dialog.getByLabel(/^Amount/).fill(values.amount);
  await dialog.getByLabel("Reason").selectOption({ label: values.reason });
  if (values.expiresOn) await dialog.getByLabel("Expires on (optional)").fill(values.expiresOn);
  if (values.priority) await dialog.getByLabel("Priority (optional)").fill(values.priority);
  await dialog.getByLabel("Memo").fill(values.memo);
  await dialog.getByRole("button", { name: "Top up" }).click();
  await expect(dialog).toHaveCount(0);
};

/** "YYYY-MM-DD" a number of days from today (UTC; the demo organisation's zone is close enough for +days). */
export const daysFromToday = (days: number) =>
  new Date(Date.now() + days * 24 * 60 * 60 * 1000).toISOString().slice(0, 10);
