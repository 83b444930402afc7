// Every section of the sidebar opens, for a viewer too, on a laptop screen and on half of one.
import { expect, test } from "@playwright/test";

const SECTIONS = [
  { link: "Overview", heading: "Overview", path: "/" },
  { link: "Invoices", heading: "Invoices", path: "/invoices" },
  { link: "Credit notes", heading: "Credit notes", path: "/credit-notes" },
  { link: "Customers", heading: "Customers", path: "/customers" },
  { link: "Subscriptions", heading: "Subscriptions", path: "/subscriptions" },
  { link: "Usage", heading: "Usage", path: "/usage" },
  { link: "Settings", heading: "Settings", path: "/settings" },
];

for (const viewport of [
  { name: "laptop", width: 1366, height: 800 },
  { name: "half a laptop screen", width: 683, height: 800 },
]) {
  test.describe(`on ${viewport.name}`, () => {
    test.use({ storageState: "e2e/.auth/viewer.json", viewport: { width: viewport.width, height: viewport.height } });

    test("every sidebar section opens", async ({ page }) => {
      await page.goto("/");
      const nav = page.getByRole("navigation", { name: "Main" });
      for (const section of SECTIONS) {
        await nav.getByRole("link", { name: section.link, exact: true }).click();
        await expect(page).toHaveURL(new RegExp(`${section.path === "/" ? "/$" : section.path}`));
        await expect(page.getByRole("heading", { level: 1, name: section.heading })).toBeVisible();
        await expect(nav.getByRole("link", { name: section.link, exact: true })).toHaveAttribute(
          "aria-current",
          "page",
        );
      }
    });
  });
}

test.describe("seeded data", () => {
  test.use({ storageState: "e2e/.auth/viewer.json" });

  test("the invoice list shows invoices in every state with counts", async ({ page }) => {
    await page.goto("/invoices");
    const filters = page.getByRole("navigation", { name: "Filter by status" });
    for (const label of ["Draft", "Open", "Overdue", "Paid", "Uncollectible", "Void"]) {
      await expect(filters.getByRole("link", { name: new RegExp(`^${label} [1-9]\\d*$`) })).toBeVisible();
    }
    await filters.getByRole("link", { name: /^Void/ }).click();
    const rows = page.getByRole("table", { name: "Invoices" }).locator("tbody tr");
    await expect(rows.first()).toContainText("Void");
  });
});
