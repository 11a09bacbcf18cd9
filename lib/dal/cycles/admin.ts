/** Release managers' changes to cycles. */
import "server-only";
import { and, asc, desc, eq, ne, or } from "drizzle-orm";
import { getDb, type Db, type Tx } from "@/db/client";
import {
  communityTopics,
  gatherings,
  metricDefinitions,
  metricValues,
  milestones,
  releaseCycles,
  teams,
  topicActionItems,
} from "@/db/schema";
import { RECAP_SECTION, unitOfKind } from "@/lib/domain";
import { InputError } from "@/lib/errors";
import { assertCan, type Actor } from "@/lib/permissions";
import type {
  CreateCycleInput,
  CycleDetailsInput,
  CycleStatusInput,
  EditGatheringInput,
  GatheringRecapInput,
  EditMetricDefinitionInput,
  EditMilestoneInput,
  EditTopicInput,
  GatheringInput,
  MetricDefinitionInput,
  MilestoneInput,
  NewCycleInput,
  TopicInput,
} from "@/lib/validation/cycle";
import { recordAudit } from "../audit/audit";
import { invalidate, tags } from "../cache/cache";
import { carryStrandedHelpRequests, tagsOfMoves } from "../help-requests/moves";
import { cycleBySlug, teamForWriting } from "../lookups";

export function createCycle({ actor, input }: { actor: Actor; input: CreateCycleInput }, db: Db = getDb()): { id: number } {
  assertCan(actor, "cycle.manage");
  const slug = input.name.toLowerCase();
  const { id, helpMoves } = db.transaction((tx) => {
    if (tx.select({ id: releaseCycles.id }).from(releaseCycles).where(eq(releaseCycles.slug, slug)).get())
      throw new InputError("name", "A cycle with this name exists");
    if (
      input.status === "active" &&
      tx.select({ id: releaseCycles.id }).from(releaseCycles).where(eq(releaseCycles.status, "active")).get()
    ) {
      throw new InputError("status", "Another cycle is active; end it first");
    }
    const row = tx
      .insert(releaseCycles)
      .values({ ...input, slug })
      .returning({ id: releaseCycles.id })
      .get();
    recordAudit(tx, actor, { action: "cycle.create", entityType: "cycle", entityId: row.id, after: input });
    return { id: row.id, helpMoves: carryStrandedHelpRequests(tx, actor) };
  });
  invalidate(tags.cycles, ...tagsOfMoves(helpMoves));
  return { id };
}

export function addMilestone({ actor, input }: { actor: Actor; input: MilestoneInput }, db: Db = getDb()): { id: number } {
  assertCan(actor, "cycle.manage");
  const result = db.transaction((tx) => {
    const cycle = cycleBySlug(tx, input.cycle);
    if (
      tx
        .select({ id: milestones.id })
        .from(milestones)
        .where(and(eq(milestones.cycleId, cycle.id), eq(milestones.name, input.name)))
        .get()
    ) {
      throw new InputError("name", "This cycle already has a milestone with that name");
    }
    const row = tx
      .insert(milestones)
      .values({ cycleId: cycle.id, name: input.name, dueOn: input.dueOn, doneOn: input.doneOn })
      .returning({ id: milestones.id })
      .get();
    recordAudit(tx, actor, { action: "milestone.create", entityType: "milestone", entityId: row.id, after: input });
    return { id: row.id, cycleId: cycle.id };
  });
  invalidate(tags.cycle(result.cycleId));
  return { id: result.id };
}

const DAY = 86_400_000;
const shift = (isoDate: string, days: number) => new Date(Date.parse(`${isoDate}T00:00:00Z`) + days * DAY).toISOString().slice(0, 10);

/** A new cycle in planning; with a template, its milestones come along, moved by the difference in start dates. */
export function createCycleFromTemplate({ actor, input }: { actor: Actor; input: NewCycleInput }, db: Db = getDb()): { id: number } {
  assertCan(actor, "cycle.manage");
  const slug = input.name.toLowerCase();
  const { id, helpMoves } = db.transaction((tx) => {
    if (tx.select({ id: releaseCycles.id }).from(releaseCycles).where(eq(releaseCycles.slug, slug)).get())
      throw new InputError("name", "A cycle with this name exists");
    const template = input.template ? tx.select().from(releaseCycles).where(eq(releaseCycles.slug, input.template)).get() : undefined;
    if (input.template && !template) throw new InputError("template", "No such cycle to start from");
    const row = tx
      .insert(releaseCycles)
      .values({ slug, name: input.name, status: "planning", startsOn: input.startsOn, targetReleaseOn: input.targetReleaseOn })
      .returning({ id: releaseCycles.id })
      .get();
    if (template) {
      const days = Math.round((Date.parse(input.startsOn) - Date.parse(template.startsOn)) / DAY);
      const copied = tx
        .select({ name: milestones.name, dueOn: milestones.dueOn })
        .from(milestones)
        .where(eq(milestones.cycleId, template.id))
        .all();
      const moved = copied.map((m) => ({ cycleId: row.id, name: m.name, dueOn: shift(m.dueOn, days) }));
      // Dates are stored as four-digit years: a start far out could push a milestone past 9999.
      if (moved.some((m) => !/^\d{4}-\d{2}-\d{2}$/.test(m.dueOn)))
        throw new InputError("startsOn", `From this start, ${template.name}'s milestones would fall outside the years 0000 to 9999`);
      if (moved.length > 0) tx.insert(milestones).values(moved).run();
    }
    recordAudit(tx, actor, { action: "cycle.create", entityType: "cycle", entityId: row.id, after: input });
    return { id: row.id, helpMoves: carryStrandedHelpRequests(tx, actor) };
  });
  invalidate(tags.cycles, ...tagsOfMoves(helpMoves));
  return { id };
}

export function setCycleStatus({ actor, input }: { actor: Actor; input: CycleStatusInput }, db: Db = getDb()): void {
  assertCan(actor, "cycle.manage");
  const { id, helpMoves } = db.transaction((tx) => {
    const cycle = cycleBySlug(tx, input.cycle);
    if (input.status === "active") {
      const other = tx
        .select({ name: releaseCycles.name })
        .from(releaseCycles)
        .where(and(eq(releaseCycles.status, "active"), ne(releaseCycles.id, cycle.id)))
        .get();
      if (other) throw new InputError("status", `${other.name} is the active cycle; mark it released first`);
    }
    if (input.status === "released" && !input.releasedOn) throw new InputError("releasedOn", "Give the release date");
    if (input.status === "released" && input.releasedOn! < cycle.startsOn)
      throw new InputError("releasedOn", `It cannot be released before it started (${cycle.startsOn})`);
    const releasedOn = input.status === "released" ? input.releasedOn : null;
    tx.update(releaseCycles).set({ status: input.status, releasedOn, updatedAt: new Date() }).where(eq(releaseCycles.id, cycle.id)).run();
    recordAudit(tx, actor, {
      action: "cycle.status",
      entityType: "cycle",
      entityId: cycle.id,
      before: { status: cycle.status, releasedOn: cycle.releasedOn },
      after: { status: input.status, releasedOn },
    });
    return { id: cycle.id, helpMoves: carryStrandedHelpRequests(tx, actor) };
  });
  invalidate(tags.cycles, tags.site, tags.cycle(id), ...tagsOfMoves(helpMoves));
}

export function setMilestoneDone({ actor, id, doneOn }: { actor: Actor; id: number; doneOn: string | null }, db: Db = getDb()): void {
  assertCan(actor, "cycle.manage");
  const cycleId = db.transaction((tx) => {
    const milestone = tx.select().from(milestones).where(eq(milestones.id, id)).get();
    if (!milestone) throw new InputError("id", "No such milestone");
    tx.update(milestones).set({ doneOn }).where(eq(milestones.id, id)).run();
    recordAudit(tx, actor, {
      action: "milestone.done",
      entityType: "milestone",
      entityId: id,
      before: { doneOn: milestone.doneOn },
      after: { doneOn },
    });
    return milestone.cycleId;
  });
  invalidate(tags.cycle(cycleId));
}

/** Action items arrive one per line, "what — who"; they replace the topic's list. */
function writeActionItems(tx: Tx, topicId: number, lines: string) {
  tx.delete(topicActionItems).where(eq(topicActionItems.topicId, topicId)).run();
  for (const line of lines
    .split("\n")
    .map((l) => l.trim())
    .filter(Boolean)) {
    const [description, ownerName = ""] = line.split(/\s+—\s+|\s+--\s+/);
    tx.insert(topicActionItems)
      .values({ topicId, description: description!.slice(0, 500), ownerName: ownerName.slice(0, 120) })
      .run();
  }
}

export function editTopic({ actor, input }: { actor: Actor; input: EditTopicInput }, db: Db = getDb()): void {
  assertCan(actor, "cycle.manage");
  const cycleId = db.transaction((tx) => {
    const topic = tx.select().from(communityTopics).where(eq(communityTopics.id, input.id)).get();
    if (!topic) throw new InputError("id", "No such topic");
    const changes = {
      title: input.title,
      notes: input.notes,
      outcome: input.outcome,
      decision: input.outcome === "decision" ? input.decision : "",
      gatheringId: topicGatheringId(tx, topic.cycleId, input.gathering),
    };
    const actionItemsBefore = tx
      .select({ description: topicActionItems.description, ownerName: topicActionItems.ownerName })
      .from(topicActionItems)
      .where(eq(topicActionItems.topicId, topic.id))
      .orderBy(asc(topicActionItems.id))
      .all();
    tx.update(communityTopics)
      .set({ ...changes, updatedAt: new Date() })
      .where(eq(communityTopics.id, topic.id))
      .run();
    writeActionItems(tx, topic.id, input.actionItems);
    // The whole topic as it was: a gathering's recap "as it stood" reads it back from here.
    const before = {
      title: topic.title,
      notes: topic.notes,
      outcome: topic.outcome,
      decision: topic.decision,
      gatheringId: topic.gatheringId,
      actionItems: actionItemsBefore,
    };
    recordAudit(tx, actor, {
      action: "topic.edit",
      entityType: "topic",
      entityId: topic.id,
      before,
      after: { ...changes, actionItems: input.actionItems },
    });
    return topic.cycleId;
  });
  invalidate(tags.cycle(cycleId));
}

export function editCycleDetails({ actor, input }: { actor: Actor; input: CycleDetailsInput }, db: Db = getDb()): void {
  assertCan(actor, "cycle.manage");
  const id = db.transaction((tx) => {
    const cycle = cycleBySlug(tx, input.cycle);
    const { cycle: _slug, ...changes } = input;
    tx.update(releaseCycles)
      .set({ ...changes, updatedAt: new Date() })
      .where(eq(releaseCycles.id, cycle.id))
      .run();
    recordAudit(tx, actor, {
      action: "cycle.edit",
      entityType: "cycle",
      entityId: cycle.id,
      before: { startsOn: cycle.startsOn, targetReleaseOn: cycle.targetReleaseOn, summary: cycle.summary },
      after: changes,
    });
    return cycle.id;
  });
  invalidate(tags.cycles, tags.cycle(id));
}

export function editMilestone({ actor, input }: { actor: Actor; input: EditMilestoneInput }, db: Db = getDb()): void {
  assertCan(actor, "cycle.manage");
  const cycleId = db.transaction((tx) => {
    const milestone = tx.select().from(milestones).where(eq(milestones.id, input.id)).get();
    if (!milestone) throw new InputError("id", "No such milestone");
    if (
      tx
        .select({ id: milestones.id })
        .from(milestones)
        .where(and(eq(milestones.cycleId, milestone.cycleId), eq(milestones.name, input.name), ne(milestones.id, input.id)))
        .get()
    ) {
      throw new InputError("name", "This cycle already has a milestone with that name");
    }
    tx.update(milestones).set({ name: input.name, dueOn: input.dueOn }).where(eq(milestones.id, input.id)).run();
    recordAudit(tx, actor, {
      action: "milestone.edit",
      entityType: "milestone",
      entityId: input.id,
      before: { name: milestone.name, dueOn: milestone.dueOn },
      after: { name: input.name, dueOn: input.dueOn },
    });
    return milestone.cycleId;
  });
  invalidate(tags.cycle(cycleId));
}

/** The id of the cycle a gathering wraps up, from its slug (null for none). */
function wrappedCycleId(tx: Tx, slug: string | null): number | null {
  if (!slug) return null;
  return cycleBySlug(tx, slug, "wrapsCycle").id;
}

/** A topic's gathering, from its slug: one that plans or wraps up the topic's cycle. */
function topicGatheringId(tx: Tx, cycleId: number, slug: string | null): number | null {
  if (!slug) return null;
  const gathering = tx
    .select({ id: gatherings.id })
    .from(gatherings)
    .where(and(eq(gatherings.slug, slug), or(eq(gatherings.cycleId, cycleId), eq(gatherings.wrapsCycleId, cycleId))))
    .get();
  if (!gathering) throw new InputError("gathering", "No gathering of this cycle has that name");
  return gathering.id;
}

export function addGathering({ actor, input }: { actor: Actor; input: GatheringInput }, db: Db = getDb()): { id: number } {
  assertCan(actor, "cycle.manage");
  const result = db.transaction((tx) => {
    const cycle = cycleBySlug(tx, input.cycle);
    if (tx.select({ id: gatherings.id }).from(gatherings).where(eq(gatherings.slug, input.slug)).get())
      throw new InputError("slug", "Another gathering uses this slug");
    const { cycle: _slug, wrapsCycle, ...fields } = input;
    const wrapsCycleId = wrappedCycleId(tx, wrapsCycle);
    const row = tx
      .insert(gatherings)
      .values({ ...fields, cycleId: cycle.id, wrapsCycleId })
      .returning({ id: gatherings.id })
      .get();
    recordAudit(tx, actor, { action: "gathering.create", entityType: "gathering", entityId: row.id, after: input });
    return { id: row.id, cycleId: cycle.id, wrapsCycleId };
  });
  invalidate(tags.cycle(result.cycleId), ...(result.wrapsCycleId ? [tags.cycle(result.wrapsCycleId)] : []));
  return { id: result.id };
}

/** A cross-team discussion of the cycle, with its outcome and action items. */
export function addTopic({ actor, input }: { actor: Actor; input: TopicInput }, db: Db = getDb()): { id: number } {
  assertCan(actor, "cycle.manage");
  const result = db.transaction((tx) => {
    const cycle = cycleBySlug(tx, input.cycle);
    const sortOrder = tx.select({ id: communityTopics.id }).from(communityTopics).where(eq(communityTopics.cycleId, cycle.id)).all().length;
    const row = tx
      .insert(communityTopics)
      .values({
        cycleId: cycle.id,
        gatheringId: topicGatheringId(tx, cycle.id, input.gathering),
        title: input.title,
        notes: input.notes,
        outcome: input.outcome,
        decision: input.outcome === "decision" ? input.decision : "",
        sortOrder,
      })
      .returning({ id: communityTopics.id })
      .get();
    writeActionItems(tx, row.id, input.actionItems);
    recordAudit(tx, actor, { action: "topic.create", entityType: "topic", entityId: row.id, after: input });
    return { id: row.id, cycleId: cycle.id };
  });
  invalidate(tags.cycle(result.cycleId));
  return { id: result.id };
}

export function createMetricDefinition({ actor, input }: { actor: Actor; input: MetricDefinitionInput }, db: Db = getDb()): { id: number } {
  assertCan(actor, "cycle.manage");
  const id = db.transaction((tx) => {
    if (tx.select({ id: metricDefinitions.id }).from(metricDefinitions).where(eq(metricDefinitions.key, input.key)).get())
      throw new InputError("key", "A metric with this key exists");
    const teamId = input.team ? teamForWriting(tx, input.team).id : null;
    const sortOrder = tx.select({ id: metricDefinitions.id }).from(metricDefinitions).all().length;
    const row = tx
      .insert(metricDefinitions)
      .values({
        key: input.key,
        label: input.label,
        unit: unitOfKind(input.kind),
        kind: input.kind,
        decimals: input.decimals,
        direction: input.direction,
        aggregation: input.aggregation,
        teamId,
        sortOrder,
      })
      .returning({ id: metricDefinitions.id })
      .get();
    recordAudit(tx, actor, { action: "metric.define", entityType: "metric", entityId: row.id, after: input });
    return row.id;
  });
  invalidate(tags.cycles, tags.teams);
  return { id };
}

/** Everything the cycles page edits, for release managers. */
export function getCyclesForManaging({ actor }: { actor: Actor }, db: Db = getDb()) {
  assertCan(actor, "cycle.manage");
  const cycles = db.select().from(releaseCycles).orderBy(desc(releaseCycles.startsOn)).all();
  const allMilestones = db.select().from(milestones).orderBy(asc(milestones.dueOn)).all();
  const allGatherings = db
    .select({
      id: gatherings.id,
      cycleId: gatherings.cycleId,
      wrapsCycleId: gatherings.wrapsCycleId,
      slug: gatherings.slug,
      name: gatherings.name,
      startsOn: gatherings.startsOn,
      endsOn: gatherings.endsOn,
      websiteUrl: gatherings.websiteUrl,
      etherpadUrl: gatherings.etherpadUrl,
      recordingUrl: gatherings.recordingUrl,
      recapIntro: gatherings.recapIntro,
      recapClosing: gatherings.recapClosing,
      recapTeams: gatherings.recapTeams,
      recapSections: gatherings.recapSections,
    })
    .from(gatherings)
    .orderBy(asc(gatherings.startsOn))
    .all();
  const gatheringSlugs = new Map(allGatherings.map((g) => [g.id, g.slug]));
  const cycleSlugs = new Map(cycles.map((c) => [c.id, c.slug]));
  const topics = db
    .select({
      id: communityTopics.id,
      cycleId: communityTopics.cycleId,
      gatheringId: communityTopics.gatheringId,
      title: communityTopics.title,
      notes: communityTopics.notes,
      outcome: communityTopics.outcome,
      decision: communityTopics.decision,
    })
    .from(communityTopics)
    .orderBy(asc(communityTopics.sortOrder))
    .all();
  const items = db
    .select({ topicId: topicActionItems.topicId, description: topicActionItems.description, ownerName: topicActionItems.ownerName })
    .from(topicActionItems)
    .orderBy(asc(topicActionItems.id))
    .all();
  return {
    cycles: cycles.map((c) => ({
      slug: c.slug,
      name: c.name,
      status: c.status,
      startsOn: c.startsOn,
      targetReleaseOn: c.targetReleaseOn,
      releasedOn: c.releasedOn,
      summary: c.summary,
      gatherings: allGatherings
        .filter((g) => g.cycleId === c.id)
        .map(({ cycleId: _cycleId, wrapsCycleId, ...g }) => ({
          ...g,
          wrapsCycle: wrapsCycleId ? (cycleSlugs.get(wrapsCycleId) ?? "") : "",
        })),
      /** Gatherings a topic of this cycle can belong to: the ones that plan it or wrap it up. */
      topicGatherings: allGatherings
        .filter((g) => g.cycleId === c.id || g.wrapsCycleId === c.id)
        .map((g) => ({ slug: g.slug, name: g.name })),
      milestones: allMilestones
        .filter((m) => m.cycleId === c.id)
        .map((m) => ({ id: m.id, name: m.name, dueOn: m.dueOn, doneOn: m.doneOn })),
      topics: topics
        .filter((t) => t.cycleId === c.id)
        .map(({ cycleId: _cycleId, gatheringId, ...t }) => ({
          ...t,
          gathering: gatheringId ? (gatheringSlugs.get(gatheringId) ?? "") : "",
          actionItems: items
            .filter((i) => i.topicId === t.id)
            .map((i) => (i.ownerName ? `${i.description} — ${i.ownerName}` : i.description))
            .join("\n"),
        })),
    })),
    metrics: db
      .select({
        key: metricDefinitions.key,
        label: metricDefinitions.label,
        kind: metricDefinitions.kind,
        decimals: metricDefinitions.decimals,
        direction: metricDefinitions.direction,
        aggregation: metricDefinitions.aggregation,
        retired: metricDefinitions.retired,
        team: teams.name,
      })
      .from(metricDefinitions)
      .leftJoin(teams, eq(teams.id, metricDefinitions.teamId))
      .orderBy(asc(metricDefinitions.sortOrder))
      .all(),
    teams: db
      .select({ slug: teams.slug, name: teams.name })
      .from(teams)
      .where(eq(teams.archived, false))
      .orderBy(asc(teams.sortOrder))
      .all(),
  };
}

export function editGathering({ actor, input }: { actor: Actor; input: EditGatheringInput }, db: Db = getDb()): void {
  assertCan(actor, "cycle.manage");
  const cycleIds = db.transaction((tx) => {
    const gathering = tx.select().from(gatherings).where(eq(gatherings.id, input.id)).get();
    if (!gathering) throw new InputError("id", "No such gathering");
    if (
      tx
        .select({ id: gatherings.id })
        .from(gatherings)
        .where(and(eq(gatherings.slug, input.slug), ne(gatherings.id, input.id)))
        .get()
    )
      throw new InputError("slug", "Another gathering uses this slug");
    const { id: _id, cycle: _cycle, wrapsCycle, ...fields } = input;
    const changes = { ...fields, wrapsCycleId: wrappedCycleId(tx, wrapsCycle) };
    if (changes.wrapsCycleId === gathering.cycleId) throw new InputError("wrapsCycle", "Pick the cycle it wraps up, not the one it plans");
    tx.update(gatherings).set(changes).where(eq(gatherings.id, input.id)).run();
    recordAudit(tx, actor, {
      action: "gathering.edit",
      entityType: "gathering",
      entityId: input.id,
      before: {
        name: gathering.name,
        slug: gathering.slug,
        startsOn: gathering.startsOn,
        endsOn: gathering.endsOn,
        wrapsCycleId: gathering.wrapsCycleId,
      },
      after: changes,
    });
    return [gathering.cycleId, gathering.wrapsCycleId, changes.wrapsCycleId];
  });
  invalidate(tags.teamList, ...cycleIds.filter((id): id is number => id !== null).map(tags.cycle));
}

/** The recap's introduction and closing, and which teams and sections it shows. */
export function editGatheringRecap({ actor, input }: { actor: Actor; input: GatheringRecapInput }, db: Db = getDb()): void {
  assertCan(actor, "cycle.manage");
  const cycleIds = db.transaction((tx) => {
    const gathering = tx.select().from(gatherings).where(eq(gatherings.id, input.id)).get();
    if (!gathering) throw new InputError("id", "No such gathering");
    const known = tx.select({ slug: teams.slug, archived: teams.archived }).from(teams).all();
    const unknown = input.teams?.find((slug) => !known.some((t) => t.slug === slug));
    if (unknown) throw new InputError("teams", `No team "${unknown}"`);
    // Every active team, or every section, is stored as "all", so teams added later are in too.
    const everyTeam = input.teams !== null && known.every((t) => t.archived || input.teams!.includes(t.slug));
    const everySection = input.sections !== null && RECAP_SECTION.every((section) => input.sections!.includes(section));
    const recapTeams = everyTeam ? null : input.teams;
    const recapSections = everySection ? null : input.sections;
    const changes = {
      recapIntro: input.intro,
      recapClosing: input.closing,
      recapTeams,
      recapSections,
      recapAuthorId: actor.kind === "person" ? actor.id : gathering.recapAuthorId,
    };
    tx.update(gatherings).set(changes).where(eq(gatherings.id, gathering.id)).run();
    recordAudit(tx, actor, {
      action: "gathering.recap",
      entityType: "gathering",
      entityId: gathering.id,
      before: {
        recapIntro: gathering.recapIntro,
        recapClosing: gathering.recapClosing,
        recapTeams: gathering.recapTeams,
        recapSections: gathering.recapSections,
      },
      after: { recapIntro: input.intro, recapClosing: input.closing, recapTeams, recapSections },
    });
    return [gathering.cycleId, gathering.wrapsCycleId];
  });
  invalidate(...cycleIds.filter((id): id is number => id !== null).map(tags.cycle));
}

export function editMetricDefinition({ actor, input }: { actor: Actor; input: EditMetricDefinitionInput }, db: Db = getDb()): void {
  assertCan(actor, "cycle.manage");
  db.transaction((tx) => {
    const metric = tx.select().from(metricDefinitions).where(eq(metricDefinitions.key, input.key)).get();
    if (!metric) throw new InputError("key", "No such metric");
    const { key: _key, ...changes } = input;
    // A version's values are text, the other kinds' numbers: what is recorded would no longer read.
    if (
      (metric.kind === "version") !== (changes.kind === "version") &&
      tx.select({ id: metricValues.id }).from(metricValues).where(eq(metricValues.metricId, metric.id)).get()
    )
      throw new InputError("kind", "Values are recorded for this metric: a version cannot become a number, nor a number a version");
    tx.update(metricDefinitions)
      .set({ ...changes, unit: unitOfKind(changes.kind) })
      .where(eq(metricDefinitions.id, metric.id))
      .run();
    recordAudit(tx, actor, {
      action: "metric.edit",
      entityType: "metric",
      entityId: metric.id,
      before: {
        label: metric.label,
        kind: metric.kind,
        decimals: metric.decimals,
        direction: metric.direction,
        aggregation: metric.aggregation,
        retired: metric.retired,
      },
      after: changes,
    });
  });
  invalidate(tags.cycles, tags.teams);
}
