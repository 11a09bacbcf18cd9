/** An update as the review queue reads it inline: each section against the team's last reviewed update. */
import "server-only";
import { and, desc, eq, lt } from "drizzle-orm";
import { getDb, type Db } from "@/db/client";
import { updates } from "@/db/schema";
import { HEALTH_LABELS, UPDATE_SECTIONS } from "@/lib/domain";
import { NotFoundError } from "@/lib/errors";
import { assertCan, type Actor } from "@/lib/permissions";
import { pageWordDiffer, type WordDiff } from "@/lib/word-diff";

export interface ReadingField {
  key: string;
  label: string;
  /** The last reviewed update's text; null when the team has none reviewed yet. */
  before: string | null;
  after: string;
  /** Null when too large to compare (the reading then shows both versions). */
  diff: WordDiff;
}

export interface ReviewReading {
  id: number;
  headline: string;
  base: { id: number; headline: string } | null;
  /** Sections that changed since the base (every non-empty one without a base). */
  changed: ReadingField[];
  /** Labels of the sections that read the same as in the base. */
  unchanged: string[];
}

const columns = {
  id: updates.id,
  teamId: updates.teamId,
  state: updates.state,
  publishedAt: updates.publishedAt,
  headline: updates.headline,
  health: updates.health,
  summary: updates.summary,
  done: updates.done,
  inProgress: updates.inProgress,
  planned: updates.planned,
  risks: updates.risks,
  helpWanted: updates.helpWanted,
};
type Row = { [K in keyof typeof columns]: (typeof updates.$inferSelect)[K] };

const FIELDS: [string, string, (row: Row) => string][] = [
  ["headline", "Headline", (r) => r.headline],
  ["health", "Health", (r) => HEALTH_LABELS[r.health]],
  ...UPDATE_SECTIONS.map(([key, label]): [string, string, (row: Row) => string] => [key, label, (r) => r[key]]),
];

export function getReviewReading({ actor, updateId }: { actor: Actor; updateId: number }, db: Db = getDb()): ReviewReading {
  assertCan(actor, "update.review");
  const update = db.select(columns).from(updates).where(eq(updates.id, updateId)).get();
  if (!update || update.state !== "published" || !update.publishedAt) throw new NotFoundError("Update");
  const base = db
    .select(columns)
    .from(updates)
    .where(
      and(
        eq(updates.teamId, update.teamId),
        eq(updates.state, "published"),
        eq(updates.reviewState, "reviewed"),
        lt(updates.publishedAt, update.publishedAt),
      ),
    )
    .orderBy(desc(updates.publishedAt), desc(updates.id))
    .get();
  const diff = pageWordDiffer();
  const changed: ReadingField[] = [];
  const unchanged: string[] = [];
  for (const [key, label, text] of FIELDS) {
    const after = text(update);
    const before = base ? text(base) : null;
    if (before === after || (before === null && after.trim() === "")) unchanged.push(label);
    else changed.push({ key, label, before, after, diff: before === null ? null : diff(before, after) });
  }
  return { id: update.id, headline: update.headline, base: base ? { id: base.id, headline: base.headline } : null, changed, unchanged };
}
