/** zod schemas for release cycles, shared by the cycle forms, their actions and the API. */
import { renderableMarkdown } from "./markdown";
import { z } from "./zod";
import { eventDate, planDate } from "./dates";
import { visibleText } from "./text";
import {
  CYCLE_STATUS,
  METRIC_AGGREGATION,
  METRIC_DECIMALS,
  METRIC_DIRECTION,
  METRIC_KIND,
  RECAP_SECTION,
  TOPIC_OUTCOME,
} from "@/lib/domain";

/** A cycle's dates in order: the release cannot come before the start. */
function releaseNotBeforeStart<T extends z.ZodType<{ startsOn: string; targetReleaseOn: string }>>(schema: T): T {
  return schema.refine((c) => c.targetReleaseOn >= c.startsOn, {
    path: ["targetReleaseOn"],
    error: "The release cannot come before the start",
  });
}

export const createCycleSchema = releaseNotBeforeStart(
  z.object({
    name: z
      .string()
      .trim()
      .min(1, { error: "Name the cycle, e.g. 11.0" })
      .max(40)
      .regex(/^[A-Za-z0-9][A-Za-z0-9.-]*$/, { error: "Use letters, digits, dots and dashes" }),
    status: z.enum(CYCLE_STATUS).default("planning"),
    startsOn: planDate,
    targetReleaseOn: planDate,
    summary: z.string().max(4_000).check(renderableMarkdown).default(""),
  }),
);

export type CreateCycleInput = z.infer<typeof createCycleSchema>;

export const milestoneSchema = z.object({
  cycle: z.string().min(1),
  name: z
    .string()
    .trim()
    .min(1, { error: "Name the milestone" })
    .max(80, { error: "Keep the name under 80 characters" })
    .check(visibleText),
  dueOn: planDate,
  doneOn: eventDate.nullable().default(null),
});

export type MilestoneInput = z.infer<typeof milestoneSchema>;

export const newCycleSchema = releaseNotBeforeStart(
  z.object({
    name: createCycleSchema.shape.name,
    startsOn: planDate,
    targetReleaseOn: planDate,
    /** The cycle whose milestones are copied, shifted by the difference in start dates. */
    template: z
      .string()
      .optional()
      .transform((v) => v || null),
  }),
);

export const cycleStatusSchema = z.object({
  cycle: z.string().min(1),
  status: z.enum(CYCLE_STATUS, { error: "Pick a status" }),
  /** The day it was released: today by default, an earlier day when history is entered later. */
  releasedOn: z.union([eventDate, z.literal("")]).transform((v) => v || null),
});

export const milestoneDoneSchema = z.object({
  id: z.coerce.number().int().positive(),
  /** The day it was done (empty reopens it). */
  doneOn: z.union([eventDate, z.literal("")]).transform((v) => v || null),
});

export const topicSchema = z
  .object({
    cycle: z.string().min(1),
    title: z.string().trim().min(1, { error: "Give the topic a title" }).max(160).check(visibleText),
    notes: z.string().max(20_000, { error: "Keep the notes under 20,000 characters" }).check(renderableMarkdown),
    outcome: z.enum(TOPIC_OUTCOME),
    // SQLite's length() stops at a NUL, so "\0" would pass here and fail the table's check.
    decision: z
      .string()
      .trim()
      .max(2_000)
      .regex(/^[^\0]*$/, { error: "Remove the NUL character from the decision" }),
    actionItems: z.string().max(5_000).default(""),
    /** The gathering where it was discussed (its slug), if any: only that gathering's recap shows it. */
    gathering: z
      .string()
      .optional()
      .transform((v) => v || null),
  })
  .refine((t) => t.outcome === "no_decision" || t.decision.length > 0, { path: ["decision"], error: "Write down the decision" });

const decimalsMessage = `Use ${METRIC_DECIMALS.min} to ${METRIC_DECIMALS.max} decimals`;

const metricDefinitionFields = z.object({
  key: z.string().regex(/^[a-z0-9_]{2,60}$/, { error: "Use 2 to 60 lowercase letters, digits and underscores" }),
  label: z.string().trim().min(1, { error: "Give the metric a label" }).max(80).check(visibleText),
  kind: z.enum(METRIC_KIND, { error: "Pick a kind" }),
  /** A decimal metric's precision; left empty, 2. Ignored for the other kinds. */
  decimals: z
    .union(
      [
        z.literal("").transform(() => null),
        z.null(),
        z.coerce
          .number({ error: decimalsMessage })
          .int({ error: decimalsMessage })
          .min(METRIC_DECIMALS.min, { error: decimalsMessage })
          .max(METRIC_DECIMALS.max, { error: decimalsMessage }),
      ],
      { error: decimalsMessage },
    )
    .optional()
    .transform((v) => v ?? null),
  direction: z.enum(METRIC_DIRECTION, { error: "Pick which way is better" }),
  aggregation: z.enum(METRIC_AGGREGATION, { error: "Pick how a cycle's figure is formed" }),
  team: z
    .string()
    .optional()
    .transform((v) => v || null),
});

/** Precision belongs to decimals alone; a version is never added up or averaged. */
function kindRules<T extends z.ZodType<{ kind: (typeof METRIC_KIND)[number]; decimals: number | null; aggregation: string }>>(schema: T) {
  return schema
    .refine((m) => m.kind !== "version" || m.aggregation === "latest", {
      path: ["aggregation"],
      error: "A version's figure is each team's latest: pick latest",
    })
    .transform((m) => ({ ...m, decimals: m.kind === "decimal" ? (m.decimals ?? 2) : null }));
}

export const metricDefinitionSchema = kindRules(metricDefinitionFields);

export type NewCycleInput = z.infer<typeof newCycleSchema>;
export type CycleStatusInput = z.infer<typeof cycleStatusSchema>;
export type TopicInput = z.infer<typeof topicSchema>;
export type MetricDefinitionInput = z.infer<typeof metricDefinitionSchema>;

export const cycleDetailsSchema = releaseNotBeforeStart(
  z.object({
    cycle: z.string().min(1),
    startsOn: planDate,
    targetReleaseOn: planDate,
    summary: z.string().max(4_000, { error: "Keep the summary under 4,000 characters" }).check(renderableMarkdown),
  }),
);

export const editMilestoneSchema = z.object({
  id: z.coerce.number().int().positive(),
  name: milestoneSchema.shape.name,
  dueOn: planDate,
});

export const editTopicSchema = topicSchema.safeExtend({ id: z.coerce.number().int().positive() });

const optionalUrl = z
  .union([z.url({ protocol: /^https?$/, error: "Enter a full http(s) address" }), z.literal("")])
  .transform((v) => v || null);

export const gatheringSchema = z
  .object({
    cycle: z.string().min(1),
    name: z.string().trim().min(1, { error: "Name the gathering" }).max(120).check(visibleText),
    slug: z.string().regex(/^[a-z0-9][a-z0-9-]{1,60}$/, { error: "Use lowercase letters, digits and dashes" }),
    startsOn: planDate,
    endsOn: planDate,
    websiteUrl: optionalUrl,
    etherpadUrl: optionalUrl,
    recordingUrl: optionalUrl,
    /** The cycle it wraps up, when it sits between two releases (a slug; empty for none). */
    wrapsCycle: z
      .string()
      .optional()
      .transform((v) => v || null),
  })
  .refine((g) => g.endsOn >= g.startsOn, { path: ["endsOn"], error: "It cannot end before it starts" })
  .refine((g) => g.wrapsCycle !== g.cycle, { path: ["wrapsCycle"], error: "Pick the cycle it wraps up, not the one it plans" });

export type CycleDetailsInput = z.infer<typeof cycleDetailsSchema>;
export type EditMilestoneInput = z.infer<typeof editMilestoneSchema>;
export type EditTopicInput = z.infer<typeof editTopicSchema>;
export type GatheringInput = z.infer<typeof gatheringSchema>;

export const editGatheringSchema = gatheringSchema.safeExtend({ id: z.coerce.number().int().positive() });
export const editMetricDefinitionSchema = kindRules(
  metricDefinitionFields.omit({ key: true, team: true }).extend({ key: z.string().min(1), retired: z.boolean() }),
);

export type EditGatheringInput = z.infer<typeof editGatheringSchema>;
export type EditMetricDefinitionInput = z.infer<typeof editMetricDefinitionSchema>;

const recapMarkdown = (what: string) =>
  z
    .string()
    .max(20_000, { error: `Keep the ${what} under 20,000 characters` })
    .check(renderableMarkdown)
    .default("");

/** What a gathering's recap says around the teams' sections, and which teams and sections it shows (null: all). */
export const gatheringRecapSchema = z.object({
  id: z.coerce.number().int().positive(),
  intro: recapMarkdown("introduction"),
  closing: recapMarkdown("closing"),
  teams: z.array(z.string().min(1).max(80)).max(500).nullable().default(null),
  sections: z
    .array(z.enum(RECAP_SECTION, { error: "Pick sections from the list" }))
    .nullable()
    .default(null),
});

export type GatheringRecapInput = z.infer<typeof gatheringRecapSchema>;

/** A recap's "as of" day: an ISO date, or "now" for the current view. */
export const recapAsOfSchema = z.union([z.literal("now"), planDate]).optional();
