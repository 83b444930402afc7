// Finance subscribes a customer to a plan with another customer paying (a reseller), and sees both
// on the subscription's page and on each customer's page; an archived customer chosen as the payer
// is refused at the "Invoice to" field with nothing created; the edit form offers the plan and
// renewal but no payer; cancel at period end can be undone, cancel now cannot. A viewer only reads.
// Dates are days on the demo organisation's calendar (Europe/London): periods turn at midnight there.
import { expect, test, type Page } from "@playwright/test";
import { createCustomer, FINANCE_STATE, stampFor, toast, VIEWER_STATE } from "./helpers/billing";

const PLAN = "Starter · USD · Monthly";

/** Picks a customer in one of the form's comboboxes by typing part of its name. */
const pickCustomer = async (page: Page, field: string | RegExp, name: string) => {
  const input = page.getByRole("combobox", { name: field });
  await input.fill(name);
  const option = page.getByRole("option").filter({ hasText: name }).first();
  await option.click();
  await expect(input).toHaveValue(name);
};

const subscriptionsSection = (page: Page) =>
  page.getByRole("table", { name: "Subscriptions this customer uses or pays for" });

test.describe("as finance", () => {
  test.use({ storageState: FINANCE_STATE });

  test("creates a subscription invoiced to another customer and sees both", async ({ page }, testInfo) => {
    const stamp = stampFor(testInfo);
    const payer = await createCustomer(page, { name: `Reseller ${stamp}`, stamp: `payer-${stamp}` });
    const owner = await createCustomer(page, { name: `End Customer ${stamp}`, stamp: `owner-${stamp}` });

    // From the owner's page: the form starts with the owner chosen.
    await page.getByRole("link", { name: "New subscription" }).click();
    await expect(page).toHaveURL(new RegExp(`/subscriptions/new\\?customer=${owner.id}$`));
    await expect(page.getByRole("combobox", { name: "Customer" })).toHaveValue(owner.name);

    await page.getByLabel("Plan").selectOption({ label: PLAN });
    const anchor = page.getByLabel("Billing anchor");
    await expect(anchor).toHaveAccessibleDescription(/Periods turn at midnight \(Europe\/London\) on this day/);
    // A summer start is midnight BST: the preview reads London's days.
    await page.getByLabel("Start date").fill("2026-07-15");
    await expect(page.getByText(/^First period: Jul 15 – Aug 14, 2026 \(Europe\/London\)/)).toBeVisible();
    await page.getByLabel("Start date").fill("2026-01-15");
    // The anchor follows the start date until set; a later anchor makes a short first period.
    await expect(anchor).toHaveValue("2026-01-15");
    await anchor.fill("2026-02-01");
    await expect(page.getByText(/^First period: Jan 15 – 31, 2026 \(Europe\/London\)/)).toBeVisible();

    await pickCustomer(page, "Invoice to (optional)", payer.name);
    await page.getByRole("button", { name: "Create subscription" }).click();

    await expect(page).toHaveURL(/\/subscriptions\/sub_[0-9A-Z]+$/);
    await expect(toast(page, `${owner.name} subscribed to Starter`)).toBeVisible();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(`${owner.name} · Starter`);
    await expect(page.getByTestId("delegated-payer")).toContainText(`Invoice to ${payer.name}`);
    const customers = page.locator("section").filter({ has: page.getByRole("heading", { name: "Customers" }) });
    await expect(customers.getByRole("link", { name: owner.name })).toHaveAttribute("href", `/customers/${owner.id}`);
    await expect(customers.getByRole("link", { name: payer.name })).toHaveAttribute("href", `/customers/${payer.id}`);
    await expect(page.getByText("Jan 15 – 31, 2026", { exact: true })).toBeVisible();
    await expect(page.getByTestId("subscription-zone")).toHaveText(
      "Dates and times in Europe/London: periods turn at midnight there.",
    );
    await expect(page.getByRole("list", { name: "Timeline" })).toContainText(
      `Subscribed ${owner.name} to Starter, invoiced to ${payer.name}`,
    );

    // The payer's page says whose subscription it pays for; the owner's, who is billed.
    await page.goto(payer.url);
    await expect(subscriptionsSection(page)).toContainText(`Pays for ${owner.name}`);
    await page.goto(owner.url);
    await expect(subscriptionsSection(page)).toContainText(`Uses; billed to ${payer.name}`);

    // A customer paying for a live subscription stays active until the subscription is canceled.
    await page.goto(payer.url);
    await page.getByRole("button", { name: "Archive", exact: true }).click();
    await page
      .getByRole("dialog", { name: `Archive ${payer.name}?` })
      .getByRole("button", { name: "Archive customer" })
      .click();
    await expect(
      toast(page, `${payer.name} still has a live subscription (Starter, paid for ${owner.name}): cancel it first`),
    ).toBeVisible();
    await page.reload();
    await expect(page.getByRole("button", { name: "Archive", exact: true })).toBeVisible();
  });

  test("an archived customer as payer is refused at Invoice to, and nothing is created", async ({ page }, testInfo) => {
    const stamp = stampFor(testInfo);
    const owner = await createCustomer(page, { name: `Owner ${stamp}`, stamp });
    await page.goto(`/subscriptions/new?customer=${owner.id}`);
    await page.getByLabel("Plan").selectOption({ label: PLAN });

    // Pied Piper Inc is the demo's archived customer: listed, marked, and refused when chosen.
    await page.getByRole("combobox", { name: "Invoice to (optional)" }).fill("Pied Piper");
    const archived = page.getByRole("option").filter({ hasText: "Pied Piper Inc" });
    await expect(archived).toContainText("Archived");
    await archived.click();
    const payerField = page.getByRole("combobox", { name: "Invoice to (optional)" });
    await expect(payerField).toHaveAttribute("aria-invalid", "true");
    await expect(payerField).toHaveAccessibleDescription(/invoicing customer is not active/);

    await page.getByRole("button", { name: "Create subscription" }).click();
    await expect(page.getByRole("alert").filter({ hasText: "invoicing customer is not active" })).toBeVisible();
    await expect(page).toHaveURL(/\/subscriptions\/new/);

    await page.goto(owner.url);
    await expect(subscriptionsSection(page)).toContainText("This customer neither uses nor pays for a subscription.");
  });

  test("a payer archived while the form is open is refused by the server at Invoice to", async ({ page }, testInfo) => {
    const stamp = stampFor(testInfo);
    const payer = await createCustomer(page, { name: `Closing Reseller ${stamp}`, stamp: `payer-${stamp}` });
    const owner = await createCustomer(page, { name: `Orphan ${stamp}`, stamp: `owner-${stamp}` });
    await page.goto(`/subscriptions/new?customer=${owner.id}`);
    await page.getByLabel("Plan").selectOption({ label: PLAN });
    await pickCustomer(page, "Invoice to (optional)", payer.name);
    await expect(page.getByRole("combobox", { name: "Invoice to (optional)" })).not.toHaveAttribute("aria-invalid");

    // Meanwhile, in another tab, someone archives the payer.
    const other = await page.context().newPage();
    await other.goto(payer.url);
    await other.getByRole("button", { name: "Archive" }).click();
    await other.getByRole("dialog").getByRole("button", { name: "Archive customer" }).click();
    await expect(other.getByRole("dialog")).toHaveCount(0);
    await other.close();

    await page.getByRole("button", { name: "Create subscription" }).click();
    const payerField = page.getByRole("combobox", { name: "Invoice to (optional)" });
    await expect(payerField).toHaveAttribute("aria-invalid", "true");
    await expect(payerField).toHaveAccessibleDescription(/invoicing customer is not active/);
    await expect(page).toHaveURL(/\/subscriptions\/new/);
    await page.goto(owner.url);
    await expect(subscriptionsSection(page)).toContainText("This customer neither uses nor pays for a subscription.");
  });

  test("the edit form has no payer field; cancel at period end is undone, cancel now is final", async ({
    page,
  }, testInfo) => {
    const stamp = stampFor(testInfo);
    const payer = await createCustomer(page, { name: `Central Finance ${stamp}`, stamp: `payer-${stamp}` });
    const owner = await createCustomer(page, { name: `Branch ${stamp}`, stamp: `owner-${stamp}` });
    await page.goto(`/subscriptions/new?customer=${owner.id}`);
    await page.getByLabel("Plan").selectOption({ label: PLAN });
    await pickCustomer(page, "Invoice to (optional)", payer.name);
    await page.getByRole("button", { name: "Create subscription" }).click();
    await expect(page).toHaveURL(/\/subscriptions\/sub_[0-9A-Z]+$/);
    const subscriptionUrl = page.url();

    await page.getByRole("link", { name: "Edit", exact: true }).click();
    const form = page.getByRole("form", { name: "Edit subscription" });
    await expect(form).toBeVisible();
    // Its one choice list is the plan: no customer search, no payer.
    await expect(form.getByRole("combobox")).toHaveCount(1);
    await expect(form.getByRole("combobox")).toHaveAccessibleName("Plan");
    await expect(form.getByLabel(/Invoice to/)).toHaveCount(0);
    await expect(form.getByRole("textbox")).toHaveCount(0);
    await expect(form).toContainText(`invoiced to ${payer.name}`);
    await expect(form.getByLabel("Plan")).toHaveValue(/.+/);
    await form.getByLabel("Cancel at the end of the current period").check();
    await form.getByRole("button", { name: "Save changes" }).click();
    await expect(page).toHaveURL(subscriptionUrl);
    await expect(page.getByText("Cancels at period end").first()).toBeVisible();

    // Undo, through its confirm dialog.
    await page.getByRole("button", { name: "Keep subscription" }).click();
    await page.getByRole("dialog").getByRole("button", { name: "Keep subscription" }).click();
    await expect(toast(page, "The subscription no longer cancels")).toBeVisible();
    await expect(page.getByRole("button", { name: "Cancel at period end" })).toBeVisible();

    await page.getByRole("button", { name: "Cancel now" }).click();
    const dialog = page.getByRole("dialog", { name: "Cancel this subscription now?" });
    await expect(dialog).toContainText("This cannot be undone");
    await dialog.getByRole("button", { name: "Cancel now" }).click();
    await expect(toast(page, "The subscription is canceled")).toBeVisible();
    await expect(page.getByText("Last period", { exact: true })).toBeVisible();
    await expect(page.getByRole("button", { name: "Cancel now" })).toHaveCount(0);
    await expect(page.getByRole("link", { name: "Edit", exact: true })).toHaveCount(0);
  });
});

test.describe("as a viewer", () => {
  test.use({ storageState: VIEWER_STATE });

  test("reads subscriptions without any control to change them", async ({ page }) => {
    await page.goto("/subscriptions?status=active");
    await expect(page.getByRole("link", { name: "New subscription" })).toHaveCount(0);
    const row = page
      .getByRole("table", { name: "Subscriptions" })
      .getByRole("row")
      .filter({ hasText: "Bluefin Retail Pte Ltd" });
    await expect(row).toContainText("Sea Channel Partners Pte Ltd");
    await row.getByRole("link", { name: "Partner Starter" }).click();
    await expect(page.getByTestId("delegated-payer")).toContainText("Invoice to Sea Channel Partners Pte Ltd");
    await expect(page.getByRole("button", { name: "Cancel now" })).toHaveCount(0);
    await expect(page.getByRole("button", { name: "Bill now" })).toHaveCount(0);

    await page.goto("/subscriptions/new");
    await expect(page.getByRole("heading", { name: "You cannot create subscriptions" })).toBeVisible();
  });
});
