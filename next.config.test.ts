import { afterEach, describe, expect, it, vi } from "vitest";

/** The headers next.config.js gives every path, as built with this environment. */
async function headersForEveryPath(env: Record<string, string | undefined>) {
  vi.resetModules();
  for (const [name, value] of Object.entries(env)) vi.stubEnv(name, value);
  const { default: config } = await import("./next.config.js");
  const rules = await config.headers!();
  return new Map(rules.find((rule) => rule.source === "/:path*")!.headers.map((h) => [h.key, h.value]));
}

describe("next.config.js", () => {
  afterEach(() => vi.unstubAllEnvs());

  it("sends Strict-Transport-Security when CYCLEBOARD_URL is https", async () => {
    const headers = await headersForEveryPath({ CYCLEBOARD_URL: "https://status.example.org" });
    expect(headers.get("Strict-Transport-Security")).toMatch(/^max-age=(\d+)/);
    expect(Number(/max-age=(\d+)/.exec(headers.get("Strict-Transport-Security")!)![1])).toBeGreaterThanOrEqual(60 * 60 * 24 * 180);
  });

  it("gives the page cache and the data cache half the cache memory each, as Next hands the size to both", async () => {
    vi.resetModules();
    const { default: config, CACHE_MEMORY_BYTES } = await import("./next.config.js");
    expect(config.cacheMaxMemorySize! * 2).toBeLessThanOrEqual(CACHE_MEMORY_BYTES);
  });

  it("sends no Strict-Transport-Security for a plain http address", async () => {
    const headers = await headersForEveryPath({ CYCLEBOARD_URL: "http://localhost:3000" });
    expect(headers.has("Strict-Transport-Security")).toBe(false);
    expect(headers.get("X-Content-Type-Options")).toBe("nosniff");
  });
});
