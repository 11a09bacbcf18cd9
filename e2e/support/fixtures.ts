/**
 * The journeys' fixtures. A test that writes asks for data of its own (`ownTeam`,
 * `ownCycle`, `ownLead`, `person`), made through the admin pages of the running app, so that
 * no test depends on another having run first and none changes what another asserts. Demo
 * accounts start signed in (`pageAs`), from the sessions the setup project saved.
 */
import { test as base, type Browser, type BrowserContext, type Page } from "@playwright/test";
import { AdminDesk, type OwnCycle, type OwnPerson, type OwnTeam } from "./admin-desk";
import { signedInState, type Role } from "./roles";

export { expect } from "@playwright/test";
export type { OwnCycle, OwnPerson, OwnTeam } from "./admin-desk";

interface Fixtures {
  /** A new page signed in as a demo role; each call is a browser context of its own. */
  pageAs: (role: Role) => Promise<Page>;
  /** A new page signed in as `person`, through better-auth's endpoint (the form is sign-in's own journey). */
  pageOf: (person: OwnPerson) => Promise<Page>;
  /** The admin pages, as the demo admin. */
  admin: AdminDesk;
  /** Letters and digits no other test (in any worker or repetition) uses, for names. */
  unique: string;
  /** A team of this test's own, after the demo's six. */
  ownTeam: OwnTeam;
  /** A cycle of this test's own, in planning, years before the demo's (OWN_CYCLE_DATES). */
  ownCycle: OwnCycle;
  /** A member who leads `ownTeam` and nothing else. */
  ownLead: OwnPerson;
  /** A member who leads nothing: for journeys that change an account (password, sign-in limit). */
  person: OwnPerson;
}

/**
 * When a test's own cycles run: years before the demo's first cycle, so that they never
 * count among a team page's newest cycles (which would push the demo's out of sight) and
 * never come between the demo's cycles (each board compares with the cycle before it).
 */
export const OWN_CYCLE_DATES = { startsOn: "2001-01-08", targetReleaseOn: "2001-06-29" } as const;

/** A browser context signed in as `person` through better-auth's endpoint (the form is sign-in's own journey). */
export async function signedInContext(
  browser: Browser,
  baseURL: string,
  person: Pick<OwnPerson, "email" | "password">,
): Promise<BrowserContext> {
  const context = await browser.newContext();
  const response = await context.request.post("/api/auth/sign-in/email", {
    headers: { origin: baseURL },
    data: { email: person.email, password: person.password },
  });
  if (!response.ok()) throw new Error(`${person.email} could not sign in: ${response.status()}`);
  return context;
}

/** Each piece of a test's own data gets this long of its own, outside the test's time: a page and a form on a busy machine. */
const SETUP_TIMEOUT = 60_000;

export const test = base.extend<Fixtures>({
  pageAs: async ({ browser }, provide) => {
    const contexts: BrowserContext[] = [];
    await provide(async (role) => {
      const context = await browser.newContext({ storageState: signedInState(role) });
      contexts.push(context);
      return context.newPage();
    });
    for (const context of contexts) await context.close();
  },

  pageOf: async ({ browser, baseURL }, provide) => {
    const contexts: BrowserContext[] = [];
    await provide(async (person) => {
      const context = await signedInContext(browser, baseURL!, person);
      contexts.push(context);
      return context.newPage();
    });
    for (const context of contexts) await context.close();
  },

  admin: async ({ pageAs }, provide) => {
    await provide(new AdminDesk(await pageAs("admin")));
  },

  unique: async ({}, provide, testInfo) => {
    await provide(
      `${testInfo.workerIndex}${testInfo.repeatEachIndex}${Date.now().toString(36)}${Math.floor(Math.random() * 1296).toString(36)}`,
    );
  },

  ownTeam: [
    async ({ admin, unique }, provide) => {
      await provide(await admin.createTeam(`Team ${unique}`, `team-${unique}`));
    },
    { timeout: SETUP_TIMEOUT },
  ],

  ownCycle: [
    async ({ admin, unique }, provide) => {
      await provide(await admin.createCycle(`e2e-${unique}`, OWN_CYCLE_DATES.startsOn, OWN_CYCLE_DATES.targetReleaseOn));
    },
    { timeout: SETUP_TIMEOUT },
  ],

  ownLead: [
    async ({ admin, ownTeam, unique }, provide) => {
      await provide(await admin.createPerson(`Lead ${unique}`, `lead.${unique}@example.org`, [ownTeam.slug]));
    },
    { timeout: SETUP_TIMEOUT },
  ],

  person: [
    async ({ admin, unique }, provide) => {
      await provide(await admin.createPerson(`Person ${unique}`, `person.${unique}@example.org`, []));
    },
    { timeout: SETUP_TIMEOUT },
  ],
});
