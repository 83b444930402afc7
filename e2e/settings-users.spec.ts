// An admin manages who can use Billfold from Settings → Users: adds a person with a role, sees
// the password rule at the field, the new person signs in, the admin changes their role; a
// viewer sees the list but none of the controls.
import { expect, test, type Locator, type Page, type TestInfo } from "@playwright/test";

const ADMIN_STATE = "e2e/.auth/admin.json";
const VIEWER_STATE = "e2e/.auth/viewer.json";

type NewUser = { name: string; email: string; password: string; role: "admin" | "finance" | "viewer" };

// Unique per test and worker, so parallel runs and reruns against one database never collide.
const newUser = (testInfo: TestInfo, role: NewUser["role"]): NewUser => {
  const stamp = `${Date.now()}-${testInfo.workerIndex}-${Math.random().toString(36).slice(2, 7)}`;
  return {
    name: `Erin Example ${stamp}`,
    email: `erin.${stamp}@e2e.billfold.local`,
    password: `e2e-password-${stamp}`,
    role,
  };
};

const addUserForm = (page: Page) => page.getByRole("form", { name: "Add user" });

const userRow = (page: Page, email: string) => page.getByRole("row").filter({ hasText: email });

// Columns: name, email, role, status, last sign-in, then the admin's controls.
const cells = (row: Locator) => ({
  role: row.getByRole("cell").nth(2),
  status: row.getByRole("cell").nth(3),
  lastSignIn: row.getByRole("cell").nth(4),
});

const addUser = async (page: Page, user: NewUser) => {
  await page.goto("/settings/users");
  const form = addUserForm(page);
  await form.getByLabel("Name").fill(user.name);
  // Typed with capitals and spaces: the list shows it trimmed and lowercased.
  await form.getByLabel("Email").fill(`  ${user.email.toUpperCase()} `);
  await form.getByLabel("Role").selectOption(user.role);
  await form.getByLabel("Initial password").fill(user.password);
  await form.getByRole("button", { name: "Add user" }).click();
  await expect(page.getByText(`${user.name} was added and can sign in now`)).toBeVisible();
};

test.describe("as an admin", () => {
  test.use({ storageState: ADMIN_STATE });

  test("adds a user with a role and sees them in the list", async ({ page }, testInfo) => {
    const user = newUser(testInfo, "finance");
    await addUser(page, user);

    const row = userRow(page, user.email);
    await expect(row).toHaveCount(1);
    await expect(row).toContainText(user.name);
    await expect(cells(row).role).toHaveText("Finance");
    await expect(cells(row).status).toHaveText("Active");
    await expect(cells(row).lastSignIn).toHaveText("Never");
    // The form is ready for the next person.
    await expect(addUserForm(page).getByLabel("Email")).toHaveValue("");

    // Still there after a reload: it was saved, not only shown.
    await page.reload();
    await expect(userRow(page, user.email)).toContainText(user.name);
  });

  test("sees the password rule at the field when the password is too short", async ({ page }, testInfo) => {
    const user = newUser(testInfo, "viewer");
    await page.goto("/settings/users");
    const form = addUserForm(page);
    await form.getByLabel("Name").fill(user.name);
    await form.getByLabel("Email").fill(user.email);
    await form.getByLabel("Initial password").fill("short-pw");
    await form.getByRole("button", { name: "Add user" }).click();

    const password = form.getByLabel("Initial password");
    await expect(password).toHaveAttribute("aria-invalid", "true");
    await expect(password).toHaveAccessibleDescription("Use at least 12 characters");
    await expect(form.getByLabel("Email")).not.toHaveAttribute("aria-invalid", "true");

    await page.reload();
    await expect(userRow(page, user.email)).toHaveCount(0);
  });

  test("sees an email already in use at the email field", async ({ page }, testInfo) => {
    const user = newUser(testInfo, "viewer");
    await addUser(page, user);

    const form = addUserForm(page);
    await form.getByLabel("Name").fill("Someone Else");
    await form.getByLabel("Email").fill(user.email);
    await form.getByLabel("Initial password").fill("another-long-password");
    await form.getByRole("button", { name: "Add user" }).click();

    await expect(form.getByLabel("Email")).toHaveAccessibleDescription("A user with this email already exists");
    await expect(userRow(page, user.email)).toHaveCount(1);
  });

  test("adds a user who can then sign in", async ({ page, browser }, testInfo) => {
    const user = newUser(testInfo, "viewer");
    await addUser(page, user);

    // A fresh browser with no session: the new person signs in at the sign-in page.
    const context = await browser.newContext({ storageState: { cookies: [], origins: [] } });
    try {
      const newcomer = await context.newPage();
      await newcomer.goto("/login");
      await newcomer.getByLabel("Email").fill(user.email);
      await newcomer.getByLabel("Password").fill(user.password);
      await newcomer.getByRole("button", { name: "Sign in" }).click();
      await expect(newcomer.getByTestId("signed-in-user")).toHaveText(user.name);
      await expect(newcomer.getByText(`${user.email} · Viewer`)).toBeVisible();
    } finally {
      await context.close();
    }

    // The admin now sees when they last signed in.
    await page.reload();
    await expect(cells(userRow(page, user.email)).lastSignIn).not.toHaveText("Never");
  });

  test("changes a user's role", async ({ page }, testInfo) => {
    const user = newUser(testInfo, "viewer");
    await addUser(page, user);

    const row = userRow(page, user.email);
    await row.getByLabel(`Role for ${user.name}`, { exact: true }).selectOption("finance");
    await row.getByRole("button", { name: `Save role for ${user.name}` }).click();
    await expect(page.getByText(`${user.name} is now Finance`)).toBeVisible();

    await page.reload();
    const saved = userRow(page, user.email);
    await expect(saved.getByLabel(`Role for ${user.name}`, { exact: true })).toHaveValue("finance");
    await expect(cells(saved).role).toHaveText("Finance");
  });

  test("disables a user after confirming, and they can no longer sign in", async ({ page, browser }, testInfo) => {
    const user = newUser(testInfo, "finance");
    await addUser(page, user);

    const row = userRow(page, user.email);
    await row.getByRole("button", { name: `Disable ${user.name}` }).click();
    const dialog = page.getByRole("dialog", { name: `Disable ${user.name}?` });
    await expect(dialog).toContainText("will be signed out at once");
    await dialog.getByRole("button", { name: "Disable user" }).click();
    await expect(page.getByText(`${user.name} was disabled`)).toBeVisible();
    await expect(cells(userRow(page, user.email)).status).toHaveText("Disabled");

    const context = await browser.newContext({ storageState: { cookies: [], origins: [] } });
    try {
      const refused = await context.newPage();
      await refused.goto("/login");
      await refused.getByLabel("Email").fill(user.email);
      await refused.getByLabel("Password").fill(user.password);
      await refused.getByRole("button", { name: "Sign in" }).click();
      await expect(refused.getByText("The email or password is incorrect.")).toBeVisible();
    } finally {
      await context.close();
    }

    await userRow(page, user.email)
      .getByRole("button", { name: `Enable ${user.name}` })
      .click();
    await page.getByRole("dialog").getByRole("button", { name: "Enable user" }).click();
    await expect(cells(userRow(page, user.email)).status).toHaveText("Active");
  });
});

test.describe("as a viewer", () => {
  test.use({ storageState: VIEWER_STATE });

  test("sees the users but cannot add or change anyone", async ({ page }) => {
    await page.goto("/settings/users");

    await expect(page.getByRole("table", { name: "Users" })).toBeVisible();
    const admin = userRow(page, "admin@billfold.local");
    await expect(cells(admin).role).toHaveText("Admin");
    await expect(cells(admin).status).toHaveText("Active");

    await expect(page.getByText("Only admins can add users, change roles or disable someone.")).toBeVisible();
    await expect(addUserForm(page)).toHaveCount(0);
    await expect(page.getByRole("button", { name: "Add user" })).toHaveCount(0);
    await expect(page.getByRole("combobox")).toHaveCount(0);
    await expect(page.getByRole("button", { name: /^(Save role|Disable|Enable)/ })).toHaveCount(0);
  });
});
