/**
 * Finding a team or a cycle named in a request (by slug), or refusing the request: the one
 * place that says what "No such team" means. An archived team takes no new writes (updates,
 * roadmap items, help requests, metrics): to a write it is no such team.
 */
import "server-only";
import { and, eq } from "drizzle-orm";
import type { Db, Tx } from "@/db/client";
import { releaseCycles, teams } from "@/db/schema";
import { InputError } from "@/lib/errors";

const teamColumns = { id: teams.id, slug: teams.slug, name: teams.name };

/** A team that is not archived, for a write to act on; `field` names the input at fault. */
export function teamForWriting(db: Db | Tx, slug: string, field = "team") {
  const team = db
    .select(teamColumns)
    .from(teams)
    .where(and(eq(teams.slug, slug), eq(teams.archived, false)))
    .get();
  if (!team) throw new InputError(field, "No such team");
  return team;
}

/** Any team, archived or not, for a read. */
export function teamForReading(db: Db | Tx, slug: string) {
  const team = db.select(teamColumns).from(teams).where(eq(teams.slug, slug)).get();
  if (!team) throw new InputError("team", "No such team");
  return team;
}

/** A cycle, whatever its status; `field` names the input at fault. */
export function cycleBySlug(db: Db | Tx, slug: string, field = "cycle") {
  const cycle = db.select().from(releaseCycles).where(eq(releaseCycles.slug, slug)).get();
  if (!cycle) throw new InputError(field, "No such cycle");
  return cycle;
}
