import type { Page } from "@playwright/test";
import { EditorPage } from "./support/editor-page";
import { expect, test, type OwnCycle, type OwnTeam } from "./support/fixtures";
import { ReviewQueuePage } from "./support/review-queue-page";

/** The demo release manager, as the admin pages name them. */
const RELEASE_MANAGER = "Morgan Castellan";

/** The lead publishes an update with this headline in the test's own cycle. */
async function publish(lead: Page, team: OwnTeam, cycle: OwnCycle, headline: string): Promise<void> {
  const editor = await EditorPage.startBlank(lead, team.slug, cycle.slug);
  await editor.headline.fill(headline);
  await expect(editor.saved).toBeVisible();
  await editor.publish();
}

test("the release manager requests changes on an update; the lead answers and asks for another look; the release manager marks it reviewed", async ({
  admin,
  ownTeam,
  ownCycle,
  ownLead,
  pageOf,
  pageAs,
}) => {
  // Several pages and round trips: on two busy cores this takes longer than one page.
  test.slow();
  const team = ownTeam.name;
  const headline = "Upgrade path from 9.0 is tested";
  await admin.setShepherd(ownTeam, RELEASE_MANAGER);
  const lead = await pageOf(ownLead);
  await publish(lead, ownTeam, ownCycle, headline);

  const queue = new ReviewQueuePage(await pageAs("releaseManager"));
  await queue.goto(ownCycle.slug);
  // The first signed-in page a fresh server renders can take several seconds on busy cores.
  await expect(queue.page.getByRole("heading", { name: `Review queue · ${ownCycle.name}` })).toBeVisible({ timeout: 20_000 });
  await expect(queue.entry(team).getByText("Your team")).toBeVisible();
  expect(await queue.headline(team)).toBe(headline);
  await queue.requestChanges(team, "Please list the Kubernetes versions you test upgrades against.");
  await expect(queue.outcome(team)).toContainText("Changes requested; the team's leads see your comment.");

  await lead.goto(`/teams/${ownTeam.slug}`);
  const notice = lead.getByRole("region", { name: `Changes requested on “${headline}”` });
  await expect(notice).toContainText("Please list the Kubernetes versions you test upgrades against.");
  await notice.getByRole("link", { name: headline }).click();
  await expect(lead).toHaveURL(/\/updates\/\d+\/edit$/);
  const atTop = lead.getByRole("region", { name: `Changes requested on “${headline}”` });
  await expect(atTop).toContainText("Please list the Kubernetes versions you test upgrades against.");
  const thread = lead.getByRole("region", { name: /^Review/ });
  await thread.getByLabel("Reply").fill("Added: upgrades are tested from 1.24 through 1.29.");
  await thread.getByRole("button", { name: "Post reply" }).click();
  await expect(thread).toContainText("Added: upgrades are tested from 1.24 through 1.29.");
  await atTop.getByRole("button", { name: `Ask for another look at “${headline}”` }).click();
  await expect(atTop).toContainText("Another look asked");

  await queue.page.reload();
  await expect(queue.state(team, "Lead replied")).toBeVisible();
  const mark = queue.markButton(team, headline);
  await mark.scrollIntoViewIfNeeded();
  const box = await mark.boundingBox();
  await queue.markReviewed(team);
  // The entry stays where it was, showing its new state: nothing moved under the pointer.
  expect(await mark.boundingBox()).toEqual(box);
  await queue.undo(team);
  await expect(queue.state(team, "Lead replied")).toBeVisible();
  await queue.markReviewed(team);
  await queue.page.reload();
  await expect(queue.entry(team)).toHaveCount(0);
});

test("a decision made in another tab is refused with a message instead of overwriting it", async ({
  ownTeam,
  ownCycle,
  ownLead,
  pageOf,
  pageAs,
}) => {
  // Several pages and round trips: on two busy cores this takes longer than one page.
  test.slow();
  const team = ownTeam.name;
  const lead = await pageOf(ownLead);
  await publish(lead, ownTeam, ownCycle, "Sanity runs on every build");
  await publish(lead, ownTeam, ownCycle, "Sanity runs on every build and every patch");

  const first = new ReviewQueuePage(await pageAs("releaseManager"));
  await first.goto(ownCycle.slug);
  const second = new ReviewQueuePage(await pageAs("releaseManager"));
  await second.goto(ownCycle.slug);
  // One entry per team, for its latest update, and its buttons name the update they act on.
  const headline = "Sanity runs on every build and every patch";
  await expect(second.entry(team)).toHaveCount(1);
  await expect(second.page.getByRole("button", { name: new RegExp(`^Mark ${team} “`) })).toHaveCount(1);
  expect(await second.headline(team)).toBe(headline);
  await expect(second.entry(team)).toContainText("+1 earlier update since the last review");

  await first.markReviewed(team);

  await second.sendChangeRequest(team, "Add the sanity pass rate.");
  await expect(second.outcome(team)).toContainText(
    `Not saved: “${headline}” is now marked reviewed; someone decided since you loaded the page.`,
  );
  await expect(second.state(team, "Waiting for review")).toBeVisible();

  await first.undo(team);
  await expect(first.state(team, "Waiting for review")).toBeVisible();
});

test("a release manager reads and decides with the keyboard only", async ({ admin, ownTeam, ownCycle, pageOf, pageAs, unique }) => {
  test.slow();
  // Two teams in the cycle, so that j and k have somewhere to go.
  const other = await admin.createTeam(`Other ${unique}`, `other-${unique}`);
  const lead = await pageOf(await admin.createPerson(`Lead of two ${unique}`, `two.${unique}@example.org`, [ownTeam.slug, other.slug]));
  await publish(lead, other, ownCycle, "Jobs moved to the new lab");
  const headline = "Cloud jobs run on k8s";
  await publish(lead, ownTeam, ownCycle, headline);
  const team = ownTeam.name;

  const queue = new ReviewQueuePage(await pageAs("releaseManager"));
  const page = queue.page;
  await queue.goto(ownCycle.slug);
  await expect(page.getByText("Keys: j next team")).toBeVisible();
  const target = queue.entry(team);
  const entries = page.getByRole("article");
  await expect(entries).toHaveCount(2);

  await page.keyboard.press("j");
  await expect(entries.first()).toBeFocused();
  await page.keyboard.press("j");
  await expect(entries.nth(1)).toBeFocused();
  await page.keyboard.press("k");
  await expect(entries.first()).toBeFocused();
  for (let i = 0; i < 2 && !(await target.evaluate((el) => el === document.activeElement)); i++) await page.keyboard.press("j");
  await expect(target).toBeFocused();

  await page.keyboard.press("o");
  await expect(target.getByRole("button", { name: `Close ${team} “${headline}”` })).toHaveAttribute("aria-expanded", "true");
  await expect(target.getByText(/Changes since “|The team has no reviewed update yet/)).toBeVisible();

  await page.keyboard.press("r");
  await expect(queue.state(team, "Reviewed")).toBeVisible();
  await page.keyboard.press("u");
  await expect(queue.state(team, "Waiting for review")).toBeVisible();

  // Keys typed into the comment stay in the comment.
  await page.keyboard.press("c");
  const comment = target.getByLabel("What should change");
  await expect(comment).toBeFocused();
  await page.keyboard.type("Say which jobs run on k8s 1.29.");
  await expect(comment).toHaveValue("Say which jobs run on k8s 1.29.");
  await expect(comment).toBeFocused();
  await page.keyboard.press("Tab");
  await expect(target.getByRole("button", { name: `Request changes to ${team} “${headline}”` })).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(queue.state(team, "Changes requested")).toBeVisible();
  await page.keyboard.press("u");
  await expect(queue.state(team, "Waiting for review")).toBeVisible();
});

test("a team lead cannot open the review queue", async ({ pageAs }) => {
  const page = await pageAs("docsLead");
  await page.goto("/review");
  await expect(page.getByRole("heading", { name: "Not available to you" })).toBeVisible();
});
