import "server-only";
import { eq } from "drizzle-orm";
import { getDb, type Db } from "@/db/client";
import { metricDefinitions, metricValues } from "@/db/schema";
import { InputError } from "@/lib/errors";
import { assertCan, type Actor } from "@/lib/permissions";
import type { RecordMetricValueInput } from "@/lib/validation/api";
import { recordAudit } from "../audit/audit";
import { invalidate, tags } from "../cache/cache";
import { cycleBySlug, teamForWriting } from "../lookups";

/** Records one value of a metric for a team and cycle, e.g. a CI job's weekly test results. */
export function recordMetricValue({ actor, input }: { actor: Actor; input: RecordMetricValueInput }, db: Db = getDb()): { id: number } {
  const result = db.transaction((tx) => {
    const team = teamForWriting(tx, input.team);
    assertCan(actor, "metric.record", { teamId: team.id });
    const cycle = cycleBySlug(tx, input.cycle);
    const metric = tx
      .select({ id: metricDefinitions.id, teamId: metricDefinitions.teamId, retired: metricDefinitions.retired })
      .from(metricDefinitions)
      .where(eq(metricDefinitions.key, input.metric))
      .get();
    if (!metric) throw new InputError("metric", "No metric has this key");
    if (metric.retired) throw new InputError("metric", "This metric is retired");
    if (metric.teamId !== null && metric.teamId !== team.id) throw new InputError("metric", "This metric belongs to another team");
    const observedAt = input.observedAt ? new Date(input.observedAt) : new Date();
    const row = tx
      .insert(metricValues)
      .values({
        metricId: metric.id,
        teamId: team.id,
        cycleId: cycle.id,
        value: input.value,
        observedAt,
        note: input.note,
        recordedById: actor.kind === "person" ? actor.id : null,
        sourceTokenId: actor.kind === "person" ? (actor.token?.id ?? null) : null,
      })
      .returning({ id: metricValues.id })
      .get();
    recordAudit(tx, actor, {
      action: "metric.record",
      entityType: "metric_value",
      entityId: row.id,
      after: {
        team: input.team,
        cycle: input.cycle,
        metric: input.metric,
        value: input.value,
        observedAt: observedAt.toISOString(),
        note: input.note,
      },
    });
    return { id: row.id, teamId: team.id, cycleId: cycle.id };
  });
  invalidate(tags.team(result.teamId), tags.cycle(result.cycleId));
  return { id: result.id };
}
