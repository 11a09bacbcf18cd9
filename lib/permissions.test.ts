import { describe, expect, it } from "vitest";
import { ANONYMOUS, can, type Action, type Actor } from "./permissions";

const person = (role: "admin" | "release_manager" | "member", leadOf: number[] = []): Actor => ({
  kind: "person",
  id: "p",
  name: "P",
  role,
  leadOf,
});

describe("can", () => {
  it("lets a lead write their own team's update and nobody else's", () => {
    const lead = person("member", [1]);
    expect(can(lead, "update.write", { teamId: 1 })).toBe(true);
    expect(can(lead, "update.write", { teamId: 2 })).toBe(false);
    expect(can(lead, "update.write")).toBe(false);
  });

  it("keeps release managers to review, roadmap, numbers and cycle work", () => {
    const rm = person("release_manager");
    expect(can(rm, "update.review")).toBe(true);
    expect(can(rm, "roadmap.write", { teamId: 3 })).toBe(true);
    expect(can(rm, "cycle.manage")).toBe(true);
    expect(can(rm, "update.write", { teamId: 3 })).toBe(false);
    expect(can(rm, "settings.manage")).toBe(false);
  });

  it("lets a team's leads, release managers and admins manage its help requests, and no one else", () => {
    expect(can(person("member", [1]), "help.manage", { teamId: 1 })).toBe(true);
    expect(can(person("member", [1]), "help.manage", { teamId: 2 })).toBe(false);
    expect(can(person("member"), "help.manage", { teamId: 1 })).toBe(false);
    expect(can(person("release_manager"), "help.manage", { teamId: 2 })).toBe(true);
    expect(can(person("admin"), "help.manage", { teamId: 2 })).toBe(true);
    expect(can(ANONYMOUS, "help.manage", { teamId: 1 })).toBe(false);
  });

  it("lets release managers date any team's history, a lead only their own team's, and no one else", () => {
    expect(can(person("release_manager"), "history.backdate", { teamId: 2 })).toBe(true);
    expect(can(person("admin"), "history.backdate", { teamId: 2 })).toBe(true);
    expect(can(person("member", [1]), "history.backdate", { teamId: 1 })).toBe(true);
    expect(can(person("member", [1]), "history.backdate", { teamId: 2 })).toBe(false);
    expect(can(person("member"), "history.backdate", { teamId: 1 })).toBe(false);
    expect(can(ANONYMOUS, "history.backdate", { teamId: 1 })).toBe(false);
  });

  it("keeps notes for release managers only from the team's leads", () => {
    expect(can(person("member", [1]), "update.reply", { teamId: 1 })).toBe(true);
    expect(can(person("member", [1]), "update.reply", { teamId: 1, releaseManagersOnly: true })).toBe(false);
    expect(can(person("release_manager"), "update.reply", { teamId: 1, releaseManagersOnly: true })).toBe(true);
    expect(can(person("admin"), "update.reply", { teamId: 1, releaseManagersOnly: true })).toBe(true);
  });

  it("gives admins everything and anonymous readers no writes", () => {
    expect(can(person("admin"), "settings.manage")).toBe(true);
    expect(can(ANONYMOUS, "update.read_draft", { teamId: 1 })).toBe(false);
    expect(can(person("member"), "metric.record", { teamId: 1 })).toBe(false);
  });
});

describe("can, for a person acting through an API token", () => {
  const withToken = (actor: Actor, scopes: Action[], teamIds: number[] = []): Actor =>
    actor.kind === "person" ? { ...actor, token: { id: 1, name: "ci", scopes, teamIds } } : actor;

  it("allows only what both the owner may do and the token's scopes allow", () => {
    const lead = withToken(person("member", [1]), ["metric.record"]);
    expect(can(lead, "metric.record", { teamId: 1 })).toBe(true);
    expect(can(lead, "update.write", { teamId: 1 })).toBe(false);
    expect(can(lead, "metric.record", { teamId: 2 })).toBe(false);
  });

  it("keeps a token listing teams to those teams, even for an admin", () => {
    const admin = withToken(person("admin"), ["update.write", "roadmap.write"], [3]);
    expect(can(admin, "update.write", { teamId: 3 })).toBe(true);
    expect(can(admin, "update.write", { teamId: 4 })).toBe(false);
    expect(can(admin, "roadmap.write")).toBe(false);
    expect(can(admin, "settings.manage")).toBe(false);
  });

  it("never widens a token beyond its owner", () => {
    const rm = withToken(person("release_manager"), ["update.write", "metric.record"]);
    expect(can(rm, "update.write", { teamId: 3 })).toBe(false);
    expect(can(rm, "metric.record", { teamId: 3 })).toBe(true);
  });
});

describe("can, for API tokens themselves", () => {
  it("lets every signed-in person manage their own tokens, but never through a token", () => {
    expect(can(person("member"), "token.manage_own")).toBe(true);
    expect(can(ANONYMOUS, "token.manage_own")).toBe(false);
    const viaToken: Actor = {
      kind: "person",
      id: "p",
      name: "P",
      role: "admin",
      leadOf: [],
      token: { id: 1, name: "ci", scopes: ["update.write"], teamIds: [] },
    };
    expect(can(viaToken, "token.manage_own")).toBe(false);
    expect(can(viaToken, "person.manage")).toBe(false);
  });
});
