/**
 * Atom documents for the feeds. Written here rather than by a library: every title and
 * name goes out as escaped text (`type="text"`), so a headline such as `<script>` is shown
 * as those characters by every feed reader, and characters XML 1.0 cannot carry (control
 * characters, lone surrogates) are dropped, so a row stored before validation refused
 * them cannot make the whole feed unreadable.
 */
import type { FeedData } from "./dal/feeds";
import { HEALTH_LABELS } from "./domain";

/** Everything outside XML 1.0's Char production. */
const NOT_XML = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

/** Text for an element or attribute value. */
function xmlText(text: string): string {
  return text.replace(NOT_XML, "").replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

const element = (name: string, text: string, attributes = "") => `<${name}${attributes}>${xmlText(text)}</${name}>`;
const link = (href: string, rel?: string) => `<link${rel ? ` rel="${rel}"` : ""} href="${xmlText(href)}"/>`;

export function atomFeed(data: FeedData, { communityName, baseUrl, selfPath }: { communityName: string; baseUrl: string; selfPath: string }): string {
  const entries = data.entries.map((entry) => {
    const text = `${entry.health ? `Health: ${HEALTH_LABELS[entry.health]}\n\n` : ""}${entry.text}`;
    return [
      "  <entry>",
      `    ${element("title", entry.title, ' type="text"')}`,
      `    ${element("id", `${baseUrl}/#${entry.id}`)}`,
      `    ${link(`${baseUrl}${entry.path}`)}`,
      `    ${element("updated", new Date(entry.date).toISOString())}`,
      // The summary is Markdown: shown preformatted, as text (escaped once for HTML, once for XML).
      `    ${element("summary", `<pre>${xmlText(text)}</pre>`, ' type="html"')}`,
      ...(entry.author ? [`    <author>${element("name", entry.author)}</author>`] : []),
      "  </entry>",
    ].join("\n");
  });
  return [
    '<?xml version="1.0" encoding="utf-8"?>',
    '<feed xmlns="http://www.w3.org/2005/Atom">',
    `  ${element("id", `${baseUrl}${selfPath}`)}`,
    `  ${element("title", `${communityName} · ${data.title}`, ' type="text"')}`,
    `  ${element("updated", new Date(data.entries[0]?.date ?? 0).toISOString())}`,
    `  ${element("generator", "Cycleboard")}`,
    `  ${link(`${baseUrl}${data.path}`, "alternate")}`,
    `  ${link(`${baseUrl}${selfPath}`, "self")}`,
    `  ${element("rights", `${communityName} contributors`)}`,
    ...entries,
    "</feed>",
    "",
  ].join("\n");
}
