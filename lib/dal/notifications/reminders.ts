/**
 * "Update due" reminders, tied to milestones: within the lead time before a milestone,
 * every team without an update since the last passed milestone is reminded once for it,
 * in the app and, when mail is configured, by email to its leads.
 */
import "server-only";
import { and, asc, eq, gte, inArray, lte } from "drizzle-orm";
import { getDb, type Db } from "@/db/client";
import { communitySettings, milestones, people, releaseCycles, teamLeads, updateReminders } from "@/db/schema";
import { formatDay } from "@/lib/dates";
import type { SendMail } from "@/lib/mailer";
import { assertCan, type Actor } from "@/lib/permissions";
import { recordAudit } from "../audit/audit";
import { invalidate, tags } from "../cache/cache";
import { dueSince, teamsDue } from "../updates/review";
import { notify } from "./notify";
import { emailChoices } from "./preferences";
import { unsubscribeUrl, withUnsubscribe } from "./unsubscribe-link";

const DAY = 86_400_000;

export interface PendingReminder {
  milestone: { id: number; name: string; dueOn: string };
  cycle: { id: number; slug: string; name: string };
  team: { id: number; slug: string; name: string };
  /** The leads to mail: those who have not turned "update due" email off. */
  leads: { id: string; name: string; email: string }[];
  subject: string;
  text: string;
}

function message(
  communityName: string,
  cycleName: string,
  teamName: string,
  milestone: { name: string; dueOn: string },
  baseUrl: string,
  teamSlug: string,
) {
  return {
    subject: `${communityName} ${cycleName}: ${teamName} update due before ${milestone.name}`,
    text: [
      `Hello,`,
      ``,
      `${milestone.name} of ${communityName} ${cycleName} is on ${formatDay(milestone.dueOn)}. An update from ${teamName} is due before then, so that everyone can see where the team stands.`,
      ``,
      `A few lines are enough: what was done, what is under way, anything at risk, and where help is wanted.`,
      `Post it here: ${baseUrl}/updates/new?team=${teamSlug}`,
      ``,
      `Thank you!`,
    ].join("\n"),
  };
}

/** The reminders that would go out now: not yet sent, for milestones within the lead time. */
export function pendingReminders({ now, baseUrl }: { now: number; baseUrl: string }, db: Db): PendingReminder[] {
  const settings = db.select().from(communitySettings).where(eq(communitySettings.id, 1)).get();
  const lead = settings?.reminderLeadDays ?? 7;
  const today = new Date(now).toISOString().slice(0, 10);
  const horizon = new Date(now + lead * DAY).toISOString().slice(0, 10);
  const upcoming = db
    .select({
      id: milestones.id,
      name: milestones.name,
      dueOn: milestones.dueOn,
      cycleId: releaseCycles.id,
      cycleSlug: releaseCycles.slug,
      cycleName: releaseCycles.name,
    })
    .from(milestones)
    .innerJoin(releaseCycles, eq(releaseCycles.id, milestones.cycleId))
    .where(and(gte(milestones.dueOn, today), lte(milestones.dueOn, horizon), inArray(releaseCycles.status, ["active", "planning"])))
    .orderBy(asc(milestones.dueOn))
    .all();
  const pending: PendingReminder[] = [];
  for (const m of upcoming) {
    const sent = new Set(
      db
        .select({ teamId: updateReminders.teamId })
        .from(updateReminders)
        .where(eq(updateReminders.milestoneId, m.id))
        .all()
        .map((r) => r.teamId),
    );
    const due = teamsDue(db, m.cycleId, dueSince(db, m.cycleId, now).since).filter((team) => !sent.has(team.id));
    // Every due team's leads in one query, not one query per team.
    const leadRows =
      due.length === 0
        ? []
        : db
            .select({ teamId: teamLeads.teamId, id: people.id, name: people.name, email: people.email })
            .from(teamLeads)
            .innerJoin(people, eq(people.id, teamLeads.personId))
            .where(
              and(
                inArray(
                  teamLeads.teamId,
                  due.map((team) => team.id),
                ),
                eq(people.active, true),
              ),
            )
            .all();
    // Leads who turned "update due" email off are left out of the mail (they still see it in their inbox).
    const mailed = emailChoices(
      db,
      leadRows.map((l) => l.id),
      "update_due",
    );
    for (const team of due) {
      const leads = leadRows
        .filter((l) => l.teamId === team.id && mailed.get(l.id) !== "off")
        .map(({ id, name, email }) => ({ id, name, email }));
      pending.push({
        milestone: { id: m.id, name: m.name, dueOn: m.dueOn },
        cycle: { id: m.cycleId, slug: m.cycleSlug, name: m.cycleName },
        team: { id: team.id, slug: team.slug, name: team.name },
        leads,
        ...message(settings?.name ?? "Cycleboard", m.cycleName, team.name, m, baseUrl, team.slug),
      });
    }
  }
  return pending;
}

export function previewReminders(
  { actor, now, baseUrl }: { actor: Actor; now: number; baseUrl: string },
  db: Db = getDb(),
): PendingReminder[] {
  assertCan(actor, "cycle.manage");
  return pendingReminders({ now, baseUrl }, db);
}

/**
 * Sends what is pending. The reminder row is written first, and only a newly written one
 * leads to a notice and a mail, so no team is reminded twice for a milestone, even when
 * two senders race.
 */
export async function sendReminders(
  { actor, now, baseUrl, sendMail }: { actor: Actor; now: number; baseUrl: string; sendMail: SendMail | null },
  db: Db = getDb(),
): Promise<{ sent: number; emailed: number }> {
  assertCan(actor, "cycle.manage");
  let sent = 0;
  let emailed = 0;
  for (const reminder of pendingReminders({ now, baseUrl }, db)) {
    const claimed = db.transaction((tx) => {
      const row = tx
        .insert(updateReminders)
        .values({
          teamId: reminder.team.id,
          milestoneId: reminder.milestone.id,
          channels: ["app"],
          sentById: actor.kind === "person" ? actor.id : null,
        })
        .onConflictDoNothing()
        .returning({ id: updateReminders.id })
        .get();
      if (!row) return null;
      // The reminder mails the leads itself, below; the inbox shows it too.
      notify(tx, {
        kind: "update_due",
        by: actor,
        to: [{ leadsOf: reminder.team.id }],
        subject: { type: "team", id: reminder.team.id },
        title: `${reminder.team.name}: update due before ${reminder.milestone.name} (${formatDay(reminder.milestone.dueOn)})`,
        body: reminder.text,
        linkPath: `/updates/new?team=${reminder.team.slug}`,
        mailedByEvent: true,
      });
      recordAudit(tx, actor, {
        action: "reminder.send",
        entityType: "team",
        entityId: reminder.team.id,
        after: { milestone: reminder.milestone.name },
      });
      return row.id;
    });
    if (claimed === null) continue;
    sent += 1;
    invalidate(tags.team(reminder.team.id));
    if (sendMail && reminder.leads.length > 0) {
      // A mail per lead, so each carries that lead's own one-click unsubscribe link.
      let delivered = 0;
      for (const lead of reminder.leads) {
        try {
          await sendMail(
            withUnsubscribe(
              { to: [lead.email], subject: reminder.subject, text: reminder.text },
              unsubscribeUrl(baseUrl, lead.id, ["update_due"]),
            ),
          );
          delivered += 1;
        } catch (error) {
          // The in-app reminder stands; the row's channels say whether any mail went out.
          console.error(`Could not email the ${reminder.team.name} reminder:`, error instanceof Error ? error.message : error);
        }
      }
      if (delivered > 0) {
        db.update(updateReminders)
          .set({ channels: ["app", "email"] })
          .where(eq(updateReminders.id, claimed))
          .run();
        emailed += 1;
      }
    }
  }
  return { sent, emailed };
}
