/**
 * Atom documents for the feeds, written by the `feed` library. It sends an entry's title
 * and summary as HTML (`type="html"`), so their text is escaped for HTML first: a headline
 * such as `<script>` reaches feed readers as those characters, never as markup. Characters XML 1.0
 * cannot carry (control characters, lone surrogates) are dropped, so a row stored before
 * validation refused them cannot make the whole feed unreadable.
 */
import { Feed } from "feed";
import type { FeedData } from "../dal/views/feeds";
import { HEALTH_LABELS } from "../domain";

/** Everything outside XML 1.0's Char production. */
const NOT_XML = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

/** Text with nothing XML cannot carry, for the elements the library writes as text. */
const xmlText = (text: string) => text.replace(NOT_XML, "");
/** Text as HTML that shows exactly that text, for the entry's HTML title and summary. */
const htmlText = (text: string) => xmlText(text).replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

export function atomFeed(
  data: FeedData,
  { communityName, baseUrl, selfPath }: { communityName: string; baseUrl: string; selfPath: string },
): string {
  const feed = new Feed({
    title: xmlText(`${communityName} · ${data.title}`),
    id: `${baseUrl}${selfPath}`,
    link: `${baseUrl}${data.path}`,
    updated: new Date(data.entries[0]?.date ?? 0),
    generator: "Cycleboard",
    feedLinks: { atom: `${baseUrl}${selfPath}` },
    copyright: xmlText(`${communityName} contributors`),
  });
  for (const entry of data.entries) {
    const text = `${entry.health ? `Health: ${HEALTH_LABELS[entry.health]}\n\n` : ""}${entry.text}`;
    feed.addItem({
      title: htmlText(entry.title),
      id: `${baseUrl}/#${entry.id}`,
      link: `${baseUrl}${entry.path}`,
      date: new Date(entry.date),
      description: `<pre>${htmlText(text)}</pre>`,
      author: entry.author ? [{ name: xmlText(entry.author) }] : undefined,
    });
  }
  return feed.atom1();
}
