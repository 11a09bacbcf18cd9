/**
 * History entered later keeps its real dates: an update published or dated "as of" an
 * earlier day speaks for that day everywhere updates are ordered and dated (the team's
 * current update, its history and health chart, feeds, the numbers it reported), while the
 * moment it was really entered is kept. Only those who may date the team's history give an
 * earlier day. Real SQLite files with the demo community.
 */
import { and, eq } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { apiTokens, auditEntries, metricDefinitions, metricValues, notifications, people, teams, updates } from "@/db/schema";
import { createTestDatabase, fingerprint } from "@/db/testing";
import { todayIso } from "@/lib/dates";
import { ForbiddenError, InputError } from "@/lib/errors";
import type { Action, Actor } from "@/lib/permissions";
import type { PostUpdateInput } from "@/lib/validation/api";
import { actorForPerson } from "../identity/person-actor";
import { setFollowing } from "../notifications/follows";
import { readTeamProfile } from "../teams/reads";
import { readFeed } from "../views/feeds";
import { publishUpdate, saveUpdate, startUpdate } from "./editor";
import { readUpdate } from "./reads";
import { patchUpdate, postUpdate, setUpdateAsOf } from "./writes";

let db: Db;
let cleanup: () => void;
beforeEach(() => {
  ({ db, cleanup } = createTestDatabase({ demo: true }));
});
afterEach(() => cleanup());

const person = (email: string) => actorForPerson(db, db.select({ id: people.id }).from(people).where(eq(people.email, email)).get()!.id);
const docsLead = () => person("dana.lead@example.org");
const testLead = () => person("tomas.lead@example.org");
const releaseManager = () => person("morgan.rm@example.org");
const docsId = () => db.select({ id: teams.id }).from(teams).where(eq(teams.slug, "docs")).get()!.id;
const row = (id: number) => db.select().from(updates).where(eq(updates.id, id)).get()!;

/** A token of `owner`'s with these scopes, as the API would resolve it (a real row, for the audit's reference). */
function withToken(owner: Actor, scopes: Action[]): Actor {
  if (owner.kind !== "person") throw new Error("a person owns tokens");
  const token = db
    .insert(apiTokens)
    .values({ personId: owner.id, name: "history import", prefix: "cb_x", tokenHash: `hash-${scopes.join()}`, scopes })
    .returning({ id: apiTokens.id })
    .get();
  return { ...owner, token: { id: token.id, name: "history import", scopes, teamIds: [] } };
}

const post = (asOf?: string, publish = true): PostUpdateInput => ({
  team: "docs",
  cycle: "9.0",
  gathering: null,
  headline: "Install guide for 9.0 done",
  health: "on_track",
  summary: "",
  done: "",
  inProgress: "",
  planned: "",
  risks: "",
  helpWanted: "",
  privateNote: "",
  links: [],
  publish,
  ...(asOf ? { asOf } : {}),
});

describe("an update published as of an earlier day", () => {
  it("speaks for that day on the team's page and in its feed, and keeps when it was entered", () => {
    const currentBefore = readTeamProfile(db, "docs")!.currentUpdate!.id;
    const enteredFrom = Date.now();
    const { id } = postUpdate({ actor: docsLead(), input: post("2024-01-15") }, db);

    const saved = row(id);
    expect(saved.publishedAt!.toISOString()).toBe("2024-01-15T12:00:00.000Z");
    expect(saved.enteredAt!.getTime()).toBeGreaterThanOrEqual(enteredFrom);
    // The team's current update is still its newest in time, not the one typed last.
    const profile = readTeamProfile(db, "docs")!;
    expect(profile.currentUpdate!.id).toBe(currentBefore);
    const history = profile.history.map((u) => u.id);
    expect(history.indexOf(id)).toBeGreaterThan(history.indexOf(currentBefore));
    expect(profile.history.find((u) => u.id === id)!.publishedAt).toBe(Date.parse("2024-01-15T12:00:00Z"));
    const feed = readFeed(db, { team: "docs" })!.entries.filter((e) => e.id.startsWith("update-"));
    expect(feed[0]!.id).toBe(`update-${currentBefore}`);
    expect(feed.find((e) => e.id === `update-${id}`)!.date).toBe(Date.parse("2024-01-15T12:00:00Z"));

    const page = readUpdate(db, id, docsLead())!;
    expect(todayIso(page.publishedAt!)).toBe("2024-01-15");
    expect(todayIso(page.enteredAt!)).toBe(todayIso(Date.now()));
    expect(
      db
        .select()
        .from(auditEntries)
        .where(eq(auditEntries.entityId, String(id)))
        .get()!.after,
    ).toMatchObject({ asOf: "2024-01-15" });
  });

  it("is published now when no day or today is given, as before", () => {
    const before = Date.now();
    const { id } = postUpdate({ actor: docsLead(), input: post(todayIso(Date.now())) }, db);
    expect(row(id).publishedAt!.getTime()).toBeGreaterThanOrEqual(before);
    expect(row(id).publishedAt!.getTime()).toBe(row(id).enteredAt!.getTime());
    expect(readTeamProfile(db, "docs")!.currentUpdate!.id).toBe(id);
  });

  it("from the editor, dates the numbers it reported too, so a cycle's latest figure stays the latest", () => {
    const { id } = startUpdate({ actor: docsLead(), input: { team: "docs", cycle: "9.0", prefill: false } }, db);
    const metric = db.select({ id: metricDefinitions.id }).from(metricDefinitions).where(eq(metricDefinitions.teamId, docsId())).get()!;
    const changes = {
      gatheringSlug: null,
      content: {
        headline: "9.0 docs, entered later",
        health: "done" as const,
        summary: "",
        done: "",
        inProgress: "",
        planned: "",
        risks: "",
        helpWanted: "",
        privateNote: "",
      },
      links: [],
      metrics: [{ metricId: metric.id, value: 42 }],
    };
    const { version } = saveUpdate({ actor: docsLead(), input: { id, expectedVersion: 1, ...changes } }, db);
    publishUpdate({ actor: docsLead(), input: { id, expectedVersion: version, changes: null, asOf: "2024-02-20" } }, db);

    expect(row(id).publishedAt!.toISOString()).toBe("2024-02-20T12:00:00.000Z");
    const value = db.select().from(metricValues).where(eq(metricValues.sourceUpdateId, id)).get()!;
    expect(value.observedAt.toISOString()).toBe("2024-02-20T12:00:00.000Z");
  });

  it("is not announced to the team's followers: history entered later is news to nobody", () => {
    setFollowing({ actor: releaseManager(), input: { subject: "team", slug: "docs", following: true } }, db);
    const announced = () => db.select().from(notifications).where(eq(notifications.kind, "followed_update")).all().length;
    postUpdate({ actor: docsLead(), input: post("2024-01-15") }, db);
    expect(announced()).toBe(0);
    postUpdate({ actor: docsLead(), input: post() }, db);
    expect(announced()).toBe(1);
  });

  it("is refused as a draft: a draft is dated when it is published", () => {
    const before = fingerprint(db);
    expect(() => postUpdate({ actor: docsLead(), input: post("2024-01-15", false) }, db)).toThrow(
      expect.objectContaining({ constructor: InputError, field: "asOf" }),
    );
    expect(fingerprint(db)).toBe(before);
  });

  it("needs the right to date history: a token made to post today's news cannot backdate", () => {
    const newsOnly = withToken(docsLead(), ["update.write"]);
    const before = fingerprint(db);
    expect(() => postUpdate({ actor: newsOnly, input: post("2024-01-15") }, db)).toThrow(ForbiddenError);
    expect(fingerprint(db)).toBe(before);
    // Today needs no such right.
    expect(() => postUpdate({ actor: newsOnly, input: post() }, db)).not.toThrow();

    const historian = withToken(docsLead(), ["update.write", "history.backdate"]);
    const { id } = postUpdate({ actor: historian, input: post("2024-01-15") }, db);
    expect(todayIso(row(id).publishedAt!.getTime())).toBe("2024-01-15");
  });
});

describe("dating a published update", () => {
  const published = () => postUpdate({ actor: docsLead(), input: post() }, db).id;

  it("lets a release manager date any team's update, with its numbers, keeping its text and version", () => {
    const id = published();
    const version = row(id).version;
    setUpdateAsOf({ actor: releaseManager(), input: { id, asOf: "2023-12-01" } }, db);
    expect(row(id).publishedAt!.toISOString()).toBe("2023-12-01T12:00:00.000Z");
    expect(row(id).version).toBe(version);
    const entry = db
      .select()
      .from(auditEntries)
      .where(and(eq(auditEntries.action, "update.as_of"), eq(auditEntries.entityId, String(id))))
      .get()!;
    expect(entry.after).toMatchObject({ asOf: "2023-12-01", publishedAt: "2023-12-01T12:00:00.000Z" });
    expect(entry.actorLabel).toBe("Morgan Castellan");
  });

  it("gives back the moment it was entered when dated as of that day again", () => {
    const id = published();
    const entered = row(id).enteredAt!;
    setUpdateAsOf({ actor: docsLead(), input: { id, asOf: "2023-12-01" } }, db);
    setUpdateAsOf({ actor: docsLead(), input: { id, asOf: todayIso(entered.getTime()) } }, db);
    expect(row(id).publishedAt!.getTime()).toBe(entered.getTime());
  });

  it("refuses a lead of another team and a draft, changing nothing", () => {
    const id = published();
    const before = fingerprint(db);
    expect(() => setUpdateAsOf({ actor: testLead(), input: { id, asOf: "2023-12-01" } }, db)).toThrow(ForbiddenError);
    const draft = startUpdate({ actor: docsLead(), input: { team: "docs", cycle: "10.0", prefill: false } }, db).id;
    const withDraft = fingerprint(db);
    expect(() => setUpdateAsOf({ actor: releaseManager(), input: { id: draft, asOf: "2023-12-01" } }, db)).toThrow(InputError);
    expect(fingerprint(db)).toBe(withDraft);
    expect(before).not.toBe(withDraft);
  });

  it("through the API's PATCH, moves what it speaks for and not when it was entered", () => {
    const id = published();
    const entered = row(id).enteredAt!.getTime();
    patchUpdate({ actor: docsLead(), id, input: { version: row(id).version, asOf: "2024-03-05" } }, db);
    expect(row(id).publishedAt!.toISOString()).toBe("2024-03-05T12:00:00.000Z");
    expect(row(id).enteredAt!.getTime()).toBe(entered);
  });
});
