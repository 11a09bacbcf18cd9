import { parse as parseYaml } from "yaml";
import { expect, test } from "./support/fixtures";
import { submit } from "./support/forms";

const TEAMS = ["Distributed Cloud", "Test", "Docs", "Distro & Multi-OS", "Containers", "Release"];

test("the 10.0 recap has every team, the numbers beside 9.0's, the topics, and a Markdown download", async ({ page, request }) => {
  await page.goto("/cycles/10.0");
  await page.getByRole("link", { name: "Recap" }).click();
  await expect(page).toHaveURL(/\/cycles\/10\.0\/report$/);
  for (const team of TEAMS) await expect(page.getByRole("heading", { level: 3, name: team, exact: true })).toBeVisible();
  const numbers = page.getByRole("region", { name: "The cycle in numbers" });
  await expect(numbers.getByRole("row", { name: /Bugs fixed/ })).toContainText("783");
  await expect(numbers.getByRole("row", { name: /Pass rate/ })).toContainText("97.4%");
  await expect(numbers.getByRole("row", { name: /^Manual test cases executed/ })).toContainText("683");
  await expect(page.getByRole("region", { name: "Improving the review process" })).toContainText("no decision yet");

  const markdown = await request.get("/cycles/10.0/report.md");
  expect(markdown.headers()["content-type"]).toContain("text/markdown");
  const text = await markdown.text();
  expect(text).toMatch(/^# StarlingX 10\.0: the cycle in review/);
  for (const team of TEAMS) expect(text).toContain(`### ${team}`);
});

test("a release manager writes the PTG's recap, and readers get one post across 9.0 and 10.0 as it stood that week", async ({
  pageAs,
  request,
}) => {
  const intro = `Two days of sessions, recapped ${Date.now()}.`;
  const page = await pageAs("releaseManager");
  await page.goto("/admin/cycles");
  const card = page.locator("section", { has: page.getByRole("heading", { name: /^10\.0/ }) });
  await card.getByText(/^Gatherings \(/).click();
  await card.getByText(/^April 2024 virtual PTG ·/).click();
  await card.getByText("Write the recap of April 2024 virtual PTG").click();
  const form = card.locator("form", { has: page.getByRole("button", { name: "Save the recap of April 2024 virtual PTG" }) });
  await form.getByLabel("Introduction").fill(intro);
  await submit(page, form.getByRole("button", { name: "Save the recap of April 2024 virtual PTG" }));
  await expect(form.getByRole("status")).toHaveText("Recap saved.");

  await page.goto("/cycles/10.0/report");
  await page.getByRole("link", { name: "April 2024 virtual PTG" }).click();
  await expect(page).toHaveURL(/\/gatherings\/ptg-2024-04$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("StarlingX at the April 2024 virtual PTG");
  await expect(page.getByText(intro)).toBeVisible();
  await expect(page.getByText("As it stood on 12 Apr 2024.")).toBeVisible();
  for (const team of TEAMS) await expect(page.getByRole("heading", { level: 3, name: team, exact: true })).toBeVisible();
  const containers = page.getByRole("region", { name: "Containers" });
  await expect(containers.getByRole("heading", { name: "Delivered in 9.0" })).toBeVisible();
  await expect(containers.getByRole("heading", { name: "Plans for 10.0" })).toBeVisible();
  await expect(
    page.getByRole("region", { name: "9.0 in numbers" }).getByRole("row", { name: /^Manual test cases executed/ }),
  ).toContainText("683");
  await expect(page.getByRole("link", { name: "Notes of the sessions" })).toHaveCount(1);

  const markdown = await request.get("/gatherings/ptg-2024-04/recap.md");
  expect(markdown.headers()["content-type"]).toContain("text/markdown");
  const post = await markdown.text();
  const front = parseYaml(/^---\n([\s\S]*?)\n---\n/.exec(post)![1]!) as Record<string, unknown>;
  expect(front).toMatchObject({
    title: "StarlingX at the April 2024 virtual PTG",
    date: "2024-04-12",
    tags: ["StarlingX", "April 2024 virtual PTG", "9.0", "10.0"],
  });
  expect(post).toContain(intro);

  const moved = await request.get("/cycles/10.0/report.md?gathering=ptg-2024-04", { maxRedirects: 0 });
  expect(moved.status()).toBe(307);
  expect(moved.headers().location).toBe("/gatherings/ptg-2024-04/recap.md");
  expect((await request.get("/gatherings/no-such-gathering")).status()).toBe(404);
});

test("the milestones calendar and the comparison of 9.0 with 10.0", async ({ page, request }) => {
  const calendar = await request.get("/cycles/10.0/schedule.ics");
  expect(calendar.headers()["content-type"]).toContain("text/calendar");
  expect(await calendar.text()).toContain("SUMMARY:StarlingX 10.0: Feature freeze");
  expect((await request.get("/cycles/99.0/schedule.ics")).status()).toBe(404);

  await page.goto("/cycles/compare?a=9.0&b=10.0");
  const numbers = page.getByRole("table").first();
  await expect(numbers.getByRole("row", { name: /Bugs fixed/ })).toContainText("783");
  await expect(page.getByRole("row", { name: /Distro & Multi-OS/ })).toContainText("At risk");
});
