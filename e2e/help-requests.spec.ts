import { expect, test, type Page } from "@playwright/test";
import { ACCOUNTS } from "./support/accounts";
import { submit } from "./support/forms";
import { signIn } from "./support/sign-in";

// Only this spec writes help requests for Distro & Multi-OS; counts are read before and compared after,
// so other specs reading the same dashboards in parallel do not matter.

async function distroCounts(page: Page) {
  await page.goto("/cycles/10.0");
  const card = page.getByRole("region", { name: "Teams" }).getByRole("listitem").filter({ hasText: "Distro & Multi-OS" });
  const cardLink = card.getByRole("link", { name: /^Help wanted: \d+ open, \d+ taken$/ });
  await expect(cardLink).toHaveAttribute("href", "/help-wanted?team=distro-multi-os&cycle=10.0");
  const totalLink = page.getByRole("link", { name: /^Help requests in 10\.0: \d+ open, \d+ taken$/ });
  await expect(totalLink).toHaveAttribute("href", "/help-wanted?cycle=10.0");
  const numbers = async (link: typeof cardLink) =>
    (await link.textContent())!
      .match(/(\d+) open, (\d+) taken/)!
      .slice(1)
      .map(Number) as [number, number];
  return { team: await numbers(cardLink), total: await numbers(totalLink) };
}

test("a lead asks for help, the request shows on /help-wanted and the dashboard, is taken up by a newcomer, then resolved and gone", async ({
  page,
}) => {
  // A dozen page loads: on a busy shared machine that can take longer than the default 30 s.
  test.slow();
  const title = `Try the Arm installer on a Raspberry Pi (${Date.now()})`;
  await signIn(page, ACCOUNTS.distroLead);
  const before = await distroCounts(page);

  await page.goto("/teams/distro-multi-os");
  await page.getByRole("link", { name: "Ask for help" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Help requests" })).toBeVisible();
  await page.getByLabel("What help is needed").fill(title);
  await page.getByLabel("Details").fill("Boot the **Arm** ISO and tell us what breaks.");
  await page.getByLabel("Link", { exact: true }).fill("https://opendev.org/starlingx/arm");
  await page.getByLabel("Contact").fill("#starlingx on OFTC");
  await submit(page, page.getByRole("button", { name: "Open help request" }));
  await expect(page.getByRole("status")).toHaveText(/Help request opened/);
  const request = page.getByRole("listitem").filter({ hasText: title });
  await expect(request.getByText("Open", { exact: true })).toBeVisible();

  await page.goto("/help-wanted?cycle=10.0");
  const listed = page.getByRole("listitem").filter({ hasText: title });
  await expect(listed.getByRole("link", { name: title })).toHaveAttribute("href", "https://opendev.org/starlingx/arm");
  await expect(listed).toContainText("Contact: #starlingx on OFTC");
  await expect(listed.getByRole("strong")).toHaveText("Arm");
  expect(await distroCounts(page)).toEqual({ team: [before.team[0] + 1, before.team[1]], total: [before.total[0] + 1, before.total[1]] });

  await page.goto("/teams/distro-multi-os/help");
  await request.getByLabel("Or by a newcomer (name)").fill("Ada Newcomer");
  await submit(page, request.getByRole("button", { name: "Mark as taken" }));
  await expect(request.getByText("Taken by Ada Newcomer")).toBeVisible();
  await page.goto("/help-wanted?team=distro-multi-os");
  await expect(page.getByRole("listitem").filter({ hasText: title })).toContainText("Taken up by Ada Newcomer");
  expect(await distroCounts(page)).toEqual({ team: [before.team[0], before.team[1] + 1], total: [before.total[0], before.total[1] + 1] });

  await page.goto("/teams/distro-multi-os/help");
  await submit(page, request.getByRole("button", { name: "Resolved" }));
  await expect(request).toHaveCount(0);
  await page.goto("/help-wanted");
  await expect(page.getByRole("listitem").filter({ hasText: title })).toHaveCount(0);
  expect(await distroCounts(page)).toEqual(before);
});

test("another team's lead cannot manage Distro & Multi-OS help requests", async ({ page }) => {
  await signIn(page, ACCOUNTS.docsLead);
  await page.goto("/teams/distro-multi-os/help");
  await expect(page.getByRole("heading", { level: 1, name: "Not available to you" })).toBeVisible();
  await expect(page.getByLabel("What help is needed")).toHaveCount(0);
});
