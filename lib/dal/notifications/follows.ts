/** Following a team or a cycle: any signed-in person, to hear of its new published updates. */
import "server-only";
import { and, eq } from "drizzle-orm";
import { getDb, type Db, type Tx } from "@/db/client";
import { follows, releaseCycles, teams } from "@/db/schema";
import { NotFoundError } from "@/lib/errors";
import { ownerOf, type Actor } from "@/lib/permissions";
import type { FollowInput } from "@/lib/validation/notifications";
import { recordAudit } from "../audit/audit";

type Followed = Pick<FollowInput, "subject" | "slug">;

function subjectOf(db: Db | Tx, { subject, slug }: Followed): { teamId: number | null; cycleId: number | null } {
  if (subject === "team") {
    const team = db.select({ id: teams.id }).from(teams).where(eq(teams.slug, slug)).get();
    if (!team) throw new NotFoundError("Team");
    return { teamId: team.id, cycleId: null };
  }
  const cycle = db.select({ id: releaseCycles.id }).from(releaseCycles).where(eq(releaseCycles.slug, slug)).get();
  if (!cycle) throw new NotFoundError("Cycle");
  return { teamId: null, cycleId: cycle.id };
}

function followWhere(personId: string, target: { teamId: number | null; cycleId: number | null }) {
  return and(
    eq(follows.personId, personId),
    target.teamId !== null ? eq(follows.teamId, target.teamId) : eq(follows.cycleId, target.cycleId ?? 0),
  );
}

/** Whether the person follows it: for the Follow button, through GET /api/follows. */
export function isFollowing({ actor, input }: { actor: Actor; input: Followed }, db: Db = getDb()): boolean {
  const personId = ownerOf(actor, "notification.own");
  return (
    db
      .select({ id: follows.id })
      .from(follows)
      .where(followWhere(personId, subjectOf(db, input)))
      .get() !== undefined
  );
}

export function setFollowing({ actor, input }: { actor: Actor; input: FollowInput }, db: Db = getDb()): { following: boolean } {
  const personId = ownerOf(actor, "notification.own");
  db.transaction((tx) => {
    const target = subjectOf(tx, input);
    const existing = tx.select({ id: follows.id }).from(follows).where(followWhere(personId, target)).get();
    if (input.following === (existing !== undefined)) return;
    if (existing) tx.delete(follows).where(eq(follows.id, existing.id)).run();
    else
      tx.insert(follows)
        .values({ personId, ...target })
        .run();
    recordAudit(tx, actor, { action: input.following ? "follow.add" : "follow.remove", entityType: input.subject, entityId: input.slug });
  });
  return { following: input.following };
}
