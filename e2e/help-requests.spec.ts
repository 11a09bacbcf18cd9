import { expect, test, type OwnCycle, type OwnTeam } from "./support/fixtures";
import type { Page } from "@playwright/test";
import { submit } from "./support/forms";

/** The team card's and the cycle's "open, taken" help counts on the cycle's dashboard: the test's own team and cycle, so exact. */
async function helpCounts(page: Page, team: OwnTeam, cycle: OwnCycle) {
  await page.goto(`/cycles/${cycle.slug}`);
  const totalLink = page.getByRole("link", { name: new RegExp(`^Help requests in ${cycle.name}: \\d+ open, \\d+ taken$`) });
  await expect(totalLink).toHaveAttribute("href", `/help-wanted?cycle=${cycle.slug}`);
  const numbers = async (link: typeof totalLink) =>
    (await link.textContent())!
      .match(/(\d+) open, (\d+) taken/)!
      .slice(1)
      .map(Number) as [number, number];
  // The card links to the team's requests only while it has some.
  const card = page.getByRole("region", { name: "Teams" }).getByRole("listitem").filter({ hasText: team.name });
  const cardLink = card.getByRole("link", { name: /^Help wanted: \d+ open, \d+ taken$/ });
  if ((await cardLink.count()) === 0) return { team: [0, 0], total: await numbers(totalLink) };
  await expect(cardLink).toHaveAttribute("href", `/help-wanted?team=${team.slug}&cycle=${cycle.slug}`);
  return { team: await numbers(cardLink), total: await numbers(totalLink) };
}

test("a lead asks for help, the request shows on /help-wanted and the dashboard, is taken up by a newcomer, then resolved and gone", async ({
  ownTeam,
  ownCycle,
  ownLead,
  pageOf,
}) => {
  // A dozen page loads: on a busy shared machine that can take longer than the default 30 s.
  test.slow();
  const title = "Try the Arm installer on a Raspberry Pi";
  const page = await pageOf(ownLead);
  expect(await helpCounts(page, ownTeam, ownCycle)).toEqual({ team: [0, 0], total: [0, 0] });

  await page.goto(`/teams/${ownTeam.slug}`);
  await page.getByRole("link", { name: "Ask for help" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Help requests" })).toBeVisible();
  await page.getByLabel("What help is needed").fill(title);
  await page.getByLabel("Details").fill("Boot the **Arm** ISO and tell us what breaks.");
  await page.getByLabel("Cycle").selectOption(ownCycle.slug);
  await page.getByLabel("Link", { exact: true }).fill("https://opendev.org/starlingx/arm");
  await page.getByLabel("Contact").fill("#starlingx on OFTC");
  await submit(page, page.getByRole("button", { name: "Open help request" }));
  await expect(page.getByRole("status")).toHaveText(/Help request opened/);
  const request = page.getByRole("listitem").filter({ hasText: title });
  await expect(request.getByText("Open", { exact: true })).toBeVisible();

  await page.goto(`/help-wanted?cycle=${ownCycle.slug}`);
  const listed = page.getByRole("listitem").filter({ hasText: title });
  await expect(listed.getByRole("link", { name: title })).toHaveAttribute("href", "https://opendev.org/starlingx/arm");
  await expect(listed).toContainText("Contact: #starlingx on OFTC");
  await expect(listed.getByRole("strong")).toHaveText("Arm");
  expect(await helpCounts(page, ownTeam, ownCycle)).toEqual({ team: [1, 0], total: [1, 0] });

  await page.goto(`/teams/${ownTeam.slug}/help`);
  await request.getByLabel("Or by a newcomer (name)").fill("Ada Newcomer");
  await submit(page, request.getByRole("button", { name: "Mark as taken" }));
  await expect(request.getByText("Taken by Ada Newcomer")).toBeVisible();
  await page.goto(`/help-wanted?team=${ownTeam.slug}&cycle=${ownCycle.slug}`);
  await expect(page.getByRole("listitem").filter({ hasText: title })).toContainText("Taken up by Ada Newcomer");
  expect(await helpCounts(page, ownTeam, ownCycle)).toEqual({ team: [0, 1], total: [0, 1] });

  await page.goto(`/teams/${ownTeam.slug}/help`);
  await submit(page, request.getByRole("button", { name: "Resolved" }));
  await expect(request).toHaveCount(0);
  await page.goto(`/help-wanted?team=${ownTeam.slug}&cycle=${ownCycle.slug}`);
  await expect(page.getByRole("listitem").filter({ hasText: title })).toHaveCount(0);
  expect(await helpCounts(page, ownTeam, ownCycle)).toEqual({ team: [0, 0], total: [0, 0] });
});

test("another team's lead cannot manage Distro & Multi-OS help requests", async ({ pageAs }) => {
  const page = await pageAs("docsLead");
  await page.goto("/teams/distro-multi-os/help");
  await expect(page.getByRole("heading", { level: 1, name: "Not available to you" })).toBeVisible();
  await expect(page.getByLabel("What help is needed")).toHaveCount(0);
});
