// A finance user signs in with the right password, is refused with the wrong one (one message
// that does not say which part was wrong), and signs out.
import { expect, test } from "@playwright/test";
import { DEMO_ADMIN } from "../lib/db/demo";

test.use({ storageState: { cookies: [], origins: [] } });

test("signing in with the right password opens the overview with real figures", async ({ page }) => {
  await page.goto("/");
  await expect(page).toHaveURL(/\/login/);
  await page.getByLabel("Email").fill(DEMO_ADMIN.email);
  await page.getByLabel("Password").fill(DEMO_ADMIN.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("heading", { name: "Overview" })).toBeVisible();
  await expect(page.getByTestId("signed-in-user")).toHaveText(DEMO_ADMIN.name);
  // The demo has open and overdue invoices: the figures are amounts, not empty states.
  await expect(page.getByTestId("figure-outstanding")).toContainText(/\d/);
  await expect(page.getByTestId("figure-overdue")).toContainText(/\d/);
  await expect(page.getByRole("list", { name: "Recent activity" }).getByRole("listitem").first()).toBeVisible();

  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/login/);
  await page.goto("/customers");
  await expect(page).toHaveURL(/\/login/);
});

test("a wrong password or an unknown email gets the same message and no session", async ({ page }) => {
  await page.goto("/login");
  await page.getByLabel("Email").fill(DEMO_ADMIN.email);
  await page.getByLabel("Password").fill("not-the-password");
  await page.getByRole("button", { name: "Sign in" }).click();
  const message = page.getByRole("main").getByRole("alert");
  await expect(message).toHaveText("The email or password is incorrect.");

  await page.getByLabel("Email").fill("nobody@billfold.local");
  await page.getByLabel("Password").fill("whatever-it-is");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(message).toHaveText("The email or password is incorrect.");

  await page.goto("/");
  await expect(page).toHaveURL(/\/login/);
});
