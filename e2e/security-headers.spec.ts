import type { APIResponse, Page, Response } from "@playwright/test";
import { ACCOUNTS } from "./support/accounts";
import { expect, test } from "./support/fixtures";
import { signIn } from "./support/sign-in";

function expectSecurityHeaders(response: Response | APIResponse | null, what: string): void {
  expect(response, what).not.toBeNull();
  const headers = response!.headers();
  const csp = headers["content-security-policy"] ?? "";
  const directives = new Map(
    csp
      .split(";")
      .map((d) => d.trim().split(/\s+/))
      .map(([name, ...values]) => [name!, values]),
  );
  expect(directives.get("default-src"), what).toEqual(["'self'"]);
  expect(directives.get("script-src"), what).toContain("'self'");
  expect(directives.get("script-src"), `${what}: 'unsafe-eval' is for next dev only`).not.toContain("'unsafe-eval'");
  expect(directives.get("object-src"), what).toEqual(["'none'"]);
  expect(directives.get("base-uri"), what).toEqual(["'none'"]);
  expect(directives.get("frame-ancestors"), what).toEqual(["'none'"]);
  expect(directives.get("form-action"), what).toEqual(["'self'"]);
  expect(directives.get("img-src"), what).toEqual(["'self'", "data:"]);
  expect(headers["referrer-policy"], what).toBe("strict-origin-when-cross-origin");
  expect(headers["x-content-type-options"], what).toBe("nosniff");
  expect(headers["x-frame-options"], what).toBe("DENY");
  expect(headers["permissions-policy"], what).toContain("camera=()");
  expect(headers["x-powered-by"], what).toBeUndefined();
  expect(headers["server"], what).toBeUndefined();
}

test("public pages, signed-in pages, feeds, the API and the 404 page all carry the security headers", async ({ page, pageAs }) => {
  expectSecurityHeaders(await page.goto("/cycles/10.0"), "a public dashboard");
  expectSecurityHeaders(await page.request.get("/feed.xml"), "the site feed");
  expectSecurityHeaders(await page.request.get("/api/session"), "an API route");
  expectSecurityHeaders(await page.goto("/teams/no-such-team"), "the 404 page");
  expectSecurityHeaders(await (await pageAs("releaseManager")).goto("/review"), "the review queue");
});

test("public dashboards are rendered once and then served from the page cache, which no shared cache may keep", async ({ request }) => {
  // A per-request nonce would make every page render in full per request. Other tests
  // write meanwhile, and a write drops the pages it affects: ask until one is kept.
  for (const path of ["/", "/cycles/10.0", "/teams/docs", "/about"]) {
    await expect
      .poll(async () => (await request.get(path)).headers()["x-nextjs-cache"], {
        message: path,
        timeout: 30_000,
        intervals: [250, 500, 1_000],
      })
      .toBe("HIT");
    expect((await request.get(path)).headers()["cache-control"], path).toBe("private, no-cache");
  }
  // The site feed is kept too; a route handler's own choice stands.
  expect((await request.get("/feed.xml")).headers()["cache-control"]).toBe("private, no-cache");
  expect((await request.get("/api/session")).headers()["cache-control"]).toBe("private, no-store");
});

/** Collects every Content-Security-Policy violation the browser reports, on every page the tab opens. */
async function watchViolations(page: Page): Promise<string[]> {
  const violations: string[] = [];
  page.on("console", (message) => {
    if (message.type() === "error" && /Content Security Policy/i.test(message.text())) violations.push(`${page.url()}: ${message.text()}`);
  });
  await page.exposeFunction("reportCspViolation", (report: string) => violations.push(report));
  await page.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (event) => {
      const report = (window as unknown as { reportCspViolation: (r: string) => void }).reportCspViolation;
      report(`${location.pathname}: ${event.violatedDirective} blocked ${event.blockedURI || "inline"} (${event.sample})`);
    });
  });
  return violations;
}

test("reading, signing in and opening the editor raise no Content-Security-Policy violation", async ({ page }) => {
  const violations = await watchViolations(page);
  await page.goto("/");
  const teams = page.getByRole("region", { name: "Teams" });
  await teams.getByRole("link", { name: "Distro & Multi-OS" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Distro & Multi-OS" })).toBeVisible();
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Help wanted" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Help wanted" })).toBeVisible();
  await page.getByRole("searchbox", { name: "Search updates, roadmap items, topics and help requests" }).fill("arm support");
  await page.keyboard.press("Enter");
  await expect(page.getByRole("list", { name: "Results" })).toBeVisible();
  await page.goto("/cycles/10.0/report");
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();

  await signIn(page, ACCOUNTS.distroLead);
  await page.goto("/updates/new");
  await expect(page.getByRole("heading", { name: "Post an update" })).toBeVisible();
  await page.goto("/updates/9/edit");
  // Typing into a published update only previews it: it saves on request, so nothing is written.
  const summary = page.getByRole("textbox", { name: "Summary" });
  await summary.fill("Checking the **preview** under the policy.");
  await expect(page.getByRole("complementary", { name: "Preview" }).getByRole("strong")).toHaveText("preview");
  expect(violations).toEqual([]);
});
