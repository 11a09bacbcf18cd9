import { describe, expect, it } from "vitest";
import { safeNextPath } from "./safe-redirect";

/** Where a browser would go from https://site.example/signin when sent to `target`. */
const browserDestination = (target: string) => new URL(target, "https://site.example/signin").origin;

describe("safeNextPath", () => {
  it.each([
    ["a tab after the first slash (/%09/evil.example, decoded)", decodeURIComponent("/%09/evil.example")],
    ["a tab", "/\t/evil.example"],
    ["a newline", "/\n/evil.example"],
    ["a carriage return and newline", "/\r\n/evil.example"],
    ["a backslash", "\\\\evil.example"],
    ["a slash and a backslash", "/\\evil.example"],
    ["two slashes", "//evil.example"],
    ["an absolute address", "https://evil.example/"],
    ["an absolute address with a tab inside its scheme", "ht\ttps://evil.example/"],
    ["a javascript: address", "javascript:alert(1)"],
  ])("never leaves the site: %s", (_case, next) => {
    expect(browserDestination(next)).not.toBe("https://site.example");
    const safe = safeNextPath(next);
    expect(browserDestination(safe)).toBe("https://site.example");
    expect(safe).toBe("/");
  });

  it("keeps a path on the site with its query and fragment", () => {
    expect(safeNextPath("/updates/12?tab=diff#revision-3")).toBe("/updates/12?tab=diff#revision-3");
    expect(safeNextPath("/teams/docs")).toBe("/teams/docs");
  });

  it("sends an empty or missing next to the home page", () => {
    expect(safeNextPath("")).toBe("/");
    expect(safeNextPath(null)).toBe("/");
    expect(safeNextPath(undefined)).toBe("/");
  });
});
