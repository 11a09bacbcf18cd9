/**
 * The notification matrix: every event, run through the write that causes it, against
 * every role. For each it checks who is notified, that nobody else is, and that no text
 * holds what its reader may not read (a draft's words, a private note, a note for release
 * managers only).
 */
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { apiTokens, follows, helpRequests, notifications, people, releaseCycles, reviewComments, teams, updates } from "@/db/schema";
import type { NotificationKind } from "@/lib/domain";
import type { Actor } from "@/lib/permissions";
import { assignHelpRequest, closeHelpRequest } from "../help-requests/editor";
import { editPerson } from "../people/admin";
import { ACTORS, actorOf, copyOfTemplate, createWriteTemplate, type ActorKind } from "../testing/tables";
import { saveUpdate, publishUpdate, startUpdate } from "../updates/editor";
import { askForAnotherLook, markReviewed, replyToReview, requestChanges, resolveReviewComment } from "../updates/review";
import { postUpdate } from "../updates/writes";
import { sendReminders } from "./reminders";
import { notifyExpiringTokens } from "./token-expiry";

const SECRET_NOTE = "PRIVATE-NOTE-7f3a";
const DRAFT_WORDS = "DRAFT-HEADLINE-19bc";
const MANAGERS_ONLY = "MANAGERS-ONLY-5e21";
const NOW = Date.parse("2024-07-10T09:00:00Z");

let template: string;
let cleanup: () => void;
beforeAll(async () => {
  ({ file: template, cleanup } = await createWriteTemplate());
});
afterAll(() => cleanup());

const person = (actor: Actor) => (actor.kind === "person" ? actor.id : "");
const docs = (db: Db) => db.select().from(teams).where(eq(teams.slug, "docs")).get()!;
const docsPublished = (db: Db) =>
  db
    .select()
    .from(updates)
    .where(and(eq(updates.teamId, docs(db).id), eq(updates.state, "published")))
    .all()
    .at(-1)!;
const active = (db: Db) => db.select().from(releaseCycles).where(eq(releaseCycles.slug, "10.0")).get()!;
const roles = (db: Db) =>
  Object.fromEntries(ACTORS.filter((k) => k !== "anonymous").map((k) => [k, actorOf(k, db)])) as Record<
    Exclude<ActorKind, "anonymous">,
    Actor
  >;

interface Event {
  name: string;
  kind: NotificationKind;
  /** What the world holds before the event (not itself reported). */
  before?: (db: Db, as: ReturnType<typeof roles>) => void;
  /** The write that causes it. */
  run: (db: Db, as: ReturnType<typeof roles>) => unknown;
  /** The roles told of it; every other role, and every other person, must not be. */
  to: ActorKind[];
}

/** The docs update, published and still awaiting review, with a private note and a draft beside it. */
function withSecrets(db: Db) {
  const update = docsPublished(db);
  db.update(updates).set({ privateNote: SECRET_NOTE }).where(eq(updates.id, update.id)).run();
  db.update(updates).set({ summary: DRAFT_WORDS, privateNote: SECRET_NOTE }).where(eq(updates.state, "draft")).run();
}

const followDocs = (db: Db, who: Actor[]) =>
  db
    .insert(follows)
    .values(who.map((a) => ({ personId: person(a), teamId: docs(db).id })))
    .run();
const EVERYONE_BUT: (...kinds: ActorKind[]) => ActorKind[] = (...kinds) => ACTORS.filter((k) => k !== "anonymous" && !kinds.includes(k));

const EVENTS: Event[] = [
  {
    name: "a release manager requests changes",
    kind: "changes_requested",
    run: (db, as) =>
      requestChanges(
        {
          actor: as["release manager"],
          input: { updateId: docsPublished(db).id, seen: docsPublished(db).reviewState, body: "Please add the figures" },
        },
        db,
      ),
    to: ["lead of the team"],
  },
  {
    name: "a release manager marks the update reviewed",
    kind: "update_reviewed",
    run: (db, as) =>
      markReviewed({ actor: as["release manager"], input: { updateId: docsPublished(db).id, seen: docsPublished(db).reviewState } }, db),
    to: ["lead of the team"],
  },
  {
    name: "an admin marks the update reviewed",
    kind: "update_reviewed",
    run: (db, as) => markReviewed({ actor: as.admin, input: { updateId: docsPublished(db).id, seen: docsPublished(db).reviewState } }, db),
    to: ["lead of the team"],
  },
  {
    name: "the lead replies in the thread",
    kind: "review_reply",
    before: (db, as) =>
      requestChanges(
        {
          actor: as["release manager"],
          input: { updateId: docsPublished(db).id, seen: docsPublished(db).reviewState, body: "Please add the figures" },
        },
        db,
      ),
    run: (db, as) =>
      replyToReview(
        {
          actor: as["lead of the team"],
          input: { updateId: docsPublished(db).id, replyToId: null, body: "Added them", releaseManagersOnly: false },
        },
        db,
      ),
    // The release manager is in the thread and shepherds docs; the admin is not in it.
    to: ["release manager"],
  },
  {
    name: "a release manager replies in the thread",
    kind: "review_reply",
    run: (db, as) =>
      replyToReview(
        {
          actor: as["release manager"],
          input: { updateId: docsPublished(db).id, replyToId: null, body: "Thanks", releaseManagersOnly: false },
        },
        db,
      ),
    to: ["lead of the team"],
  },
  {
    name: "an admin writes a note for release managers only",
    kind: "review_reply",
    run: (db, as) =>
      replyToReview(
        { actor: as.admin, input: { updateId: docsPublished(db).id, replyToId: null, body: MANAGERS_ONLY, releaseManagersOnly: true } },
        db,
      ),
    // Its other side is the team's leads, who may not read it: nobody.
    to: [],
  },
  {
    name: "the lead asks for another look after a change request",
    kind: "another_look_asked",
    before: (db, as) =>
      requestChanges(
        {
          actor: as["release manager"],
          input: { updateId: docsPublished(db).id, seen: docsPublished(db).reviewState, body: "Please add the figures" },
        },
        db,
      ),
    run: (db, as) => askForAnotherLook({ actor: as["lead of the team"], input: { updateId: docsPublished(db).id } }, db),
    // The release manager asked for the change, is in the thread and shepherds docs.
    to: ["release manager"],
  },
  {
    name: "the lead resolves a change request",
    kind: "thread_resolved",
    before: (db, as) =>
      requestChanges(
        {
          actor: as["release manager"],
          input: { updateId: docsPublished(db).id, seen: docsPublished(db).reviewState, body: "Please add the figures" },
        },
        db,
      ),
    run: (db, as) =>
      resolveReviewComment(
        {
          actor: as["lead of the team"],
          commentId: db
            .select()
            .from(reviewComments)
            .where(and(eq(reviewComments.requestsChanges, true), eq(reviewComments.releaseManagersOnly, false)))
            .all()
            .at(-1)!.id,
        },
        db,
      ),
    to: ["release manager"],
  },
  {
    name: "a release manager resolves a note for release managers only",
    kind: "thread_resolved",
    run: (db, as) =>
      resolveReviewComment(
        {
          actor: as["release manager"],
          commentId: db.select().from(reviewComments).where(eq(reviewComments.releaseManagersOnly, true)).get()!.id,
        },
        db,
      ),
    to: [],
  },
  {
    name: "an admin records that a member took up a docs help request",
    kind: "help_taken",
    run: (db, as) =>
      assignHelpRequest(
        {
          actor: as.admin,
          input: {
            id: db
              .select()
              .from(helpRequests)
              .where(eq(helpRequests.teamId, docs(db).id))
              .get()!.id,
            ownerId: person(as.member),
            takenByName: null,
          },
        },
        db,
      ),
    to: ["lead of the team"],
  },
  {
    name: "the lead closes a help request the member took",
    kind: "help_changed",
    before: (db, as) =>
      assignHelpRequest(
        {
          actor: as.admin,
          input: {
            id: db
              .select()
              .from(helpRequests)
              .where(eq(helpRequests.teamId, docs(db).id))
              .get()!.id,
            ownerId: person(as.member),
            takenByName: null,
          },
        },
        db,
      ),
    run: (db, as) =>
      closeHelpRequest(
        {
          actor: as["lead of the team"],
          input: {
            id: db
              .select()
              .from(helpRequests)
              .where(eq(helpRequests.teamId, docs(db).id))
              .get()!.id,
            status: "resolved",
          },
        },
        db,
      ),
    to: ["member"],
  },
  {
    name: "an admin makes the member a lead of docs",
    kind: "made_lead",
    run: (db, as) => editPerson({ actor: as.admin, input: { id: person(as.member), leads: ["docs"] } }, db),
    to: ["member"],
  },
  {
    name: "the member's token is about to expire",
    kind: "token_expiring",
    before: (db, as) =>
      db
        .insert(apiTokens)
        .values({
          personId: person(as.member),
          name: "ci",
          prefix: "cb_x",
          tokenHash: "h",
          scopes: ["metric.record"],
          expiresAt: new Date(NOW + 3 * 86_400_000),
        })
        .run(),
    run: (db) => notifyExpiringTokens({ now: NOW }, db),
    to: ["member"],
  },
  {
    name: "update-due reminders go out",
    kind: "update_due",
    run: (db) => sendReminders({ actor: { kind: "system", label: "test" }, now: NOW, baseUrl: "", sendMail: null }, db),
    // Every due team's leads: docs and test among them; never the member or the managers.
    to: ["lead of the team", "lead of another team"],
  },
  {
    name: "the lead publishes the docs draft; everyone follows docs",
    kind: "followed_update",
    before: (db, as) => followDocs(db, Object.values(as)),
    run: (db, as) => {
      const draft = db.select().from(updates).where(eq(updates.state, "draft")).get()!;
      return publishUpdate({ actor: as["lead of the team"], input: { id: draft.id, expectedVersion: draft.version, changes: null } }, db);
    },
    to: EVERYONE_BUT("lead of the team"),
  },
  {
    name: "an admin posts a published update for docs; the member follows the cycle",
    kind: "followed_update",
    before: (db, as) =>
      db
        .insert(follows)
        .values({ personId: person(as.member), cycleId: active(db).id })
        .run(),
    run: (db, as) =>
      postUpdate(
        {
          actor: as.admin,
          input: {
            team: "docs",
            cycle: "10.0",
            gathering: null,
            links: [],
            publish: true,
            headline: "Posted",
            health: "on_track",
            summary: "",
            done: "",
            inProgress: "",
            planned: "",
            risks: "",
            helpWanted: "",
            privateNote: SECRET_NOTE,
          },
        },
        db,
      ),
    to: ["member"],
  },
  {
    name: "drafts tell followers nothing",
    kind: "followed_update",
    before: (db, as) => followDocs(db, Object.values(as)),
    run: (db, as) => {
      const { id } = startUpdate({ actor: as["lead of the team"], input: { team: "docs", cycle: "10.0", prefill: true } }, db);
      const draft = db.select().from(updates).where(eq(updates.id, id)).get()!;
      saveUpdate(
        {
          actor: as["lead of the team"],
          input: {
            id,
            expectedVersion: draft.version,
            gatheringSlug: null,
            content: {
              headline: DRAFT_WORDS,
              health: "at_risk",
              summary: "",
              done: "",
              inProgress: "",
              planned: "",
              risks: "",
              helpWanted: "",
              privateNote: SECRET_NOTE,
            },
            links: [],
            metrics: [],
          },
        },
        db,
      );
    },
    to: [],
  },
];

describe.each(EVENTS)("$name", (event) => {
  it(`notifies ${event.to.join(", ") || "nobody"}, nobody else, and leaks nothing`, async () => {
    const { db, dispose } = copyOfTemplate(template);
    try {
      withSecrets(db);
      const as = roles(db);
      event.before?.(db, as);
      db.delete(notifications).run();
      await event.run(db, as);
      const all = db.select().from(notifications).all();
      for (const row of all) expect(`${row.title}\n${row.body}`).not.toMatch(new RegExp(`${SECRET_NOTE}|${MANAGERS_ONLY}`));
      // An event may report something else too (a reassigned help request tells its former taker).
      const rows = all.filter((r) => r.kind === event.kind);

      const told = new Set(rows.map((r) => r.personId));
      const got = (Object.keys(as) as (keyof typeof as)[]).filter((k) => told.has(person(as[k])));
      expect(got.sort()).toEqual([...event.to].sort());
      // Nobody outside the roles either, except other leads of a reminded team.
      const roleIds = new Set(Object.values(as).map(person));
      const others = rows.filter((r) => !roleIds.has(r.personId));
      if (event.kind !== "update_due") expect(others.map((r) => r.title)).toEqual([]);

      for (const row of rows) {
        const text = `${row.title}\n${row.body}`;
        expect(text).not.toContain(SECRET_NOTE);
        expect(text).not.toContain(DRAFT_WORDS);
        expect(text).not.toContain(MANAGERS_ONLY);
        expect(row.linkPath).toMatch(/^\//);
      }
    } finally {
      dispose();
    }
  });
});

describe("update-due reminders", () => {
  it("reach only leads of the team each is about", async () => {
    const { db, dispose } = copyOfTemplate(template);
    try {
      db.delete(notifications).run();
      await sendReminders({ actor: { kind: "system", label: "test" }, now: NOW, baseUrl: "", sendMail: null }, db);
      const rows = db
        .select({ personId: notifications.personId, teamId: notifications.subjectId, role: people.role })
        .from(notifications)
        .innerJoin(people, eq(people.id, notifications.personId))
        .all();
      expect(rows.length).toBeGreaterThan(0);
      const leads = new Set(
        db
          .select()
          .from(teams)
          .all()
          .flatMap((t) =>
            db.$client
              .prepare("select person_id as id from team_leads where team_id = ?")
              .all(t.id)
              .map((r) => `${t.id} ${(r as { id: string }).id}`),
          ),
      );
      for (const row of rows) expect(leads.has(`${row.teamId} ${row.personId}`)).toBe(true);
    } finally {
      dispose();
    }
  });
});

describe("a token about to expire", () => {
  it("is reported once, however often the job runs", async () => {
    const { db, dispose } = copyOfTemplate(template);
    try {
      const member = actorOf("member", db);
      db.insert(apiTokens)
        .values({
          personId: person(member),
          name: "ci",
          prefix: "cb_x",
          tokenHash: "h",
          scopes: ["metric.record"],
          expiresAt: new Date(NOW + 3 * 86_400_000),
        })
        .run();
      expect(notifyExpiringTokens({ now: NOW }, db)).toEqual({ warned: 1 });
      expect(notifyExpiringTokens({ now: NOW + 3_600_000 }, db)).toEqual({ warned: 0 });
    } finally {
      dispose();
    }
  });
});
