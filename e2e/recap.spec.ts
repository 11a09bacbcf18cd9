import { expect, test } from "@playwright/test";

const TEAMS = ["Distributed Cloud", "Test", "Docs", "Distro & Multi-OS", "Containers", "Release"];

test("the 10.0 recap has every team, the numbers beside 9.0's, the topics, and a Markdown download", async ({ page, request }) => {
  await page.goto("/cycles/10.0");
  await page.getByRole("link", { name: "Recap" }).click();
  await expect(page).toHaveURL(/\/cycles\/10\.0\/report$/);
  for (const team of TEAMS) await expect(page.getByRole("heading", { level: 3, name: team, exact: true })).toBeVisible();
  const numbers = page.getByRole("region", { name: "The cycle in numbers" });
  await expect(numbers.getByRole("row", { name: /Bugs fixed/ })).toContainText("783");
  await expect(numbers.getByRole("row", { name: /Pass rate/ })).toContainText("97.4%");
  await expect(numbers.getByRole("row", { name: /Manual test cases/ })).toContainText("683");
  await expect(page.getByRole("region", { name: "Improving the review process" })).toContainText("no decision yet");

  const markdown = await request.get("/cycles/10.0/report.md?gathering=ptg-2024-04");
  expect(markdown.headers()["content-type"]).toContain("text/markdown");
  const text = await markdown.text();
  expect(text).toMatch(/^# StarlingX 10\.0 at the April 2024 virtual PTG/);
  for (const team of TEAMS) expect(text).toContain(`### ${team}`);
  expect(text).toContain("| New features and enhancements | 33 |");
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
