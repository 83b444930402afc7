// A finance user manages customers: finds seeded ones, is stopped at the field by a bad email or
// an external id already in use (and nothing is created), creates one, edits it and archives it
// through the confirm dialog. A viewer reads the same pages without any of the controls.
import { expect, test, type Page, type TestInfo } from "@playwright/test";

const FINANCE_STATE = "e2e/.auth/finance.json";
const VIEWER_STATE = "e2e/.auth/viewer.json";

// Unique per run, test and worker, so reruns against the same database never collide.
const stampFor = (testInfo: TestInfo) =>
  `${Date.now()}-${testInfo.workerIndex}-${Math.random().toString(36).slice(2, 6)}`;

const customersTable = (page: Page) => page.getByRole("table", { name: "Customers" });

const searchList = async (page: Page, query: string, status: "active" | "archived" | "all" = "all") => {
  await page.goto(`/customers?${new URLSearchParams({ q: query, status })}`);
  await expect(customersTable(page)).toBeVisible();
};

const toast = (page: Page, text: string | RegExp) => page.getByRole("status").filter({ hasText: text });

const fillRequired = async (page: Page, values: { name: string; email: string; externalId: string }) => {
  await page.getByLabel("Name").fill(values.name);
  await page.getByLabel("Email").fill(values.email);
  await page.getByLabel("External id").fill(values.externalId);
};

test.describe("as finance", () => {
  test.use({ storageState: FINANCE_STATE });

  test("the list finds seeded customers by name, email or external id and filters by status", async ({ page }) => {
    await page.goto("/customers");
    const table = customersTable(page);
    await expect(table.getByRole("link", { name: "Acme Corporation" })).toBeVisible();

    // Search as you type, case-insensitive: the address follows so the result can be shared.
    await page.getByRole("searchbox", { name: "Search customers" }).fill("sea channel");
    await expect(page).toHaveURL(/[?&]q=sea(\+|%20)channel/);
    await expect(table.getByRole("link", { name: "Sea Channel Partners Pte Ltd" })).toBeVisible();
    await expect(table.getByRole("link", { name: "Acme Corporation" })).toHaveCount(0);

    // By external id, submitted with the button.
    const search = page.getByRole("searchbox", { name: "Search customers" });
    await search.fill("GLOBEX-gmbh");
    await page.getByRole("button", { name: "Search", exact: true }).click();
    await expect(table.getByRole("link", { name: "Globex GmbH" })).toBeVisible();
    await expect(table.getByRole("row")).toHaveCount(2);

    // An archived customer is not in the default (active) list, but is under Archived.
    await search.fill("pied piper");
    await expect(table).toContainText("No customers match “pied piper”.");
    await page
      .getByRole("navigation", { name: "Filter by status" })
      .getByRole("link", { name: "Archived", exact: true })
      .click();
    await expect(page).toHaveURL(/status=archived/);
    const row = table.getByRole("row").filter({ hasText: "Pied Piper Inc" });
    await expect(row).toHaveCount(1);
    await expect(row).toContainText("Archived");
  });

  test("a bad email is refused at the email field and nothing is created", async ({ page }, testInfo) => {
    const stamp = stampFor(testInfo);
    const name = `Bad Email Ltd ${stamp}`;
    await page.goto("/customers/new");
    await fillRequired(page, { name, email: "billing@", externalId: `bad-email-${stamp}` });
    await page.getByRole("button", { name: "Create customer" }).click();

    const email = page.getByLabel("Email");
    await expect(email).toHaveAttribute("aria-invalid", "true");
    await expect(email).toHaveAccessibleDescription(/Enter a valid email address/);
    await expect(email).toBeFocused();
    await expect(page).toHaveURL(/\/customers\/new$/);

    await searchList(page, name);
    await expect(customersTable(page)).toContainText(`No customers match “${name}”.`);
  });

  test("an external id already in use is refused at that field and nothing is created", async ({ page }, testInfo) => {
    const stamp = stampFor(testInfo);
    const name = `Duplicate Id Ltd ${stamp}`;
    await page.goto("/customers/new");
    await fillRequired(page, { name, email: `billing+${stamp}@duplicate.example`, externalId: "acme-corp" });
    await page.getByRole("button", { name: "Create customer" }).click();

    const externalId = page.getByLabel("External id");
    await expect(externalId).toHaveAccessibleDescription("External id acme-corp is already used by Acme Corporation");
    await expect(externalId).toHaveAttribute("aria-invalid", "true");
    await expect(page.getByRole("alert").filter({ hasText: "Nothing was saved" })).toBeVisible();
    await expect(page).toHaveURL(/\/customers\/new$/);

    await searchList(page, name);
    await expect(customersTable(page)).toContainText(`No customers match “${name}”.`);
  });

  test("creates a customer, edits it and archives it through the confirm dialog", async ({ page }, testInfo) => {
    const stamp = stampFor(testInfo);
    const name = `Lumen Labs ${stamp}`;
    const externalId = `lumen-${stamp}`;

    // Create: lands on the customer's page with a toast.
    await page.goto("/customers");
    await page.getByRole("link", { name: "New customer" }).click();
    await expect(page).toHaveURL(/\/customers\/new$/);
    await fillRequired(page, { name, email: `billing+${stamp}@lumen.example`, externalId });
    await page.getByLabel("Address line 1").fill("1 Fusionopolis Way");
    await page.getByLabel("City").fill("Singapore");
    await page.getByLabel("Postal code").fill("138632");
    await page.getByLabel("Country").selectOption("SG");
    await page.getByLabel("Currency").selectOption("SGD");
    await page.getByRole("button", { name: "Create customer" }).click();

    await expect(page).toHaveURL(/\/customers\/cus_[0-9A-Z]+$/);
    await expect(toast(page, `Customer ${name} created`)).toBeVisible();
    await expect(page.getByRole("heading", { level: 1, name })).toBeVisible();
    await expect(page.getByText(externalId).first()).toBeVisible();
    await expect(page.getByText("Singapore", { exact: true }).first()).toBeVisible();
    await expect(page.getByText(`Created customer ${name} (${externalId})`)).toBeVisible();
    const customerUrl = page.url();

    // Edit: the change shows on the page and in the history, with its old and new value.
    await page.getByRole("link", { name: "Edit", exact: true }).click();
    await expect(page).toHaveURL(/\/edit$/);
    await expect(page.getByLabel("Name")).toHaveValue(name);
    await page.getByLabel("Email").fill(`accounts+${stamp}@lumen.example`);
    await page.getByRole("button", { name: "Save changes" }).click();
    await expect(page).toHaveURL(customerUrl);
    await expect(toast(page, `Changes to ${name} saved`)).toBeVisible();
    await expect(page.getByText(`Updated ${name}: email`)).toBeVisible();
    await expect(page.getByText(`accounts+${stamp}@lumen.example`).first()).toBeVisible();

    // Archive: only after confirming in a dialog that says what happens.
    await page.getByRole("button", { name: "Archive", exact: true }).click();
    const dialog = page.getByRole("dialog", { name: `Archive ${name}?` });
    await expect(dialog).toContainText("It stays on its invoices and can be restored.");
    await dialog.getByRole("button", { name: "Archive customer" }).click();
    await expect(dialog).toHaveCount(0);
    await expect(toast(page, `${name} archived`)).toBeVisible();
    await expect(page.getByRole("button", { name: "Restore", exact: true })).toBeVisible();
    await expect(page.getByText(`Archived ${name}`)).toBeVisible();

    // It left the active list and is kept under Archived.
    await searchList(page, name, "active");
    await expect(customersTable(page)).toContainText(`No customers match “${name}”.`);
    await searchList(page, name, "archived");
    await expect(customersTable(page).getByRole("link", { name })).toBeVisible();
  });

  test("an unknown customer id is a not-found page", async ({ page }) => {
    const response = await page.goto("/customers/cus_DOESNOTEXIST");
    expect(response?.status()).toBe(404);
    await expect(page.getByRole("heading", { name: "Customer not found" })).toBeVisible();
  });
});

test.describe("as a viewer", () => {
  test.use({ storageState: VIEWER_STATE });

  test("reads customers without any of the controls to change them", async ({ page }) => {
    await page.goto("/customers");
    await expect(customersTable(page).getByRole("link", { name: "Acme Corporation" })).toBeVisible();
    await expect(page.getByRole("link", { name: "New customer" })).toHaveCount(0);

    await customersTable(page).getByRole("link", { name: "Acme Corporation" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Acme Corporation" })).toBeVisible();
    await expect(page.getByRole("heading", { name: "Wallet", exact: true })).toBeVisible();
    await expect(page.getByRole("link", { name: "Edit", exact: true })).toHaveCount(0);
    await expect(page.getByRole("button", { name: "Archive", exact: true })).toHaveCount(0);
    await expect(page.getByRole("button", { name: "Restore", exact: true })).toHaveCount(0);
  });
});
