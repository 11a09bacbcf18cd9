/**
 * Metric values as people and clients send them: a number, or text that the metric's kind
 * reads (a version such as "1.32", a duration such as "1h 30m"; lib/metrics.ts). Shared by
 * the API (POST and PATCH /api/v1/metric-values) and the editor's corrections.
 */
import { z } from "./zod";
import { observedAt } from "./dates";

export const metricValueInput = z.union(
  [
    z.number().finite({ error: "Send the value as a number" }).min(-1e12, { error: "Too small" }).max(1e12, { error: "Too large" }),
    z.string().trim().min(1, { error: "Enter a value" }).max(40, { error: "Keep the value under 40 characters" }),
  ],
  { error: "Send the value as a number, or as text for a version or a duration" },
);

export const metricNote = z.string({ error: "The note is text" }).max(500, { error: "Keep the note under 500 characters" });

/** A correction: any of value, note and observedAt. */
export const metricValueChangesSchema = z
  .strictObject({
    value: metricValueInput
      .optional()
      .meta({ description: 'The corrected value: a number, or text for a version ("1.32") or a duration ("1h 30m").' }),
    note: metricNote.optional(),
    observedAt: observedAt.optional().meta({ description: "When it was measured." }),
  })
  .refine((body) => Object.values(body).some((v) => v !== undefined), { error: "Nothing to change: send value, note or observedAt" });

/** The editor's correction of one value, and its deletion. */
export const editMetricValueSchema = z.object({ id: z.number().int().positive(), changes: metricValueChangesSchema });
export const deleteMetricValueSchema = z.object({ id: z.number().int().positive() });

export type MetricValueChanges = z.infer<typeof metricValueChangesSchema>;
