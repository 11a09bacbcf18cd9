import { expect, test } from "@playwright/test";
import Database from "better-sqlite3";
import type { ChildProcess } from "node:child_process";
import fs from "node:fs";
import { ACCOUNTS, DEMO_PASSWORD } from "./support/accounts";
import { getFresh, runScript, startServer, workerFile, workerPort } from "./support/processes";

const port = workerPort(Number(process.env.E2E_PORT ?? 3100) + 8);
const base = `http://localhost:${port}`;
const db = workerFile("data/e2e-durability.db");

type Acknowledged = { id: number; headline: string };

/** Posts updates one after another until the server stops answering, noting each one it acknowledged. */
async function postUntilRefused(token: string, writer: number, acknowledged: Acknowledged[]): Promise<void> {
  for (let n = 0; ; n++) {
    const headline = `Durability writer ${writer} update ${n}`;
    try {
      const response = await fetch(`${base}/api/v1/updates`, {
        method: "POST",
        headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
        body: JSON.stringify({
          team: "test",
          cycle: "10.0",
          headline,
          health: "on_track",
          summary: `Written by writer ${writer}.`,
          links: [{ label: "Run", url: `https://example.org/run/${writer}/${n}` }],
          publish: true,
        }),
      });
      if (response.status !== 201) return;
      acknowledged.push({ id: ((await response.json()) as { data: { id: number } }).data.id, headline });
    } catch {
      return; // the connection died with the server: this write was never acknowledged
    }
  }
}

test("every write the API acknowledged survives the server being killed mid-load", async () => {
  test.setTimeout(120_000);
  for (const suffix of ["", "-wal", "-shm"]) fs.rmSync(db + suffix, { force: true });
  runScript("scripts/prepare-db.ts", [], {
    CYCLEBOARD_DB: db,
    CYCLEBOARD_DEMO_PASSWORD: DEMO_PASSWORD,
    CYCLEBOARD_ADMIN_PASSWORD: DEMO_PASSWORD,
  });
  const token = runScript("e2e/support/create-token.ts", [ACCOUNTS.testLead, "update.write", "test"], { CYCLEBOARD_DB: db });

  const env = { CYCLEBOARD_DB: db, CYCLEBOARD_REMINDERS: "off" };
  let server: ChildProcess = await startServer(port, env);
  try {
    const acknowledged: Acknowledged[] = [];
    const writers = [1, 2, 3, 4].map((writer) => postUntilRefused(token, writer, acknowledged));
    // Kill while the writers are still sending, once a good number of writes are through.
    await expect.poll(() => acknowledged.length, { timeout: 60_000, intervals: [50] }).toBeGreaterThanOrEqual(40);
    server.kill("SIGKILL");
    await Promise.all(writers);

    server = await startServer(port, env);
    const check = new Database(db, { readonly: true });
    try {
      expect(check.pragma("integrity_check", { simple: true })).toBe("ok");
      const stored = new Map(
        (
          check.prepare("select id, headline, state from updates where headline like 'Durability writer %'").all() as {
            id: number;
            headline: string;
            state: string;
          }[]
        ).map((u) => [u.id, u]),
      );
      for (const write of acknowledged)
        expect(stored.get(write.id), `acknowledged update ${write.id}`).toMatchObject({ headline: write.headline, state: "published" });
      // Nothing half-written: every stored update has its link (written in the same transaction).
      const withoutLink = check
        .prepare(
          "select count(*) as n from updates u where u.headline like 'Durability writer %' and not exists (select 1 from update_links l where l.update_id = u.id)",
        )
        .get() as { n: number };
      expect(withoutLink.n).toBe(0);
    } finally {
      check.close();
    }
    const sample = acknowledged.at(-1)!;
    const answer = await getFresh(`${base}/api/v1/updates/${sample.id}`);
    expect(answer.status).toBe(200);
    expect(((await answer.json()) as { data: { headline: string } }).data.headline).toBe(sample.headline);
  } finally {
    server.kill("SIGKILL");
  }
});
