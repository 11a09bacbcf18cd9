import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";
import fs from "node:fs";
import path from "node:path";
import { ACCOUNTS } from "./support/accounts";
import { expect, test } from "./support/fixtures";

/**
 * Every page of the app, as a route pattern (app/**\/page.tsx without route groups) mapped
 * to the concrete addresses visited, and who visits them. A new page must be added here:
 * the first test fails for any page without an entry. Only reads: nothing here writes.
 */
type Account = keyof typeof ACCOUNTS;
type Visit = { url: string; as?: Account };

const PAGES: Record<string, Visit[]> = {
  "/": [{ url: "/" }],
  "/cycles": [{ url: "/cycles" }],
  "/cycles/[name]": [{ url: "/cycles/9.0" }, { url: "/cycles/10.0" }],
  "/cycles/[name]/report": [{ url: "/cycles/9.0/report" }, { url: "/cycles/10.0/report" }],
  "/gatherings/[slug]": [{ url: "/gatherings/ptg-2024-04" }, { url: "/gatherings/ptg-2024-04?as_of=now" }],
  "/cycles/compare": [{ url: "/cycles/compare?a=9.0&b=10.0" }],
  "/help-wanted": [{ url: "/help-wanted" }],
  "/search": [{ url: "/search?q=arm+support" }],
  "/signin": [{ url: "/signin" }],
  "/teams": [{ url: "/teams" }],
  "/teams/[slug]": [{ url: "/teams/test" }, { url: "/teams/distro-multi-os" }],
  "/teams/[slug]/cycles": [{ url: "/teams/test/cycles" }],
  "/updates/[id]": [{ url: "/updates/9" }],
  "/docs/api": [{ url: "/docs/api" }],
  "/about": [{ url: "/about" }],
  "/bench/floor": [{ url: "/bench/floor" }],
  "/account": [{ url: "/account", as: "distroLead" }],
  "/updates/new": [{ url: "/updates/new", as: "distroLead" }],
  "/updates/[id]/edit": [{ url: "/updates/9/edit", as: "distroLead" }],
  "/teams/[slug]/links": [{ url: "/teams/distro-multi-os/links", as: "distroLead" }],
  "/teams/[slug]/roadmap": [{ url: "/teams/distro-multi-os/roadmap", as: "distroLead" }],
  "/teams/[slug]/help": [{ url: "/teams/distro-multi-os/help", as: "distroLead" }],
  "/account/tokens": [{ url: "/account/tokens", as: "distroLead" }],
  "/review": [{ url: "/review", as: "releaseManager" }],
  "/inbox": [{ url: "/inbox", as: "distroLead" }],
  "/admin": [{ url: "/admin", as: "admin" }],
  "/admin/audit": [{ url: "/admin/audit", as: "admin" }],
  "/admin/cycles": [{ url: "/admin/cycles", as: "releaseManager" }],
  "/admin/people": [{ url: "/admin/people", as: "admin" }],
  "/admin/settings": [{ url: "/admin/settings", as: "admin" }],
  "/admin/teams": [{ url: "/admin/teams", as: "admin" }],
  "/admin/tokens": [{ url: "/admin/tokens", as: "admin" }],
  "/admin/transfer": [{ url: "/admin/transfer", as: "admin" }],
};

/** The not-found page has no route of its own. */
const NOT_FOUND: Visit = { url: "/teams/no-such-team" };

function pageRoutes(dir = path.join(process.cwd(), "app")): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return pageRoutes(full);
    if (entry.name !== "page.tsx") return [];
    const segments = path
      .relative(path.join(process.cwd(), "app"), dir)
      .split(path.sep)
      .filter((s) => s && !/^\(.*\)$/.test(s));
    return [`/${segments.join("/")}`];
  });
}

const visits = Object.values(PAGES).flat();
const publicVisits = [...visits.filter((v) => !v.as), NOT_FOUND];
const accounts = [...new Set(visits.flatMap((v) => (v.as ? [v.as] : [])))];

async function open(page: Page, visit: Visit): Promise<void> {
  const response = await page.goto(visit.url);
  expect(response?.status(), visit.url).toBe(visit === NOT_FOUND ? 404 : 200);
  // The account menu fills in from /api/session: wait for it so axe sees the finished page.
  const banner = page.getByRole("banner");
  await expect(visit.as ? banner.getByRole("button", { name: "Sign out" }) : banner.getByRole("link", { name: "Sign in" })).toBeVisible();
}

/** The focused element's outline, and its contrast with the background behind it (WCAG 2 formula). */
function focusRing(page: Page) {
  return page.evaluate(() => {
    const context = document.createElement("canvas").getContext("2d", { willReadFrequently: true })!;
    const rgba = (color: string) => {
      context.clearRect(0, 0, 1, 1);
      context.fillStyle = color;
      context.fillRect(0, 0, 1, 1);
      return [...context.getImageData(0, 0, 1, 1).data];
    };
    const luminance = (color: number[]) => {
      const [r, g, b] = color.map((v) => (v / 255 <= 0.04045 ? v / 255 / 12.92 : ((v / 255 + 0.055) / 1.055) ** 2.4));
      return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
    };
    const element = document.activeElement!;
    const style = getComputedStyle(element);
    let behind = element.parentElement;
    while (behind && rgba(getComputedStyle(behind).backgroundColor)[3] === 0) behind = behind.parentElement;
    const [lighter, darker] = [
      luminance(rgba(style.outlineColor)),
      luminance(rgba(behind ? getComputedStyle(behind).backgroundColor : "white")),
    ].sort((a, b) => b - a);
    return {
      element: `${element.tagName} ${element.textContent?.trim() || element.getAttribute("aria-label") || ""}`,
      style: style.outlineStyle,
      width: parseFloat(style.outlineWidth),
      contrast: (lighter! + 0.05) / (darker! + 0.05),
    };
  });
}

/** Only colours differ between the schemes: the dark pass runs axe's colour rules alone. */
const DARK_RULES = ["color-contrast", "link-in-text-block"];

async function violations(page: Page, visit: Visit, colorScheme: "light" | "dark" = "light"): Promise<string[]> {
  const axe = new AxeBuilder({ page });
  const results = await (colorScheme === "dark" ? axe.withRules(DARK_RULES) : axe).analyze();
  return results.violations.map(
    (v) =>
      `${visit.url}: ${v.id} (${v.impact}) ${v.help} — ${v.nodes
        .map((n) => n.target.join(" "))
        .slice(0, 5)
        .join(", ")}`,
  );
}

test("every page of the app has an accessibility check", () => {
  const routes = pageRoutes().sort();
  expect(
    routes.filter((route) => !(route in PAGES)),
    "pages without an entry in PAGES",
  ).toEqual([]);
  expect(
    Object.keys(PAGES).filter((route) => !routes.includes(route)),
    "entries in PAGES without a page",
  ).toEqual([]);
});

for (const colorScheme of ["light", "dark"] as const) {
  test.describe(`in the ${colorScheme} colour scheme`, () => {
    test.use({ colorScheme });

    for (const visit of publicVisits) {
      test(`${visit.url} passes axe, also at 360 px wide without scrolling sideways`, async ({ page }) => {
        // axe runs twice over each page; the API reference's answer tables alone took 30 s on two busy cores.
        test.slow();
        await open(page, visit);
        const found = await violations(page, visit, colorScheme);
        await page.setViewportSize({ width: 360, height: 740 });
        // The narrow layout is the same in both schemes: its full check runs once, in light.
        if (colorScheme === "light") found.push(...(await violations(page, visit)).map((v) => `at 360 px: ${v}`));
        const width = await page.evaluate(() => document.documentElement.scrollWidth);
        expect(found).toEqual([]);
        expect(width, "page width at 360 px").toBeLessThanOrEqual(360);
      });
    }

    for (const account of accounts) {
      test(`every page for ${account} passes axe`, async ({ pageAs }) => {
        test.setTimeout(120_000);
        const page = await pageAs(account);
        const found: string[] = [];
        for (const visit of visits.filter((v) => v.as === account)) {
          await open(page, visit);
          found.push(...(await violations(page, visit, colorScheme)));
        }
        expect(found).toEqual([]);
      });
    }

    test("tabbing shows a focus ring, starting with the skip link to the main content", async ({ page }) => {
      await open(page, { url: "/cycles/10.0" });
      await page.keyboard.press("Tab");
      const skip = page.getByRole("link", { name: "Skip to content" });
      await expect(skip).toBeFocused();
      await expect(skip).toBeInViewport();
      // The skip link, the site name, the main navigation, the search box.
      for (let i = 0; i < 7; i++) {
        const ring = await focusRing(page);
        expect(ring.style, ring.element).not.toBe("none");
        expect(ring.width, ring.element).toBeGreaterThanOrEqual(2);
        expect(ring.contrast, `contrast of the focus ring of ${ring.element}`).toBeGreaterThanOrEqual(3);
        await page.keyboard.press("Tab");
      }
      await open(page, { url: "/cycles/10.0" });
      await page.keyboard.press("Tab");
      await page.keyboard.press("Enter");
      await page.keyboard.press("Tab");
      // After the skip link, the next stop is inside the main content, past the header.
      expect(await page.evaluate(() => Boolean(document.activeElement?.closest("main")))).toBe(true);
    });
  });
}

test("a printed report shows the report in black on white, without the site's navigation", async ({ page }) => {
  await open(page, { url: "/cycles/10.0/report" });
  await page.emulateMedia({ media: "print", colorScheme: "dark" });
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  await expect(page.getByRole("navigation", { name: "Main" })).toBeHidden();
  await expect(page.getByRole("search")).toBeHidden();
  await expect(page.locator("footer")).toBeHidden();
  const colours = await page.evaluate(() => {
    const body = getComputedStyle(document.body);
    return { color: body.color, background: body.backgroundColor };
  });
  expect(colours).toEqual({ color: "rgb(0, 0, 0)", background: "rgb(255, 255, 255)" });
  // Links to other sites print their address after the text.
  const link = page.getByRole("main").locator('a[href^="http"]').first();
  const href = await link.getAttribute("href");
  expect(await link.evaluate((a) => getComputedStyle(a, "::after").content)).toBe(`" (${href})"`);
});
