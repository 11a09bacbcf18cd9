/** Atom documents for the feeds, written by the `feed` library. */
import { Feed } from "feed";
import type { FeedData } from "./dal/feeds";
import { HEALTH_LABELS } from "./domain";

/** Feed readers treat Atom text as HTML: escape it so Markdown from updates stays text. */
const escapeHtml = (text: string) => text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

export function atomFeed(data: FeedData, { communityName, baseUrl, selfPath }: { communityName: string; baseUrl: string; selfPath: string }): string {
  const feed = new Feed({
    title: `${communityName} · ${data.title}`,
    id: `${baseUrl}${selfPath}`,
    link: `${baseUrl}${data.path}`,
    updated: new Date(data.entries[0]?.date ?? 0),
    generator: "Cycleboard",
    feedLinks: { atom: `${baseUrl}${selfPath}` },
    copyright: `${communityName} contributors`,
  });
  for (const entry of data.entries) {
    const text = `${entry.health ? `Health: ${HEALTH_LABELS[entry.health]}\n\n` : ""}${entry.text}`;
    feed.addItem({
      title: entry.title,
      id: `${baseUrl}/#${entry.id}`,
      link: `${baseUrl}${entry.path}`,
      date: new Date(entry.date),
      description: `<pre>${escapeHtml(text)}</pre>`,
      author: entry.author ? [{ name: entry.author }] : undefined,
    });
  }
  return feed.atom1();
}
