import { expect, test, type Page } from "@playwright/test";

/** Parses a document with the browser's XML parser; the feed is valid Atom if it parses and has the Atom root. */
async function parseAtom(page: Page, xml: string) {
  return page.evaluate((text) => {
    /** What a feed reader shows for a text construct: an HTML one is rendered as HTML. */
    const shown = (element: Element | undefined) => {
      const content = element?.textContent ?? "";
      return element?.getAttribute("type") === "html"
        ? (new DOMParser().parseFromString(content, "text/html").body.textContent ?? "")
        : content;
    };
    const doc = new DOMParser().parseFromString(text, "application/xml");
    const ns = "http://www.w3.org/2005/Atom";
    return {
      error: doc.querySelector("parsererror")?.textContent ?? null,
      root: doc.documentElement.localName,
      namespace: doc.documentElement.namespaceURI,
      title: doc.getElementsByTagNameNS(ns, "title")[0]?.textContent ?? null,
      entries: [...doc.getElementsByTagNameNS(ns, "entry")].map((e) => ({
        title: shown(e.getElementsByTagNameNS(ns, "title")[0]),
        link: e.getElementsByTagNameNS(ns, "link")[0]?.getAttribute("href") ?? "",
        updated: e.getElementsByTagNameNS(ns, "updated")[0]?.textContent ?? "",
      })),
    };
  }, xml);
}

test("the site, team and cycle feeds are valid Atom listing published updates", async ({ page, request }) => {
  await page.goto("/");
  for (const [path, expected] of [
    ["/feed.xml", "Distro & Multi-OS · 10.0: Kernel 6.6, Debian 12 and Arm in flight; Arm reviews piling up"],
    ["/teams/distro-multi-os/feed.xml", "Distro & Multi-OS · 10.0: Kernel 6.6, Debian 12 and Arm in flight; Arm reviews piling up"],
    ["/cycles/9.0/feed.xml", "Release · 9.0: 9.0 is out: 33 features and enhancements, 783 bug fixes"],
  ] as const) {
    const response = await request.get(path);
    expect(response.headers()["content-type"], path).toContain("application/atom+xml");
    const feed = await parseAtom(page, await response.text());
    expect(feed.error, path).toBeNull();
    expect(feed).toMatchObject({ root: "feed", namespace: "http://www.w3.org/2005/Atom" });
    expect(
      feed.entries.map((e) => e.title),
      path,
    ).toContain(expected);
    expect(
      feed.entries.every((e) => /\/updates\/\d+$|\/updates\/new\?team=/.test(e.link) && !Number.isNaN(Date.parse(e.updated))),
      path,
    ).toBe(true);
  }
  expect((await request.get("/teams/no-such-team/feed.xml")).status()).toBe(404);
  const cycleFeed = await parseAtom(page, await (await request.get("/cycles/9.0/feed.xml")).text());
  expect(cycleFeed.entries.every((e) => e.title.includes("· 9.0:"))).toBe(true);
});
