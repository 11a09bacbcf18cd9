import { and, eq } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { auditEntries, teamLeads, teams, updates } from "@/db/schema";
import { createTestDatabase } from "@/db/testing";
import { ConflictError, ForbiddenError } from "@/lib/errors";
import { ANONYMOUS, type Actor } from "@/lib/permissions";
import { readCycleBoard } from "../cycles/reads";
import { readUpdate } from "./reads";
import { editUpdate } from "./writes";

let db: Db;
let cleanup: () => void;
beforeEach(() => {
  ({ db, cleanup } = createTestDatabase({ demo: true }));
});
afterEach(() => cleanup());

function docsUpdate() {
  const team = db.select().from(teams).where(eq(teams.slug, "docs")).get()!;
  const update = db
    .select()
    .from(updates)
    .where(and(eq(updates.teamId, team.id), eq(updates.state, "published")))
    .all()
    .at(-1)!;
  return { team, update };
}
/** The team's real lead from the demo data, so revisions can name their editor. */
function lead(teamId: number): Actor {
  const { personId } = db.select().from(teamLeads).where(eq(teamLeads.teamId, teamId)).get()!;
  return { kind: "person", id: personId, name: "Lead", role: "member", leadOf: [teamId] };
}

describe("editing an update", () => {
  it("saves, keeps the previous version as a revision, audits, and shows on the dashboard", () => {
    const { team, update } = docsUpdate();
    const result = editUpdate(
      {
        actor: { kind: "system", label: "test" },
        input: { id: update.id, expectedVersion: 1, changes: { health: "at_risk", headline: "Build docs slipping" } },
      },
      db,
    );
    expect(result.version).toBe(2);
    const page = readUpdate(db, update.id, ANONYMOUS)!;
    expect(page).toMatchObject({ health: "at_risk", headline: "Build docs slipping", version: 2 });
    expect(page.revisions.map((r) => r.version)).toEqual([1]);
    expect(db.select().from(auditEntries).where(eq(auditEntries.action, "update.edit")).all()).toHaveLength(1);
    const card = readCycleBoard(db, "10.0")!.teams.find((t) => t.id === team.id)!;
    expect(card.latestUpdate?.headline).toBe("Build docs slipping");
  });

  it("refuses a save from an older version and says what changed", () => {
    const { update } = docsUpdate();
    const system: Actor = { kind: "system", label: "test" };
    editUpdate({ actor: system, input: { id: update.id, expectedVersion: 1, changes: { risks: "Reviewers are busy" } } }, db);
    expect(() => editUpdate({ actor: system, input: { id: update.id, expectedVersion: 1, changes: { headline: "Mine" } } }, db)).toThrow(
      ConflictError,
    );
    try {
      editUpdate({ actor: system, input: { id: update.id, expectedVersion: 1, changes: { headline: "Mine" } } }, db);
    } catch (error) {
      expect((error as ConflictError).current).toMatchObject({
        version: 2,
        changedFields: ["risks"],
        snapshot: { risks: "Reviewers are busy" },
      });
    }
    expect(readUpdate(db, update.id, ANONYMOUS)?.headline).toBe(update.headline);
  });

  it("refuses the lead of another team and changes nothing", () => {
    const { update } = docsUpdate();
    const otherTeam = db.select().from(teams).where(eq(teams.slug, "test")).get()!;
    expect(() =>
      editUpdate({ actor: lead(otherTeam.id), input: { id: update.id, expectedVersion: 1, changes: { headline: "Hijack" } } }, db),
    ).toThrow(ForbiddenError);
    expect(readUpdate(db, update.id, ANONYMOUS)).toMatchObject({ headline: update.headline, version: 1 });
    expect(db.select().from(auditEntries).where(eq(auditEntries.action, "update.edit")).all()).toHaveLength(0);
  });

  it("lets the team's own lead save", () => {
    const { team, update } = docsUpdate();
    expect(
      editUpdate({ actor: lead(team.id), input: { id: update.id, expectedVersion: 1, changes: { planned: "- More guides" } } }, db).version,
    ).toBe(2);
    expect(readUpdate(db, update.id, ANONYMOUS)?.revisions[0]?.editor).toBeTruthy();
  });
});

describe("reading an update", () => {
  it("hides a draft from anonymous readers and shows it to the team's lead", () => {
    const { team, update } = docsUpdate();
    db.update(updates).set({ state: "draft", publishedAt: null }).where(eq(updates.id, update.id)).run();
    expect(readUpdate(db, update.id, ANONYMOUS)).toBeNull();
    expect(readUpdate(db, update.id, lead(team.id))?.state).toBe("draft");
  });
});
