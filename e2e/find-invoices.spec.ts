// A finance user finds invoices in the seeded list: only overdue ones under Overdue, one invoice by
// its number, a customer's invoices picked by name, totals in order both ways, a view that comes
// back from its address, and an empty result that says how to get out of it. Pagination is walked
// in the integration tests (the seed has fewer invoices than a page).
import { expect, test, type Locator, type Page } from "@playwright/test";

const FINANCE_STATE = "e2e/.auth/finance.json";
const VIEWER_STATE = "e2e/.auth/viewer.json";

const invoicesTable = (page: Page) => page.getByRole("table", { name: "Invoices" });
const rowsOf = (page: Page) => invoicesTable(page).locator("tbody tr");
const statusTabs = (page: Page) => page.getByRole("navigation", { name: "Filter by status" });
const searchBox = (page: Page) => page.getByRole("searchbox", { name: "Search" });

// The column's cell text for every row, read once the table has settled.
const columnTexts = async (page: Page, header: string): Promise<string[]> => {
  const headers = await invoicesTable(page).locator("thead th").allInnerTexts();
  // A sorted header also holds an arrow and words for screen readers: compare its leading words.
  const index = headers.findIndex(
    (text) => /^[A-Za-z ]+/.exec(text.trim())?.[0].trim().toLowerCase() === header.toLowerCase(),
  );
  expect(index, `column ${header}`).toBeGreaterThanOrEqual(0);
  return rowsOf(page)
    .locator(`td:nth-child(${index + 1})`)
    .allInnerTexts();
};

// "$12,345.67" -> 1234567 (cents): same currency on every row, so digits compare exactly.
const minorUnits = (text: string): number => Number(text.replace(/[^\d]/g, ""));

const countOf = async (tab: Locator): Promise<number> => {
  const name = (await tab.innerText()).trim();
  const match = name.match(/(\d+)$/);
  expect(match, `a count in "${name}"`).not.toBeNull();
  return Number(match![1]);
};

test.describe("as finance", () => {
  test.use({ storageState: FINANCE_STATE });

  test("Overdue lists only overdue invoices, as many as its tab says", async ({ page }) => {
    await page.goto("/invoices");
    const overdueTab = statusTabs(page).getByRole("link", { name: /^Overdue \d+$/ });
    const expected = await countOf(overdueTab);
    expect(expected).toBeGreaterThan(0);
    await overdueTab.click();
    await expect(page).toHaveURL(/[?&]status=overdue\b/);
    await expect(overdueTab).toHaveAttribute("aria-current", "page");
    await expect(rowsOf(page)).toHaveCount(expected);
    const statuses = await columnTexts(page, "Status");
    expect(statuses.length).toBe(expected);
    for (const status of statuses) expect(status).toMatch(/^Overdue/);
    // Overdue invoices are open ones: the Open tab counts them too.
    expect(await countOf(statusTabs(page).getByRole("link", { name: /^Open \d+$/ }))).toBeGreaterThanOrEqual(expected);

    // The filtered view comes back from its address alone.
    await page.goto(page.url());
    await expect(rowsOf(page)).toHaveCount(expected);
  });

  test("finds an invoice by its number, typed in any case, and leads to it", async ({ page }) => {
    await page.goto("/invoices");
    await searchBox(page).fill("custom-seq-0");
    await expect(page).toHaveURL(/[?&]q=custom-seq-0\b/);
    await expect(rowsOf(page)).toHaveCount(1);
    const link = rowsOf(page).getByRole("link", { name: "CUSTOM-SEQ-001", exact: true });
    await expect(link).toHaveAttribute("href", /^\/invoices\/inv_[0-9A-Z]+$/);

    // A seeded series number, found the same way.
    await page.goto("/invoices?status=paid");
    const number = (await rowsOf(page).first().getByRole("link").first().innerText()).trim();
    expect(number).toMatch(/^(INV|SG-INV|RS-SEA)-/);
    await page.goto("/invoices");
    await searchBox(page).fill(number.toLowerCase());
    await expect(rowsOf(page)).toHaveCount(1);
    await expect(rowsOf(page).first()).toContainText(number);
  });

  test("picks a customer by name and lists only their invoices", async ({ page }) => {
    await page.goto("/invoices");
    const customer = page.getByRole("combobox", { name: "Customer" });
    await customer.fill("acme");
    await expect(page.getByRole("option", { name: "Acme Corporation" })).toBeVisible();
    await customer.press("Enter");
    await expect(page).toHaveURL(/[?&]customer=cus_[0-9A-Z]+/);
    await expect(customer).toHaveValue("Acme Corporation");
    const customers = await columnTexts(page, "Customer");
    expect(customers.length).toBeGreaterThan(0);
    for (const name of customers) expect(name).toBe("Acme Corporation");

    // Emptying the field is "any customer" again.
    await customer.fill("");
    await customer.press("Enter");
    await expect(page).not.toHaveURL(/customer=/);
  });

  test("sorts USD invoices by total, largest first and then smallest first", async ({ page }) => {
    await page.goto("/invoices");
    await page.getByRole("combobox", { name: "Currency" }).selectOption("USD");
    await expect(page).toHaveURL(/[?&]currency=USD\b/);

    await invoicesTable(page)
      .getByRole("link", { name: /^Total/ })
      .click();
    await expect(page).toHaveURL(/[?&]sort=total\b/);
    await expect(invoicesTable(page).getByRole("link", { name: /^Total.*sorted largest first/ })).toBeVisible();
    const descending = (await columnTexts(page, "Total")).map(minorUnits);
    expect(descending.length).toBeGreaterThan(1);
    expect(descending).toEqual([...descending].sort((a, b) => b - a));

    await invoicesTable(page)
      .getByRole("link", { name: /^Total/ })
      .click();
    await expect(page).toHaveURL(/[?&]dir=asc\b/);
    await expect(invoicesTable(page).getByRole("link", { name: /^Total.*sorted smallest first/ })).toBeVisible();
    const ascending = (await columnTexts(page, "Total")).map(minorUnits);
    expect(ascending).toEqual([...descending].reverse());
    for (const total of await columnTexts(page, "Total")) expect(total).toMatch(/^\$/);
  });

  test("an empty result says so and clears back to every invoice, keeping the order", async ({ page }) => {
    await page.goto("/invoices?sort=due&status=void");
    await searchBox(page).fill("no invoice is called this");
    await expect(invoicesTable(page)).toContainText("No invoices match these filters.");
    await invoicesTable(page).getByRole("link", { name: "Clear filters" }).click();
    await expect(page).toHaveURL(/\/invoices\?sort=due$/);
    await expect(searchBox(page)).toHaveValue("");
    await expect(rowsOf(page).first().getByRole("link").first()).toBeVisible();
    await expect(statusTabs(page).getByRole("link", { name: /^All \d+$/ })).toHaveAttribute("aria-current", "page");
  });

  test("offers a new invoice", async ({ page }) => {
    await page.goto("/invoices");
    await expect(page.getByRole("link", { name: "New invoice" })).toHaveAttribute("href", "/invoices/new");
  });
});

test.describe("as a viewer", () => {
  test.use({ storageState: VIEWER_STATE });

  test("filters and searches the same list, without the new-invoice button", async ({ page }) => {
    await page.goto("/invoices?status=paid&q=inv-");
    await expect(rowsOf(page).first()).toBeVisible();
    for (const status of await columnTexts(page, "Status")) expect(status).toMatch(/^Paid/);
    await expect(page.getByRole("link", { name: "New invoice" })).toHaveCount(0);
  });
});
