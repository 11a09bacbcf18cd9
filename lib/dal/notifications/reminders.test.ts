import { eq } from "drizzle-orm";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import type { Db } from "@/db/client";
import { milestones, notifications, people, releaseCycles, updateReminders } from "@/db/schema";
import { createTestDatabase } from "@/db/testing";
import { mailerFromEnv } from "@/lib/mailer";
import { plainMessage, startSmtpSink, type SmtpSink } from "@/lib/testing/smtp-sink";
import { sendReminders, pendingReminders } from "./reminders";
import { verifyUnsubscribeToken } from "./unsubscribe-link";

let smtp: SmtpSink;

beforeAll(async () => {
  // The unsubscribe links are signed with the site's secret.
  vi.stubEnv("CYCLEBOARD_SECRET", "a-test-secret-of-some-length");
  smtp = await startSmtpSink();
});
afterAll(() => smtp.close());

let db: Db;
let cleanup: () => void;
const NOW = Date.parse("2024-06-10T09:00:00Z");
const system = { kind: "system", label: "scheduler" } as const;

beforeEach(() => {
  smtp.received.length = 0;
  ({ db, cleanup } = createTestDatabase({ demo: true }));
});
afterEach(() => cleanup());

describe("update-due reminders", () => {
  it("go out once per team before the next milestone, by email through a real SMTP server and in the app", async () => {
    const cycle = db.select().from(releaseCycles).where(eq(releaseCycles.slug, "10.0")).get()!;
    db.insert(milestones).values({ cycleId: cycle.id, name: "Docs sprint", dueOn: "2024-06-14" }).run();

    // Spec freeze (15 May) has passed and every update is from April: all six teams are due.
    const pending = pendingReminders({ now: NOW, baseUrl: "https://status.example.org" }, db);
    expect(pending.map((p) => p.team.slug)).toEqual(["distributed-cloud", "test", "docs", "distro-multi-os", "containers", "release"]);
    const docs = pending.find((p) => p.team.slug === "docs")!;
    expect(docs.subject).toBe("StarlingX 10.0: Docs update due before Docs sprint");
    expect(docs.text).toContain("due");
    expect(docs.text.toLowerCase()).not.toContain("missing");

    process.env.SMTP_URL = `smtp://127.0.0.1:${smtp.port}`;
    const sendMail = mailerFromEnv();
    delete process.env.SMTP_URL;
    expect(await sendReminders({ actor: system, now: NOW, baseUrl: "https://status.example.org", sendMail }, db)).toEqual({
      sent: 6,
      emailed: 6,
    });
    expect(smtp.received).toHaveLength(6);
    const toDocs = smtp.received.filter((m) => m.to.includes("dana.lead@example.org"));
    expect(toDocs).toHaveLength(1);
    expect(toDocs[0]!.data).toContain("Subject: StarlingX 10.0: Docs update due before Docs sprint");
    // Each lead's mail carries a one-click unsubscribe link for that lead and this kind alone.
    const token = /List-Unsubscribe: <https:\/\/status\.example\.org\/api\/unsubscribe\?token=([\w.-]+)>/.exec(
      plainMessage(toDocs[0]!.data),
    )?.[1];
    const dana = db.select().from(people).where(eq(people.email, "dana.lead@example.org")).get()!;
    expect(verifyUnsubscribeToken(token ?? "")).toEqual({ personId: dana.id, kinds: ["update_due"] });
    expect(db.select().from(notifications).all()).toHaveLength(6);
    expect(
      db
        .select()
        .from(updateReminders)
        .all()
        .every((r) => r.channels.includes("email")),
    ).toBe(true);

    expect(await sendReminders({ actor: system, now: NOW + 3_600_000, baseUrl: "https://status.example.org", sendMail }, db)).toEqual({
      sent: 0,
      emailed: 0,
    });
    expect(smtp.received).toHaveLength(6);
  });

  it("wait while the next milestone is beyond the lead time, and go in the app alone without mail", async () => {
    expect(pendingReminders({ now: Date.parse("2024-06-01T09:00:00Z"), baseUrl: "" }, db)).toEqual([]);
    expect(await sendReminders({ actor: system, now: Date.parse("2024-07-10T09:00:00Z"), baseUrl: "", sendMail: null }, db)).toEqual({
      sent: 6,
      emailed: 0,
    });
  });

  it("are for release managers to send", async () => {
    await expect(sendReminders({ actor: { kind: "anonymous" }, now: NOW, baseUrl: "", sendMail: null }, db)).rejects.toThrow(/Not allowed/);
  });
});
