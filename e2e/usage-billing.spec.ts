// Usage billing end to end: finance subscribes a customer on Growth with a reseller paying (an
// archived payer is refused first); an admin creates an API key; the customer's system sends usage
// with it; finance bills the period now; late events arrive for earlier days; Recalculate shows the
// difference before anything changes, and applying it changes the draft once (again: nothing new);
// the invoice is finalized and its PDF bills the reseller with "Usage by" the customer; one more late
// event and the issued invoice is voided and replaced by a corrected draft, linked both ways.
import { expect, test, type APIRequestContext, type Browser, type Page } from "@playwright/test";
import { ADMIN_STATE, createCustomer, FINANCE_STATE, stampFor, toast } from "./helpers/billing";
import { pdfText } from "./helpers/documents";

const PLAN = "Growth · USD · Monthly";
const DAY_MS = 24 * 60 * 60 * 1000;

/** Picks a customer in one of the subscription form's comboboxes by typing its name. */
const pickCustomer = async (page: Page, field: string, name: string) => {
  const input = page.getByRole("combobox", { name: field });
  await input.fill(name);
  await page.getByRole("option").filter({ hasText: name }).first().click();
};

/** As an admin, in a browser of their own: a new API key from Settings, read from the one-time dialog. */
const createApiKey = async (browser: Browser, name: string): Promise<string> => {
  const context = await browser.newContext({ storageState: ADMIN_STATE });
  try {
    const page = await context.newPage();
    await page.goto("/settings/api-keys");
    await page.getByRole("button", { name: "Create API key" }).click();
    const form = page.getByRole("dialog", { name: "Create an API key" });
    await form.getByLabel("Name").fill(name);
    await form.getByRole("button", { name: "Create key" }).click();
    const reveal = page.getByRole("dialog", { name: `Copy the key for ${name}` });
    const key = await reveal.getByLabel("API key").inputValue();
    await reveal.getByRole("button", { name: "Done" }).click();
    return key;
  } finally {
    await context.close();
  }
};

type UsageEvent = { name: "api_call" | "storage_snapshot"; at: Date; properties?: Record<string, unknown> };

const sendUsage = async (
  request: APIRequestContext,
  { key, externalId, events, batch }: { key: string; externalId: string; events: UsageEvent[]; batch: string },
) => {
  const response = await request.post("/api/v1/events/bulk", {
    headers: { authorization: `Bearer ${key}` },
    data: {
      events: events.map((event, index) => ({
        event_name: event.name,
        external_customer_id: externalId,
        timestamp: event.at.toISOString(),
        event_id: `${batch}-${index}`,
        properties: event.properties ?? {},
      })),
    },
  });
  expect(response.status()).toBe(200);
  expect(await response.json()).toMatchObject({ accepted: events.length, duplicates: 0, errors: [] });
};

const calls = (count: number, at: (index: number) => Date): UsageEvent[] =>
  Array.from({ length: count }, (_, index) => ({
    name: "api_call",
    at: at(index),
    properties: { endpoint: "/v1/orders" },
  }));

test.use({ storageState: FINANCE_STATE });

test("usage sent through the API is billed to the payer, recalculated from late events, and printed with its owner", async ({
  page,
  browser,
  request,
}, testInfo) => {
  test.setTimeout(180_000);
  const stamp = stampFor(testInfo);
  const payer = await createCustomer(page, { name: `Reseller ${stamp}`, stamp: `payer-${stamp}` });
  const owner = await createCustomer(page, { name: `Store Chain ${stamp}`, stamp: `owner-${stamp}` });
  const ownerExternalId = `e2e-owner-${stamp}`;

  // The subscription started four days ago, so the period being billed holds the last days. The form
  // takes a calendar day in the organisation's zone; events come at least 90 minutes after that UTC
  // midnight, after the period's start in any zone within an hour of UTC (the demo's is London).
  const start = new Date(Math.floor((Date.now() - 4 * DAY_MS) / DAY_MS) * DAY_MS);
  const hoursAfterStart = (hours: number) => new Date(start.getTime() + hours * 60 * 60 * 1000);
  const minutesAgo = (minutes: number) => new Date(Date.now() - minutes * 60_000);

  // ---- a subscription with a delegated payer; an archived payer is refused at its field
  await page.goto(`/subscriptions/new?customer=${owner.id}`);
  await page.getByLabel("Plan").selectOption({ label: PLAN });
  await page.getByLabel("Start date").fill(start.toISOString().slice(0, 10));
  await pickCustomer(page, "Invoice to (optional)", "Pied Piper Inc");
  await page.getByRole("button", { name: "Create subscription" }).click();
  const payerField = page.getByRole("combobox", { name: "Invoice to (optional)" });
  await expect(payerField).toHaveAttribute("aria-invalid", "true");
  await expect(payerField).toHaveAccessibleDescription(/invoicing customer is not active/);
  await expect(page).toHaveURL(/\/subscriptions\/new/);
  await pickCustomer(page, "Invoice to (optional)", payer.name);
  await page.getByRole("button", { name: "Create subscription" }).click();
  await expect(page).toHaveURL(/\/subscriptions\/sub_[0-9A-Z]+$/);
  const subscriptionUrl = page.url();

  // ---- usage through the API, with a key an admin created in Settings
  const key = await createApiKey(browser, `Store Chain POS ${stamp}`);
  // 120 calls: 50 free, 50 at $0.05, 20 at $0.03; storage peaks at 12.5 GB ($0.25 each).
  await sendUsage(request, {
    key,
    externalId: ownerExternalId,
    batch: `${stamp}-first`,
    events: [
      ...calls(120, (index) => minutesAgo(200 - index)),
      { name: "storage_snapshot", at: minutesAgo(90), properties: { gb: 12.5 } },
    ],
  });

  // ---- Bill now: a draft for the reseller, usage by the store chain
  await page.getByRole("button", { name: "Bill now" }).click();
  await page.getByRole("dialog").getByRole("button", { name: "Create draft invoice" }).click();
  await expect(page).toHaveURL(/\/invoices\/inv_[0-9A-Z]+$/);
  const draftUrl = page.url();
  const header = page.getByTestId("invoice-billed-to");
  await expect(header).toContainText(`Billed to ${payer.name} · usage by ${owner.name} · $305.23`);
  await expect(page.getByRole("link", { name: owner.name }).first()).toHaveAttribute("href", `/customers/${owner.id}`);
  await expect(page.getByRole("link", { name: "Growth", exact: true })).toHaveAttribute(
    "href",
    new URL(subscriptionUrl).pathname,
  );

  // ---- late events for the first day of the period, out of order
  await sendUsage(request, {
    key,
    externalId: ownerExternalId,
    batch: `${stamp}-late`,
    events: [
      { name: "storage_snapshot", at: hoursAfterStart(3), properties: { gb: 20 } },
      ...calls(30, (index) => hoursAfterStart(2 - index / 60)),
    ],
  });

  // ---- Recalculate: the difference first, nothing changed until applied
  await page.getByRole("button", { name: "Recalculate" }).click();
  const dialog = page.getByRole("dialog", { name: "Recalculate this draft" });
  await expect(dialog.getByTestId("recalculation-events")).toHaveText(
    "31 events arrived for this period since the last calculation.",
  );
  const lines = dialog.getByRole("table", { name: "Recalculated lines" });
  await expect(lines.getByRole("row").filter({ hasText: "API calls (101 and above)" })).toContainText(
    /20\s*50\s*\$0\.60\s*\$1\.50/,
  );
  await expect(lines.getByRole("row").filter({ hasText: "Storage (peak GB)" })).toContainText(
    /12\.5\s*20\s*\$3\.13\s*\$5\.00/,
  );
  await expect(dialog.getByTestId("recalculation-change")).toHaveText("+$2.77");
  await expect(header).toContainText("$305.23");

  await dialog.getByRole("button", { name: "Apply recalculation" }).click();
  await expect(toast(page, "Recalculated: the draft's total is now $308.00")).toBeVisible();
  await expect(header).toContainText("$308.00");
  await expect(page.getByRole("list", { name: "Timeline" })).toContainText(
    "Recalculated usage from the events stored now: $305.23 → $308.00 (31 events since the last calculation)",
  );

  // Again, with no new events: nothing to apply.
  await page.getByRole("button", { name: "Recalculate" }).click();
  await expect(dialog.getByTestId("recalculation-events")).toHaveText(
    "0 events arrived for this period since the last calculation.",
  );
  await expect(dialog).toContainText("there is nothing to apply");
  await expect(dialog.getByRole("button", { name: "Apply recalculation" })).toBeDisabled();
  await dialog.getByRole("button", { name: "Close" }).click();

  // ---- finalize, and the PDF bills the reseller for the store chain's usage
  await page.getByRole("button", { name: "Finalize", exact: true }).click();
  await page.getByRole("dialog").getByRole("button", { name: "Finalize invoice" }).click();
  // The page's heading becomes the number (the toast saying so may share its region with others).
  const heading = page.getByRole("heading", { level: 1, name: /^INV-\d{6}-\d{4,}$/ });
  await expect(heading).toBeVisible();
  const number = ((await heading.textContent()) ?? "").trim();
  await expect(toast(page, new RegExp(`Finalized as ${number}`))).toBeVisible();

  const invoiceId = new URL(draftUrl).pathname.split("/").pop() ?? "";
  const pdf = await page.request.get(`/api/invoices/${invoiceId}/pdf`);
  expect(pdf.status()).toBe(200);
  const text = pdfText(await pdf.body());
  expect(text).toContain(number);
  expect(text).toMatch(new RegExp(`BILL TO[\\s\\S]*${payer.name}`));
  expect(text).toContain(`Usage by ${owner.name}`);
  expect(text).toMatch(/Total\s+\$308\.00/);
  expect(text).not.toMatch(new RegExp(`BILL TO[^\\n]*\\n[^\\n]*${owner.name}`));

  // ---- one more late event: the issued invoice is voided and replaced, linked both ways
  await sendUsage(request, {
    key,
    externalId: ownerExternalId,
    batch: `${stamp}-later`,
    events: [{ name: "storage_snapshot", at: hoursAfterStart(5), properties: { gb: 24 } }],
  });
  await page.getByRole("button", { name: "Recalculate" }).click();
  const issued = page.getByRole("dialog", { name: `Recalculate ${number}` });
  await expect(issued).toContainText(`${number} is issued, so it cannot change. Applying voids it`);
  await expect(issued.getByTestId("recalculation-change")).toHaveText("+$1.00");
  await issued.getByRole("button", { name: "Void and reissue" }).click();
  await expect(toast(page, `${number} voided and replaced by a corrected draft of $309.00`)).toBeVisible();
  await expect(page).not.toHaveURL(draftUrl);
  await expect(page).toHaveURL(/\/invoices\/inv_[0-9A-Z]+$/);
  await expect(page.getByTestId("invoice-replacement")).toHaveText(`Corrected invoice: replaces ${number}`);
  await expect(header).toContainText(`Billed to ${payer.name} · usage by ${owner.name} · $309.00`);
  const correctedUrl = page.url();

  await page.getByTestId("invoice-replacement").getByRole("link", { name: number }).click();
  await expect(page).toHaveURL(draftUrl);
  await expect(page.getByTestId("invoice-badges")).toContainText("Void");
  await expect(page.getByTestId("invoice-replacement")).toHaveText("Replaced by Draft");
  await expect(page.getByRole("button", { name: "Recalculate" })).toHaveCount(0);
  await page.getByTestId("invoice-replacement").getByRole("link", { name: "Draft" }).click();
  await expect(page).toHaveURL(correctedUrl);

  // The reseller's page lists both, each marked with whose usage it bills.
  await page.goto(payer.url);
  const invoices = page.getByRole("table", { name: "Invoices billed to this customer" });
  await expect(invoices.getByRole("row").filter({ hasText: number })).toContainText(`Usage by ${owner.name}`);
  await expect(invoices.getByRole("row").filter({ hasText: "Draft" })).toContainText(`Usage by ${owner.name}`);
});
