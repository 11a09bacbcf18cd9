import { eq } from "drizzle-orm";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { setProcessDatabase, type Db } from "@/db/client";
import { notificationPreferences, notifications, people, updates } from "@/db/schema";
import { createTestDatabase } from "@/db/testing";
import { NOTIFICATION_KIND } from "@/lib/domain";
import { mailerFromEnv, type SendMail } from "@/lib/mailer";
import type { EmailPreferencesInput } from "@/lib/validation/notifications";
import { plainMessage, startSmtpSink, type SmtpSink } from "@/lib/testing/smtp-sink";
import { GET, POST } from "@/app/api/unsubscribe/route";
import { actorForPerson } from "../identity/person-actor";
import { requestChanges, markReviewed } from "../updates/review";
import { sendAtOnce, sendDigests } from "./mail";
import { setEmailPreferences } from "./preferences";
import { unsubscribeToken, verifyUnsubscribeToken } from "./unsubscribe-link";

let smtp: SmtpSink;
let sendMail: SendMail;
beforeAll(async () => {
  smtp = await startSmtpSink();
  vi.stubEnv("CYCLEBOARD_SECRET", "a-test-secret-of-some-length");
  vi.stubEnv("SMTP_URL", `smtp://127.0.0.1:${smtp.port}`);
  sendMail = mailerFromEnv()!;
  // notify() would also mail on the next tick through the app's own database; these tests send themselves.
  vi.stubEnv("SMTP_URL", "");
});
afterAll(async () => {
  vi.unstubAllEnvs();
  await smtp.close();
});

let db: Db;
let cleanup: () => void;
beforeEach(() => {
  smtp.received.length = 0;
  ({ db, cleanup } = createTestDatabase({ demo: true }));
});
afterEach(() => cleanup());

const BASE = "https://status.example.org";
const NOW = Date.parse("2024-07-10T09:00:00Z");
const byEmail = (email: string) => db.select().from(people).where(eq(people.email, email)).get()!;
const rm = () => actorForPerson(db, db.select().from(people).where(eq(people.role, "release_manager")).get()!.id);
const docsUpdate = () => db.select().from(updates).where(eq(updates.headline, "Build process docs are moving off the wiki")).get()!;
/** The message as sent, with folded headers and quoted-printable soft breaks undone. */

describe("notification email", () => {
  it("mails a change request at once through a real SMTP server, with a signed one-click unsubscribe link that works", async () => {
    const lead = byEmail("dana.lead@example.org");
    requestChanges(
      { actor: rm(), input: { updateId: docsUpdate().id, seen: docsUpdate().reviewState, body: "Please add the figures" } },
      db,
    );

    expect(await sendAtOnce({ sendMail, baseUrl: BASE, now: NOW }, db)).toEqual({ mailed: 1 });
    expect(smtp.received).toHaveLength(1);
    const mail = plainMessage(smtp.received[0]!.data);
    expect(smtp.received[0]!.to).toEqual([lead.email]);
    expect(mail).toContain("Changes requested on Docs");
    expect(mail).toContain("Please add the figures");
    expect(mail).toMatch(/List-Unsubscribe: <https:\/\/status\.example\.org\/api\/unsubscribe\?token=[\w.-]+>/);
    expect(mail).toContain("List-Unsubscribe-Post: List-Unsubscribe=One-Click");
    // Mailed once: a second run finds nothing.
    expect(await sendAtOnce({ sendMail, baseUrl: BASE, now: NOW }, db)).toEqual({ mailed: 0 });

    // One click, no session: a POST to the link turns the kind off.
    const link = mail.match(/https:\/\/status\.example\.org\/api\/unsubscribe\?token=[\w.-]+/)![0];
    setProcessDatabase(db);
    expect((await GET(new Request(link))).status).toBe(200);
    expect(db.select().from(notificationPreferences).all()).toEqual([]);
    const answer = POST(new Request(link, { method: "POST", body: "List-Unsubscribe=One-Click" }));
    expect(answer.status).toBe(200);
    expect(db.select().from(notificationPreferences).all()).toEqual([{ personId: lead.id, kind: "changes_requested", email: "off" }]);

    // The next change request is in the inbox, and no longer mailed.
    requestChanges({ actor: rm(), input: { updateId: docsUpdate().id, seen: docsUpdate().reviewState, body: "And the dates" } }, db);
    expect(await sendAtOnce({ sendMail, baseUrl: BASE, now: NOW }, db)).toEqual({ mailed: 0 });
    expect(smtp.received).toHaveLength(1);
    expect(db.select().from(notifications).where(eq(notifications.personId, lead.id)).all()).toHaveLength(2);
  });

  it("gathers the daily kinds into one digest per person", async () => {
    const lead = byEmail("dana.lead@example.org");
    setEmailPreferences(
      {
        actor: actorForPerson(db, lead.id),
        input: Object.fromEntries(NOTIFICATION_KIND.map((kind) => [kind, "daily"])) as EmailPreferencesInput,
      },
      db,
    );
    requestChanges(
      { actor: rm(), input: { updateId: docsUpdate().id, seen: docsUpdate().reviewState, body: "Please add the figures" } },
      db,
    );
    markReviewed({ actor: rm(), input: { updateId: docsUpdate().id, seen: docsUpdate().reviewState } }, db);

    expect(await sendAtOnce({ sendMail, baseUrl: BASE, now: NOW }, db)).toEqual({ mailed: 0 });
    expect(await sendDigests({ sendMail, baseUrl: BASE, now: NOW }, db)).toEqual({ mailed: 1 });
    const mail = plainMessage(smtp.received[0]!.data);
    expect(smtp.received[0]!.to).toEqual([lead.email]);
    expect(mail).toContain("your daily digest (2)");
    expect(mail).toContain("Changes requested on Docs");
    expect(mail).toContain("was marked reviewed");
    expect(mail).toContain("List-Unsubscribe-Post: List-Unsubscribe=One-Click");
    expect(await sendDigests({ sendMail, baseUrl: BASE, now: NOW }, db)).toEqual({ mailed: 0 });
  });

  it("keeps a notification in the queue when the mail fails, to try again", async () => {
    requestChanges(
      { actor: rm(), input: { updateId: docsUpdate().id, seen: docsUpdate().reviewState, body: "Please add the figures" } },
      db,
    );
    const failing: SendMail = () => Promise.reject(new Error("connection refused"));
    vi.spyOn(console, "error").mockImplementation(() => {});
    expect(await sendAtOnce({ sendMail: failing, baseUrl: BASE, now: NOW }, db)).toEqual({ mailed: 0 });
    expect(await sendAtOnce({ sendMail, baseUrl: BASE, now: NOW }, db)).toEqual({ mailed: 1 });
  });
});

describe("the unsubscribe link", () => {
  it("names its person and kinds, and refuses a forged or altered one", () => {
    const token = unsubscribeToken("person-1", ["review_reply", "changes_requested"]);
    expect(verifyUnsubscribeToken(token)).toEqual({ personId: "person-1", kinds: ["changes_requested", "review_reply"] });
    const [payload, signature] = token.split(".");
    const other = Buffer.from("person-2\nchanges_requested").toString("base64url");
    expect(verifyUnsubscribeToken(`${other}.${signature}`)).toBeNull();
    expect(verifyUnsubscribeToken(`${payload}.${signature!.slice(0, -2)}xx`)).toBeNull();
    expect(verifyUnsubscribeToken(payload!)).toBeNull();
    expect(verifyUnsubscribeToken("")).toBeNull();
  });

  it("answers a bad link with 400 and changes nothing", async () => {
    setProcessDatabase(db);
    expect(POST(new Request(`${BASE}/api/unsubscribe?token=nope.nope`, { method: "POST" })).status).toBe(400);
    expect(GET(new Request(`${BASE}/api/unsubscribe`)).status).toBe(400);
    expect(db.select().from(notificationPreferences).all()).toEqual([]);
  });
});
