/**
 * The one way a notification is written: the write that makes something happen calls
 * `notify(tx, event)` inside its own transaction, so the notice exists exactly when the
 * event does. Here the audience becomes people, and each is kept only if they may read the
 * subject (`can()`, as every page asks); the text is rendered by the caller from what the
 * subject's readers may see, never from drafts or private notes.
 */
import "server-only";
import { and, eq, or } from "drizzle-orm";
import type { Tx } from "@/db/client";
import { follows, notifications, teamLeads, updates } from "@/db/schema";
import type { NotificationKind } from "@/lib/domain";
import { can, type Actor } from "@/lib/permissions";
import { actorForPerson } from "../identity/person-actor";
import { mailSoon } from "./mail-trigger";
import { emailChoices } from "./preferences";

/** Who should hear of it, before the privacy check. */
export type Audience = { leadsOf: number } | { people: readonly (string | null)[] } | { followersOf: { teamId: number; cycleId: number } };

/** What it is about: decides who may read it, and names it for links and "only once". */
export type Subject =
  | { type: "update"; id: number; teamId: number }
  /** An update's review thread; a note for release managers only is theirs alone. */
  | { type: "review_thread"; id: number; teamId: number; releaseManagersOnly: boolean }
  | { type: "help_request"; id: number; teamId: number }
  | { type: "team"; id: number }
  | { type: "api_token"; id: number; ownerId: string };

export interface NotifyEvent {
  kind: NotificationKind;
  /** Who made it happen: never told of their own act. */
  by: Actor;
  to: Audience[];
  subject: Subject;
  title: string;
  body?: string;
  linkPath: string;
  /** At most one notification of this kind per person and subject (e.g. a token's expiry). */
  once?: boolean;
  /** The event mails its recipients itself (the "update due" reminder): mark it mailed. */
  mailedByEvent?: boolean;
}

function audiencePeople(tx: Tx, audience: Audience): string[] {
  if ("leadsOf" in audience) {
    return tx
      .select({ id: teamLeads.personId })
      .from(teamLeads)
      .where(eq(teamLeads.teamId, audience.leadsOf))
      .all()
      .map((r) => r.id);
  }
  if ("people" in audience) return audience.people.filter((id): id is string => id !== null);
  const { teamId, cycleId } = audience.followersOf;
  return tx
    .select({ id: follows.personId })
    .from(follows)
    .where(or(eq(follows.teamId, teamId), eq(follows.cycleId, cycleId)))
    .all()
    .map((r) => r.id);
}

/** Whether this person may read the subject, asked as the pages ask. */
export function mayRead(tx: Tx, reader: Actor, subject: Subject): boolean {
  if (reader.kind !== "person") return false;
  switch (subject.type) {
    case "update": {
      const update = tx.select({ state: updates.state }).from(updates).where(eq(updates.id, subject.id)).get();
      if (!update) return false;
      return update.state === "published" || can(reader, "update.read_draft", { teamId: subject.teamId });
    }
    case "review_thread":
      return can(reader, "update.reply", { teamId: subject.teamId, releaseManagersOnly: subject.releaseManagersOnly });
    case "help_request":
    case "team":
      return true;
    case "api_token":
      return reader.id === subject.ownerId;
  }
}

/** Writes the event's notifications; returns the people notified. */
export function notify(tx: Tx, event: NotifyEvent): string[] {
  const byId = event.by.kind === "person" ? event.by.id : null;
  const candidates = new Set(event.to.flatMap((audience) => audiencePeople(tx, audience)));
  candidates.delete(byId ?? "");
  const subjectId = String(event.subject.id);
  const recipients = [...candidates].filter((personId) => {
    if (!mayRead(tx, actorForPerson(tx, personId), event.subject)) return false;
    if (!event.once) return true;
    const earlier = tx
      .select({ id: notifications.id })
      .from(notifications)
      .where(
        and(
          eq(notifications.personId, personId),
          eq(notifications.kind, event.kind),
          eq(notifications.subjectType, event.subject.type),
          eq(notifications.subjectId, subjectId),
        ),
      )
      .get();
    return earlier === undefined;
  });
  if (recipients.length === 0) return [];
  const choices = emailChoices(tx, recipients, event.kind);
  const now = new Date();
  tx.insert(notifications)
    .values(
      recipients.map((personId) => ({
        personId,
        kind: event.kind,
        subjectType: event.subject.type,
        subjectId,
        title: event.title,
        body: event.body ?? "",
        linkPath: event.linkPath,
        // Nothing to mail: the person turned this kind off, or the event mailed it itself.
        mailedAt: event.mailedByEvent || choices.get(personId) === "off" ? now : null,
        createdAt: now,
      })),
    )
    .run();
  if (recipients.some((personId) => choices.get(personId) === "at_once") && !event.mailedByEvent) mailSoon();
  return recipients;
}
