// Signs in once per role through the real sign-in page and keeps each session for the specs.
import { expect, test as setup } from "@playwright/test";
import { DEMO_USERS } from "../lib/db/demo";

for (const user of DEMO_USERS) {
  setup(`sign in as ${user.role}`, async ({ page }) => {
    await page.goto("/login");
    await page.getByLabel("Email").fill(user.email);
    await page.getByLabel("Password").fill(user.password);
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.getByTestId("signed-in-user")).toHaveText(user.name);
    await page.context().storageState({ path: `e2e/.auth/${user.role}.json` });
  });
}
