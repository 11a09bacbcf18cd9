import { expect, test } from "@playwright/test";

/** The demo community's teams in board order; writing journeys add teams of their own after them. */
const DEMO_TEAMS = ["Distributed Cloud", "Test", "Docs", "Distro & Multi-OS", "Containers", "Release"];

test("a visitor sees the 10.0 dashboard, opens Distro & Multi-OS, finds the Arm call for help and reads an update", async ({ page }) => {
  await page.goto("/");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(/StarlingX 10\.0/);
  const teams = page.getByRole("region", { name: "Teams" });
  await expect(teams.getByRole("listitem")).toContainText(DEMO_TEAMS);
  await expect(page.getByRole("heading", { name: "Community topics" })).toBeVisible();
  await expect(page.getByText("No decision yet").first()).toBeVisible();

  await teams.getByRole("link", { name: "Distro & Multi-OS" }).click();
  await expect(page).toHaveURL(/\/teams\/distro-multi-os$/);
  await expect(page.getByRole("heading", { level: 1, name: "Distro & Multi-OS" })).toBeVisible();
  const roadmap = page.getByRole("region", { name: "Roadmap" });
  const arm = roadmap.getByRole("listitem").filter({ hasText: "Arm support" });
  await expect(arm.getByText("Help wanted")).toBeVisible();
  await expect(page.getByRole("link", { name: "Review the Arm support patches" })).toBeVisible();

  const headline = page.getByRole("link", { name: /Arm reviews piling up/ }).first();
  await headline.click();
  await expect(page).toHaveURL(/\/updates\/\d+$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(/Arm reviews piling up/);
  await expect(page.getByRole("region", { name: "Help wanted" })).toContainText(/Gerrit/);
});

test("a team's page of every cycle shows its history and roadmap of each", async ({ page }) => {
  await page.goto("/teams/distro-multi-os/cycles");
  await expect(page).toHaveTitle(/Distro & Multi-OS: every cycle/);
  await expect(page.getByRole("heading", { level: 1, name: "Distro & Multi-OS" })).toBeVisible();
  await expect(
    page.getByRole("region", { name: "Roadmap" }).getByRole("listitem").filter({ hasText: "Arm support" }).first(),
  ).toBeVisible();
  await expect(page.getByRole("link", { name: /Arm reviews piling up/ }).first()).toBeVisible();
});

test("an unknown team, cycle or update is a real 404 page", async ({ page }) => {
  for (const path of ["/teams/no-such-team", "/teams/no-such-team/cycles", "/cycles/99.0", "/updates/999999", "/updates/not-a-number"]) {
    const response = await page.goto(path);
    expect(response?.status(), path).toBe(404);
    await expect(page.getByRole("heading", { name: "Nothing here" })).toBeVisible();
  }
});

test("the dashboards read without JavaScript", async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto("/cycles/9.0");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(/9\.0/);
  await expect(page.getByText("783", { exact: true }).first()).toBeVisible();
  await expect(page.getByRole("region", { name: "Teams" }).getByRole("listitem")).toContainText(DEMO_TEAMS);
  await context.close();
});

test("a newcomer finds where help is wanted, filtered by team", async ({ page }) => {
  await page.goto("/");
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Help wanted" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Help wanted" })).toBeVisible();
  await page.getByRole("combobox", { name: "Team", exact: true }).selectOption("distro-multi-os");
  await page.getByRole("button", { name: "Filter" }).click();
  await expect(page).toHaveURL(/team=distro-multi-os/);
  const arm = page.getByRole("listitem").filter({ hasText: "Review the Arm support patches" });
  await expect(arm.getByRole("link", { name: "Review the Arm support patches" })).toHaveAttribute("href", /review\.opendev\.org/);
  await expect(arm).toContainText("starlingx-discuss");
  await expect(page.getByRole("listitem").filter({ hasText: "Tell us where the docs are hard to follow" })).toHaveCount(0);
});

test("the header search finds the Arm work and marks the matches", async ({ page }) => {
  await page.goto("/teams");
  await page.getByRole("searchbox", { name: "Search updates, roadmap items, topics and help requests" }).fill("arm support");
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/\/search\?q=arm\+support/);
  const results = page.getByRole("list", { name: "Results" });
  const item = results.getByRole("listitem").filter({ hasText: "Roadmap item" }).filter({ hasText: "Arm support" }).first();
  await expect(item.locator("mark").first()).toHaveText(/arm/i);
  await page.getByRole("combobox", { name: "Health" }).selectOption("at_risk");
  await page.getByRole("button", { name: "Search", exact: true }).click();
  await expect(results.getByRole("listitem").first()).toContainText("At risk");
  await expect(results.getByText("Roadmap item")).toHaveCount(0);
});
