import { createRequire } from "node:module";
import { and, eq } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { releaseCycles, teams, updates } from "@/db/schema";
import { createTestDatabase } from "@/db/testing";
import { readFeed } from "./feeds";
import { atomFeed } from "@/lib/formats/atom";

/** sax in strict mode: a real XML parser (it comes with xml-js); only what is used here is typed. */
interface SaxParser {
  onerror: (error: Error) => void;
  onopentag: (tag: { name: string; attributes: Record<string, string> }) => void;
  onclosetag: (name: string) => void;
  ontext: (text: string) => void;
  oncdata: (text: string) => void;
  write(xml: string): { close(): void };
}
const sax = createRequire(import.meta.url)("sax") as { parser(strict: true): SaxParser };

/** Everything outside XML 1.0's Char production, which sax does not check for itself. */
const NOT_XML_CHAR = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/u;

interface Parsed {
  errors: string[];
  elements: { name: string; attributes: Record<string, string>; parent: string | undefined; text: string }[];
}

function parseXml(xml: string): Parsed {
  const parsed: Parsed = { errors: [], elements: [] };
  if (NOT_XML_CHAR.test(xml))
    parsed.errors.push(`a character XML cannot carry: U+${xml.match(NOT_XML_CHAR)![0].codePointAt(0)!.toString(16)}`);
  const open: Parsed["elements"] = [];
  const parser = sax.parser(true);
  parser.onerror = (error) => {
    parsed.errors.push(error.message);
    throw error;
  };
  parser.onopentag = (tag) => {
    const element = { name: tag.name, attributes: tag.attributes, parent: open.at(-1)?.name, text: "" };
    parsed.elements.push(element);
    open.push(element);
  };
  parser.onclosetag = () => void open.pop();
  parser.ontext = parser.oncdata = (text) => {
    if (open.length) open.at(-1)!.text += text;
  };
  try {
    parser.write(xml).close();
  } catch {
    // recorded by onerror
  }
  return parsed;
}

/** The text an HTML (or plain text) title shows: entities decoded once more for type="html". */
function shownAsHtml(element: Parsed["elements"][number]): string {
  if (element.attributes.type !== "html") return element.text;
  if (/<[a-z!/]/i.test(element.text)) throw new Error(`markup in an HTML title: ${element.text}`);
  return element.text
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, "&");
}

let db: Db;
let cleanup: () => void;
beforeEach(() => {
  ({ db, cleanup } = createTestDatabase({ demo: true }));
});
afterEach(() => cleanup());

/** Stores a headline on the docs team's latest published update as an older version might have. */
function storeHeadline(headline: string): string {
  const team = db.select().from(teams).where(eq(teams.slug, "docs")).get()!;
  const update = db
    .select()
    .from(updates)
    .where(and(eq(updates.teamId, team.id), eq(updates.state, "published")))
    .all()
    .at(-1)!;
  const cycle = db.select().from(releaseCycles).where(eq(releaseCycles.id, update.cycleId)).get()!;
  db.update(updates)
    .set({ headline, publishedAt: new Date(Date.UTC(2100, 0, 1)) })
    .where(eq(updates.id, update.id))
    .run();
  return `${team.name} · ${cycle.name}: `;
}

const feedOf = (scope: { team?: string; cycle?: string }) =>
  atomFeed(readFeed(db, scope)!, { communityName: "Community <b>bold</b>", baseUrl: "https://status.example.org", selfPath: "/feed.xml" });

describe("Atom feeds", () => {
  it("carry a headline with HTML in it as escaped text, never as markup", () => {
    const headline = `<script>alert(1)</script><img src=x onerror=alert(2)> ]]> & "quotes"`;
    const prefix = storeHeadline(headline);
    const feed = parseXml(feedOf({}));
    expect(feed.errors).toEqual([]);
    // A reader renders an HTML title: it must show the headline's characters, not run them.
    const titles = feed.elements.filter((e) => e.name === "title" && e.parent === "entry");
    const title = titles.find((t) => shownAsHtml(t).endsWith(headline))!;
    expect(shownAsHtml(title)).toBe(`${prefix}${headline}`);
    expect(title.text).not.toMatch(/[<>]/);
    expect(feed.elements.some((e) => e.name === "script" || e.name === "img")).toBe(false);
    expect(shownAsHtml(feed.elements.find((e) => e.name === "title" && e.parent === "feed")!)).toBe("Community <b>bold</b> · All updates");
  });

  it.each([{}, { team: "docs" }, { cycle: "10.0" }])(
    "stay well-formed XML when a stored headline holds control characters (%o)",
    (scope) => {
      const prefix = storeHeadline("Build\u0001 docs\u0007 \u001b[31mslipping");
      const feed = parseXml(feedOf(scope));
      expect(feed.errors).toEqual([]);
      expect(feed.elements.filter((e) => e.name === "title" && e.parent === "entry").map(shownAsHtml)).toContain(
        `${prefix}Build docs [31mslipping`,
      );
    },
  );
});
