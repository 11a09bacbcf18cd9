import { describe, expect, it } from "vitest";
import { createPersonSchema, editPersonSchema } from "./person";

const person = (name: string) => ({ name, email: "pat@example.org", role: "member", leads: [] });

describe("a person's name", () => {
  it("is refused when it is too long, reversed, invisible or holds control characters", () => {
    for (const name of [
      "x".repeat(200_000),
      "Morgan \u202Eregnam esaeler\u202C",
      "Dana\u2066 (admin)\u2069",
      "\u200B\u200B\u200B",
      "\u3164",
      "Dana\nWhitlock",
      "Dana\u0000",
    ]) {
      expect(createPersonSchema.safeParse(person(name)).success, JSON.stringify(name)).toBe(false);
      expect(editPersonSchema.safeParse({ id: "p1", name }).success, JSON.stringify(name)).toBe(false);
    }
  });

  it("is accepted in any script, with accents and joined characters", () => {
    for (const name of ["Zoë Ŝmith", "李小龍", "José Nuñez", "محمد علي", "Ana-María O'Brien", "👩🏽‍💻 Sam"]) {
      expect(createPersonSchema.safeParse(person(name)).success, name).toBe(true);
    }
  });
});
