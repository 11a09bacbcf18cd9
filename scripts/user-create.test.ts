import { execFileSync } from "node:child_process";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { openDatabase } from "@/db/client";
import { auditEntries, people, teamLeads } from "@/db/schema";
import { createTestDatabase } from "@/db/testing";

const tsx = path.join(process.cwd(), "node_modules", ".bin", "tsx");
/** Each case starts several tsx processes, each loading the data layer: on two busy cores, over 30 s. */
const SCRIPT_TIMEOUT_MS = 90_000;
let file: string;
let cleanup: () => void;

beforeEach(() => {
  const created = createTestDatabase({ demo: true });
  created.db.$client.close();
  ({ file, cleanup } = created);
});
afterEach(() => cleanup());

function run(args: string[]): { status: number; out: string } {
  try {
    const out = execFileSync(tsx, ["--conditions=react-server", "scripts/user-create.ts", ...args], {
      env: { ...process.env, CYCLEBOARD_DB: file },
      encoding: "utf8",
      stdio: "pipe",
    });
    return { status: 0, out };
  } catch (error) {
    const e = error as { status: number; stdout: string; stderr: string };
    return { status: e.status, out: e.stdout + e.stderr };
  }
}

describe("npm run user:create", () => {
  it(
    "creates a lead with a one-time password and audits it as the command line",
    () => {
      const result = run(["--email", "Sam@Example.org", "--name", "Sam Lee", "--role", "member", "--team", "docs"]);
      expect(result.status).toBe(0);
      expect(result.out).toMatch(/Password \(shown once\): \S{16,}/);
      const db = openDatabase(file);
      const person = db
        .select()
        .from(people)
        .all()
        .find((p) => p.email === "sam@example.org");
      expect(person).toMatchObject({ name: "Sam Lee", role: "member", active: true });
      expect(
        db
          .select()
          .from(teamLeads)
          .all()
          .filter((l) => l.personId === person!.id),
      ).toHaveLength(1);
      expect(
        db
          .select()
          .from(auditEntries)
          .all()
          .find((e) => e.action === "person.create"),
      ).toMatchObject({ actorLabel: "cli", via: "cli" });
      db.$client.close();
    },
    SCRIPT_TIMEOUT_MS,
  );

  it(
    "names the option at fault and creates nothing",
    () => {
      expect(run(["--email", "not-an-email", "--name", "X"])).toMatchObject({ status: 2, out: expect.stringContaining("--email:") });
      expect(run(["--email", "x@example.org", "--name", "X", "--role", "boss"])).toMatchObject({
        status: 2,
        out: expect.stringContaining("--role:"),
      });
      expect(run(["--email", "x@example.org", "--name", "X", "--team", "nope"])).toMatchObject({
        status: 1,
        out: expect.stringContaining("--team: No team is called nope"),
      });
      expect(run(["--email", "dana.lead@example.org", "--name", "Dana again"])).toMatchObject({
        status: 1,
        out: expect.stringContaining("--email: Someone already has"),
      });
    },
    SCRIPT_TIMEOUT_MS,
  );
});
