import "server-only";
import { cacheLife, cacheTag } from "next/cache";
import { and, asc, desc, eq } from "drizzle-orm";
import { getDb, type Db } from "@/db/client";
import { gatherings, people, releaseCycles, teams, updateLinks, updateRevisions, updates } from "@/db/schema";
import type { Health, ReviewState, UpdateState } from "@/lib/domain";
import { ConflictError, NotFoundError } from "@/lib/errors";
import { ANONYMOUS, assertCan, type Actor } from "@/lib/permissions";
import type { EditUpdateInput, UpdateContent } from "@/lib/validation/update";
import { recordAudit } from "./audit";
import { invalidate, liveDataVersion, tags } from "./cache";
import { updatesVisibleTo } from "./visibility";

export interface UpdateSections {
  headline: string;
  health: Health;
  summary: string;
  done: string;
  inProgress: string;
  planned: string;
  risks: string;
  helpWanted: string;
}

const sectionColumns = {
  headline: updates.headline,
  health: updates.health,
  summary: updates.summary,
  done: updates.done,
  inProgress: updates.inProgress,
  planned: updates.planned,
  risks: updates.risks,
  helpWanted: updates.helpWanted,
};

export function readUpdateSections(db: Db, id: number): UpdateSections | null {
  return db.select(sectionColumns).from(updates).where(eq(updates.id, id)).get() ?? null;
}

export interface UpdatePage extends UpdateSections {
  id: number;
  state: UpdateState;
  reviewState: ReviewState;
  version: number;
  publishedAt: number | null;
  updatedAt: number;
  team: { id: number; slug: string; name: string };
  cycle: { id: number; slug: string; name: string };
  gathering: { slug: string; name: string; etherpadUrl: string | null } | null;
  author: string | null;
  links: { label: string; url: string }[];
  revisions: { version: number; createdAt: number; editor: string | null }[];
}

export function readUpdate(db: Db, id: number, actor: Actor): UpdatePage | null {
  const row = db
    .select({
      ...sectionColumns,
      id: updates.id,
      state: updates.state,
      reviewState: updates.reviewState,
      version: updates.version,
      publishedAt: updates.publishedAt,
      updatedAt: updates.updatedAt,
      teamId: teams.id,
      teamSlug: teams.slug,
      teamName: teams.name,
      cycleId: releaseCycles.id,
      cycleSlug: releaseCycles.slug,
      cycleName: releaseCycles.name,
      gatheringSlug: gatherings.slug,
      gatheringName: gatherings.name,
      gatheringEtherpad: gatherings.etherpadUrl,
      author: people.name,
    })
    .from(updates)
    .innerJoin(teams, eq(teams.id, updates.teamId))
    .innerJoin(releaseCycles, eq(releaseCycles.id, updates.cycleId))
    .leftJoin(gatherings, eq(gatherings.id, updates.gatheringId))
    .leftJoin(people, eq(people.id, updates.authorId))
    .where(and(eq(updates.id, id), updatesVisibleTo(actor)))
    .get();
  if (!row) return null;
  const { teamId, teamSlug, teamName, cycleId, cycleSlug, cycleName, gatheringSlug, gatheringName, gatheringEtherpad, ...rest } = row;
  return {
    ...rest,
    publishedAt: row.publishedAt?.getTime() ?? null,
    updatedAt: row.updatedAt.getTime(),
    team: { id: teamId, slug: teamSlug, name: teamName },
    cycle: { id: cycleId, slug: cycleSlug, name: cycleName },
    gathering: gatheringSlug && gatheringName ? { slug: gatheringSlug, name: gatheringName, etherpadUrl: gatheringEtherpad } : null,
    links: db
      .select({ label: updateLinks.label, url: updateLinks.url })
      .from(updateLinks)
      .where(eq(updateLinks.updateId, id))
      .orderBy(asc(updateLinks.sortOrder))
      .all(),
    revisions: db
      .select({ version: updateRevisions.version, createdAt: updateRevisions.createdAt, editor: people.name })
      .from(updateRevisions)
      .leftJoin(people, eq(people.id, updateRevisions.editorId))
      .where(eq(updateRevisions.updateId, id))
      .orderBy(desc(updateRevisions.version))
      .all()
      .map((r) => ({ ...r, createdAt: r.createdAt.getTime() })),
  };
}

/** One update as `actor` may see it; null when it does not exist or is a draft they may not read. */
export async function getUpdate({ id, actor = ANONYMOUS }: { id: number; actor?: Actor }): Promise<UpdatePage | null> {
  const dataVersion = await liveDataVersion();
  if (actor.kind !== "anonymous") return readUpdate(getDb(), id, actor);
  return cachedPublicUpdate(id, dataVersion);
}

async function cachedPublicUpdate(id: number, _dataVersion: number): Promise<UpdatePage | null> {
  "use cache";
  cacheLife("dashboard");
  cacheTag(tags.update(id), tags.teams, tags.cycles);
  return readUpdate(getDb(), id, ANONYMOUS);
}

const EDITABLE_FIELDS = ["headline", "health", "summary", "done", "inProgress", "planned", "risks", "helpWanted", "privateNote"] as const satisfies readonly (keyof UpdateContent)[];

/**
 * Saves changes to an update if `expectedVersion` is still current. A published update
 * keeps its previous state as a revision. One transaction with its audit entry.
 */
export function editUpdate({ actor, input }: { actor: Actor; input: EditUpdateInput }, db: Db = getDb()): { version: number } {
  const result = db.transaction((tx) => {
    const current = tx.select().from(updates).where(eq(updates.id, input.id)).get();
    if (!current) throw new NotFoundError("Update");
    assertCan(actor, "update.write", { teamId: current.teamId });

    if (current.version !== input.expectedVersion) {
      const base = tx
        .select({ snapshot: updateRevisions.snapshot })
        .from(updateRevisions)
        .where(and(eq(updateRevisions.updateId, current.id), eq(updateRevisions.version, input.expectedVersion)))
        .get();
      const changedFields = EDITABLE_FIELDS.filter((f) => !base || base.snapshot[f] !== current[f]);
      throw new ConflictError("Someone saved this update after you opened it.", { version: current.version, changedFields });
    }

    const before = Object.fromEntries(EDITABLE_FIELDS.map((f) => [f, current[f]]));
    if (current.state === "published") {
      tx.insert(updateRevisions)
        .values({ updateId: current.id, version: current.version, editorId: actor.kind === "person" ? actor.id : null, snapshot: before })
        .run();
    }
    const version = current.version + 1;
    tx.update(updates)
      .set({ ...input.changes, version, updatedAt: new Date() })
      .where(and(eq(updates.id, current.id), eq(updates.version, current.version)))
      .run();
    recordAudit(tx, actor, {
      action: "update.edit",
      entityType: "update",
      entityId: current.id,
      before: Object.fromEntries(Object.keys(input.changes).map((k) => [k, before[k]])),
      after: input.changes,
    });
    return { version, teamId: current.teamId, cycleId: current.cycleId };
  });
  invalidate(tags.update(input.id), tags.team(result.teamId), tags.cycle(result.cycleId), tags.teamList);
  return { version: result.version };
}
