import { eq } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { people, updates } from "@/db/schema";
import { createTestDatabase } from "@/db/testing";
import { ForbiddenError, NotFoundError } from "@/lib/errors";
import { ANONYMOUS } from "@/lib/permissions";
import { actorForPerson } from "../identity/person-actor";
import { markReviewed, requestChanges } from "../updates/review";
import { isFollowing, setFollowing } from "./follows";
import { listInbox, markAllRead, markRead, unreadCount } from "./inbox";

let db: Db;
let cleanup: () => void;
beforeEach(() => {
  ({ db, cleanup } = createTestDatabase({ demo: true }));
});
afterEach(() => cleanup());

const personActor = (where: ReturnType<typeof eq>) => actorForPerson(db, db.select().from(people).where(where).get()!.id);
const lead = () => personActor(eq(people.email, "dana.lead@example.org"));
const rm = () => personActor(eq(people.role, "release_manager"));
const docsUpdate = () => db.select().from(updates).where(eq(updates.headline, "Build process docs are moving off the wiki")).get()!;

describe("the inbox", () => {
  it("lists a person's notifications newest first, each linking to its subject, and marks one or all read", () => {
    requestChanges(
      { actor: rm(), input: { updateId: docsUpdate().id, seen: docsUpdate().reviewState, body: "Please add the figures" } },
      db,
    );
    markReviewed({ actor: rm(), input: { updateId: docsUpdate().id, seen: docsUpdate().reviewState } }, db);
    const me = lead();
    const id = me.kind === "person" ? me.id : "";

    const entries = listInbox({ actor: me }, db);
    expect(entries.map((e) => e.kind)).toEqual(["update_reviewed", "changes_requested"]);
    expect(entries.every((e) => e.linkPath === `/updates/${docsUpdate().id}` && !e.read)).toBe(true);
    expect(unreadCount(id, db)).toBe(2);

    markRead({ actor: me, input: { id: entries[1]!.id } }, db);
    expect(unreadCount(id, db)).toBe(1);
    expect(markAllRead({ actor: me }, db)).toEqual({ marked: 1 });
    expect(unreadCount(id, db)).toBe(0);
    expect(listInbox({ actor: me }, db).every((e) => e.read)).toBe(true);
  });

  it("is nobody else's: another person cannot read or mark it, a visitor has none", () => {
    requestChanges(
      { actor: rm(), input: { updateId: docsUpdate().id, seen: docsUpdate().reviewState, body: "Please add the figures" } },
      db,
    );
    const [entry] = listInbox({ actor: lead() }, db);
    expect(listInbox({ actor: rm() }, db)).toEqual([]);
    expect(() => markRead({ actor: rm(), input: { id: entry!.id } }, db)).toThrow(NotFoundError);
    expect(() => listInbox({ actor: ANONYMOUS }, db)).toThrow(ForbiddenError);
    expect(() => markAllRead({ actor: { kind: "system", label: "cli" } }, db)).toThrow(ForbiddenError);
    expect(listInbox({ actor: lead() }, db)[0]!.read).toBe(false);
  });
});

describe("following", () => {
  it("lets any signed-in person follow and unfollow a team or a cycle", () => {
    const member = lead();
    expect(isFollowing({ actor: member, input: { subject: "team", slug: "docs" } }, db)).toBe(false);
    setFollowing({ actor: member, input: { subject: "team", slug: "docs", following: true } }, db);
    setFollowing({ actor: member, input: { subject: "team", slug: "docs", following: true } }, db);
    setFollowing({ actor: member, input: { subject: "cycle", slug: "10.0", following: true } }, db);
    expect(isFollowing({ actor: member, input: { subject: "team", slug: "docs" } }, db)).toBe(true);
    expect(isFollowing({ actor: member, input: { subject: "cycle", slug: "10.0" } }, db)).toBe(true);
    setFollowing({ actor: member, input: { subject: "team", slug: "docs", following: false } }, db);
    expect(isFollowing({ actor: member, input: { subject: "team", slug: "docs" } }, db)).toBe(false);
    expect(() => setFollowing({ actor: member, input: { subject: "team", slug: "nope", following: true } }, db)).toThrow(NotFoundError);
    expect(() => setFollowing({ actor: ANONYMOUS, input: { subject: "team", slug: "docs", following: true } }, db)).toThrow(ForbiddenError);
  });
});
