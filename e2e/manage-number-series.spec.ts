// Finance manages number series from Settings → Numbering: adds a day-stamped Singapore series and
// watches its next number as they type, makes it the default, and is stopped at the field by a bad
// format, a name in use and a counter below a number already issued. A viewer only reads.
import { expect, test, type Page, type TestInfo } from "@playwright/test";
import { ORG_TIME_ZONE } from "../lib/db/seed/fixtures";
import { formatSeriesNumber } from "../lib/numbering/format";

const FINANCE_STATE = "e2e/.auth/finance.json";
const VIEWER_STATE = "e2e/.auth/viewer.json";

const SINGAPORE_FORMAT = "SG-INV-{YYYY}{MM}{DD}-{NNN}";

// Unique per run, test and worker, so reruns against the same database never collide.
const stampFor = (testInfo: TestInfo) =>
  `${Date.now()}-${testInfo.workerIndex}-${Math.random().toString(36).slice(2, 6)}`;

/** The number a document numbered right now would get, in the demo organisation's zone. */
const numberToday = (format: string, counter: number) =>
  formatSeriesNumber({ format, counter, date: new Date(), timeZone: ORG_TIME_ZONE });

const addForm = (page: Page) => page.getByRole("form", { name: "Add a number series" });
const invoiceSeries = (page: Page) => page.getByRole("table", { name: "Invoice series" });
const seriesRow = (page: Page, name: string) => invoiceSeries(page).getByRole("row").filter({ hasText: name });
const toast = (page: Page, text: string | RegExp) => page.getByRole("status").filter({ hasText: text });

const makeDefault = async (page: Page, name: string) => {
  await page.getByRole("button", { name: `Make ${name} the default invoice series` }).click();
  const dialog = page.getByRole("dialog", { name: `Make ${name} the default invoice series?` });
  await expect(dialog).toBeVisible();
  await dialog.getByRole("button", { name: "Make default" }).click();
  await expect(dialog).toBeHidden();
  await expect(toast(page, `${name} is now the default invoice series`)).toBeVisible();
};

test.describe("as finance", () => {
  test.use({ storageState: FINANCE_STATE });

  test("adds a Singapore series, sees its next number as they type, and makes it the default", async ({
    page,
  }, testInfo) => {
    const name = `Singapore ${stampFor(testInfo)}`;
    await page.goto("/settings");
    await page.getByRole("navigation", { name: "Settings" }).getByRole("link", { name: "Numbering" }).click();
    await expect(page).toHaveURL(/\/settings\/numbering$/);
    // The docs' examples stay in view beside the form.
    await expect(page.getByRole("table", { name: "Format examples" })).toContainText("SG-INV-20240628-001");

    const form = addForm(page);
    await form.getByLabel("Name").fill(name);
    await form.getByLabel("Numbers").selectOption("invoice");
    await form.getByLabel("Format").fill(SINGAPORE_FORMAT);
    const preview = form.getByRole("status");
    await expect(preview).toHaveText(`Next number: ${numberToday(SINGAPORE_FORMAT, 1)}`);
    // The seeded Singapore series prints the same numbers: the form says so, without refusing.
    await expect(form).toContainText("Singapore already uses this format, so the series can reach the same numbers");
    await form.getByLabel("Next number").fill("7");
    await expect(preview).toHaveText(`Next number: ${numberToday(SINGAPORE_FORMAT, 7)}`);
    await form.getByRole("button", { name: "Add series" }).click();

    await expect(toast(page, `Added the invoice series ${name}`)).toBeVisible();
    const row = seriesRow(page, name);
    await expect(row).toHaveCount(1);
    await expect(row).toContainText(SINGAPORE_FORMAT);
    await expect(row).toContainText(numberToday(SINGAPORE_FORMAT, 7));
    await expect(row).toContainText("0 invoices");
    await expect(row.getByText("Default", { exact: true })).toHaveCount(0);
    // The form is ready for the next series.
    await expect(form.getByLabel("Name")).toHaveValue("");

    await makeDefault(page, name);
    await expect(row.getByText("Default", { exact: true })).toBeVisible();
    // The seeded default gave way: it can be made the default again, so it no longer is.
    await expect(page.getByRole("button", { name: "Make Default the default invoice series" })).toBeVisible();

    // Other specs finalize invoices from the seeded default: hand it back at once.
    await makeDefault(page, "Default");
    await expect(row.getByText("Default", { exact: true })).toHaveCount(0);
  });

  test("a bad format is refused at the format field and nothing is added", async ({ page }, testInfo) => {
    const name = `Broken ${stampFor(testInfo)}`;
    await page.goto("/settings/numbering");
    const form = addForm(page);
    await form.getByLabel("Name").fill(name);
    await form.getByLabel("Format").fill("INV-{YYYY}-{Q}");
    await form.getByRole("button", { name: "Add series" }).click();

    const format = form.getByLabel("Format");
    await expect(format).toHaveAttribute("aria-invalid", "true");
    await expect(format).toHaveAccessibleDescription(
      '"{Q}" is not a token. Use {YYYY}, {YY}, {MM}, {DD} and one counter like {NNNN}.',
    );
    await expect(form.getByRole("status")).toContainText("Next number: —");

    // A format without a counter, typed after the first error: refused as it is typed.
    await format.fill("INV-{YYYY}");
    await expect(format).toHaveAccessibleDescription("The format needs one counter like {NNNN}.");

    await page.reload();
    await expect(invoiceSeries(page)).toBeVisible();
    await expect(invoiceSeries(page)).not.toContainText(name);
  });

  test("a name already in use is refused at the name field by the server", async ({ page }) => {
    await page.goto("/settings/numbering");
    const form = addForm(page);
    await form.getByLabel("Name").fill("singapore");
    await form.getByLabel("Format").fill("SG2-{YYYY}-{NNNN}");
    await form.getByRole("button", { name: "Add series" }).click();

    const nameField = form.getByLabel("Name");
    await expect(nameField).toHaveAttribute("aria-invalid", "true");
    await expect(nameField).toHaveAccessibleDescription("There is already an invoice series named Singapore");
    await expect(form.getByRole("alert").filter({ hasText: "Nothing was saved" })).toBeVisible();
    await expect(invoiceSeries(page)).not.toContainText("SG2-{YYYY}-{NNNN}");
  });

  test("the next number cannot go below a number the series already issued", async ({ page }) => {
    await page.goto("/settings/numbering");
    await page.getByRole("link", { name: "Edit Reseller: Sea Channel" }).click();
    await expect(page).toHaveURL(/\/settings\/numbering\/ser_[0-9A-Z]+$/);
    const form = page.getByRole("form", { name: "Edit number series" });
    const nextNumber = form.getByLabel("Next number");
    const counterBefore = await nextNumber.inputValue();
    await nextNumber.fill("1");
    await expect(form.getByRole("status")).toHaveText(`Next number: ${numberToday("RS-SEA-{YYYY}-{NNNN}", 1)}`);
    await form.getByRole("button", { name: "Save changes" }).click();

    await expect(nextNumber).toHaveAttribute("aria-invalid", "true");
    await expect(nextNumber).toHaveAccessibleDescription(
      /^RS-SEA-\d{4}-\d{4} was already issued from this series: the next number must be at least \d+$/,
    );
    await expect(page).toHaveURL(/\/settings\/numbering\/ser_/);

    await page.goto("/settings/numbering");
    await expect(seriesRow(page, "Reseller: Sea Channel").getByRole("cell").nth(2)).toHaveText(counterBefore);
  });
});

test.describe("as a viewer", () => {
  test.use({ storageState: VIEWER_STATE });

  test("sees every series read-only", async ({ page }) => {
    await page.goto("/settings/numbering");
    await expect(invoiceSeries(page)).toContainText("INV-{YYYY}{MM}-{NNNN}");
    await expect(page.getByRole("table", { name: "Receipt series" })).toContainText("RCP-{YYYY}-{NNNNN}");
    await expect(page.getByText("Only finance and admins can change numbering.")).toBeVisible();
    await expect(page.getByRole("table", { name: "Format examples" })).toBeVisible();
    await expect(addForm(page)).toHaveCount(0);
    await expect(page.getByRole("button", { name: /Make .* default/ })).toHaveCount(0);
    await expect(page.getByRole("link", { name: /^Edit / })).toHaveCount(0);
  });
});
