/**
 * Bodies and filters of the JSON API (/api/v1), built from the entity schemas the forms use.
 * Bodies are strict: an unknown field (a typo such as "sumary") is refused by name rather
 * than silently dropped. The OpenAPI document is generated from these same schemas.
 */
import { z } from "./zod";
import { observedAt } from "./dates";
import { bySection, HEALTH, HELP_STATUS, ROADMAP_STATUS, UPDATE_STATE } from "@/lib/domain";
import { roadmapFieldsSchema } from "./roadmap";
import { updateContentSchema, updateLinkSchema, UPDATE_LIMITS } from "./update";

const slug = (what: string) => z.string({ error: `Name the ${what} by its slug` }).trim().min(1, { error: `Name the ${what} by its slug` }).max(80);
const version = z.number({ error: "Send the version you started from" }).int({ error: "Send the version you started from" }).positive().max(Number.MAX_SAFE_INTEGER);
const content = updateContentSchema.shape;

export const postUpdateSchema = z.strictObject({
  team: slug("team").meta({ examples: ["test"] }),
  cycle: slug("cycle").meta({ examples: ["10.0"] }),
  gathering: slug("gathering").nullable().default(null).meta({ description: "A gathering of the cycle this update reports on (its slug)." }),
  headline: content.headline,
  health: content.health,
  ...bySection((key) => content[key].default("")),
  privateNote: content.privateNote.default("").meta({ description: "Seen only by the team's leads, release managers and admins." }),
  links: z.array(updateLinkSchema).max(UPDATE_LIMITS.links, { error: `At most ${UPDATE_LIMITS.links} links` }).default([]),
  publish: z.boolean({ error: "publish is true or false" }).default(false).meta({ description: "Publish at once; otherwise the update is saved as a draft." }),
});

export const patchUpdateSchema = z
  .strictObject({
    version: version.meta({ description: "The version you read; if someone saved since, the answer is 409." }),
    ...updateContentSchema.partial().shape,
    publish: z.literal(true, { error: "publish can only be true (a published update stays published)" }).optional(),
  })
  .refine((body) => Object.keys(body).length > 1, { error: "Nothing to change" });

export const postRoadmapItemSchema = z.strictObject({
  team: slug("team"),
  cycle: slug("cycle"),
  title: roadmapFieldsSchema.shape.title,
  description: roadmapFieldsSchema.shape.description.default(""),
  status: roadmapFieldsSchema.shape.status.default("planned"),
  kind: roadmapFieldsSchema.shape.kind.default("feature"),
  helpWanted: roadmapFieldsSchema.shape.helpWanted.default(false),
  links: roadmapFieldsSchema.shape.links.default([]),
});

export const patchRoadmapItemSchema = z
  .strictObject({ version, ...roadmapFieldsSchema.partial().shape })
  .refine((body) => Object.keys(body).length > 1, { error: "Nothing to change" });

export const recordMetricValueSchema = z.strictObject({
  team: slug("team").meta({ examples: ["test"] }),
  cycle: slug("cycle").meta({ examples: ["10.0"] }),
  metric: z.string({ error: "Name the metric by its key" }).min(1, { error: "Name the metric by its key" }).max(80).meta({ examples: ["manual_test_cases"] }),
  value: z.number({ error: "Send the value as a number" }).finite({ error: "Send the value as a number" }).min(-1e12, { error: "Too small" }).max(1e12, { error: "Too large" }),
  observedAt: observedAt.optional().meta({ description: "When it was measured; defaults to now." }),
  note: z.string({ error: "The note is text" }).max(500, { error: "Keep the note under 500 characters" }).default(""),
});

const optionalSlug = z.string().max(80).optional();

export const updateFiltersSchema = z.object({
  team: optionalSlug,
  health: z.enum(HEALTH, { error: `health is one of ${HEALTH.join(", ")}` }).optional(),
  state: z.enum(UPDATE_STATE, { error: `state is one of ${UPDATE_STATE.join(", ")}` }).optional(),
});
export const roadmapFiltersSchema = z.object({ team: optionalSlug, cycle: optionalSlug, status: z.enum(ROADMAP_STATUS, { error: `status is one of ${ROADMAP_STATUS.join(", ")}` }).optional() });
export const metricValueFiltersSchema = z.object({ team: optionalSlug, cycle: optionalSlug, metric: optionalSlug });
export const metricFiltersSchema = z.object({ team: optionalSlug });
export const helpRequestFiltersSchema = z.object({ team: optionalSlug, cycle: optionalSlug, status: z.enum(HELP_STATUS, { error: `status is one of ${HELP_STATUS.join(", ")}` }).optional() });
export const cycleFiltersSchema = z.object({ cycle: optionalSlug });
export const noFiltersSchema = z.object({});

export type PostUpdateInput = z.infer<typeof postUpdateSchema>;
export type PatchUpdateInput = z.infer<typeof patchUpdateSchema>;
export type PostRoadmapItemInput = z.infer<typeof postRoadmapItemSchema>;
export type PatchRoadmapItemInput = z.infer<typeof patchRoadmapItemSchema>;
export type RecordMetricValueInput = z.infer<typeof recordMetricValueSchema>;
export type UpdateFilters = z.infer<typeof updateFiltersSchema>;
export type RoadmapFilters = z.infer<typeof roadmapFiltersSchema>;
export type MetricValueFilters = z.infer<typeof metricValueFiltersSchema>;
export type HelpRequestFilters = z.infer<typeof helpRequestFiltersSchema>;
