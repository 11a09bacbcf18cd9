/**
 * Test support: every write the app has, as rows a test can run against a real database
 * copy, and the actors that try them. permission-matrix.test.ts (beside it) tries each row as
 * every actor; read-your-writes.test.ts checks each row's cache invalidation.
 * Add one row to WRITES with each new write function.
 *
 * It lives in this folder, with the tests that sweep the whole data layer, rather than in an
 * entity's: it names the writes of every entity, and only tests import it (the coverage check
 * in read-your-writes.test.ts skips this folder when it lists the layer's exports).
 */
import { expect } from "vitest";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { and, desc, eq } from "drizzle-orm";
import type { SQLiteTable } from "drizzle-orm/sqlite-core";
import { openDatabase, type Db } from "@/db/client";
import {
  communitySettings,
  communityTopics,
  follows,
  gatherings,
  helpRequests,
  metricDefinitions,
  metricValues,
  milestones,
  notificationPreferences,
  people,
  releaseCycles,
  reviewComments,
  roadmapItems,
  teamLeads,
  teamLinks,
  teams,
  updateReminders,
  updates,
} from "@/db/schema";
import { createTestDatabase } from "@/db/testing";
import { NOTIFICATION_KIND } from "@/lib/domain";
import { demoCommunity } from "@/db/seed/demo-data";
import { ANONYMOUS, type Actor, type TokenScope } from "@/lib/permissions";
import type { EmailPreferencesInput } from "@/lib/validation/notifications";
import { actorForPerson } from "../identity/person-actor";
import { createPerson, editPerson } from "../people/admin";
import { updateSettings } from "../site/settings";
import { createTeam, editTeam, moveTeam, replaceTeamLinks, setTeamArchived } from "../teams/admin";
import {
  addGathering,
  addMilestone,
  addTopic,
  createCycle,
  createCycleFromTemplate,
  createMetricDefinition,
  editCycleDetails,
  editGathering,
  editGatheringRecap,
  editMetricDefinition,
  editMilestone,
  editTopic,
  setCycleStatus,
  setMilestoneDone,
} from "../cycles/admin";
import { setFollowing } from "../notifications/follows";
import { setEmailPreferences } from "../notifications/preferences";
import { sendReminders } from "../notifications/reminders";
import {
  askForAnotherLook,
  getReviewThread,
  markReviewed,
  replyToReview,
  requestChanges,
  resolveReviewComment,
  undoReviewDecision,
} from "../updates/review";
import { assignHelpRequest, closeHelpRequest, openHelpRequest } from "../help-requests/editor";
import { moveHelpRequest } from "../help-requests/moves";
import { carryOverRoadmap, createRoadmapItem, editRoadmapItem, moveRoadmapItem } from "../roadmap/editor";
import {
  deleteDraft,
  getUpdateForEditing,
  listLeadsOpenDrafts,
  listOpenDrafts,
  publishUpdate,
  saveUpdate,
  startUpdate,
} from "../updates/editor";
import { readUpdate } from "../updates/reads";
import { editUpdate } from "../updates/writes";
import { readCycleUpdates } from "../updates/reads";
import { deleteMetricValue, editMetricValue, recordMetricValue } from "../metrics/writes";
import { patchRoadmapItem } from "../roadmap/writes";
import { patchUpdate, postUpdate, setUpdateAsOf } from "../updates/writes";

/** The metric values of the demo community, which the template adds one to. */
const DEMO_VALUES = demoCommunity.metricValues.length;

export type ActorKind = "anonymous" | "member" | "lead of the team" | "lead of another team" | "release manager" | "admin";
export const ACTORS: ActorKind[] = ["anonymous", "member", "lead of the team", "lead of another team", "release manager", "admin"];

export interface Write {
  name: string;
  /** The data-layer function this row exercises (the coverage checks compare these with the exports). */
  covers: (...args: never[]) => unknown;
  /** The table whose rows the write is for: an allowed write must change it, not only the audit log. */
  changes: SQLiteTable;
  allowed: ActorKind[];
  run: (actor: Actor, db: Db) => unknown;
  /** What an allowed run must leave, when the table changing is not enough: the intended row changed, and only it. */
  after?: (db: Db) => void;
}

const docsId = (db: Db) => db.select({ id: teams.id }).from(teams).where(eq(teams.slug, "docs")).get()!.id;

const docsDraft = (db: Db) => db.select().from(updates).where(eq(updates.state, "draft")).get()!;
const docsPublished = (db: Db) =>
  db
    .select()
    .from(updates)
    .where(eq(updates.teamId, docsId(db)))
    .all()
    .find((u) => u.state === "published")!;
const docsItem = (db: Db) =>
  db
    .select()
    .from(roadmapItems)
    .where(eq(roadmapItems.teamId, docsId(db)))
    .all()
    .at(-1)!;
const docsHelpRequest = (db: Db) =>
  db
    .select()
    .from(helpRequests)
    .where(eq(helpRequests.teamId, docsId(db)))
    .get()!;
const containersLatest = (db: Db) => {
  const team = db.select({ id: teams.id }).from(teams).where(eq(teams.slug, "containers")).get()!;
  return db
    .select()
    .from(updates)
    .where(and(eq(updates.teamId, team.id), eq(updates.state, "published")))
    .orderBy(desc(updates.publishedAt), desc(updates.id))
    .get()!;
};
/** The value the template records for Docs (createWriteTemplate), which the corrections act on. */
const docsValue = (db: Db) =>
  db
    .select()
    .from(metricValues)
    .where(and(eq(metricValues.teamId, docsId(db)), eq(metricValues.note, "template")))
    .get();
const managersOnlyNote = (db: Db) => db.select().from(reviewComments).where(eq(reviewComments.releaseManagersOnly, true)).get()!;
const LEADS_AND_ADMINS: ActorKind[] = ["lead of the team", "admin"];
const SIGNED_IN: ActorKind[] = ["member", "lead of the team", "lead of another team", "release manager", "admin"];
const PLANNERS: ActorKind[] = ["lead of the team", "release manager", "admin"];

export const WRITES: Write[] = [
  {
    name: "start an update",
    covers: startUpdate,
    changes: updates,
    allowed: LEADS_AND_ADMINS,
    run: (actor, db) => startUpdate({ actor, input: { team: "docs", cycle: "10.0", prefill: true } }, db),
  },
  {
    name: "save an update from the editor",
    covers: saveUpdate,
    changes: updates,
    allowed: LEADS_AND_ADMINS,
    run: (actor, db) => {
      const draft = docsDraft(db);
      return saveUpdate(
        {
          actor,
          input: {
            id: draft.id,
            expectedVersion: draft.version,
            gatheringSlug: null,
            content: {
              headline: "H",
              health: "at_risk",
              summary: "",
              done: "",
              inProgress: "",
              planned: "",
              risks: "",
              helpWanted: "",
              privateNote: "",
            },
            links: [],
            metrics: [],
          },
        },
        db,
      );
    },
  },
  {
    name: "publish a draft, saving what the editor holds",
    covers: publishUpdate,
    changes: updates,
    allowed: LEADS_AND_ADMINS,
    run: (actor, db) => {
      const draft = docsDraft(db);
      const content = {
        headline: "Ready",
        health: "at_risk" as const,
        summary: "",
        done: "",
        inProgress: "",
        planned: "",
        risks: "",
        helpWanted: "",
        privateNote: "",
      };
      return publishUpdate(
        {
          actor,
          input: { id: draft.id, expectedVersion: draft.version, changes: { gatheringSlug: null, content, links: [], metrics: [] } },
        },
        db,
      );
    },
  },
  {
    name: "publish a draft as of an earlier day (history)",
    covers: publishUpdate,
    changes: updates,
    allowed: LEADS_AND_ADMINS,
    run: (actor, db) => {
      const draft = docsDraft(db);
      return publishUpdate({ actor, input: { id: draft.id, expectedVersion: draft.version, changes: null, asOf: "2024-06-14" } }, db);
    },
  },
  {
    name: "date a published update as of an earlier day",
    covers: setUpdateAsOf,
    changes: updates,
    allowed: PLANNERS,
    run: (actor, db) => setUpdateAsOf({ actor, input: { id: docsPublished(db).id, asOf: "2024-06-14" } }, db),
  },
  {
    name: "discard a draft",
    covers: deleteDraft,
    changes: updates,
    allowed: LEADS_AND_ADMINS,
    run: (actor, db) => deleteDraft({ actor, id: docsDraft(db).id }, db),
  },
  {
    name: "add a roadmap item",
    covers: createRoadmapItem,
    changes: roadmapItems,
    allowed: PLANNERS,
    run: (actor, db) =>
      createRoadmapItem(
        {
          actor,
          input: {
            team: "docs",
            cycle: "10.0",
            title: "New",
            description: "",
            status: "planned",
            kind: "feature",
            helpWanted: true,
            links: [],
          },
        },
        db,
      ),
  },
  {
    name: "edit a roadmap item",
    covers: editRoadmapItem,
    changes: roadmapItems,
    allowed: PLANNERS,
    run: (actor, db) => {
      const item = docsItem(db);
      return editRoadmapItem(
        {
          actor,
          input: {
            id: item.id,
            expectedVersion: item.version,
            title: item.title,
            description: "",
            status: "done",
            kind: item.kind,
            helpWanted: false,
            links: [],
          },
        },
        db,
      );
    },
  },
  {
    name: "record a roadmap item delivered on an earlier day",
    covers: editRoadmapItem,
    changes: roadmapItems,
    allowed: PLANNERS,
    run: (actor, db) => {
      const item = docsItem(db);
      return editRoadmapItem(
        {
          actor,
          input: {
            id: item.id,
            expectedVersion: item.version,
            title: item.title,
            description: item.description,
            status: "done",
            kind: item.kind,
            helpWanted: item.helpWanted,
            links: [],
            deliveredOn: "2024-06-14",
          },
        },
        db,
      );
    },
  },
  {
    name: "reorder roadmap items",
    covers: moveRoadmapItem,
    changes: roadmapItems,
    allowed: PLANNERS,
    run: (actor, db) => moveRoadmapItem({ actor, id: docsItem(db).id, direction: "up" }, db),
  },
  {
    name: "carry the roadmap over",
    covers: carryOverRoadmap,
    changes: roadmapItems,
    allowed: PLANNERS,
    run: (actor, db) => carryOverRoadmap({ actor, input: { team: "docs", from: "10.0", to: "11.0" } }, db),
  },
  {
    name: "open a help request",
    covers: openHelpRequest,
    changes: helpRequests,
    allowed: PLANNERS,
    run: (actor, db) =>
      openHelpRequest(
        {
          actor,
          input: {
            team: "docs",
            cycle: "10.0",
            title: "Proofread the install guide",
            details: "",
            linkUrl: null,
            contact: "docs call",
            roadmapItemId: null,
          },
        },
        db,
      ),
  },
  {
    name: "assign a help request",
    covers: assignHelpRequest,
    changes: helpRequests,
    allowed: PLANNERS,
    run: (actor, db) => assignHelpRequest({ actor, input: { id: docsHelpRequest(db).id, ownerId: null, takenByName: "Sam Newcomer" } }, db),
  },
  {
    name: "resolve a help request",
    covers: closeHelpRequest,
    changes: helpRequests,
    allowed: PLANNERS,
    run: (actor, db) => closeHelpRequest({ actor, input: { id: docsHelpRequest(db).id, status: "resolved" } }, db),
  },
  {
    name: "move a help request to another cycle",
    covers: moveHelpRequest,
    changes: helpRequests,
    allowed: PLANNERS,
    run: (actor, db) => moveHelpRequest({ actor, input: { id: docsHelpRequest(db).id, cycle: "11.0" } }, db),
  },
  {
    name: "post an update in one call (API)",
    covers: postUpdate,
    changes: updates,
    allowed: LEADS_AND_ADMINS,
    run: (actor, db) =>
      postUpdate(
        {
          actor,
          input: {
            team: "docs",
            cycle: "10.0",
            gathering: null,
            headline: "From CI",
            health: "on_track",
            summary: "",
            done: "",
            inProgress: "",
            planned: "",
            risks: "",
            helpWanted: "",
            privateNote: "",
            links: [],
            publish: true,
          },
        },
        db,
      ),
  },
  {
    name: "edit and publish a draft (API)",
    covers: patchUpdate,
    changes: updates,
    allowed: LEADS_AND_ADMINS,
    run: (actor, db) =>
      patchUpdate({ actor, id: docsDraft(db).id, input: { version: docsDraft(db).version, headline: "Ready", publish: true } }, db),
  },
  {
    name: "change a roadmap item's status (API)",
    covers: patchRoadmapItem,
    changes: roadmapItems,
    allowed: PLANNERS,
    run: (actor, db) => patchRoadmapItem({ actor, id: docsItem(db).id, input: { version: docsItem(db).version, status: "done" } }, db),
  },
  {
    name: "record a metric value",
    covers: recordMetricValue,
    changes: metricValues,
    allowed: PLANNERS,
    run: (actor, db) =>
      recordMetricValue({ actor, input: { team: "docs", cycle: "10.0", metric: "docs_changes_merged", value: 12, note: "" } }, db),
  },
  {
    name: "correct a metric value",
    covers: editMetricValue,
    changes: metricValues,
    allowed: PLANNERS,
    run: (actor, db) => editMetricValue({ actor, id: docsValue(db)!.id, input: { value: 13, note: "recounted" } }, db),
    after: (db) => {
      expect(docsValue(db)).toBeUndefined();
      expect(db.select().from(metricValues).where(eq(metricValues.note, "recounted")).all()).toEqual([
        expect.objectContaining({ teamId: docsId(db), value: 13 }),
      ]);
    },
  },
  {
    name: "delete a metric value",
    covers: deleteMetricValue,
    changes: metricValues,
    allowed: PLANNERS,
    run: (actor, db) => deleteMetricValue({ actor, id: docsValue(db)!.id }, db),
    after: (db) => {
      expect(docsValue(db)).toBeUndefined();
      expect(db.select().from(metricValues).all()).toHaveLength(DEMO_VALUES);
    },
  },
  {
    name: "mark an update reviewed",
    covers: markReviewed,
    changes: updates,
    allowed: ["release manager", "admin"],
    run: (actor, db) => markReviewed({ actor, input: { updateId: docsPublished(db).id, seen: "changes_requested" } }, db),
  },
  {
    name: "request changes",
    covers: requestChanges,
    changes: reviewComments,
    allowed: ["release manager", "admin"],
    run: (actor, db) =>
      requestChanges({ actor, input: { updateId: docsPublished(db).id, seen: "changes_requested", body: "Please add numbers" } }, db),
  },
  {
    name: "undo a review decision",
    covers: undoReviewDecision,
    changes: updates,
    allowed: ["release manager", "admin"],
    run: (actor, db) => undoReviewDecision({ actor, input: { updateId: containersLatest(db).id } }, db),
  },
  {
    name: "ask for another look",
    covers: askForAnotherLook,
    changes: updates,
    allowed: LEADS_AND_ADMINS,
    run: (actor, db) => askForAnotherLook({ actor, input: { updateId: docsPublished(db).id } }, db),
  },
  {
    name: "reply in the review thread",
    covers: replyToReview,
    changes: reviewComments,
    allowed: PLANNERS,
    run: (actor, db) =>
      replyToReview({ actor, input: { updateId: docsPublished(db).id, replyToId: null, body: "Done", releaseManagersOnly: false } }, db),
  },
  {
    name: "resolve a change request",
    covers: resolveReviewComment,
    changes: reviewComments,
    allowed: PLANNERS,
    run: (actor, db) => resolveReviewComment({ actor, commentId: db.select().from(reviewComments).get()!.id }, db),
  },
  {
    name: "reply to a note for release managers only",
    covers: replyToReview,
    changes: reviewComments,
    allowed: ["release manager", "admin"],
    run: (actor, db) =>
      replyToReview(
        { actor, input: { updateId: docsPublished(db).id, replyToId: managersOnlyNote(db).id, body: "Seen", releaseManagersOnly: false } },
        db,
      ),
  },
  {
    name: "resolve a note for release managers only",
    covers: resolveReviewComment,
    changes: reviewComments,
    allowed: ["release manager", "admin"],
    run: (actor, db) => resolveReviewComment({ actor, commentId: managersOnlyNote(db).id }, db),
  },
  {
    name: "add a milestone",
    covers: addMilestone,
    changes: milestones,
    allowed: ["release manager", "admin"],
    run: (actor, db) => addMilestone({ actor, input: { cycle: "10.0", name: "Docs sprint", dueOn: "2024-06-14", doneOn: null } }, db),
  },
  {
    name: "follow a team",
    covers: setFollowing,
    changes: follows,
    allowed: SIGNED_IN,
    run: (actor, db) => setFollowing({ actor, input: { subject: "team", slug: "docs", following: true } }, db),
  },
  {
    name: "choose what is mailed",
    covers: setEmailPreferences,
    changes: notificationPreferences,
    allowed: SIGNED_IN,
    run: (actor, db) =>
      setEmailPreferences(
        {
          actor,
          input: { ...Object.fromEntries(NOTIFICATION_KIND.map((kind) => [kind, "daily"])), review_reply: "off" } as EmailPreferencesInput,
        },
        db,
      ),
  },
  {
    name: "send update-due reminders",
    covers: sendReminders,
    changes: updateReminders,
    allowed: ["release manager", "admin"],
    run: (actor, db) => sendReminders({ actor, now: Date.parse("2024-07-10T09:00:00Z"), baseUrl: "", sendMail: null }, db),
  },
  {
    name: "start a cycle from a template",
    covers: createCycleFromTemplate,
    changes: releaseCycles,
    allowed: ["release manager", "admin"],
    run: (actor, db) =>
      createCycleFromTemplate(
        { actor, input: { name: "13.0", startsOn: "2025-10-01", targetReleaseOn: "2026-03-31", template: "10.0" } },
        db,
      ),
  },
  {
    name: "change a cycle's status",
    covers: setCycleStatus,
    changes: releaseCycles,
    allowed: ["release manager", "admin"],
    run: (actor, db) => setCycleStatus({ actor, input: { cycle: "10.0", status: "released", releasedOn: "2024-09-30" } }, db),
  },
  {
    name: "mark a milestone done",
    covers: setMilestoneDone,
    changes: milestones,
    allowed: ["release manager", "admin"],
    run: (actor, db) => setMilestoneDone({ actor, id: db.select().from(milestones).all().at(-1)!.id, doneOn: "2024-09-30" }, db),
  },
  {
    name: "add a community topic",
    covers: addTopic,
    changes: communityTopics,
    allowed: ["release manager", "admin"],
    run: (actor, db) =>
      addTopic(
        {
          actor,
          input: {
            cycle: "10.0",
            title: "Security",
            notes: "",
            outcome: "no_decision",
            decision: "",
            actionItems: "Draft a policy — Docs",
            gathering: null,
          },
        },
        db,
      ),
  },
  {
    name: "edit a community topic",
    covers: editTopic,
    changes: communityTopics,
    allowed: ["release manager", "admin"],
    run: (actor, db) =>
      editTopic(
        {
          actor,
          input: {
            id: db.select().from(communityTopics).get()!.id,
            cycle: "10.0",
            title: "Use cases",
            notes: "",
            outcome: "decision",
            decision: "Done",
            actionItems: "",
            gathering: null,
          },
        },
        db,
      ),
  },
  {
    name: "edit a cycle's dates",
    covers: editCycleDetails,
    changes: releaseCycles,
    allowed: ["release manager", "admin"],
    run: (actor, db) =>
      editCycleDetails({ actor, input: { cycle: "10.0", startsOn: "2024-03-01", targetReleaseOn: "2024-10-15", summary: "Slipped" } }, db),
  },
  {
    name: "move a milestone",
    covers: editMilestone,
    changes: milestones,
    allowed: ["release manager", "admin"],
    run: (actor, db) =>
      editMilestone({ actor, input: { id: db.select().from(milestones).all().at(-1)!.id, name: "Release", dueOn: "2024-10-15" } }, db),
  },
  {
    name: "add a gathering",
    covers: addGathering,
    changes: gatherings,
    allowed: ["release manager", "admin"],
    run: (actor, db) =>
      addGathering(
        {
          actor,
          input: {
            cycle: "10.0",
            name: "October PTG",
            slug: "ptg-2024-10",
            startsOn: "2024-10-21",
            endsOn: "2024-10-25",
            websiteUrl: null,
            etherpadUrl: null,
            recordingUrl: null,
            wrapsCycle: null,
          },
        },
        db,
      ),
  },
  {
    name: "edit a gathering",
    covers: editGathering,
    changes: gatherings,
    allowed: ["release manager", "admin"],
    run: (actor, db) =>
      editGathering(
        {
          actor,
          input: {
            id: db.select().from(gatherings).get()!.id,
            cycle: "10.0",
            name: "April PTG",
            slug: "ptg-2024-04",
            startsOn: "2024-04-08",
            endsOn: "2024-04-12",
            websiteUrl: null,
            etherpadUrl: null,
            recordingUrl: "https://example.org/rec",
            wrapsCycle: null,
          },
        },
        db,
      ),
  },
  {
    name: "write a gathering's recap",
    covers: editGatheringRecap,
    changes: gatherings,
    allowed: ["release manager", "admin"],
    run: (actor, db) =>
      editGatheringRecap(
        {
          actor,
          input: {
            id: db.select().from(gatherings).get()!.id,
            intro: "What we talked about.",
            closing: "See you next time.",
            teams: ["docs"],
            sections: ["delivered", "plans"],
          },
        },
        db,
      ),
  },
  {
    name: "edit a metric definition",
    covers: editMetricDefinition,
    changes: metricDefinitions,
    allowed: ["release manager", "admin"],
    run: (actor, db) =>
      editMetricDefinition(
        {
          actor,
          input: {
            key: "pass_rate",
            label: "Pass rate",
            kind: "percentage",
            decimals: null,
            direction: "higher_is_better",
            aggregation: "latest",
            retired: false,
          },
        },
        db,
      ),
  },
  {
    name: "define a metric",
    covers: createMetricDefinition,
    changes: metricDefinitions,
    allowed: ["release manager", "admin"],
    run: (actor, db) =>
      createMetricDefinition(
        {
          actor,
          input: {
            key: "sanity_runs",
            label: "Sanity runs",
            kind: "count",
            decimals: null,
            direction: "higher_is_better",
            aggregation: "sum",
            team: "test",
          },
        },
        db,
      ),
  },
  {
    name: "create a cycle",
    covers: createCycle,
    changes: releaseCycles,
    allowed: ["release manager", "admin"],
    run: (actor, db) =>
      createCycle(
        { actor, input: { name: "12.0", status: "planning", startsOn: "2025-04-01", targetReleaseOn: "2025-09-30", summary: "" } },
        db,
      ),
  },
  {
    name: "edit an update",
    covers: editUpdate,
    changes: updates,
    allowed: ["lead of the team", "admin"],
    run: (actor, db) => {
      const update = db
        .select()
        .from(updates)
        .where(eq(updates.teamId, docsId(db)))
        .all()
        .at(-1)!;
      return editUpdate({ actor, input: { id: update.id, expectedVersion: update.version, changes: { headline: "Changed" } } }, db);
    },
  },
  {
    name: "edit the team's links",
    covers: replaceTeamLinks,
    changes: teamLinks,
    allowed: ["lead of the team", "admin"],
    run: (actor, db) =>
      replaceTeamLinks(
        { actor, input: { teamSlug: "docs", links: [{ kind: "docs", label: "Docs", url: "https://docs.example.org" }] } },
        db,
      ),
  },
  {
    name: "create a person",
    covers: createPerson,
    changes: people,
    allowed: ["admin"],
    run: (actor, db) =>
      createPerson(
        { actor, input: { name: "New", email: "new@example.org", role: "member", leads: [] }, password: "a-long-password-1" },
        db,
      ),
  },
  {
    name: "edit a person",
    covers: editPerson,
    changes: people,
    allowed: ["admin"],
    run: (actor, db) => {
      const member = db.select().from(people).where(eq(people.email, "member@example.org")).get()!;
      return editPerson({ actor, input: { id: member.id, role: "release_manager", leads: ["docs"] } }, db);
    },
  },
  {
    name: "deactivate a person",
    covers: editPerson,
    changes: people,
    allowed: ["admin"],
    run: (actor, db) => {
      const member = db.select().from(people).where(eq(people.email, "member@example.org")).get()!;
      return editPerson({ actor, input: { id: member.id, active: false } }, db);
    },
  },
  {
    name: "create a team",
    covers: createTeam,
    changes: teams,
    allowed: ["admin"],
    run: (actor, db) => createTeam({ actor, input: { name: "Security", slug: "security", mission: "" } }, db),
  },
  {
    name: "edit a team",
    covers: editTeam,
    changes: teams,
    allowed: ["admin"],
    run: (actor, db) =>
      editTeam({ actor, input: { id: docsId(db), name: "Documentation", slug: "docs", mission: "Docs.", shepherdId: null } }, db),
  },
  {
    name: "archive a team",
    covers: setTeamArchived,
    changes: teams,
    allowed: ["admin"],
    run: (actor, db) => setTeamArchived({ actor, id: docsId(db), archived: true }, db),
  },
  {
    name: "reorder teams",
    covers: moveTeam,
    changes: teams,
    allowed: ["admin"],
    run: (actor, db) => moveTeam({ actor, id: docsId(db), direction: "up" }, db),
  },
  {
    name: "change site settings",
    covers: updateSettings,
    changes: communitySettings,
    allowed: ["admin"],
    run: (actor, db) =>
      updateSettings(
        {
          actor,
          input: {
            name: "X",
            description: "",
            websiteUrl: null,
            docsUrl: null,
            mailingListUrl: null,
            codeUrl: null,
            privateMode: true,
            reminderLeadDays: 3,
            staleUpdateDays: 14,
          },
        },
        db,
      ),
  },
];

/** Who, besides the kinds above, reads drafts: people calling through API tokens that narrow them. */
export type TokenActorKind =
  | "lead's token with the draft scope"
  | "lead's token to write updates only"
  | "admin's token for another team"
  | "release manager's token for the team";
export const TOKEN_ACTORS: TokenActorKind[] = [
  "lead's token with the draft scope",
  "lead's token to write updates only",
  "admin's token for another team",
  "release manager's token for the team",
];

export interface DraftRead {
  name: string;
  /** The data-layer function this row exercises. */
  covers: (...args: never[]) => unknown;
  /** Who sees the draft or private note; everyone else gets nothing, a null or a ForbiddenError. */
  sees: (ActorKind | TokenActorKind)[];
  /** Whether the actor was shown the draft or note. */
  run: (actor: Actor, db: Db) => boolean;
}

const DRAFT_READERS: (ActorKind | TokenActorKind)[] = [
  "lead of the team",
  "release manager",
  "admin",
  "lead's token with the draft scope",
  "release manager's token for the team",
];
const draftFilters = { state: "draft" } as const;
const page = { page: 1, perPage: 100 };

/** Every read that can show a draft or a private note (lib/dal/testing/read-matrix.test.ts tries each as every actor). */
export const DRAFT_READS: DraftRead[] = [
  {
    name: "open a draft's page",
    covers: readUpdate,
    sees: DRAFT_READERS,
    run: (actor, db) => readUpdate(db, docsDraft(db).id, actor) !== null,
  },
  {
    name: "list a cycle's drafts (API)",
    covers: readCycleUpdates,
    sees: DRAFT_READERS,
    run: (actor, db) =>
      readCycleUpdates({ actor, cycle: "10.0", filters: draftFilters, page }, db)!.data.some((u) => u.id === docsDraft(db).id),
  },
  {
    name: "read a published update's private note (API)",
    covers: readCycleUpdates,
    sees: DRAFT_READERS,
    run: (actor, db) =>
      readCycleUpdates({ actor, cycle: "10.0", filters: { team: "docs", state: "published" }, page }, db)!.data.some(
        (u) => "privateNote" in u,
      ),
  },
  // The editor asks for "update.write", not the draft scope (tokens never reach it: it is a page).
  {
    name: "open a draft in the editor",
    covers: getUpdateForEditing,
    sees: ["lead of the team", "admin", "lead's token to write updates only"],
    run: (actor, db) => getUpdateForEditing({ actor, id: docsDraft(db).id }, db) !== null,
  },
  {
    name: "list a team's open drafts",
    covers: listOpenDrafts,
    sees: DRAFT_READERS,
    run: (actor, db) => listOpenDrafts({ actor, teamSlug: "docs" }, db).some((d) => d.id === docsDraft(db).id),
  },
  {
    name: "list the open drafts of the teams one leads",
    covers: listLeadsOpenDrafts,
    sees: ["lead of the team", "lead's token with the draft scope"],
    run: (actor, db) => listLeadsOpenDrafts({ actor }, db).some((d) => d.id === docsDraft(db).id),
  },
  {
    name: "read a note for release managers only",
    covers: getReviewThread,
    sees: ["release manager", "admin"],
    run: (actor, db) => getReviewThread({ actor, updateId: docsPublished(db).id }, db).comments.some((c) => c.releaseManagersOnly),
  },
];

/** The demo community plus what the writes above act on: an admin, a member, a docs draft, a second roadmap item, a change request, a note for release managers only, cycle 11.0, a Docs metric value. */
export async function createWriteTemplate(): Promise<{ file: string; cleanup: () => void }> {
  const { db, file, cleanup } = createTestDatabase({ demo: true });
  const system: Actor = { kind: "system", label: "test" };
  await createPerson(
    { actor: system, input: { name: "Admin", email: "admin@example.org", role: "admin", leads: [] }, password: "a-long-password-1" },
    db,
  );
  await createPerson(
    { actor: system, input: { name: "Member", email: "member@example.org", role: "member", leads: [] }, password: "a-long-password-1" },
    db,
  );
  startUpdate({ actor: system, input: { team: "docs", cycle: "10.0", prefill: false } }, db);
  createRoadmapItem(
    {
      actor: system,
      input: {
        team: "docs",
        cycle: "10.0",
        title: "Second",
        description: "",
        status: "planned",
        kind: "feature",
        helpWanted: false,
        links: [],
      },
    },
    db,
  );
  requestChanges(
    { actor: system, input: { updateId: docsPublished(db).id, seen: docsPublished(db).reviewState, body: "Add the numbers" } },
    db,
  );
  markReviewed({ actor: system, input: { updateId: containersLatest(db).id, seen: containersLatest(db).reviewState } }, db);
  replyToReview(
    {
      actor: system,
      input: { updateId: docsPublished(db).id, replyToId: null, body: "Chase them on the list", releaseManagersOnly: true },
    },
    db,
  );
  createCycle(
    { actor: system, input: { name: "11.0", status: "planning", startsOn: "2024-10-01", targetReleaseOn: "2025-03-31", summary: "" } },
    db,
  );
  recordMetricValue(
    { actor: system, input: { team: "docs", cycle: "10.0", metric: "docs_changes_merged", value: 12, note: "template" } },
    db,
  );
  db.$client.pragma("wal_checkpoint(TRUNCATE)");
  return { file, cleanup };
}

/** A private copy of the template file, so each write starts from the same state. */
export function copyOfTemplate(template: string): { db: Db; dispose: () => void } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "cycleboard-matrix-"));
  const file = path.join(dir, "copy.db");
  fs.copyFileSync(template, file);
  const db = openDatabase(file);
  return { db, dispose: () => (db.$client.close(), fs.rmSync(dir, { recursive: true, force: true })) };
}

const tokenOf = (actor: Actor, scopes: TokenScope["scopes"], teamIds: number[]): Actor =>
  actor.kind === "person" ? { ...actor, token: { id: 1, name: "ci", scopes, teamIds } } : actor;

export function actorOf(kind: ActorKind | TokenActorKind, db: Db): Actor {
  const personWith = (where: ReturnType<typeof eq>) => actorForPerson(db, db.select({ id: people.id }).from(people).where(where).get()!.id);
  const leadOf = (slug: string) => {
    const team = db.select({ id: teams.id }).from(teams).where(eq(teams.slug, slug)).get()!;
    return actorForPerson(db, db.select({ id: teamLeads.personId }).from(teamLeads).where(eq(teamLeads.teamId, team.id)).get()!.id);
  };
  switch (kind) {
    case "anonymous":
      return ANONYMOUS;
    case "member":
      return personWith(eq(people.email, "member@example.org"));
    case "lead of the team":
      return leadOf("docs");
    case "lead of another team":
      return leadOf("test");
    case "release manager":
      return personWith(eq(people.role, "release_manager"));
    case "admin":
      return personWith(eq(people.email, "admin@example.org"));
    case "lead's token with the draft scope":
      return tokenOf(actorOf("lead of the team", db), ["update.read_draft"], []);
    case "lead's token to write updates only":
      return tokenOf(actorOf("lead of the team", db), ["update.write"], []);
    case "admin's token for another team":
      return tokenOf(
        actorOf("admin", db),
        ["update.read_draft", "update.write"],
        [db.select({ id: teams.id }).from(teams).where(eq(teams.slug, "test")).get()!.id],
      );
    case "release manager's token for the team":
      return tokenOf(actorOf("release manager", db), ["update.read_draft"], [docsId(db)]);
  }
}
