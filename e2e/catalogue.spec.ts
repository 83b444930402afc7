// An admin builds the catalogue from Settings → Catalogue: adds a meter with a property filter,
// then a plan with a flat fee and a graduated tiered price on that meter, and sees the tiers as
// invoices will print them. A tier that does not go up is refused at its own field, nothing saved.
// Viewers read the catalogue but cannot change it.
import { expect, test, type Page, type TestInfo } from "@playwright/test";

const ADMIN_STATE = "e2e/.auth/admin.json";
const VIEWER_STATE = "e2e/.auth/viewer.json";

// Unique per run, test and worker, so reruns against the same database never collide.
const stampFor = (testInfo: TestInfo) =>
  `${Date.now().toString(36)}${testInfo.workerIndex}${Math.random().toString(36).slice(2, 6)}`;

const toast = (page: Page, text: string | RegExp) => page.getByRole("status").filter({ hasText: text });
const label = (page: Page, text: string) => page.getByLabel(text, { exact: true });

const addMeter = async (page: Page, { name, eventName }: { name: string; eventName: string }) => {
  await page.goto("/settings/catalogue");
  await expect(page.getByRole("link", { name: "Add meter" })).toHaveAttribute("href", "/settings/catalogue/meters/new");
  await page.goto("/settings/catalogue/meters/new");
  const form = page.getByRole("form", { name: "Add a meter" });
  await form.getByLabel("Name", { exact: true }).fill(name);
  await form.getByLabel("Event name", { exact: true }).fill(eventName);
  await form.getByLabel("Aggregation", { exact: true }).selectOption({ label: "Count of events" });
  await form.getByRole("button", { name: "Add filter" }).click();
  await label(page, "Filter 1 property").fill("region");
  await label(page, "Filter 1 value").fill("eu");
  await form.getByRole("button", { name: "Add meter" }).click();
  await expect(toast(page, `Added meter ${name}`)).toBeVisible();
  // The first visit may compile the page on a dev server: allow for it.
  await expect(page).toHaveURL(/\/settings\/catalogue$/, { timeout: 30_000 });
};

/** The plan form filled with a flat fee and a graduated API-calls price of three tiers. */
const fillPlan = async (
  page: Page,
  { code, name, meter, eventName }: { code: string; name: string; meter: string; eventName: string },
) => {
  await page.goto("/settings/catalogue");
  await expect(page.getByRole("link", { name: "Add plan" })).toHaveAttribute("href", "/settings/catalogue/plans/new");
  await page.goto("/settings/catalogue/plans/new");
  await label(page, "Code").fill(code);
  await label(page, "Name").fill(name);
  await label(page, "Currency").selectOption("USD");
  await label(page, "Billed").selectOption("month");

  await label(page, "Price 1 kind").selectOption({ label: "Flat recurring fee" });
  await label(page, "Price 1 description").fill("Platform fee");
  await label(page, "Price 1 fee (USD)").fill("49");

  await page.getByRole("button", { name: "Add price" }).click();
  await label(page, "Price 2 kind").selectOption({ label: "Tiered usage price" });
  await label(page, "Price 2 description").fill("API calls");
  await label(page, "Price 2 meter").selectOption({ label: `${meter} (${eventName})` });
  await label(page, "Price 2 tier mode").selectOption("graduated");
  // Two tiers to start with; the new one goes in before the open last tier.
  await page.getByRole("button", { name: "Add tier" }).click();
  await label(page, "Price 2 tier 1 up to").fill("1000");
  await label(page, "Price 2 tier 1 unit price").fill("0");
  await label(page, "Price 2 tier 2 up to").fill("10,000");
  await label(page, "Price 2 tier 2 unit price").fill("0.05");
  await label(page, "Price 2 tier 3 unit price").fill("0.03");
  await label(page, "Price 2 tier 3 flat fee").fill("10");
};

test.describe("as an admin", () => {
  test.use({ storageState: ADMIN_STATE });

  test("creates a meter and a graduated tiered plan, and sees its tiers as invoices print them", async ({
    page,
  }, testInfo) => {
    // Five pages and two saves: on a dev server that compiles each page on first visit, this needs
    // more than the default minute.
    test.slow();
    const stamp = stampFor(testInfo);
    const meter = `calls_${stamp}`;
    const eventName = `api_call_${stamp}`;
    await addMeter(page, { name: meter, eventName });
    const meterRow = page.getByRole("table", { name: "Meters" }).getByRole("row").filter({ hasText: meter });
    await expect(meterRow).toContainText(eventName);
    await expect(meterRow).toContainText("Count of events");
    await expect(meterRow).toContainText("region = eu");
    await expect(meterRow).toContainText("No plan");

    const code = `e2e-${stamp}`;
    await fillPlan(page, { code, name: `Growth ${stamp}`, meter, eventName });
    await page.getByRole("button", { name: "Add plan" }).click();
    await expect(toast(page, `Added plan Growth ${stamp}`)).toBeVisible();
    await expect(page).toHaveURL(/\/settings\/catalogue\/plans\/pln_/, { timeout: 30_000 });

    await expect(page.getByRole("heading", { name: `Growth ${stamp}` })).toBeVisible();
    await expect(page.getByTestId("price-1")).toContainText("$49.00 per month");
    const tiers = page.getByRole("table", { name: "API calls tiers" });
    await expect(tiers.getByRole("row")).toHaveText([
      /Units\s*Unit price\s*Flat fee/i,
      /1–1,000\s*\$0\.00\s*—/,
      /1,001–10,000\s*\$0\.05\s*—/,
      /10,001 and above\s*\$0\.03\s*\$10\.00/,
    ]);
    await expect(page.getByTestId("price-2")).toContainText(`Graduated tiers (3 tiers) per ${eventName}`);
    await expect(page.getByRole("list", { name: "History" })).toContainText(
      `Added plan Growth ${stamp} (${code}), billed monthly in USD, with 2 prices`,
    );

    // The meter now reports the plan that uses it, and keeps how it counts.
    await page.goto("/settings/catalogue");
    await expect(meterRow).toContainText(`Growth ${stamp}`);
    await meterRow.getByRole("link", { name: meter }).click();
    await expect(page.getByRole("form", { name: "Edit meter" })).toContainText(
      `Used by the prices of Growth ${stamp}: only the name can change`,
    );
    await expect(label(page, "Event name")).toHaveAttribute("readonly", "");
  });

  test("refuses a tier that does not go up at its field, and saves nothing", async ({ page }, testInfo) => {
    const stamp = stampFor(testInfo);
    const meter = `calls_${stamp}`;
    const eventName = `api_call_${stamp}`;
    await addMeter(page, { name: meter, eventName });

    const code = `bad-${stamp}`;
    await fillPlan(page, { code, name: `Broken ${stamp}`, meter, eventName });
    await label(page, "Price 2 tier 2 up to").fill("500");
    await page.getByRole("button", { name: "Add plan" }).click();

    const badBound = label(page, "Price 2 tier 2 up to");
    await expect(badBound).toHaveAttribute("aria-invalid", "true");
    await expect(badBound).toBeFocused();
    await expect(page.locator("#plan-prices-1-tiers-1-upTo-error")).toHaveText(
      "Must be greater than the previous tier's 1,000",
    );
    // Only that field is marked; the rest of the tier table is fine.
    await expect(label(page, "Price 2 tier 1 up to")).not.toHaveAttribute("aria-invalid", "true");
    await expect(label(page, "Price 2 tier 3 up to")).not.toHaveAttribute("aria-invalid", "true");
    await expect(page).toHaveURL(/\/settings\/catalogue\/plans\/new$/);

    await page.goto("/settings/catalogue");
    await expect(page.getByRole("table", { name: "Plans" })).not.toContainText(code);
    await expect(page.getByRole("table", { name: "Meters" }).getByRole("row").filter({ hasText: meter })).toContainText(
      "No plan",
    );
  });
});

test.describe("as a viewer", () => {
  test.use({ storageState: VIEWER_STATE });

  test("reads the catalogue but is offered no changes", async ({ page }) => {
    await page.goto("/settings/catalogue");
    await expect(page.getByRole("table", { name: "Meters" })).toBeVisible();
    await expect(page.getByRole("table", { name: "Plans" })).toBeVisible();
    await expect(page.getByText("Only admins change the catalogue.")).toBeVisible();
    await expect(page.getByRole("link", { name: "Add meter" })).toHaveCount(0);
    await expect(page.getByRole("link", { name: "Add plan" })).toHaveCount(0);

    await page.goto("/settings/catalogue/plans/new");
    await expect(page.getByRole("alert").filter({ hasText: "You cannot add plans" })).toContainText(
      "Only people with the Admin role change the catalogue",
    );
    await expect(page.getByRole("form")).toHaveCount(0);
  });
});
