/**
 * The writes of the JSON API that the editors do not have in one step: posting a whole
 * update (optionally published) in one call, partial edits, and recording a metric value
 * (what CI jobs send). Each is one transaction with its audit entry, reusing the
 * editors' paths (changeUpdate, editRoadmapItem) where they fit.
 */
import "server-only";
import { and, eq } from "drizzle-orm";
import { getDb, type Db } from "@/db/client";
import { gatherings, metricDefinitions, metricValues, roadmapItemLinks, roadmapItems, updateLinks, updates } from "@/db/schema";
import { InputError, NotFoundError } from "@/lib/errors";
import { assertCan, type Actor } from "@/lib/permissions";
import type { PatchRoadmapItemInput, PatchUpdateInput, PostUpdateInput, RecordMetricValueInput } from "@/lib/validation/api";
import { recordAudit } from "./audit";
import { invalidate, tags } from "./cache";
import { cycleBySlug, teamForWriting } from "./lookups";
import { editRoadmapItem } from "./roadmap";
import { changeUpdate } from "./updates";

/** A new update for a team and cycle with all its content; a draft, or published at once. */
export function postUpdate({ actor, input }: { actor: Actor; input: PostUpdateInput }, db: Db = getDb()): { id: number; version: number } {
  const { team: teamSlug, cycle: cycleSlug, gathering, links, publish, ...content } = input;
  const result = db.transaction((tx) => {
    const team = teamForWriting(tx, teamSlug);
    assertCan(actor, "update.write", { teamId: team.id });
    const cycle = cycleBySlug(tx, cycleSlug);
    const gatheringId = gathering ? tx.select({ id: gatherings.id }).from(gatherings).where(and(eq(gatherings.slug, gathering), eq(gatherings.cycleId, cycle.id))).get()?.id : null;
    if (gatheringId === undefined) throw new InputError("gathering", "That gathering is not part of this cycle");
    const row = tx
      .insert(updates)
      .values({ ...content, teamId: team.id, cycleId: cycle.id, gatheringId, authorId: actor.kind === "person" ? actor.id : null, state: publish ? "published" : "draft", publishedAt: publish ? new Date() : null })
      .returning({ id: updates.id, version: updates.version })
      .get();
    if (links.length > 0) tx.insert(updateLinks).values(links.map((l, i) => ({ ...l, updateId: row.id, sortOrder: i }))).run();
    recordAudit(tx, actor, { action: publish ? "update.post" : "update.start", entityType: "update", entityId: row.id, after: { team: teamSlug, cycle: cycleSlug, state: publish ? "published" : "draft", headline: content.headline, health: content.health } });
    return { ...row, teamId: team.id, cycleId: cycle.id };
  });
  // A draft shows on no public page; a published update shows on the team, the cycle and the lists.
  if (publish) invalidate(tags.update(result.id), tags.team(result.teamId), tags.cycle(result.cycleId), tags.teamList);
  return { id: result.id, version: result.version };
}

/** Changes some fields of an update if `version` is still current, and publishes a draft when asked. */
export function patchUpdate({ actor, id, input }: { actor: Actor; id: number; input: PatchUpdateInput }, db: Db = getDb()): { version: number } {
  const { version, publish, ...changes } = input;
  return changeUpdate(
    { actor, id, expectedVersion: version, action: publish ? "update.publish" : "update.edit" },
    (_tx, current) => {
      if (publish && current.state === "published") throw new InputError("publish", "This update is already published");
      const published = publish ? { state: "published" as const, publishedAt: new Date(), reviewState: "unreviewed" as const } : {};
      return { set: { ...changes, ...published }, after: { ...changes, ...(publish ? { state: "published" } : {}) } };
    },
    db,
  );
}

/** Changes some fields of a roadmap item: the rest stay as they are; a stale `version` is a conflict. */
export function patchRoadmapItem({ actor, id, input }: { actor: Actor; id: number; input: PatchRoadmapItemInput }, db: Db = getDb()): { version: number } {
  const { version, ...changes } = input;
  const current = db.select().from(roadmapItems).where(eq(roadmapItems.id, id)).get();
  if (!current) throw new NotFoundError("Roadmap item");
  const links = changes.links ?? db.select({ kind: roadmapItemLinks.kind, label: roadmapItemLinks.label, url: roadmapItemLinks.url }).from(roadmapItemLinks).where(eq(roadmapItemLinks.itemId, id)).all();
  // editRoadmapItem re-reads the item in its transaction and refuses a stale version there.
  return editRoadmapItem(
    {
      actor,
      input: {
        id,
        expectedVersion: version,
        title: changes.title ?? current.title,
        description: changes.description ?? current.description,
        status: changes.status ?? current.status,
        kind: changes.kind ?? current.kind,
        helpWanted: changes.helpWanted ?? current.helpWanted,
        links,
      },
    },
    db,
  );
}

/** Records one value of a metric for a team and cycle, e.g. a CI job's weekly test results. */
export function recordMetricValue({ actor, input }: { actor: Actor; input: RecordMetricValueInput }, db: Db = getDb()): { id: number } {
  const result = db.transaction((tx) => {
    const team = teamForWriting(tx, input.team);
    assertCan(actor, "metric.record", { teamId: team.id });
    const cycle = cycleBySlug(tx, input.cycle);
    const metric = tx.select({ id: metricDefinitions.id, teamId: metricDefinitions.teamId, retired: metricDefinitions.retired }).from(metricDefinitions).where(eq(metricDefinitions.key, input.metric)).get();
    if (!metric) throw new InputError("metric", "No metric has this key");
    if (metric.retired) throw new InputError("metric", "This metric is retired");
    if (metric.teamId !== null && metric.teamId !== team.id) throw new InputError("metric", "This metric belongs to another team");
    const observedAt = input.observedAt ? new Date(input.observedAt) : new Date();
    const row = tx
      .insert(metricValues)
      .values({
        metricId: metric.id,
        teamId: team.id,
        cycleId: cycle.id,
        value: input.value,
        observedAt,
        note: input.note,
        recordedById: actor.kind === "person" ? actor.id : null,
        sourceTokenId: actor.kind === "person" ? (actor.token?.id ?? null) : null,
      })
      .returning({ id: metricValues.id })
      .get();
    recordAudit(tx, actor, { action: "metric.record", entityType: "metric_value", entityId: row.id, after: { team: input.team, cycle: input.cycle, metric: input.metric, value: input.value, observedAt: observedAt.toISOString(), note: input.note } });
    return { id: row.id, teamId: team.id, cycleId: cycle.id };
  });
  invalidate(tags.team(result.teamId), tags.cycle(result.cycleId));
  return { id: result.id };
}
