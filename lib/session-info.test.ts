import { describe, expect, it } from "vitest";
import { sessionCan, type SessionInfo } from "./session-info";

const person = (role: "admin" | "release_manager" | "member", leadOf: string[] = []): SessionInfo => ({
  signedIn: true,
  name: "P",
  role,
  leadOf,
  unread: 0,
});

describe("what the browser offers a signed-in person", () => {
  it("follows the permission table for the team in question", () => {
    const docsLead = person("member", ["docs"]);
    expect(sessionCan(docsLead, "update.write", "docs")).toBe(true);
    expect(sessionCan(docsLead, "update.write", "test")).toBe(false);
    expect(sessionCan(docsLead, "update.review")).toBe(false);
    expect(sessionCan(person("release_manager"), "roadmap.write", "docs")).toBe(true);
    expect(sessionCan(person("release_manager"), "update.write", "docs")).toBe(false);
    expect(sessionCan(person("release_manager"), "update.review")).toBe(true);
    expect(sessionCan(person("admin"), "team.edit_links", "docs")).toBe(true);
  });

  it("offers nothing to a visitor", () => {
    expect(sessionCan({ signedIn: false }, "update.write", "docs")).toBe(false);
    expect(sessionCan(undefined, "update.review")).toBe(false);
  });
});
