import { describe, expect, it } from "vitest";
import { createTeamSchema, suggestSlug, TEAM_LIMITS } from "./team";
import { fieldErrorsOf } from "./zod";

describe("the slug suggested for a new team's name", () => {
  it.each([
    ["Distro & Multi-OS", "distro-multi-os"],
    ["Distributed Cloud", "distributed-cloud"],
    ["  SIG Node ", "sig-node"],
    ["Équipe Qualité", "equipe-qualite"],
    ["Release 2025.1", "release-2025-1"],
  ])("turns %j into %j, which the form accepts", (name, slug) => {
    expect(suggestSlug(name)).toBe(slug);
    expect(createTeamSchema.safeParse({ name, slug: suggestSlug(name), mission: "" }).success).toBe(true);
  });

  it("stops at a whole word within the length a slug may have", () => {
    const slug = suggestSlug("Special Interest Group for Architecture and Cluster Lifecycle");
    expect(slug).toBe("special-interest-group-for-architecture");
    expect(slug.length).toBeLessThanOrEqual(TEAM_LIMITS.slug);
  });

  it("suggests nothing when no letter or digit fits an address, so the admin types one", () => {
    expect(suggestSlug("日本語チーム")).toBe("");
    expect(suggestSlug("!")).toBe("");
    expect(suggestSlug("Q")).toBe("");
  });
});

describe("a new team's fields", () => {
  it("each get one message of their own", () => {
    const result = createTeamSchema.safeParse({ name: "", slug: "", mission: "" });
    expect(fieldErrorsOf(result.error!)).toEqual({
      name: ["Enter the team's name"],
      slug: ["Use at least 2 characters, e.g. distro-multi-os"],
    });
  });
});
