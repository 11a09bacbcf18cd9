import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { createTestDatabase } from "@/db/testing";

const tsx = path.join(process.cwd(), "node_modules", ".bin", "tsx");
const cleanups: (() => void)[] = [];
afterEach(() => {
  for (const cleanup of cleanups.splice(0)) cleanup();
});

function run(script: string, args: string[], database: string): { status: number; out: string; err: string } {
  try {
    const out = execFileSync(tsx, ["--conditions=react-server", script, ...args], {
      env: { ...process.env, CYCLEBOARD_DB: database },
      encoding: "utf8",
      stdio: "pipe",
    });
    return { status: 0, out, err: "" };
  } catch (error) {
    const e = error as { status: number; stdout: string; stderr: string };
    return { status: e.status, out: e.stdout, err: e.stderr };
  }
}

function demoFile(): string {
  const { db, file, cleanup } = createTestDatabase({ demo: true });
  db.$client.close();
  cleanups.push(cleanup);
  return file;
}

describe("npm run export / npm run import", () => {
  it("moves a site into a new database file, and refuses to import into one that holds a site", { timeout: 120_000 }, () => {
    const source = demoFile();
    const exported = run("scripts/site-export.ts", [], source);
    expect(exported.status).toBe(0);
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "cycleboard-import-"));
    cleanups.push(() => fs.rmSync(dir, { recursive: true, force: true }));
    const document = path.join(dir, "site.json");
    fs.writeFileSync(document, exported.out);

    const target = path.join(dir, "new.db");
    const imported = run("scripts/site-import.ts", [document], target);
    expect(imported.status).toBe(0);
    expect(imported.out).toMatch(/^Imported \d+ rows from /);
    expect(imported.out).toContain("dana.lead@example.org");

    const again = run("scripts/site-import.ts", [document], source);
    expect(again.status).toBe(1);
    expect(again.err).toContain("already holds data");
  });

  it("names the bad field of a document that does not fit", { timeout: 120_000 }, () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "cycleboard-import-"));
    cleanups.push(() => fs.rmSync(dir, { recursive: true, force: true }));
    const document = path.join(dir, "site.json");
    fs.writeFileSync(
      document,
      JSON.stringify({ format: "cycleboard-site", version: 1, exportedAt: "x", tables: { teams: [{ id: 1, slug: "docs" }] } }),
    );
    const result = run("scripts/site-import.ts", [document], path.join(dir, "new.db"));
    expect(result.status).toBe(1);
    expect(result.err).toContain("tables.teams[0].name:");
  });
});
