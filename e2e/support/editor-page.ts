import { expect, type Locator, type Page } from "@playwright/test";
import { submit } from "./forms";

/** The update editor (/updates/<id>/edit), as a team lead uses it. */
export class EditorPage {
  constructor(
    readonly page: Page,
    readonly id: number,
  ) {}

  /** Opens the editor on a new blank draft, from the "Post an update" page for the team and cycle. */
  static async startBlank(page: Page, team: string, cycle?: string): Promise<EditorPage> {
    await page.goto(`/updates/new?team=${encodeURIComponent(team)}${cycle ? `&cycle=${encodeURIComponent(cycle)}` : ""}`);
    await expect(page.getByRole("heading", { name: "Post an update" })).toBeVisible();
    await page.getByRole("button", { name: "Start blank" }).click();
    // The draft is made, then the editor rendered: on a busy machine longer than an expect's 5 s.
    await page.waitForURL(/\/updates\/\d+\/edit$/);
    return new EditorPage(page, Number(/\/updates\/(\d+)\/edit/.exec(page.url())![1]));
  }

  /** Opens the editor of an existing update. */
  static async open(page: Page, id: number): Promise<EditorPage> {
    await page.goto(`/updates/${id}/edit`);
    return new EditorPage(page, id);
  }

  get headline(): Locator {
    return this.page.getByLabel("Headline");
  }

  /** A Markdown section's text box: "Summary", "Done", "Risks", "Help wanted"… */
  section(name: string): Locator {
    return this.page.getByRole("textbox", { name });
  }

  /** The autosave's status line. */
  get saveStatus(): Locator {
    return this.page.getByRole("status").filter({ hasText: /Not saved|Saving|Saved at|Unsaved/ });
  }

  get saved(): Locator {
    return this.page.getByText(/Saved at/);
  }

  async setHealth(label: RegExp | string): Promise<void> {
    await this.page.getByRole("radio", { name: label }).check();
  }

  /**
   * Adds an item through the roadmap page the editor links to (roadmap changes are public at
   * once, so they are not made inside a draft), then comes back to the editor.
   */
  async addRoadmapItem(title: string, { helpWanted = false } = {}): Promise<void> {
    await this.page.getByRole("link", { name: /^Edit the roadmap for / }).click();
    await this.page.getByText("Add a roadmap item").click();
    const form = this.page.locator("details", { hasText: "Add a roadmap item" });
    await form.getByLabel("Title").fill(title);
    if (helpWanted) await form.getByLabel("Help wanted").check();
    await form.getByRole("button", { name: "Add item" }).click();
    await expect(this.page.getByRole("status").filter({ hasText: "Item added." })).toBeVisible();
    await this.page.goto(`/updates/${this.id}/edit`);
    await expect(this.headline).toBeVisible();
  }

  /** Publishes the draft and waits for the update's own page. */
  async publish(): Promise<void> {
    await this.page.getByRole("button", { name: "Publish" }).click();
    await expect(this.page).toHaveURL(new RegExp(`/updates/${this.id}$`));
  }

  /** Saves a published update's changes (or a draft's, with "Save draft") and waits for the server's answer. */
  async save(button: "Save changes" | "Save draft" = "Save changes"): Promise<void> {
    await submit(this.page, this.page.getByRole("button", { name: button }));
  }
}
