import type { Page } from "@playwright/test";
import { EditorPage } from "./support/editor-page";
import { expect, test, type OwnCycle } from "./support/fixtures";
import { submit } from "./support/forms";

/**
 * History entered later keeps its real dates: a release manager records a past cycle's
 * milestones and release on the days they happened, a lead publishes an update as of the day
 * it reports on and records when a roadmap item was delivered, and the recap, the calendar
 * and the burn-up follow those days, not the day they were typed.
 */

const escaped = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** The cycle's card on /admin/cycles. */
async function cycleCard(page: Page, cycle: OwnCycle) {
  await page.goto("/admin/cycles");
  return page.locator("section", { has: page.getByRole("heading", { name: new RegExp(`^${escaped(cycle.name)}`) }) });
}

test("a release manager records a past cycle's milestone and release on their real days, which the recap and calendar show", async ({
  pageAs,
  ownCycle,
  unique,
}) => {
  test.slow();
  const page = await pageAs("releaseManager");
  const card = await cycleCard(page, ownCycle);

  await card.getByText("Milestones (0)").click();
  const add = card.locator("form", { has: page.getByRole("button", { name: "Add milestone" }) });
  await add.getByLabel("Milestone").fill("Feature freeze");
  await add.getByLabel("Due on").fill("2001-03-15");
  await submit(page, add.getByRole("button", { name: "Add milestone" }));
  await expect(add.getByRole("status")).toHaveText("Added Feature freeze.");

  // "Mark done" offers today, and takes the day it was really done; never a day to come.
  const done = card.locator("form", { has: page.getByRole("button", { name: "Mark Feature freeze done" }) });
  await expect(done.getByLabel("Feature freeze done on")).toHaveValue(/^\d{4}-\d\d-\d\d$/);
  await done.getByLabel("Feature freeze done on").fill("2999-01-01");
  await submit(page, done.getByRole("button", { name: "Mark Feature freeze done" }));
  await expect(done.getByText("This cannot be in the future: give the day it happened")).toBeVisible();
  await done.getByLabel("Feature freeze done on").fill("2001-03-16");
  await submit(page, done.getByRole("button", { name: "Mark Feature freeze done" }));
  await expect(card.getByText("Feature freeze · due 15 Mar 2001 · done 16 Mar 2001")).toBeVisible();

  await card.getByText(/^Gatherings \(/).click();
  const gathering = card.locator("form", { has: page.getByRole("button", { name: "Add gathering" }) });
  await gathering.getByLabel("Gathering").fill("Spring 2001 summit");
  await gathering.getByLabel("Slug").fill(`summit-${unique}`);
  await gathering.getByLabel("From").fill("2001-04-02");
  await gathering.getByLabel("To").fill("2001-04-04");
  await submit(page, gathering.getByRole("button", { name: "Add gathering" }));
  await expect(gathering.getByRole("status")).toHaveText("Added Spring 2001 summit.");

  const status = card.locator("form", { has: page.getByRole("button", { name: `Save ${ownCycle.slug} status` }) });
  await status.getByLabel("Status").selectOption("released");
  await status.getByLabel("Released on").fill("2001-07-02");
  await submit(page, status.getByRole("button", { name: `Save ${ownCycle.slug} status` }));
  await expect(status.getByRole("status")).toHaveText("Status saved.");

  await page.goto(`/cycles/${ownCycle.slug}/report`);
  await expect(page.getByText(`The ${ownCycle.name} cycle started on 8 Jan 2001 and was released on 2 Jul 2001.`)).toBeVisible();

  const calendar = await page.request.get(`/cycles/${ownCycle.slug}/schedule.ics`);
  expect(calendar.ok()).toBe(true);
  const ics = await calendar.text();
  expect(ics).not.toContain("P1DT");
  expect(ics).toContain("DTSTART;VALUE=DATE:20010315\r\nDTEND;VALUE=DATE:20010316");
  expect(ics).toContain("DTSTART;VALUE=DATE:20010402\r\nDTEND;VALUE=DATE:20010405");
  expect(ics).toContain("SUMMARY:StarlingX: Spring 2001 summit");
});

test("a lead publishes an update as of the day it reports on, and a release manager corrects that day", async ({
  pageAs,
  pageOf,
  ownTeam,
  ownLead,
  ownCycle,
}) => {
  test.slow();
  const lead = await pageOf(ownLead);
  const editor = await EditorPage.startBlank(lead, ownTeam.slug, ownCycle.slug);
  await editor.headline.fill("Installer ready for 2001.1");
  await lead.getByLabel("As of", { exact: true }).fill("2001-02-01");
  await editor.publish();
  await expect(lead.getByText(/^As of 1 Feb 2001 \(entered \d+ \w+ \d{4}\)$/)).toBeVisible();

  const manager = await pageAs("releaseManager");
  await manager.goto(`/updates/${editor.id}`);
  await manager.getByText("Date this update").click();
  const dating = manager.locator("form", { has: manager.getByRole("button", { name: "Save the date" }) });
  await expect(dating.getByLabel("As of")).toHaveValue("2001-02-01");
  await dating.getByLabel("As of").fill("2001-02-05");
  await submit(manager, dating.getByRole("button", { name: "Save the date" }));
  await expect(dating.getByRole("status")).toHaveText("Dated as of 5 Feb 2001.");
  await manager.reload();
  await expect(manager.getByText(/^As of 5 Feb 2001 \(entered/)).toBeVisible();

  // The team's history lists it on that day.
  await manager.goto(`/teams/${ownTeam.slug}/cycles`);
  await expect(manager.getByRole("listitem").filter({ hasText: "Installer ready for 2001.1" })).toContainText("5 Feb 2001");
});

test("a lead records a roadmap item delivered on its real day, and the cycle's burn-up ends with the cycle, not today", async ({
  pageOf,
  ownTeam,
  ownLead,
  ownCycle,
}) => {
  test.slow();
  const page = await pageOf(ownLead);
  await page.goto(`/teams/${ownTeam.slug}/roadmap?cycle=${encodeURIComponent(ownCycle.slug)}`);
  await page.getByText("Add a roadmap item").click();
  const form = page.locator("details", { hasText: "Add a roadmap item" });
  await form.getByLabel("Title").fill("Arm support");
  await form.getByLabel("Status").selectOption("done");
  await form.getByLabel("Delivered on").fill("2001-04-02");
  await form.getByRole("button", { name: "Add item" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Item added." })).toBeVisible();
  await expect(page.getByRole("listitem", { name: "Arm support" })).toContainText("delivered 2 Apr 2001");

  await page.goto(`/cycles/${ownCycle.slug}`);
  await page.getByText(`Show as a table: Roadmap burn-up, ${ownCycle.name}`).click();
  const rows = page.getByRole("table", { name: `Roadmap burn-up, ${ownCycle.name}` }).getByRole("row");
  await expect(rows.nth(1)).toContainText("8 Jan 2001");
  await expect(rows.nth(2)).toContainText("2 Apr 2001");
  await expect(rows.last()).toContainText("29 Jun 2001");
  await expect(rows).toHaveCount(4);
});

test("adding a team suggests its slug from the name, and says each field's error once, beside the field", async ({ admin, unique }) => {
  const page = admin.page;
  await page.goto("/admin/teams");
  const form = page.locator("form", { has: page.getByRole("button", { name: "Create team", exact: true }) });

  await submit(page, form.getByRole("button", { name: "Create team", exact: true }));
  await expect(form.getByText("Enter the team's name")).toBeVisible();
  await expect(form.getByText("Use at least 2 characters, e.g. distro-multi-os")).toBeVisible();
  await expect(form.getByRole("alert")).toHaveText("Check the 2 fields marked above.");
  await expect(form.getByLabel("Name")).toBeFocused();

  await form.getByLabel("Name").pressSequentially("Docs");
  await expect(form.getByLabel("Slug")).toHaveValue("docs");
  await submit(page, form.getByRole("button", { name: "Create team", exact: true }));
  // Said once, beside the slug, where it is fixed.
  await expect(form.getByText("Another team already uses this slug")).toHaveCount(1);
  await expect(form.getByLabel("Slug")).toHaveAccessibleDescription(/Another team already uses this slug/);
  await expect(form.getByRole("alert")).toHaveText("Check the field marked above.");

  const name = `Équipe ${unique}`;
  await form.getByLabel("Name").fill("");
  await form.getByLabel("Slug").fill("");
  await form.getByLabel("Name").pressSequentially(name);
  await expect(form.getByLabel("Slug")).toHaveValue(`equipe-${unique.toLowerCase()}`);
  // The slug stays the admin's once they type their own.
  await form.getByLabel("Slug").fill(`team-${unique}`);
  await form.getByLabel("Name").fill(`${name}!`);
  await expect(form.getByLabel("Slug")).toHaveValue(`team-${unique}`);
  await submit(page, form.getByRole("button", { name: "Create team", exact: true }));
  await expect(form.getByRole("status")).toHaveText(`Created ${name}!.`);
});
