import { expect, type Locator, type Page } from "@playwright/test";
import { submit } from "./forms";

/**
 * The release managers' review queue (/review): one entry (an article named by the team) per
 * team, for the team's latest update in the cycle. Every button names the team and the
 * headline it acts on, which the entry's first link shows.
 */
export class ReviewQueuePage {
  constructor(readonly page: Page) {}

  async goto(cycle?: string): Promise<void> {
    await this.page.goto(cycle ? `/review?cycle=${encodeURIComponent(cycle)}` : "/review");
  }

  get heading(): Locator {
    return this.page.getByRole("heading", { level: 1 });
  }

  /** The team's entry. */
  entry(team: string): Locator {
    return this.page.getByRole("article", { name: team, exact: true });
  }

  /** The headline the team's entry acts on, as its link shows it. */
  async headline(team: string): Promise<string> {
    return (await this.entry(team).getByRole("link").first().textContent())!.trim();
  }

  /** The entry's state, as its badge says: "Waiting for review", "Lead replied", "Changes requested", "Reviewed". */
  state(team: string, label: string): Locator {
    return this.entry(team).getByText(label, { exact: true });
  }

  /** The line under the entry's buttons that answers each decision. */
  outcome(team: string): Locator {
    return this.entry(team).getByRole("status");
  }

  markButton(team: string, headline: string): Locator {
    return this.entry(team).getByRole("button", { name: `Mark ${team} “${headline}” reviewed` });
  }

  undoButton(team: string, headline: string): Locator {
    return this.entry(team).getByRole("button", { name: `Undo the decision on ${team} “${headline}”` });
  }

  /** Writes the comment and sends it, without judging the answer (a stale page is refused). */
  async sendChangeRequest(team: string, text: string): Promise<void> {
    const entry = this.entry(team);
    const headline = await this.headline(team);
    await entry.getByText("Request changes…").click();
    await entry.getByLabel("What should change").fill(text);
    await submit(this.page, entry.getByRole("button", { name: `Request changes to ${team} “${headline}”` }));
  }

  async requestChanges(team: string, text: string): Promise<void> {
    await this.sendChangeRequest(team, text);
    await expect(this.state(team, "Changes requested")).toBeVisible();
  }

  async markReviewed(team: string): Promise<void> {
    await submit(this.page, this.markButton(team, await this.headline(team)));
    await expect(this.state(team, "Reviewed")).toBeVisible();
  }

  /** Takes back the decision just made here; the entry shows its state before it. */
  async undo(team: string): Promise<void> {
    await submit(this.page, this.undoButton(team, await this.headline(team)));
    await expect(this.entry(team).getByRole("button", { name: /^Undo the decision on / })).toHaveCount(0);
  }
}
