/**
 * Negative sweeps: every public path and its RSC and prefetch variants, requested by each
 * kind of reader, never shows a draft or a private note to someone who may not read it;
 * a draft's id answers exactly like a missing one; 'use cache' functions cannot be called
 * as server actions. Requests go through request contexts (no page rendering in a browser).
 */
import { expect, test, type APIRequestContext, type Browser, type BrowserContext } from "@playwright/test";
import { AdminDesk, type OwnPerson } from "./support/admin-desk";
import { createToken } from "./support/api-token";
import { OWN_CYCLE_DATES, signedInContext } from "./support/fixtures";
import { signedInState, type Role } from "./support/roles";
import { callServerReference, cacheFunctionId } from "./support/server-references";

type Reader = "anonymous" | "member" | "lead of another team" | "lead of the team" | "release manager" | "admin";
const MAY_READ_DRAFTS: Reader[] = ["lead of the team", "release manager", "admin"];

/** The swept team, its cycle and what only its leads, release managers and admins may see, each with one word of its own. */
interface Secrets {
  team: string;
  cycle: string;
  word: string;
  draftId: number;
  publishedId: number;
  hidden: string[];
  lead: OwnPerson;
  member: OwnPerson;
}

async function postUpdate(request: APIRequestContext, token: string, body: Record<string, unknown>): Promise<number> {
  const response = await request.post("/api/v1/updates", {
    headers: { Authorization: `Bearer ${token}` },
    data: { health: "on_track", ...body },
  });
  expect(response.status()).toBe(201);
  return (await response.json()).data.id;
}

/** A team, cycle, lead and member of the sweep's own, made on the admin pages; the lead's token posts a draft and a published update. */
async function makeSecrets(browser: Browser, baseURL: string, request: APIRequestContext): Promise<Secrets> {
  const word = `sweep${Date.now()}${Math.floor(Math.random() * 1000)}`;
  const adminContext = await browser.newContext({ storageState: signedInState("admin") });
  const admin = new AdminDesk(await adminContext.newPage());
  const team = (await admin.createTeam(`Team ${word}`, `team-${word}`)).slug;
  const cycle = (await admin.createCycle(`e2e-${word}`, OWN_CYCLE_DATES.startsOn, OWN_CYCLE_DATES.targetReleaseOn)).slug;
  const lead = await admin.createPerson(`Lead ${word}`, `lead.${word}@example.org`, [team]);
  const member = await admin.createPerson(`Member ${word}`, `member.${word}@example.org`, []);
  await adminContext.close();
  const leadContext = await signedInContext(browser, baseURL, lead);
  const token = await createToken(await leadContext.newPage(), `sweep ${word}`, ["update.write", "update.read_draft"], [team]);
  await leadContext.close();

  const draft = {
    headline: `Draft headline ${word}`,
    summary: `draftsummary${word}`,
    risks: `draftrisk${word}`,
    privateNote: `draftnote${word}`,
  };
  const draftId = await postUpdate(request, token, { team, cycle, ...draft });
  // Published, so its headline and summary are public; its private note is not.
  const publishedId = await postUpdate(request, token, {
    team,
    cycle,
    headline: `Published ${word}`,
    summary: `Published summary ${word}`,
    privateNote: `publishednote${word}`,
    publish: true,
  });
  return {
    team,
    cycle,
    word,
    draftId,
    publishedId,
    hidden: [draft.headline, draft.summary, draft.risks, draft.privateNote, `publishednote${word}`],
    lead,
    member,
  };
}

/** Pages, each also asked as React Server Components payload and as the router's prefetches. */
function pages(s: Secrets): string[] {
  return [
    "/",
    "/cycles",
    `/cycles/${s.cycle}`,
    `/cycles/${s.cycle}/report`,
    `/cycles/compare?a=10.0&b=${s.cycle}`,
    "/teams",
    `/teams/${s.team}`,
    `/teams/${s.team}/cycles`,
    "/help-wanted",
    `/search?q=${s.word}`,
    `/updates/${s.publishedId}`,
    `/updates/${s.draftId}`,
    `/updates/${s.draftId}/edit`,
    `/updates/${s.publishedId}/edit`,
  ];
}

/** Feeds, exports and the API: asked once each. */
function documents(s: Secrets): string[] {
  const cycle = `/cycles/${s.cycle}`;
  return [
    "/feed.xml",
    `/teams/${s.team}/feed.xml`,
    `${cycle}/feed.xml`,
    `${cycle}/report.md`,
    `${cycle}/schedule.ics`,
    `${cycle}/export.json`,
    ...["updates", "teams", "numbers", "roadmap"].map((part) => `${cycle}/export.csv?part=${part}`),
    "/api/v1/teams",
    `/api/v1${cycle}/updates?team=${s.team}&per_page=100`,
    `/api/v1${cycle}/updates?state=draft`,
    `/api/v1/updates/${s.publishedId}`,
    `/api/v1/updates/${s.draftId}`,
  ];
}

const VARIANTS: { name: string; query?: string; headers: Record<string, string> }[] = [
  { name: "page", headers: {} },
  { name: "RSC", query: "_rsc=sweep", headers: { RSC: "1" } },
  { name: "prefetch", query: "_rsc=sweep", headers: { RSC: "1", "Next-Router-Prefetch": "1" } },
  {
    name: "segment prefetch",
    query: "_rsc=sweep",
    headers: { RSC: "1", "Next-Router-Prefetch": "1", "Next-Router-Segment-Prefetch": "/_tree" },
  },
];

const withQuery = (path: string, query?: string) => (query ? `${path}${path.includes("?") ? "&" : "?"}${query}` : path);

/** A context signed in as the reader: demo roles from the setup project's sessions, the sweep's own people through better-auth. */
async function contextOf(browser: Browser, baseURL: string, reader: Reader, s: Secrets): Promise<BrowserContext> {
  const roles: Partial<Record<Reader, Role>> = { "lead of another team": "testLead", "release manager": "releaseManager", admin: "admin" };
  const role = roles[reader];
  if (role) return browser.newContext({ storageState: signedInState(role) });
  if (reader === "member") return signedInContext(browser, baseURL, s.member);
  if (reader === "lead of the team") return signedInContext(browser, baseURL, s.lead);
  return browser.newContext();
}

test.describe("drafts and private notes, swept over every path and variant", () => {
  let secrets: Secrets;

  test.beforeAll(async ({ browser, baseURL, request }) => {
    test.setTimeout(120_000);
    secrets = await makeSecrets(browser, baseURL!, request);
  });

  for (const reader of ["anonymous", "member", "lead of another team", "lead of the team", "release manager", "admin"] as Reader[]) {
    test(`${reader}: sees drafts and private notes only if allowed`, async ({ browser, baseURL }) => {
      test.slow();
      const context = await contextOf(browser, baseURL!, reader, secrets);
      const mayRead = MAY_READ_DRAFTS.includes(reader);
      // Where those allowed read drafts and private notes: the draft's page, the editors, the API. Nowhere else, for anyone.
      const theirs = mayRead
        ? [
            `/updates/${secrets.draftId}`,
            `/updates/${secrets.draftId}/edit`,
            `/updates/${secrets.publishedId}/edit`,
            `/api/v1/cycles/${secrets.cycle}/updates`,
            `/api/v1/updates/`,
          ]
        : [];
      const leaks: string[] = [];
      const seen = new Set<string>();
      const check = async (path: string, headers: Record<string, string>) => {
        const response = await context.request.get(path, { headers, maxRedirects: 0 });
        expect(response.status(), `${path} ${JSON.stringify(headers)}`).toBeLessThan(500);
        const body = await response.text();
        for (const text of secrets.hidden) {
          if (!body.includes(text)) continue;
          seen.add(text);
          if (!theirs.some((prefix) => path.startsWith(prefix))) leaks.push(`${path} ${JSON.stringify(headers)}: ${text}`);
        }
      };
      for (const path of pages(secrets)) for (const variant of VARIANTS) await check(withQuery(path, variant.query), variant.headers);
      for (const path of documents(secrets)) await check(path, {});
      expect(leaks).toEqual([]);
      // The sweep can see: those allowed did find every hidden text where it belongs.
      expect([...seen].sort()).toEqual(mayRead ? [...secrets.hidden].sort() : []);
      expect((await context.request.get(`/updates/${secrets.draftId}`)).status()).toBe(mayRead ? 200 : 404);
      await context.close();
    });
  }

  test("a forged session cookie gets a draft's id answered exactly like a missing id", async ({ playwright, baseURL }) => {
    const forged = await playwright.request.newContext({
      baseURL,
      extraHTTPHeaders: { Cookie: "better-auth.session_token=forged.c2lnbmF0dXJl" },
    });
    const missingId = 999_999_999;
    const draft = await forged.get(`/updates/${secrets.draftId}`);
    const missing = await forged.get(`/updates/${missingId}`);
    expect(draft.status()).toBe(404);
    expect(missing.status()).toBe(404);
    // An address is in the page's router state ("c":["","updates","12"]), and the one kept 404 page
    // carries the address it was first rendered for; nothing else may differ.
    const normalise = (body: string) => body.replace(new RegExp(`(updates\\\\?"?,\\\\?"|/updates/)[0-9]+\\b`, "g"), "$1ID");
    expect(normalise(await draft.text())).toBe(normalise(await missing.text()));
    await forged.dispose();
  });
});

test("a 'use cache' function cannot be called as a server action, with any arguments, by anyone", async ({ request }) => {
  const siteInfo = cacheFunctionId("lib/dal/site/reads.ts", "app/(auth)/signin/page");
  // getUpdate's, the first of the two in the file (the other is the API's list).
  const publicUpdate = cacheFunctionId("lib/dal/updates/reads.ts", "app/(public)/updates/[id]/page");
  for (const [path, id, args] of [
    ["/signin", siteInfo, ["junk"]],
    ["/", siteInfo, [`junk ${Date.now()}`]],
    ["/updates/1", publicUpdate, [1, `junk ${Date.now()}`]],
  ] as const) {
    const response = await request.post(path, callServerReference(id, [...args]));
    expect(response.status(), path).toBe(404);
    const body = await response.text();
    expect(body).not.toContain("edge cloud platform");
    expect(body).not.toContain("headline");
  }
  // A form posted without JavaScript, naming the function in a field, is refused alike.
  const form = await request.post("/signin", { multipart: { [`$ACTION_ID_${siteInfo}`]: "", junk: `${Date.now()}` } });
  expect(form.status()).toBe(404);
});
