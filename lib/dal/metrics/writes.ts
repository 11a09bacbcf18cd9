import "server-only";
import { and, eq } from "drizzle-orm";
import { getDb, type Db, type Tx } from "@/db/client";
import { metricDefinitions, metricValues } from "@/db/schema";
import { InputError, NotFoundError } from "@/lib/errors";
import { parseMetricValue, type MetricShape } from "@/lib/metrics";
import { assertCan, type Actor } from "@/lib/permissions";
import type { RecordMetricValueInput } from "@/lib/validation/api";
import type { MetricValueChanges } from "@/lib/validation/metrics";
import { recordAudit } from "../audit/audit";
import { invalidate, tags } from "../cache/cache";
import { cycleBySlug, teamForWriting } from "../lookups";
import { countedValue, readMetricValue } from "./reads";

/** A value read by its metric's kind; what cannot be read is refused, naming `field`. */
export function storedValue(shape: MetricShape, input: number | string, field: string): { value: number; entered: string | null } {
  const parsed = parseMetricValue(shape, input);
  if (!parsed.ok) throw new InputError(field, parsed.message);
  return { value: parsed.value, entered: parsed.entered };
}

/** Records one value of a metric for a team and cycle, e.g. a CI job's weekly test results. */
export function recordMetricValue({ actor, input }: { actor: Actor; input: RecordMetricValueInput }, db: Db = getDb()): { id: number } {
  const result = db.transaction((tx) => {
    const team = teamForWriting(tx, input.team);
    assertCan(actor, "metric.record", { teamId: team.id });
    const cycle = cycleBySlug(tx, input.cycle);
    const metric = tx
      .select({
        id: metricDefinitions.id,
        teamId: metricDefinitions.teamId,
        retired: metricDefinitions.retired,
        kind: metricDefinitions.kind,
        decimals: metricDefinitions.decimals,
      })
      .from(metricDefinitions)
      .where(eq(metricDefinitions.key, input.metric))
      .get();
    if (!metric) throw new InputError("metric", "No metric has this key");
    if (metric.retired) throw new InputError("metric", "This metric is retired");
    if (metric.teamId !== null && metric.teamId !== team.id) throw new InputError("metric", "This metric belongs to another team");
    const stored = storedValue(metric, input.value, "value");
    const observedAt = input.observedAt ? new Date(input.observedAt) : new Date();
    const row = tx
      .insert(metricValues)
      .values({
        metricId: metric.id,
        teamId: team.id,
        cycleId: cycle.id,
        ...stored,
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
        value: stored.entered ?? stored.value,
        observedAt: observedAt.toISOString(),
        note: input.note,
      },
    });
    return { id: row.id, teamId: team.id, cycleId: cycle.id };
  });
  invalidate(tags.team(result.teamId), tags.cycle(result.cycleId));
  return { id: result.id };
}

/**
 * A public value, for changing: one of a draft update is the draft's (its editor changes it),
 * so it is as unknown here as the draft is to the public.
 */
function valueForChanging(tx: Tx, actor: Actor, id: number) {
  const row = tx
    .select({
      id: metricValues.id,
      teamId: metricValues.teamId,
      cycleId: metricValues.cycleId,
      value: metricValues.value,
      entered: metricValues.entered,
      observedAt: metricValues.observedAt,
      note: metricValues.note,
      kind: metricDefinitions.kind,
      decimals: metricDefinitions.decimals,
      metric: metricDefinitions.key,
    })
    .from(metricValues)
    .innerJoin(metricDefinitions, eq(metricDefinitions.id, metricValues.metricId))
    .where(and(eq(metricValues.id, id), countedValue))
    .get();
  if (!row) throw new NotFoundError("Metric value");
  assertCan(actor, "metric.record", { teamId: row.teamId });
  return row;
}

const audited = (v: { metric: string; value: number; entered: string | null; observedAt: Date; note: string }) => ({
  metric: v.metric,
  value: v.entered ?? v.value,
  observedAt: v.observedAt.toISOString(),
  note: v.note,
});

/**
 * Corrects a recorded value (its value, note or when it was observed). The cycle's figure
 * follows on the very next request: the value is replaced, never added to.
 */
export function editMetricValue({ actor, id, input }: { actor: Actor; id: number; input: MetricValueChanges }, db: Db = getDb()) {
  const result = db.transaction((tx) => {
    const current = valueForChanging(tx, actor, id);
    const stored =
      input.value === undefined ? { value: current.value, entered: current.entered } : storedValue(current, input.value, "value");
    const changed = {
      ...stored,
      note: input.note ?? current.note,
      observedAt: input.observedAt ? new Date(input.observedAt) : current.observedAt,
    };
    tx.update(metricValues).set(changed).where(eq(metricValues.id, id)).run();
    recordAudit(tx, actor, {
      action: "metric.correct",
      entityType: "metric_value",
      entityId: id,
      before: audited(current),
      after: audited({ ...changed, metric: current.metric }),
    });
    return current;
  });
  invalidate(tags.team(result.teamId), tags.cycle(result.cycleId));
  return readMetricValue(db, id)!;
}

/** Deletes a value recorded by mistake; its cycle's figure is formed again from the rest. */
export function deleteMetricValue({ actor, id }: { actor: Actor; id: number }, db: Db = getDb()): { id: number } {
  const result = db.transaction((tx) => {
    const current = valueForChanging(tx, actor, id);
    tx.delete(metricValues).where(eq(metricValues.id, id)).run();
    recordAudit(tx, actor, { action: "metric.delete", entityType: "metric_value", entityId: id, before: audited(current) });
    return current;
  });
  invalidate(tags.team(result.teamId), tags.cycle(result.cycleId));
  return { id };
}
