import { expect, test } from "@playwright/test";
import fs from "node:fs";
import { plainMessage, startSmtpSink } from "../lib/testing/smtp-sink";
import { ACCOUNTS, DEMO_PASSWORD } from "./support/accounts";
import { submit } from "./support/forms";
import { EditorPage } from "./support/editor-page";
import { runScript, runScriptInBackground, startServer, workerFile, workerPort } from "./support/processes";
import { ReviewQueuePage } from "./support/review-queue-page";
import { signIn } from "./support/sign-in";

// Its own server and database, pointed at a loopback SMTP server: the suite's server mails nobody.
test("the Docs lead follows a team, hears of a change request in the header, the inbox and by email, and unsubscribes in one click", async ({
  browser,
}) => {
  // A server of its own, started and first rendered on cores other sessions share.
  test.setTimeout(300_000);
  const smtp = await startSmtpSink();
  const port = workerPort(Number(process.env.E2E_PORT ?? 3100) + 100);
  const baseURL = `http://localhost:${port}`;
  const db = workerFile("data/e2e-notifications.db");
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
  const server = await startServer(port, env);
  try {
    // A fresh server renders each page for the first time: warm up the ones signing in passes through.
    for (const url of ["/signin", "/", "/teams/test", "/review", "/inbox"]) await fetch(`${baseURL}${url}`);
    const leadContext = await browser.newContext({ baseURL });
    const lead = await leadContext.newPage();
    await signIn(lead, ACCOUNTS.docsLead);
    await expect(lead.getByRole("link", { name: "Inbox", exact: true })).toBeVisible();

    // Following, from a kept team page: the button reads its state from the browser.
    await lead.goto("/teams/test");
    await lead.getByRole("button", { name: "Follow Test" }).click();
    await expect(lead.getByRole("button", { name: "Following Test" })).toHaveAttribute("aria-pressed", "true");
    await lead.reload();
    await expect(lead.getByRole("button", { name: "Following Test" })).toBeVisible();

    const rmContext = await browser.newContext({ baseURL });
    const rm = await rmContext.newPage();
    await signIn(rm, ACCOUNTS.releaseManager);
    await rm.goto("/review");
    const docs = rm.getByRole("article", { name: "Docs", exact: true });
    await docs.getByText("Request changes…").click();
    await docs.getByLabel("What should change").fill("Please link the new build guide.");
    await submit(rm, docs.getByRole("button", { name: /^Request changes to Docs “/ }));

    // The header's count comes through the session query, on any page.
    await lead.goto("/");
    const inboxLink = lead.getByRole("link", { name: /^Inbox/ });
    await expect(inboxLink).toHaveAccessibleName("Inbox 1 unread");
    await inboxLink.click();
    await expect(lead.getByRole("heading", { name: "Inbox", level: 1 })).toBeVisible();
    const entry = lead.getByRole("listitem").filter({ hasText: "Changes requested on Docs" });
    await expect(entry).toContainText("Please link the new build guide.");
    await entry.getByRole("button", { name: /^Mark read/ }).click();
    await expect(lead.getByText("All read.")).toBeVisible();
    await expect(inboxLink).toHaveAccessibleName("Inbox");
    await entry.getByRole("link", { name: /Changes requested on Docs/ }).click();
    await expect(lead).toHaveURL(/\/updates\/\d+$/);

    // The mail went at once, with a link that unsubscribes without signing in.
    await expect.poll(() => smtp.received.filter((m) => m.to.includes(ACCOUNTS.docsLead)).length).toBe(1);
    const mail = plainMessage(smtp.received.find((m) => m.to.includes(ACCOUNTS.docsLead))!.data);
    expect(mail).toContain("Please link the new build guide.");
    expect(mail).toContain("List-Unsubscribe-Post: List-Unsubscribe=One-Click");
    const link = mail.match(/List-Unsubscribe: <([^>]+)>/)![1]!;
    expect(link.startsWith(`${baseURL}/api/unsubscribe?token=`)).toBe(true);
    const stranger = await (await browser.newContext()).newPage();
    await stranger.goto(link);
    await expect(stranger.getByRole("listitem")).toHaveText(["Changes requested on your team's update"]);
    await stranger.getByRole("button", { name: "Unsubscribe" }).click();
    await expect(stranger.getByRole("heading", { name: "Unsubscribed" })).toBeVisible();

    await lead.goto("/inbox");
    await expect(lead.getByLabel("Changes requested on your team's update")).toHaveValue("off");
    await leadContext.close();
    await rmContext.close();
  } finally {
    server.kill();
    await smtp.close();
  }
});

// The review loop of issue 14 (section 5), each turn heard by the other side by email, on a server and database of its own.
test("a change request goes round: the lead hears of it, replies and asks for another look; the release manager hears of that and marks it reviewed; the lead hears of that", async ({
  browser,
}) => {
  test.setTimeout(300_000);
  const smtp = await startSmtpSink();
  const port = workerPort(Number(process.env.E2E_PORT ?? 3100) + 150);
  const baseURL = `http://localhost:${port}`;
  const db = workerFile("data/e2e-review-loop.db");
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
  const server = await startServer(port, env);
  /** The mails to `email` so far, as sent. */
  const mailTo = (email: string) => smtp.received.filter((m) => m.to.includes(email)).map((m) => plainMessage(m.data));
  try {
    for (const url of ["/signin", "/", "/teams/containers", "/review", "/inbox"]) await fetch(`${baseURL}${url}`);
    const leadContext = await browser.newContext({ baseURL });
    const lead = await leadContext.newPage();
    await signIn(lead, ACCOUNTS.containersLead);
    const headline = "Upgrades tested on three Kubernetes versions";
    const editor = await EditorPage.startBlank(lead, "containers");
    await editor.headline.fill(headline);
    await expect(editor.saved).toBeVisible();
    await editor.publish();

    const rmContext = await browser.newContext({ baseURL });
    const rm = await rmContext.newPage();
    await signIn(rm, ACCOUNTS.releaseManager);
    const queue = new ReviewQueuePage(rm);
    await queue.goto();
    expect(await queue.headline("Containers")).toBe(headline);
    await queue.requestChanges("Containers", "Please name the three versions.");

    await expect.poll(() => mailTo(ACCOUNTS.containersLead).filter((m) => m.includes("Changes requested on Containers")).length).toBe(1);
    expect(mailTo(ACCOUNTS.containersLead).find((m) => m.includes("Changes requested on Containers"))).toContain(
      "Please name the three versions.",
    );

    await lead.goto(`/updates/${editor.id}/edit`);
    const atTop = lead.getByRole("region", { name: `Changes requested on “${headline}”` });
    const thread = lead.getByRole("region", { name: /^Review/ });
    await thread.getByLabel("Reply").fill("1.27, 1.28 and 1.29.");
    await thread.getByRole("button", { name: "Post reply" }).click();
    await expect(thread).toContainText("1.27, 1.28 and 1.29.");
    await atTop.getByRole("button", { name: `Ask for another look at “${headline}”` }).click();
    await expect(atTop).toContainText("Another look asked");

    await expect
      .poll(() => mailTo(ACCOUNTS.releaseManager).filter((m) => m.includes("asked for another look at Containers")).length)
      .toBe(1);
    expect(mailTo(ACCOUNTS.releaseManager).some((m) => m.includes("1.27, 1.28 and 1.29."))).toBe(true);

    await rm.reload();
    await expect(queue.state("Containers", "Lead replied")).toBeVisible();
    await queue.markReviewed("Containers");

    // "Marked reviewed" goes in the daily digest by default: nothing at once, then one digest with its link.
    expect(mailTo(ACCOUNTS.containersLead).filter((m) => m.includes("was marked reviewed"))).toEqual([]);
    expect(await runScriptInBackground("scripts/send-digest.ts", [], { ...env, CYCLEBOARD_URL: baseURL })).toMatch(
      /Sent [1-9]\d* daily digest/,
    );
    const digest = mailTo(ACCOUNTS.containersLead).find((m) => m.includes("your daily digest"));
    expect(digest).toContain("was marked reviewed");
    expect(digest).toContain(`${baseURL}/updates/${editor.id}`);
    const unsubscribe = digest!.match(/List-Unsubscribe: <([^>]+)>/)![1]!;
    const answer = await fetch(unsubscribe, { method: "POST", body: "List-Unsubscribe=One-Click" });
    expect(answer.status).toBe(200);
    await lead.goto("/inbox");
    await expect(lead.getByLabel("Your team's update marked reviewed")).toHaveValue("off");
    await leadContext.close();
    await rmContext.close();
  } finally {
    server.kill();
    await smtp.close();
  }
});
