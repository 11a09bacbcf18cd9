import { expect, type Locator, type Page } from "@playwright/test";
import { submit } from "./forms";

const SETUP_EXPECT_MS = 20_000;

/** A team, cycle or person a test made for itself. */
export interface OwnTeam {
  name: string;
  slug: string;
}
export interface OwnCycle {
  name: string;
  slug: string;
}
export interface OwnPerson {
  name: string;
  email: string;
  password: string;
}

/**
 * The admin pages, driven as an admin would: how fixtures make a test's own data through the
 * running app, so that the server's cache invalidation sees every write (a script writing
 * the database from another process would leave kept pages stale).
 */
export class AdminDesk {
  constructor(readonly page: Page) {}

  /** The form whose submit button is `button`, among the many forms of an admin page. */
  private form(button: string): Locator {
    return this.page.locator("form", { has: this.page.getByRole("button", { name: button, exact: true }) });
  }

  private async send(form: Locator, button: string, expected: string | RegExp): Promise<string> {
    await submit(this.page, form.getByRole("button", { name: button, exact: true }));
    const status = form.getByRole("status");
    // Setup, not a journey's assertion: the page re-renders after each write, which a busy machine can stretch past 5 s.
    await expect(status).toHaveText(expected, { timeout: SETUP_EXPECT_MS });
    return (await status.textContent()) ?? "";
  }

  async createTeam(name: string, slug: string): Promise<OwnTeam> {
    await this.page.goto("/admin/teams");
    const form = this.form("Create team");
    await form.getByLabel("Name").fill(name);
    await form.getByLabel("Slug").fill(slug);
    await this.send(form, "Create team", `Created ${name}.`);
    return { name, slug };
  }

  /** A cycle in planning (never the active one, which the demo's dashboards show), with no milestones. */
  async createCycle(name: string, startsOn: string, targetReleaseOn: string): Promise<OwnCycle> {
    await this.page.goto("/admin/cycles");
    const form = this.form("Create cycle");
    await form.getByLabel("Name").fill(name);
    await form.getByLabel("Starts on").fill(startsOn);
    await form.getByLabel("Release planned on").fill(targetReleaseOn);
    await form.getByLabel("Copy milestones from").selectOption("");
    await this.send(form, "Create cycle", `Created ${name}.`);
    return { name, slug: name.toLowerCase() };
  }

  /** A member leading `leads`; the password is the one the admin page shows only once. */
  async createPerson(name: string, email: string, leads: string[]): Promise<OwnPerson> {
    await this.page.goto("/admin/people");
    const form = this.form("Create account");
    await form.getByLabel("Name").fill(name);
    await form.getByLabel("Email").fill(email);
    await form.getByLabel("Leads teams").selectOption(leads);
    const message = await this.send(form, "Create account", /shown only now: \S+/);
    return { name, email, password: /shown only now: (\S+)/.exec(message)![1]! };
  }

  /** Makes `shepherd` (a release manager, by name) the team's shepherd: the queue marks the team as theirs. */
  async setShepherd(team: OwnTeam, shepherd: string): Promise<void> {
    await this.page.goto("/admin/teams");
    const save = `Save ${team.name}`;
    const form = this.form(save);
    // The form is folded under the team's "Edit" until opened.
    await this.page
      .getByRole("listitem")
      .filter({ has: this.page.getByText(`/${team.slug}`, { exact: true }) })
      .getByText("Edit", { exact: true })
      .click();
    await form.getByLabel("Release manager (shepherd)").selectOption({ label: shepherd });
    await this.send(form, save, "Saved.");
  }

  /** A metric the team reports in its updates: by default a count, summed over a cycle. */
  async defineMetric(
    team: string,
    label: string,
    key: string,
    { kind = "Count", aggregation = "sum" }: { kind?: string; aggregation?: "sum" | "latest" | "average" } = {},
  ): Promise<void> {
    await this.page.goto("/admin/cycles");
    const form = this.form("Define metric");
    await form.getByLabel("Label").fill(label);
    await form.getByLabel("Key").fill(key);
    await form.getByLabel("Reported by").selectOption(team);
    await form.getByLabel("Kind").selectOption({ label: kind });
    await form.getByLabel("A cycle's figure is the").selectOption(aggregation);
    await this.send(form, "Define metric", `Defined ${label}.`);
  }
}
