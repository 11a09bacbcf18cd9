import { eq } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { z } from "@/lib/validation/zod";
import type { Db } from "@/db/client";
import { auditEntries, helpRequests, people, roadmapItems, teamLeads, teams } from "@/db/schema";
import { createTestDatabase } from "@/db/testing";
import { ConflictError, ForbiddenError, InputError } from "@/lib/errors";
import { type Actor } from "@/lib/permissions";
import { assignHelpRequestSchema, closeHelpRequestSchema, openHelpRequestSchema } from "@/lib/validation/help-requests";
import { actorForPerson } from "../identity/person-actor";
import { readCycleBoard } from "../cycles/reads";
import { readHelpWanted } from "../views/help-wanted";
import { assignHelpRequest, closeHelpRequest, getHelpRequestsForEditing, openHelpRequest } from "./editor";

let db: Db;
let cleanup: () => void;
beforeEach(() => {
  ({ db, cleanup } = createTestDatabase({ demo: true }));
});
afterEach(() => cleanup());

const teamId = (slug: string) => db.select({ id: teams.id }).from(teams).where(eq(teams.slug, slug)).get()!.id;
const leadOf = (slug: string): Actor =>
  actorForPerson(
    db,
    db
      .select({ id: teamLeads.personId })
      .from(teamLeads)
      .where(eq(teamLeads.teamId, teamId(slug)))
      .get()!.id,
  );
const snapshot = () => ({ requests: db.select().from(helpRequests).all(), audit: db.select().from(auditEntries).all().length });

const form = {
  team: "distro-multi-os",
  cycle: "10.0",
  title: "Test the Arm ISO on real boards",
  details: "Any Arm server will do.",
  linkUrl: "https://example.org/arm",
  contact: "#starlingx on OFTC",
  roadmapItemId: "",
};

describe("help requests", () => {
  it("a lead opens a request, it shows on /help-wanted and the dashboard, someone takes it, it is resolved and leaves both", () => {
    const lead = leadOf("distro-multi-os");
    const { id } = openHelpRequest({ actor: lead, input: openHelpRequestSchema.parse(form) }, db);
    const onBoard = () => readCycleBoard(db, "10.0")!.teams.find((t) => t.slug === "distro-multi-os")!.helpRequests;
    const listed = () => readHelpWanted(db, { cycle: "10.0" }).find((e) => e.key === `request-${id}`);
    expect(listed()).toMatchObject({ status: "open", contact: "#starlingx on OFTC", linkUrl: "https://example.org/arm" });
    const openBefore = onBoard().open;

    assignHelpRequest(
      { actor: lead, input: assignHelpRequestSchema.parse({ id: String(id), ownerId: "", takenByName: "Ada Newcomer" }) },
      db,
    );
    expect(db.select().from(helpRequests).where(eq(helpRequests.id, id)).get()).toMatchObject({
      status: "taken",
      takenByName: "Ada Newcomer",
    });
    expect(listed()).toMatchObject({ status: "taken", takenBy: "Ada Newcomer" });
    expect(onBoard().open).toBe(openBefore - 1);

    closeHelpRequest({ actor: lead, input: closeHelpRequestSchema.parse({ id: String(id), status: "resolved" }) }, db);
    expect(listed()).toBeUndefined();
    expect(getHelpRequestsForEditing({ actor: lead, team: "distro-multi-os" }, db)!.requests.map((r) => r.id)).not.toContain(id);
    const audit = db
      .select({ action: auditEntries.action })
      .from(auditEntries)
      .where(eq(auditEntries.entityId, String(id)))
      .all()
      .map((a) => a.action);
    expect(audit).toEqual(["help.open", "help.assign", "help.resolve"]);
  });

  it("assigns to a person here by id, clearing a newcomer's name", () => {
    const lead = leadOf("distro-multi-os");
    const { id } = openHelpRequest({ actor: lead, input: openHelpRequestSchema.parse(form) }, db);
    assignHelpRequest({ actor: lead, input: { id, ownerId: null, takenByName: "Ada" } }, db);
    const person = db.select({ id: people.id }).from(people).get()!;
    assignHelpRequest({ actor: lead, input: { id, ownerId: person.id, takenByName: null } }, db);
    expect(db.select().from(helpRequests).where(eq(helpRequests.id, id)).get()).toMatchObject({
      status: "taken",
      ownerId: person.id,
      takenByName: null,
    });
  });

  it("names the field at fault when the input is wrong", () => {
    const issues = (result: { success: boolean; error?: z.ZodError }) => Object.keys(z.flattenError(result.error!).fieldErrors);
    expect(issues(openHelpRequestSchema.safeParse({ ...form, title: " " }))).toEqual(["title"]);
    expect(issues(openHelpRequestSchema.safeParse({ ...form, linkUrl: "javascript:alert(1)" }))).toEqual(["linkUrl"]);
    expect(issues(assignHelpRequestSchema.safeParse({ id: "1", ownerId: "", takenByName: "" }))).toEqual(["ownerId"]);
    expect(issues(assignHelpRequestSchema.safeParse({ id: "1", ownerId: "p", takenByName: "Ada" }))).toEqual(["takenByName"]);
    expect(issues(closeHelpRequestSchema.safeParse({ id: "1", status: "open" }))).toEqual(["status"]);

    const lead = leadOf("distro-multi-os");
    const before = snapshot();
    const otherTeamsItem = db
      .select({ id: roadmapItems.id })
      .from(roadmapItems)
      .where(eq(roadmapItems.teamId, teamId("docs")))
      .get()!.id;
    expect(() =>
      openHelpRequest({ actor: lead, input: { ...openHelpRequestSchema.parse(form), roadmapItemId: otherTeamsItem } }, db),
    ).toThrow(expect.objectContaining({ field: "roadmapItemId" }));
    expect(() => openHelpRequest({ actor: lead, input: { ...openHelpRequestSchema.parse(form), cycle: "99.0" } }, db)).toThrow(
      expect.objectContaining({ field: "cycle" }),
    );
    const existing = db
      .select()
      .from(helpRequests)
      .where(eq(helpRequests.teamId, teamId("distro-multi-os")))
      .get()!;
    expect(() => assignHelpRequest({ actor: lead, input: { id: existing.id, ownerId: "nobody", takenByName: null } }, db)).toThrow(
      InputError,
    );
    expect(snapshot()).toEqual(before);
  });

  it("refuses another team's lead, and a change to a closed request, changing nothing", () => {
    const existing = db
      .select()
      .from(helpRequests)
      .where(eq(helpRequests.teamId, teamId("distro-multi-os")))
      .get()!;
    const stranger = leadOf("docs");
    const before = snapshot();
    expect(() => openHelpRequest({ actor: stranger, input: openHelpRequestSchema.parse(form) }, db)).toThrow(ForbiddenError);
    expect(() => assignHelpRequest({ actor: stranger, input: { id: existing.id, ownerId: null, takenByName: "Ada" } }, db)).toThrow(
      ForbiddenError,
    );
    expect(() => closeHelpRequest({ actor: stranger, input: { id: existing.id, status: "dropped" } }, db)).toThrow(ForbiddenError);
    expect(() => getHelpRequestsForEditing({ actor: stranger, team: "distro-multi-os" }, db)).toThrow(ForbiddenError);
    expect(snapshot()).toEqual(before);

    const lead = leadOf("distro-multi-os");
    closeHelpRequest({ actor: lead, input: { id: existing.id, status: "dropped" } }, db);
    const afterClose = snapshot();
    expect(() => assignHelpRequest({ actor: lead, input: { id: existing.id, ownerId: null, takenByName: "Ada" } }, db)).toThrow(
      ConflictError,
    );
    expect(() => closeHelpRequest({ actor: lead, input: { id: existing.id, status: "resolved" } }, db)).toThrow(ConflictError);
    expect(snapshot()).toEqual(afterClose);
  });
});
