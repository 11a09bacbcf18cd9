/**
 * The JSON API's contract (/api/v1): bodies and filters, built from the entity schemas the
 * forms use, and each resource's answer. Bodies are strict: an unknown field (a typo such as
 * "sumary") is refused by name rather than silently dropped. Each route's operation.ts pairs
 * these schemas with its method and path; the OpenAPI document is generated from those.
 */
import { z } from "./zod";
import { eventDate, observedAt } from "./dates";
import {
  ACTION_ITEM_STATUS,
  bySection,
  CYCLE_STATUS,
  HEALTH,
  HELP_STATUS,
  METRIC_AGGREGATION,
  METRIC_DIRECTION,
  METRIC_KIND,
  METRIC_UNIT,
  REVIEW_STATE,
  ROADMAP_KIND,
  ROADMAP_STATUS,
  TEAM_LINK_KIND,
  TOPIC_OUTCOME,
  TRACKER_KIND,
  UPDATE_SECTIONS,
  UPDATE_STATE,
  type UpdateSectionKey,
} from "@/lib/domain";
import { metricNote, metricValueInput } from "./metrics";
import { roadmapFieldsSchema } from "./roadmap";
import { updateContentSchema, updateLinkSchema, UPDATE_LIMITS } from "./update";

const slug = (what: string) =>
  z
    .string({ error: `Name the ${what} by its slug` })
    .trim()
    .min(1, { error: `Name the ${what} by its slug` })
    .max(80);
const version = z
  .number({ error: "Send the version you started from" })
  .int({ error: "Send the version you started from" })
  .positive()
  .max(Number.MAX_SAFE_INTEGER);
const content = updateContentSchema.shape;
const asOf = eventDate.meta({
  description:
    "The day the update reports on, when history is entered later (YYYY-MM-DD, never in the future; default: now). Only with publish, or on a published update; a past day needs the history.backdate permission.",
  examples: ["2024-03-01"],
});

export const postUpdateSchema = z.strictObject({
  team: slug("team").meta({ examples: ["test"] }),
  cycle: slug("cycle").meta({ examples: ["10.0"] }),
  gathering: slug("gathering")
    .nullable()
    .default(null)
    .meta({ description: "A gathering of the cycle this update reports on (its slug)." }),
  headline: content.headline,
  health: content.health,
  ...bySection((key) => content[key].default("")),
  privateNote: content.privateNote.default("").meta({ description: "Seen only by the team's leads, release managers and admins." }),
  links: z
    .array(updateLinkSchema)
    .max(UPDATE_LIMITS.links, { error: `At most ${UPDATE_LIMITS.links} links` })
    .default([]),
  publish: z
    .boolean({ error: "publish is true or false" })
    .default(false)
    .meta({ description: "Publish at once; otherwise the update is saved as a draft." }),
  asOf: asOf.optional(),
});

export const patchUpdateSchema = z
  .strictObject({
    version: version.meta({ description: "The version you read; if someone saved since, the answer is 409." }),
    ...updateContentSchema.partial().shape,
    publish: z.literal(true, { error: "publish can only be true (a published update stays published)" }).optional(),
    asOf: asOf.optional(),
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
  deliveredOn: roadmapFieldsSchema.shape.deliveredOn,
});

export const patchRoadmapItemSchema = z
  .strictObject({ version, ...roadmapFieldsSchema.partial().shape })
  .refine((body) => Object.keys(body).length > 1, { error: "Nothing to change" });

export const recordMetricValueSchema = z.strictObject({
  team: slug("team").meta({ examples: ["test"] }),
  cycle: slug("cycle").meta({ examples: ["10.0"] }),
  metric: z
    .string({ error: "Name the metric by its key" })
    .min(1, { error: "Name the metric by its key" })
    .max(80)
    .meta({ examples: ["manual_test_cases"] }),
  value: metricValueInput.meta({
    description:
      'A number (a duration in seconds), or text the metric\'s kind reads: a version exactly as released ("1.32"), a duration ("1h 30m").',
  }),
  observedAt: observedAt.optional().meta({ description: "When it was measured; defaults to now." }),
  note: metricNote.default(""),
});

const optionalSlug = z.string().max(80).optional();

export const updateFiltersSchema = z.object({
  team: optionalSlug,
  health: z.enum(HEALTH, { error: `health is one of ${HEALTH.join(", ")}` }).optional(),
  state: z.enum(UPDATE_STATE, { error: `state is one of ${UPDATE_STATE.join(", ")}` }).optional(),
});
export const roadmapFiltersSchema = z.object({
  team: optionalSlug,
  cycle: optionalSlug,
  status: z.enum(ROADMAP_STATUS, { error: `status is one of ${ROADMAP_STATUS.join(", ")}` }).optional(),
});
export const metricValueFiltersSchema = z.object({ team: optionalSlug, cycle: optionalSlug, metric: optionalSlug });
export const metricFiltersSchema = z.object({ team: optionalSlug });
export const helpRequestFiltersSchema = z.object({
  team: optionalSlug,
  cycle: optionalSlug,
  status: z.enum(HELP_STATUS, { error: `status is one of ${HELP_STATUS.join(", ")}` }).optional(),
});
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

/*
 * Answers: what each resource looks like on the way out. Strict, so a field the data layer
 * adds or renames without changing its contract fails the response check in lib/http/api.ts.
 */
const dateTime = z.iso.datetime();
/** A figure or value: a number (a duration in seconds), or a version's text exactly as entered. */
const figure = z.union([z.number(), z.string()]);
const date = z.iso.date();
const named = z.strictObject({ slug: z.string(), name: z.string() });
const updateSections = {
  headline: z.string(),
  health: z.enum(HEALTH),
  ...(Object.fromEntries(UPDATE_SECTIONS.map(([key]) => [key, z.string()])) as Record<UpdateSectionKey, z.ZodString>),
};
const privateNote = z.string().optional().meta({ description: "Only for callers allowed to read the team's drafts." });

const cycleFields = {
  slug: z.string(),
  name: z.string(),
  status: z.enum(CYCLE_STATUS),
  startsOn: date,
  targetReleaseOn: date,
  releasedOn: date.nullable(),
  summary: z.string(),
  teamsReporting: z.int().meta({ description: "How many teams have published an update in this cycle." }),
};
export const cycleSchema = z.strictObject({ id: z.int(), ...cycleFields });
export const milestoneSchema = z.strictObject({ name: z.string(), dueOn: date, doneOn: date.nullable() });
export const cycleDetailSchema = z.strictObject({
  ...cycleFields,
  milestones: z.array(milestoneSchema),
  gatherings: z.array(
    z.strictObject({
      slug: z.string(),
      name: z.string(),
      startsOn: date,
      endsOn: date,
      etherpadUrl: z.string().nullable(),
      websiteUrl: z.string().nullable(),
    }),
  ),
});

export const teamSchema = z.strictObject({
  slug: z.string(),
  name: z.string(),
  mission: z.string(),
  leads: z.array(z.string()),
  latestUpdate: z.strictObject({ id: z.int(), cycleName: z.string(), health: z.enum(HEALTH), publishedAt: dateTime }).nullable(),
});
export const teamDetailSchema = z.strictObject({
  slug: z.string(),
  name: z.string(),
  mission: z.string(),
  archived: z.boolean(),
  leads: z.array(z.string()),
  shepherd: z.string().nullable(),
  links: z.array(z.strictObject({ kind: z.enum(TEAM_LINK_KIND), label: z.string(), url: z.string() })),
  currentUpdateId: z.int().nullable(),
  numbers: z.array(
    z.strictObject({
      key: z.string(),
      label: z.string(),
      unit: z.enum(METRIC_UNIT).meta({ description: "Before kinds: count or percent. Read `kind`." }),
      kind: z.enum(METRIC_KIND),
      decimals: z.int().nullable(),
      byCycle: z.array(z.strictObject({ cycleSlug: z.string(), cycleName: z.string(), value: figure.nullable() })),
    }),
  ),
});

export const updateSummarySchema = z.strictObject({
  id: z.int(),
  ...updateSections,
  state: z.enum(UPDATE_STATE),
  reviewState: z.enum(REVIEW_STATE),
  version: z.int(),
  team: named,
  cycle: named,
  publishedAt: dateTime.nullable(),
  updatedAt: dateTime.nullable(),
  privateNote,
});
export const updateDetailSchema = z.strictObject({
  id: z.int(),
  ...updateSections,
  state: z.enum(UPDATE_STATE),
  reviewState: z.enum(REVIEW_STATE),
  version: z.int(),
  team: named,
  cycle: named,
  gathering: z.strictObject({ slug: z.string(), name: z.string(), etherpadUrl: z.string().nullable() }).nullable(),
  author: z.string().nullable(),
  links: z.array(z.strictObject({ label: z.string(), url: z.string() })),
  revisions: z
    .array(
      z.strictObject({
        version: z.int(),
        createdAt: z.number().meta({ description: "Milliseconds since 1970-01-01 UTC." }),
        editor: z.string().nullable(),
        // Revisions keep the fields as they were saved, so an old one may lack a field added since.
        snapshot: z.strictObject({
          ...z.strictObject(updateSections).partial().shape,
          links: z.array(z.strictObject({ label: z.string(), url: z.string() })),
        }),
      }),
    )
    .meta({ description: "Newest first: the public fields as they were at each version." }),
  publishedAt: dateTime.nullable().meta({ description: "The moment it speaks for: when published, or noon UTC of its asOf day." }),
  enteredAt: dateTime.nullable().meta({ description: "When it was really published; null for updates older than this record." }),
  updatedAt: dateTime,
  privateNote,
});
export const postedUpdateSchema = z.strictObject({ id: z.int(), version: z.int(), state: z.enum(UPDATE_STATE), url: z.string() });
export const patchedUpdateSchema = z.strictObject({ id: z.int(), version: z.int(), url: z.string() });

export const roadmapItemSchema = z.strictObject({
  id: z.int(),
  version: z.int(),
  team: z.string(),
  cycle: z.string(),
  title: z.string(),
  description: z.string(),
  status: z.enum(ROADMAP_STATUS),
  kind: z.enum(ROADMAP_KIND),
  helpWanted: z.boolean(),
  carriedFromId: z.int().nullable().meta({ description: "The item this one was carried over from, in an earlier cycle." }),
  links: z.array(z.strictObject({ kind: z.enum(TRACKER_KIND), label: z.string(), url: z.string() })),
  deliveredOn: date.nullable().meta({ description: "The day it was delivered, while it is done." }),
  updatedAt: dateTime.nullable(),
});
export const savedRoadmapItemSchema = z.strictObject({ id: z.int(), version: z.int() });

export const metricSchema = z.strictObject({
  key: z.string(),
  label: z.string(),
  description: z.string(),
  unit: z.enum(METRIC_UNIT).meta({ description: "Before kinds: count or percent. Read `kind`." }),
  kind: z.enum(METRIC_KIND),
  decimals: z.int().nullable().meta({ description: "A decimal metric's precision; null for the other kinds." }),
  direction: z.enum(METRIC_DIRECTION),
  aggregation: z.enum(METRIC_AGGREGATION),
  team: z.string().nullable().meta({ description: "The team that owns it; null for a community-wide metric." }),
  retired: z.boolean(),
});
export const metricValueSchema = z.strictObject({
  id: z.int(),
  metric: z.string(),
  team: z.string(),
  cycle: z.string(),
  value: figure,
  observedAt: dateTime.nullable(),
  note: z.string(),
  sourceUpdateId: z.int().nullable().meta({ description: "The update that reported it; null when recorded directly." }),
  recordedBy: z
    .discriminatedUnion("via", [
      z.strictObject({ via: z.literal("update"), updateId: z.int(), headline: z.string(), person: z.string().nullable() }),
      z.strictObject({ via: z.literal("token"), token: z.string(), person: z.string().nullable() }),
      z.strictObject({ via: z.literal("person"), person: z.string() }),
      z.strictObject({ via: z.literal("system") }),
    ])
    .meta({ description: "Who or what recorded it: an update, an API token (and its owner), a person, or a command-line tool." }),
  countsInFigure: z.boolean().meta({
    description: "Whether it makes up its cycle's figure: false when a later update of the team reported the metric again, replacing it.",
  }),
});
export const recordedMetricValueSchema = z.strictObject({ id: z.int() });
export const deletedMetricValueSchema = z.strictObject({ id: z.int() });

export const helpRequestSchema = z.strictObject({
  id: z.int(),
  team: z.string(),
  cycle: z.string(),
  roadmapItemId: z.int().nullable(),
  title: z.string(),
  details: z.string(),
  linkUrl: z.string().nullable(),
  contact: z.string(),
  owner: z.string().nullable(),
  takenByName: z.string().nullable(),
  status: z.enum(HELP_STATUS),
  updatedAt: dateTime.nullable(),
});

export const topicSchema = z.strictObject({
  id: z.int(),
  cycle: z.string(),
  gathering: z.string().nullable(),
  title: z.string(),
  notes: z.string(),
  outcome: z.enum(TOPIC_OUTCOME),
  decision: z.string(),
  actionItems: z.array(
    z.strictObject({
      id: z.int(),
      description: z.string(),
      ownerName: z.string(),
      status: z.enum(ACTION_ITEM_STATUS),
      dueOn: date.nullable(),
    }),
  ),
});

export const gatheringSchema = z.strictObject({
  slug: z.string(),
  name: z.string(),
  cycle: z.string(),
  wrapsCycle: z.string().nullable().meta({ description: "The cycle whose work this gathering looks back on, when it is not its own." }),
  startsOn: date,
  endsOn: date,
  websiteUrl: z.string().nullable(),
  etherpadUrl: z.string().nullable(),
  recordingUrl: z.string().nullable(),
});
