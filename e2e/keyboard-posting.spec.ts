import type { Locator, Page } from "@playwright/test";
import { EditorPage } from "./support/editor-page";
import { expect, test } from "./support/fixtures";

/**
 * A lead posts an update with the keyboard only: no pointer at all, from the team page to
 * the published update. Each step moves with Tab (or Shift+Tab) and acts with Enter,
 * Space or typing, as a keyboard user would.
 */

/** Presses Tab (or Shift+Tab) until the target has the focus; fails if it is not reached. */
async function tabTo(page: Page, target: Locator, { backwards = false, limit = 80 } = {}): Promise<void> {
  for (let i = 0; i < limit; i++) {
    if (await target.evaluate((element) => element === document.activeElement)) return;
    await page.keyboard.press(backwards ? "Shift+Tab" : "Tab");
  }
  await expect(target).toBeFocused();
}

test("a lead posts an update from the last one with the keyboard only", async ({ ownTeam, ownCycle, ownLead, pageOf }) => {
  test.slow();
  const page = await pageOf(ownLead);
  // The update to start from, in the test's own cycle (setup, so with the pointer).
  const last = await EditorPage.startBlank(page, ownTeam.slug, ownCycle.slug);
  await last.headline.fill("Milestone 1 reached");
  await last.section("In progress").fill("- Milestone 2");
  await expect(last.saved).toBeVisible();
  await last.publish();

  await page.goto(`/teams/${ownTeam.slug}`);
  await tabTo(page, page.getByRole("link", { name: "Post update" }));
  await page.keyboard.press("Enter");
  // After a page change the main heading has the focus, not the link that was followed.
  await expect(page.getByRole("heading", { name: "Post an update", level: 1 })).toBeFocused();

  // The test's own cycle, chosen by typing its name into the focused list, as a keyboard user does.
  await tabTo(page, page.getByLabel("Cycle"));
  await page.keyboard.type(ownCycle.name);
  await expect(page.getByLabel("Cycle")).toHaveValue(ownCycle.slug);
  await tabTo(page, page.getByRole("button", { name: /^Start from the last update/ }));
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/\/updates\/\d+\/edit$/);
  await expect(page.getByRole("heading", { name: "Write the update", level: 1 })).toBeFocused();
  const id = Number(/\/updates\/(\d+)\/edit/.exec(page.url())![1]);

  // Publishing without a headline: the error is announced and the focus goes to the field.
  const headline = page.getByLabel("Headline");
  await tabTo(page, headline);
  await page.keyboard.press("ControlOrMeta+a");
  await page.keyboard.press("Delete");
  await tabTo(page, page.getByRole("button", { name: "Publish" }));
  await expect(page.getByText("1 field needs attention")).toBeVisible();
  await page.keyboard.press("Enter");
  await expect(headline).toBeFocused();
  await expect(page.getByRole("alert").getByRole("link", { name: /^Headline: / })).toBeVisible();

  const title = "Release keyboard update";
  await page.keyboard.type(title);
  await tabTo(page, page.getByRole("radio", { name: /On track/ }));
  await page.keyboard.press("ArrowDown");
  await expect(page.getByRole("radio", { name: /At risk/ })).toBeChecked();
  await tabTo(page, page.getByRole("textbox", { name: "Done" }));
  await page.keyboard.type("- Milestone 2 reached on time");

  // Adding a link keeps the focus in the form: on the new link's first field.
  await tabTo(page, page.getByRole("button", { name: "Add a link" }));
  await page.keyboard.press("Enter");
  await expect(page.getByLabel(/^Link \d+ label$/).last()).toBeFocused();
  await page.keyboard.type("Release schedule");
  await page.keyboard.press("Tab");
  await page.keyboard.type("https://releases.example.org/10.0");

  await expect(page.getByText("Ready to publish")).toBeVisible();
  await tabTo(page, page.getByRole("button", { name: "Publish" }));
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(new RegExp(`/updates/${id}$`));
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(title);
  await expect(page.getByRole("heading", { level: 1 })).toBeFocused();
  await expect(page.getByRole("region", { name: "Done" })).toContainText("Milestone 2 reached on time");
});
