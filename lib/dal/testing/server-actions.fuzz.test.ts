/**
 * Property tests over every server action: whatever arrives (any JSON value, form fields
 * with any text, missing fields, huge numbers, other people's ids) and whoever sends it,
 * the action answers; it never throws (a throw is a 500). When it answers "not done", not one
 * row differs (no partial write); a visitor who is not signed in is always refused.
 *
 * The actions run as they are, against a real copy of the demo community; only Next's
 * request scope is stood in for: the session (`getCurrentActor`), `refresh` and `redirect`.
 * To cover a new action, add one row to ACTIONS with a few valid values per field.
 */
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { setProcessDatabase, type Db } from "@/db/client";
import {
  communityTopics,
  gatherings,
  helpRequests,
  metricDefinitions,
  metricValues,
  milestones,
  notifications,
  people,
  releaseCycles,
  reviewComments,
  roadmapItems,
  teams,
  updates,
} from "@/db/schema";
import { NOTIFICATION_KIND } from "@/lib/domain";
import { fingerprint } from "@/db/testing";
import type { Actor } from "@/lib/permissions";
import { REVIEW_STATE } from "@/lib/domain";
import {
  arrangeTeamAction,
  createPersonAction,
  createTeamAction,
  editPersonAction,
  editTeamAction,
  updateSettingsAction,
} from "@/app/(signed-in)/admin/actions";
import {
  addGatheringAction,
  addMilestoneAction,
  addTopicAction,
  createCycleAction,
  createMetricAction,
  editCycleDetailsAction,
  editGatheringAction,
  editMetricAction,
  editMilestoneAction,
  editTopicAction,
  setCycleStatusAction,
  setMilestoneDoneAction,
} from "@/app/(signed-in)/admin/cycles/actions";
import { emailPreferencesAction, followAction, markAllReadAction, markReadAction } from "@/app/(signed-in)/inbox/actions";
import {
  askForAnotherLookAction,
  markReviewedAction,
  replyToReviewAction,
  requestChangesAction,
  resolveReviewCommentAction,
  sendRemindersAction,
  undoReviewDecisionAction,
} from "@/app/(signed-in)/review/actions";
import {
  assignHelpRequestAction,
  closeHelpRequestAction,
  moveHelpRequestAction,
  openHelpRequestAction,
} from "@/app/(signed-in)/teams/[slug]/help/actions";
import { replaceTeamLinksAction } from "@/app/(signed-in)/teams/[slug]/links/actions";
import {
  carryOverRoadmapAction,
  createRoadmapItemAction,
  editRoadmapItemAction,
  moveRoadmapItemAction,
} from "@/app/(signed-in)/teams/[slug]/roadmap/actions";
import {
  deleteMetricValueAction,
  discardDraftAction,
  editMetricValueAction,
  publishUpdateAction,
  saveUpdateAction,
  setUpdateAsOfAction,
  startUpdateAction,
} from "@/app/(signed-in)/updates/actions";
import { ACTORS, actorOf, copyOfTemplate, createWriteTemplate, type ActorKind } from "./tables";

const request = vi.hoisted(() => ({
  actor: { kind: "anonymous" } as Actor,
  Redirect: class Redirect extends Error {},
}));
vi.mock("next/cache", () => ({ refresh: () => {}, revalidateTag: () => {}, cacheTag: () => {}, cacheLife: () => {} }));
vi.mock("next/navigation", () => ({
  redirect: (to: string) => {
    throw new request.Redirect(to);
  },
}));
vi.mock("@/lib/dal/identity/actor", async (importOriginal) => ({
  ...(await importOriginal<object>()),
  getCurrentActor: async () => request.actor,
}));

/** Values that break things: odd text, odd numbers, odd dates, odd types. */
const hostile: fc.Arbitrary<unknown> = fc.oneof(
  fc.string(),
  fc.string({ unit: "binary" }),
  fc.constantFrom(
    "",
    " ",
    "0",
    "-1",
    "1.5",
    "1e309",
    "NaN",
    "Infinity",
    "9007199254740993",
    "0x1F",
    "2024-02-30",
    "2024-13-01",
    "0000-00-00",
    "9999-12-31",
    "+275760-09-13",
    "\u0000",
    "'; drop table teams; --",
    "x".repeat(100_000),
    "ü".repeat(5_000),
  ),
  fc.integer(),
  fc.double(),
  fc.constantFrom(Number.MAX_SAFE_INTEGER + 2, -0, 2 ** 63, 1e308),
  fc.boolean(),
  fc.constantFrom(null, undefined),
  fc.anything(),
);

/** Per field: a few valid values, or an arbitrary that yields valid ones. */
type Candidates = Record<string, unknown[] | fc.Arbitrary<unknown>>;

/**
 * Valid values (the first of each list most often, so the data layer is reached), then up to
 * two fields replaced by hostile values or left out, and sometimes a field nobody asked for.
 */
function fieldsFrom(candidates: Candidates): fc.Arbitrary<Record<string, unknown>> {
  const keys = Object.keys(candidates);
  const validOf = (values: unknown[] | fc.Arbitrary<unknown>) =>
    values instanceof fc.Arbitrary
      ? values
      : fc.oneof({ weight: 3, arbitrary: fc.constant(values[0]) }, { weight: 2, arbitrary: fc.constantFrom(...values) });
  const valid = fc.record(Object.fromEntries(keys.map((key) => [key, validOf(candidates[key]!)])));
  return fc
    .tuple(
      valid,
      fc.subarray(keys, { maxLength: Math.min(2, keys.length) }),
      fc.tuple(hostile, hostile),
      fc.dictionary(fc.string(), hostile, { maxKeys: 1 }),
    )
    .map(([fields, broken, values, extra]) => ({ ...extra, ...fields, ...Object.fromEntries(broken.map((key, i) => [key, values[i]])) }));
}

/** What a browser can post: any JSON value, or the action's fields. */
function inputFrom(candidates: Candidates): fc.Arbitrary<unknown> {
  return fc.oneof({ weight: 1, arbitrary: fc.anything() }, { weight: 6, arbitrary: fieldsFrom(candidates) });
}

/** Form posts carry text only: checkboxes are "on" or absent, lists repeat the field. */
function formData(fields: Record<string, unknown>): FormData {
  const data = new FormData();
  for (const [key, value] of Object.entries(fields)) {
    if (value === undefined || value === false) continue;
    for (const item of Array.isArray(value) ? value : [value])
      data.append(key, item === true ? "on" : typeof item === "string" ? item : (JSON.stringify(item) ?? ""));
  }
  return data;
}

interface ActionRow {
  name: string;
  /** Valid values per field, read from the template (several, so duplicates and other teams' rows are tried too). */
  candidates: (db: Db) => Candidates;
  call: (input: unknown) => Promise<unknown>;
  /** Inputs that once gave a 500, tried by an admin on every run before the random ones. */
  regressions?: unknown[];
}

const form =
  (action: (state: null, data: FormData) => Promise<unknown>) =>
  (input: unknown): Promise<unknown> =>
    action(
      null,
      formData(
        input !== null && typeof input === "object" && !Array.isArray(input) ? (input as Record<string, unknown>) : { value: input },
      ),
    );

const ids = (rows: { id: number }[]) => rows.map((r) => r.id);
// The first value of each list is the one most often tried: the docs team (whose lead is
// "lead of the team"), the active cycle, the docs draft.
const cycleSlugs = (db: Db) => [
  "10.0",
  ...db
    .select({ slug: releaseCycles.slug })
    .from(releaseCycles)
    .all()
    .map((c) => c.slug),
  "99.0",
];
const teamSlugs = (db: Db) => [
  "docs",
  ...db
    .select({ slug: teams.slug })
    .from(teams)
    .all()
    .map((t) => t.slug),
  "no-such-team",
];
const updateIds = (db: Db) => [
  ...ids(
    db
      .select({ id: updates.id, state: updates.state })
      .from(updates)
      .all()
      .sort((a, b) => (a.state === b.state ? 0 : a.state === "draft" ? -1 : 1)),
  ),
  9999,
];
const dates = fc.oneof(
  fc.constantFrom("2024-05-01", "2024-09-30", "2025-01-31", "2024-02-29", "0000-01-01", "9999-12-31"),
  fc
    .date({ min: new Date("0000-01-01T00:00:00Z"), max: new Date("9999-12-31T00:00:00Z"), noInvalidDate: true })
    .map((d) => d.toISOString().slice(0, 10)),
);
const optionalDates = fc.oneof(fc.constant(""), dates);
const urls = ["https://example.org/a", "", "http://x.example"];
const updateContent = {
  headline: ["Headline", "  "],
  health: ["on_track", "blocked"],
  summary: ["", "**Bold**"],
  done: [""],
  inProgress: [""],
  planned: [""],
  risks: [""],
  helpWanted: [""],
  privateNote: [""],
};

const ACTIONS: ActionRow[] = [
  {
    name: "create a person",
    candidates: () => ({
      name: ["New Person"],
      email: ["new@example.org", "admin@example.org", "NEW@example.org"],
      role: ["member", "admin"],
      leads: [[], ["docs"], ["no-such-team"], ["docs", "docs"]],
    }),
    call: form(createPersonAction),
  },
  {
    name: "edit a person",
    candidates: (db) => ({
      id: [
        ...db
          .select({ id: people.id })
          .from(people)
          .all()
          .map((p) => p.id),
        "nobody",
      ],
      name: ["Renamed"],
      role: ["member", "release_manager", "admin"],
      active: [true, false],
      leads: [[], ["docs"], ["no-such-team"]],
    }),
    call: form(editPersonAction),
  },
  {
    name: "create a team",
    candidates: () => ({ name: ["Security", "Docs"], slug: ["security", "docs", "DOCS"], mission: ["", "Keep it safe."] }),
    call: form(createTeamAction),
  },
  {
    name: "edit a team",
    candidates: (db) => ({
      id: [
        ...ids(
          db
            .select({ id: teams.id, slug: teams.slug })
            .from(teams)
            .all()
            .sort((a, b) => Number(b.slug === "docs") - Number(a.slug === "docs")),
        ),
        9999,
      ],
      name: ["Documentation", "Test"],
      slug: ["docs", "test", "documentation"],
      mission: [""],
      shepherdId: [
        "",
        "nobody",
        ...db
          .select({ id: people.id })
          .from(people)
          .all()
          .map((p) => p.id),
      ],
    }),
    call: form(editTeamAction),
  },
  {
    name: "arrange teams",
    candidates: (db) => ({ id: [...ids(db.select({ id: teams.id }).from(teams).all()), 9999], op: ["up", "down", "archive", "restore"] }),
    call: form(arrangeTeamAction),
  },
  {
    name: "change site settings",
    candidates: () => ({
      name: ["StarlingX"],
      description: [""],
      websiteUrl: urls,
      docsUrl: urls,
      mailingListUrl: urls,
      codeUrl: urls,
      privateMode: [true, false],
      reminderLeadDays: ["3", "0", "90"],
      staleUpdateDays: ["14", "365"],
    }),
    call: form(updateSettingsAction),
  },
  {
    name: "start a cycle",
    candidates: (db) => ({ name: ["13.0", "10.0", "14.0-rc"], startsOn: dates, targetReleaseOn: dates, template: [...cycleSlugs(db), ""] }),
    call: form(createCycleAction),
    regressions: [{ name: "20.0", startsOn: "9999-12-01", targetReleaseOn: "9999-12-31", template: "10.0" }],
  },
  {
    name: "change a cycle's status",
    candidates: (db) => ({ cycle: cycleSlugs(db), status: ["planning", "active", "released"], releasedOn: optionalDates }),
    call: form(setCycleStatusAction),
  },
  {
    name: "add a milestone",
    candidates: (db) => ({ cycle: cycleSlugs(db), name: ["Docs sprint", "Feature freeze"], dueOn: dates, doneOn: optionalDates }),
    call: form(addMilestoneAction),
  },
  {
    name: "mark a milestone done",
    candidates: (db) => ({ id: [...ids(db.select({ id: milestones.id }).from(milestones).all()), 9999], doneOn: optionalDates }),
    call: form(setMilestoneDoneAction),
  },
  {
    name: "add a topic",
    candidates: (db) => ({
      cycle: cycleSlugs(db),
      title: ["Security"],
      notes: [""],
      outcome: ["decision", "no_decision"],
      decision: ["", "Yes"],
      actionItems: ["", "Draft a policy — Docs", "— \n—"],
    }),
    call: form(addTopicAction),
  },
  {
    name: "define a metric",
    candidates: (db) => ({
      key: ["sanity_runs", "pass_rate"],
      label: ["Sanity runs"],
      kind: ["count", "percentage", "decimal", "duration", "version"],
      decimals: ["", "2", "9", "-1"],
      direction: ["higher_is_better", "lower_is_better"],
      aggregation: ["sum", "latest", "average"],
      team: ["", ...teamSlugs(db)],
    }),
    call: form(createMetricAction),
  },
  {
    name: "edit a cycle's dates",
    candidates: (db) => ({ cycle: cycleSlugs(db), startsOn: dates, targetReleaseOn: dates, summary: [""] }),
    call: form(editCycleDetailsAction),
  },
  {
    name: "move a milestone",
    candidates: (db) => ({
      id: [...ids(db.select({ id: milestones.id }).from(milestones).all()), 9999],
      name: ["Release", "RC1"],
      dueOn: dates,
    }),
    call: form(editMilestoneAction),
  },
  {
    name: "edit a topic",
    candidates: (db) => ({
      id: [...ids(db.select({ id: communityTopics.id }).from(communityTopics).all()), 9999],
      cycle: cycleSlugs(db),
      title: ["Use cases"],
      notes: [""],
      outcome: ["decision", "no_decision"],
      decision: ["", "Done"],
      actionItems: ["", "Write it — Docs"],
    }),
    call: form(editTopicAction),
  },
  {
    name: "add a gathering",
    candidates: (db) => ({
      cycle: cycleSlugs(db),
      name: ["October PTG"],
      slug: [
        "ptg-2024-10",
        ...db
          .select({ slug: gatherings.slug })
          .from(gatherings)
          .all()
          .map((g) => g.slug),
      ],
      startsOn: dates,
      endsOn: dates,
      websiteUrl: urls,
      etherpadUrl: urls,
      recordingUrl: urls,
    }),
    call: form(addGatheringAction),
  },
  {
    name: "edit a gathering",
    candidates: (db) => ({
      id: [...ids(db.select({ id: gatherings.id }).from(gatherings).all()), 9999],
      cycle: cycleSlugs(db),
      name: ["April PTG"],
      slug: ["ptg-2024-04", "ptg-2024-11"],
      startsOn: dates,
      endsOn: dates,
      websiteUrl: urls,
      etherpadUrl: urls,
      recordingUrl: urls,
    }),
    call: form(editGatheringAction),
  },
  {
    name: "edit a metric",
    candidates: (db) => ({
      key: [
        ...db
          .select({ key: metricDefinitions.key })
          .from(metricDefinitions)
          .all()
          .map((m) => m.key),
        "nothing",
      ],
      label: ["Pass rate"],
      kind: ["count", "percentage", "version"],
      decimals: ["", "1"],
      direction: ["higher_is_better"],
      aggregation: ["latest", "sum"],
      retired: [true, false],
    }),
    call: form(editMetricAction),
  },
  {
    name: "edit a team's links",
    candidates: (db) => ({
      teamSlug: teamSlugs(db),
      "kind-0": ["docs", "chat", "nonsense"],
      "label-0": ["Docs", ""],
      "url-0": urls,
      "kind-1": ["code"],
      "label-1": ["Code"],
      "url-1": ["https://opendev.org"],
    }),
    call: form(replaceTeamLinksAction),
  },
  {
    name: "mark an update reviewed",
    candidates: (db) => ({ updateId: updateIds(db), seen: [...REVIEW_STATE, "later"] }),
    call: (input) => markReviewedAction(input),
  },
  {
    name: "request changes",
    candidates: (db) => ({ updateId: updateIds(db), seen: [...REVIEW_STATE], body: ["Please add numbers", " "] }),
    call: (input) => requestChangesAction(input),
  },
  { name: "undo a review decision", candidates: (db) => ({ updateId: updateIds(db) }), call: (input) => undoReviewDecisionAction(input) },
  { name: "ask for another look", candidates: (db) => ({ updateId: updateIds(db) }), call: (input) => askForAnotherLookAction(input) },
  {
    name: "start an update",
    candidates: (db) => ({ team: teamSlugs(db), cycle: cycleSlugs(db), start: ["prefill", "blank"] }),
    call: form(startUpdateAction),
  },
  {
    name: "reply in a review thread",
    candidates: (db) => ({
      updateId: updateIds(db),
      replyToId: [null, ...ids(db.select({ id: reviewComments.id }).from(reviewComments).all()), 9999],
      body: ["Done"],
      releaseManagersOnly: [true, false],
    }),
    call: (input) => replyToReviewAction(input),
  },
  {
    name: "resolve a review comment",
    candidates: (db) => ({ commentId: [...ids(db.select({ id: reviewComments.id }).from(reviewComments).all()), 9999] }),
    call: (input) => resolveReviewCommentAction(input),
  },
  {
    name: "add a roadmap item",
    candidates: (db) => ({
      team: teamSlugs(db),
      cycle: cycleSlugs(db),
      title: ["New"],
      description: [""],
      status: ["planned", "done"],
      kind: ["feature"],
      helpWanted: [true, false],
      links: [[], [{ kind: "gerrit", label: "Review", url: "https://review.example.org/1" }]],
    }),
    call: (input) => createRoadmapItemAction(input),
  },
  {
    name: "edit a roadmap item",
    candidates: (db) => ({
      id: [...ids(db.select({ id: roadmapItems.id }).from(roadmapItems).all()), 9999],
      expectedVersion: [1, 2],
      title: ["Edited"],
      description: [""],
      status: ["in_progress", "dropped", "done"],
      kind: ["enhancement"],
      helpWanted: [false],
      links: [[]],
      deliveredOn: [undefined, null, "2024-06-14", "2999-01-01"],
    }),
    call: (input) => editRoadmapItemAction(input),
  },
  {
    name: "reorder roadmap items",
    candidates: (db) => ({ id: [...ids(db.select({ id: roadmapItems.id }).from(roadmapItems).all()), 9999], direction: ["up", "down"] }),
    call: (input) => moveRoadmapItemAction(input),
  },
  {
    name: "carry the roadmap over",
    candidates: (db) => ({ team: teamSlugs(db), from: cycleSlugs(db), to: cycleSlugs(db) }),
    call: (input) => carryOverRoadmapAction(input),
  },
  {
    name: "save an update",
    candidates: (db) => ({
      id: updateIds(db),
      expectedVersion: [1, 2],
      gatheringSlug: [null, "ptg-2024-04", "nowhere"],
      content: [Object.fromEntries(Object.entries(updateContent).map(([k, v]) => [k, v[0]]))],
      links: [[], [{ label: "Notes", url: "https://example.org" }]],
      metrics: [
        [],
        ...ids(db.select({ id: metricDefinitions.id }).from(metricDefinitions).all()).map((metricId) => [{ metricId, value: 42 }]),
        [{ metricId: 1, value: "1h 30m" }],
        [{ metricId: 1, value: "4.5" }],
      ],
    }),
    call: (input) => saveUpdateAction(input),
  },
  {
    name: "correct a metric value",
    candidates: (db) => ({
      id: [...ids(db.select({ id: metricValues.id }).from(metricValues).all()), 9999],
      changes: [{ value: 13 }, { value: "1.32", note: "recounted" }, { note: "x".repeat(501) }, { observedAt: "2024-05-01T00:00:00Z" }, {}],
    }),
    call: (input) => editMetricValueAction(input),
  },
  {
    name: "delete a metric value",
    candidates: (db) => ({ id: [...ids(db.select({ id: metricValues.id }).from(metricValues).all()), 9999] }),
    call: (input) => deleteMetricValueAction(input),
  },
  {
    name: "publish a draft",
    candidates: (db) => ({
      id: updateIds(db),
      expectedVersion: [1, 2],
      changes: [
        null,
        {
          gatheringSlug: null,
          content: Object.fromEntries(Object.entries(updateContent).map(([k, v]) => [k, v[0]])),
          links: [],
          metrics: [],
        },
        { gatheringSlug: "nowhere", content: {}, links: [], metrics: [] },
      ],
      asOf: [undefined, null, "2024-06-14", "2999-01-01"],
    }),
    call: (input) => publishUpdateAction(input),
  },
  {
    name: "date a published update",
    candidates: (db) => ({ id: updateIds(db), asOf: dates }),
    call: form(setUpdateAsOfAction),
  },
  {
    name: "discard a draft",
    candidates: (db) => ({ id: updateIds(db), teamSlug: teamSlugs(db) }),
    call: (input) => discardDraftAction(input),
    regressions: [{ id: false, teamSlug: "docs" }],
  },
  {
    name: "open a help request",
    candidates: (db) => ({
      team: teamSlugs(db),
      cycle: cycleSlugs(db),
      title: ["Proofread the install guide", " "],
      details: ["", "Two pages"],
      linkUrl: urls,
      contact: ["docs call", ""],
      roadmapItemId: ["", ...ids(db.select({ id: roadmapItems.id }).from(roadmapItems).all()).slice(0, 3), 9999],
    }),
    call: form(openHelpRequestAction),
  },
  {
    name: "assign a help request",
    candidates: (db) => ({
      id: [...ids(db.select({ id: helpRequests.id }).from(helpRequests).all()), 9999],
      ownerId: [
        "",
        ...db
          .select({ id: people.id })
          .from(people)
          .all()
          .map((p) => p.id)
          .slice(0, 2),
        "nobody",
      ],
      takenByName: ["Sam Newcomer", ""],
    }),
    call: form(assignHelpRequestAction),
  },
  {
    name: "close a help request",
    candidates: (db) => ({
      id: [...ids(db.select({ id: helpRequests.id }).from(helpRequests).all()), 9999],
      status: ["resolved", "dropped", "open"],
    }),
    call: form(closeHelpRequestAction),
  },
  {
    name: "move a help request to another cycle",
    candidates: (db) => ({
      id: [...ids(db.select({ id: helpRequests.id }).from(helpRequests).all()), 9999],
      cycle: [...cycleSlugs(db), ""],
    }),
    call: form(moveHelpRequestAction),
  },
  { name: "send reminders", candidates: () => ({}), call: () => sendRemindersAction(null, new FormData()) },
  {
    name: "mark a notification read",
    candidates: (db) => ({ id: [...ids(db.select({ id: notifications.id }).from(notifications).all()).slice(0, 3), 9999, "x"] }),
    call: form(markReadAction),
  },
  { name: "mark every notification read", candidates: () => ({}), call: () => markAllReadAction(null, new FormData()) },
  {
    name: "choose what is mailed",
    candidates: () => Object.fromEntries(NOTIFICATION_KIND.map((kind) => [kind, ["at_once", "daily", "off", "weekly"]])),
    call: form(emailPreferencesAction),
  },
  {
    name: "follow a team or a cycle",
    candidates: (db) => ({
      subject: ["team", "cycle", "person"],
      slug: [...teamSlugs(db).slice(0, 2), ...cycleSlugs(db).slice(0, 2)],
      following: [true, false, "yes"],
    }),
    call: followAction,
  },
];

let template: string;
let cleanupTemplate: () => void;
beforeAll(async () => {
  ({ file: template, cleanup: cleanupTemplate } = await createWriteTemplate());
});
afterAll(() => cleanupTemplate());

/** Runs the action as it would run in a request: a redirect is Next's way of answering "done". */
async function answer(row: ActionRow, input: unknown): Promise<{ ok: boolean }> {
  try {
    const result = await row.call(input);
    expect(result).toMatchObject({ ok: expect.any(Boolean) });
    return result as { ok: boolean };
  } catch (error) {
    if (error instanceof request.Redirect) return { ok: true };
    throw error;
  }
}

/** Some actions hash a password per run (scrypt, slow by design): on two busy cores a row can take a minute. */
const FUZZ_TIMEOUT_MS = 90_000;

describe.each(ACTIONS)("$name", (row) => {
  it(
    "answers any input from anyone with success or a field-level refusal, and a refusal changes nothing",
    async () => {
      const { db, dispose } = copyOfTemplate(template);
      setProcessDatabase(db);
      try {
        const candidates = row.candidates(db);
        const input = inputFrom(candidates);
        // Sessions opened before the fuzzing: an edit may take away the very role that found them.
        const actors = Object.fromEntries(ACTORS.map((kind) => [kind, actorOf(kind, db)])) as Record<ActorKind, Actor>;
        // Rows are compared only when this connection changed any (even in a rolled-back transaction): fingerprints are slow.
        const changeCount = () => db.$client.prepare("select total_changes()").pluck().get() as number;
        let rows = fingerprint(db);
        let changes = changeCount();
        await fc.assert(
          // Admins, who may do everything, are tried most: their inputs reach furthest into the data layer.
          fc.asyncProperty(fc.oneof(fc.constant<ActorKind>("admin"), fc.constantFrom<ActorKind>(...ACTORS)), input, async (kind, value) => {
            request.actor = actors[kind];
            const result = await answer(row, value);
            if (kind === "anonymous") expect(result.ok).toBe(false);
            if (changeCount() === changes) return;
            const now = fingerprint(db);
            if (!result.ok) expect(now).toBe(rows);
            [rows, changes] = [now, changeCount()];
          }),
          { numRuns: 60, examples: (row.regressions ?? []).map((value): [ActorKind, unknown] => ["admin", value]) },
        );
      } finally {
        dispose();
      }
    },
    FUZZ_TIMEOUT_MS,
  );
});
