import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { createTestDatabase } from "@/db/testing";
import { ForbiddenError } from "@/lib/errors";
import { type Actor } from "@/lib/permissions";
import { listAuditEntries } from "./audit";
import { createPerson, editPerson } from "../people/admin";
import { createTeam } from "../teams/admin";

let db: Db;
let cleanup: () => void;
const cli: Actor = { kind: "system", label: "cli" };

beforeEach(() => {
  ({ db, cleanup } = createTestDatabase());
});
afterEach(() => cleanup());

describe("the audit log", () => {
  it("records who changed what, with before and after, and filters it", async () => {
    const { id } = await createPerson(
      { actor: cli, input: { name: "Ada", email: "ada@example.org", role: "member", leads: [] }, password: "a-long-password-1" },
      db,
    );
    editPerson({ actor: cli, input: { id, role: "release_manager" } }, db);
    createTeam({ actor: cli, input: { name: "Security", slug: "security", mission: "" } }, db);

    const all = listAuditEntries({ actor: cli, filters: {} }, db).entries;
    expect(all.map((e) => e.action)).toEqual(["team.create", "person.edit", "person.create"]);
    expect(all[1]).toMatchObject({ actorLabel: "cli", via: "cli", before: { role: "member" }, after: { role: "release_manager" } });

    expect(listAuditEntries({ actor: cli, filters: { entityType: "team" } }, db).entries).toHaveLength(1);
    expect(listAuditEntries({ actor: cli, filters: { action: "person." } }, db).entries).toHaveLength(2);
    expect(listAuditEntries({ actor: cli, filters: { from: "2999-01-01" } }, db).entries).toHaveLength(0);
    expect(JSON.stringify(all)).not.toContain("a-long-password-1");
  });

  it("is for admins only", async () => {
    const { id } = await createPerson(
      { actor: cli, input: { name: "Rm", email: "rm@example.org", role: "release_manager", leads: [] }, password: "a-long-password-1" },
      db,
    );
    const rm: Actor = { kind: "person", id, name: "Rm", role: "release_manager", leadOf: [] };
    expect(() => listAuditEntries({ actor: rm, filters: {} }, db)).toThrow(ForbiddenError);
  });
});
