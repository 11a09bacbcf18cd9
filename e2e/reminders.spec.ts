import { expect, test } from "@playwright/test";
import fs from "node:fs";
import { startSmtpSink } from "../lib/testing/smtp-sink";
import { ACCOUNTS, DEMO_PASSWORD } from "./support/accounts";
import { submit } from "./support/forms";
import { runScript, startServer, workerFile, workerPort } from "./support/processes";
import { signIn } from "./support/sign-in";

// Its own server and database: the milestones it adds change who is due across the cycle.
test("after a milestone passes, Docs is due for an update, and its reminder reaches a loopback SMTP server once", async ({ browser }) => {
  // It prepares a database and starts a server of its own before the first click.
  test.slow();
  const smtp = await startSmtpSink();
  const { received } = smtp;

  const db = workerFile("data/e2e-reminders.db");
  const port = workerPort(3196);
  for (const suffix of ["", "-wal", "-shm"]) fs.rmSync(db + suffix, { force: true });
  const env = {
    CYCLEBOARD_DB: db,
    CYCLEBOARD_DEMO_PASSWORD: DEMO_PASSWORD,
    CYCLEBOARD_ADMIN_PASSWORD: DEMO_PASSWORD,
    PORT: String(port),
    SMTP_URL: `smtp://127.0.0.1:${smtp.port}`,
    CYCLEBOARD_REMINDERS: "off",
  };
  runScript("scripts/prepare-db.ts", [], env);
  runScript("e2e/support/add-milestone.ts", ["10.0", "Community check-in", "-1"], env);
  runScript("e2e/support/add-milestone.ts", ["10.0", "Docs sprint", "3"], env);
  const server = await startServer(port, env);
  try {
    const page = await (await browser.newContext({ baseURL: `http://localhost:${port}` })).newPage();
    await signIn(page, ACCOUNTS.releaseManager);
    await page.goto("/review");
    const due = page
      .getByRole("region", { name: "Update due" })
      .or(page.locator("section", { has: page.getByRole("heading", { name: "Update due" }) }))
      .first();
    await expect(due).toContainText("since Community check-in");
    await expect(due.getByRole("link", { name: "Docs" })).toBeVisible();

    const reminders = page.locator("section", { has: page.getByRole("heading", { name: "Reminders" }) });
    await expect(reminders).toContainText("Docs: update due before Docs sprint");
    await submit(page, reminders.getByRole("button", { name: "Send 6 reminders" }));
    await expect(reminders.getByRole("status")).toHaveText("Sent 6 reminders, 6 by email.");
    await expect.poll(() => received.length).toBe(6);
    const toDocs = received.filter((m) => m.to.includes(ACCOUNTS.docsLead));
    expect(toDocs).toHaveLength(1);
    expect(toDocs[0]!.data).toContain("Docs update due before Docs sprint");
    expect(toDocs[0]!.data.toLowerCase()).not.toContain("missing");

    await page.reload();
    await submit(
      page,
      page
        .locator("section", { has: page.getByRole("heading", { name: "Reminders" }) })
        .getByRole("button", { name: "Check again and send" }),
    );
    await expect(page.getByText("Nothing to send: every due team has been reminded.")).toBeVisible();
    expect(received).toHaveLength(6);

    await page.goto("/teams/docs");
    await expect(page.getByText(/An update from Docs is due before Docs sprint/)).toBeVisible();
  } finally {
    server.kill();
    await smtp.close();
  }
});
