/**
 * Changes a team's latest update through the data layer from another process, as a
 * command-line tool would: `tsx --conditions=react-server e2e/support/edit-update.ts <team> <cycle> <headline>`.
 */
import { and, desc, eq } from "drizzle-orm";
import { openDatabase } from "@/db/client";
import { releaseCycles, teams, updates } from "@/db/schema";
import { editUpdate } from "@/lib/dal/updates/writes";

const [teamSlug, cycleSlug, headline] = process.argv.slice(2);
if (!teamSlug || !cycleSlug || !headline) throw new Error("usage: edit-update.ts <team> <cycle> <headline>");

const db = openDatabase();
const update = db
  .select({ id: updates.id, version: updates.version })
  .from(updates)
  .innerJoin(teams, eq(teams.id, updates.teamId))
  .innerJoin(releaseCycles, eq(releaseCycles.id, updates.cycleId))
  .where(and(eq(teams.slug, teamSlug), eq(releaseCycles.slug, cycleSlug), eq(updates.state, "published")))
  .orderBy(desc(updates.publishedAt))
  .get();
if (!update) throw new Error(`No published ${cycleSlug} update for ${teamSlug}`);
editUpdate(
  {
    actor: { kind: "system", label: "e2e" },
    input: { id: update.id, expectedVersion: update.version, changes: { headline, health: "at_risk" } },
  },
  db,
);
db.$client.close();
