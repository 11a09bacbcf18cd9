import { describe, expect, it } from "vitest";
import { ANONYMOUS, can, type Actor } from "./permissions";

const person = (role: "admin" | "release_manager" | "member", leadOf: number[] = []): Actor => ({ kind: "person", id: "p", name: "P", role, leadOf });

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

  it("gives admins everything and anonymous readers no writes", () => {
    expect(can(person("admin"), "settings.manage")).toBe(true);
    expect(can(ANONYMOUS, "update.read_draft", { teamId: 1 })).toBe(false);
    expect(can(person("member"), "metric.record", { teamId: 1 })).toBe(false);
  });
});
