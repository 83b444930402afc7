// A viewer can read but not change anything, even by posting a server action directly: the
// server refuses the post and nothing is written. The request is captured from a finance user's
// real form submission (so it is a valid action call), then replayed with the viewer's session.
import { expect, test, type APIRequestContext } from "@playwright/test";

type CapturedPost = { url: string; headers: Record<string, string>; body: string };

const replay = (request: APIRequestContext, post: CapturedPost) =>
  request.post(post.url, {
    headers: {
      accept: post.headers["accept"] ?? "text/x-component",
      "content-type": post.headers["content-type"] ?? "text/plain;charset=UTF-8",
      "next-action": post.headers["next-action"] ?? "",
      "next-router-state-tree": post.headers["next-router-state-tree"] ?? "",
    },
    data: post.body,
  });

test("a viewer's direct post of a change is refused by the server and changes nothing", async ({
  browser,
  playwright,
  baseURL,
}) => {
  const suffix = `${Date.now()}`;
  const name = `Probe Industries ${suffix}`;

  // 1. A finance user fills the real form; the action call is captured and not sent.
  const finance = await browser.newContext({ storageState: "e2e/.auth/finance.json" });
  const page = await finance.newPage();
  await page.goto("/customers/new");
  await page.getByLabel("Name").fill(name);
  await page.getByLabel("Email").fill(`billing+${suffix}@probe.example`);
  await page.getByLabel("External id").fill(`probe-${suffix}`);
  let captured: CapturedPost | undefined;
  await page.route("**/*", async (route) => {
    const request = route.request();
    if (request.method() === "POST" && request.headers()["next-action"]) {
      captured = { url: request.url(), headers: request.headers(), body: request.postData() ?? "" };
      await route.abort();
      return;
    }
    await route.continue();
  });
  await page.getByRole("button", { name: "Create customer" }).click();
  await expect.poll(() => captured !== undefined).toBe(true);
  const post = captured as CapturedPost;
  expect(post.body).toContain(name);

  // 2. The viewer posts exactly that call: refused, with the permission message.
  const viewer = await playwright.request.newContext({ baseURL, storageState: "e2e/.auth/viewer.json" });
  const refused = await replay(viewer, post);
  expect(await refused.text()).toContain("You do not have permission to do this.");

  // 3. Nothing was written: the customer does not exist.
  const admin = await browser.newContext({ storageState: "e2e/.auth/admin.json" });
  const adminPage = await admin.newPage();
  await adminPage.goto(`/customers?${new URLSearchParams({ q: name, status: "all" })}`);
  await expect(adminPage.getByRole("link", { name })).toHaveCount(0);

  // 4. The same call from the finance user's session does create it, so step 2 was a real attempt.
  const financeRequest = await playwright.request.newContext({ baseURL, storageState: "e2e/.auth/finance.json" });
  const accepted = await replay(financeRequest, post);
  expect(await accepted.text()).not.toContain("You do not have permission");
  await adminPage.reload();
  await expect(adminPage.getByRole("link", { name })).toHaveCount(1);

  await Promise.all([finance.close(), admin.close(), viewer.dispose(), financeRequest.dispose()]);
});
