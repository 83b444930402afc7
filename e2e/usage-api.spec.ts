// An admin creates an API key in Settings and sees it once; a system sends usage events with it
// (single and bulk, a repeat stored once, a bad event reported by index); the events show on the
// Usage page for the customer; once the key is revoked, the API answers 401.
import { expect, test, type APIRequestContext } from "@playwright/test";
import { ADMIN_STATE, createCustomer, stampFor, toast } from "./helpers/billing";

const bulk = (request: APIRequestContext, key: string, events: unknown[]) =>
  request.post("/api/v1/events/bulk", { headers: { authorization: `Bearer ${key}` }, data: { events } });

test.use({ storageState: ADMIN_STATE });

test("an admin creates a key, events sent with it show on the Usage page, and a revoked key gets 401", async ({
  page,
  request,
}, testInfo) => {
  test.setTimeout(120_000);
  const stamp = stampFor(testInfo);
  const keyName = `Usage pipeline ${stamp}`;

  // The key is shown once, in the dialog.
  await page.goto("/settings/api-keys");
  await page.getByRole("button", { name: "Create API key" }).click();
  const form = page.getByRole("dialog", { name: "Create an API key" });
  await form.getByRole("button", { name: "Create key" }).click();
  await expect(form.getByText(/Name the key after what sends the events/)).toBeVisible();
  await form.getByLabel("Name").fill(keyName);
  await form.getByRole("button", { name: "Create key" }).click();
  const reveal = page.getByRole("dialog", { name: `Copy the key for ${keyName}` });
  await expect(reveal).toContainText("This is the only time the key is shown");
  const key = await reveal.getByLabel("API key").inputValue();
  expect(key).toMatch(/^bf_live_[A-Za-z0-9_-]{43}$/);
  await expect(reveal.locator("pre")).toContainText(`Authorization: Bearer ${key}`);
  await reveal.getByRole("button", { name: "Done" }).click();
  await expect(reveal).toHaveCount(0);
  await expect(toast(page, `API key ${keyName} was created`)).toBeVisible();

  const row = page.getByRole("row").filter({ hasText: keyName });
  await expect(row).toContainText(`${key.slice(0, 12)}…`);
  await expect(row).toContainText("Active");
  await expect(row).toContainText("Never");
  await page.reload();
  await expect(page.getByRole("row").filter({ hasText: keyName })).toBeVisible();
  expect(await page.content()).not.toContain(key);

  // A customer to send usage for.
  const customer = await createCustomer(page, { name: `Usage Pipeline Ltd ${stamp}`, stamp });
  const externalId = `e2e-${stamp}`;
  const minutesAgo = (minutes: number) => new Date(Date.now() - minutes * 60_000).toISOString();
  const usage = (eventId: string, minutes: number) => ({
    event_name: "api_call",
    external_customer_id: externalId,
    timestamp: minutesAgo(minutes),
    event_id: `${stamp}-${eventId}`,
    properties: { endpoint: "/v1/reports" },
  });

  const single = await request.post("/api/v1/events", {
    headers: { authorization: `Bearer ${key}` },
    data: usage("1", 3),
  });
  expect(single.status()).toBe(201);
  const first = (await single.json()) as { id: string; duplicate: boolean };
  expect(first.duplicate).toBe(false);
  const repeat = await request.post("/api/v1/events", {
    headers: { authorization: `Bearer ${key}` },
    data: usage("1", 3),
  });
  expect(repeat.status()).toBe(200);
  expect(await repeat.json()).toEqual({ id: first.id, duplicate: true });

  const batch = await bulk(request, key, [
    usage("2", 2),
    { ...usage("3", 1), timestamp: "yesterday" },
    usage("4", 1),
    usage("2", 2),
  ]);
  expect(batch.status()).toBe(200);
  expect(await batch.json()).toMatchObject({
    accepted: 2,
    duplicates: 1,
    errors: [{ index: 1, field: "timestamp" }],
  });

  const malformed = await request.post("/api/v1/events/bulk", {
    headers: { authorization: `Bearer ${key}`, "content-type": "application/json" },
    data: Buffer.from('{"events": ['),
  });
  expect(malformed.status()).toBe(400);
  expect(await malformed.json()).toEqual({ error: { message: expect.stringContaining("JSON"), field: null } });

  // Three events stored for the customer this month.
  await page.goto("/usage");
  await page.getByLabel("Meter").selectOption({ label: "api_calls" });
  await expect(page).toHaveURL(/meter=mtr_/);
  const picker = page.getByRole("combobox", { name: "Customer" });
  await picker.fill(customer.name);
  await page.getByRole("option", { name: customer.name }).click();
  await expect(page).toHaveURL(new RegExp(`customer=${customer.id}`));
  const usageRow = page.getByTestId(`usage-row-${customer.id}`);
  await expect(usageRow).toContainText(customer.name);
  await expect(usageRow.getByRole("cell").nth(0)).toContainText(externalId);
  await expect(usageRow.getByRole("cell").nth(1)).toHaveText("3");
  await expect(usageRow.getByRole("cell").nth(2)).toHaveText("3");
  await expect(page.getByRole("img", { name: new RegExp(`api_calls per day in .*${customer.name}`) })).toBeVisible();

  // The key shows it was used; revoking it stops it at once.
  await page.goto("/settings/api-keys");
  const usedRow = page.getByRole("row").filter({ hasText: keyName });
  await expect(usedRow).not.toContainText("Never");
  await usedRow.getByRole("button", { name: `Revoke ${keyName}` }).click();
  const confirm = page.getByRole("dialog", { name: `Revoke ${keyName}?` });
  await expect(confirm).toContainText(`${key.slice(0, 12)}… are refused from now on`);
  await confirm.getByRole("button", { name: "Revoke key" }).click();
  await expect(toast(page, `${keyName} was revoked`)).toBeVisible();
  await expect(usedRow).toContainText("Revoked");
  await expect(usedRow.getByRole("button", { name: `Revoke ${keyName}` })).toHaveCount(0);

  const refused = await bulk(request, key, [usage("5", 1)]);
  expect(refused.status()).toBe(401);
  expect(await refused.json()).toEqual({ error: { message: expect.stringContaining("API key") } });
});
