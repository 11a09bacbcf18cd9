/** zod schemas for roadmap items, shared by the roadmap editor, its actions and the API. */
import { eventDate } from "./dates";
import { z } from "./zod";
import { visibleText } from "./text";
import { ROADMAP_KIND, ROADMAP_STATUS, TRACKER_KIND } from "@/lib/domain";

export const ROADMAP_LIMITS = { title: 160, description: 4_000, links: 10 } as const;

export const trackerLinkSchema = z.object({
  kind: z.enum(TRACKER_KIND, { error: "Pick a tracker" }),
  label: z.string().trim().min(1, { error: "Give the link a label" }).max(80).check(visibleText),
  url: z.url({ protocol: /^https?$/, error: "Enter a full http(s) address" }).max(2_000),
});

export const roadmapFieldsSchema = z.object({
  title: z
    .string()
    .trim()
    .min(1, { error: "Give the item a title" })
    .max(ROADMAP_LIMITS.title, { error: `Keep the title under ${ROADMAP_LIMITS.title} characters` })
    .check(visibleText),
  description: z.string().max(ROADMAP_LIMITS.description, {
    error: `Keep the description under ${ROADMAP_LIMITS.description.toLocaleString("en-US")} characters`,
  }),
  status: z.enum(ROADMAP_STATUS, { error: "Pick a status" }),
  kind: z.enum(ROADMAP_KIND, { error: "Pick a kind" }),
  helpWanted: z.boolean(),
  links: z.array(trackerLinkSchema).max(ROADMAP_LIMITS.links, { error: `At most ${ROADMAP_LIMITS.links} links` }),
  /**
   * The day a done item was delivered: none keeps the day it has (today when it becomes
   * done); an earlier day records history. Ignored while the item is not done.
   */
  deliveredOn: eventDate
    .nullable()
    .optional()
    .meta({ description: "The day a done item was delivered (YYYY-MM-DD, never in the future); a past day needs history.backdate." }),
});

export const createRoadmapItemSchema = roadmapFieldsSchema.extend({ team: z.string().min(1), cycle: z.string().min(1) });
export const editRoadmapItemSchema = roadmapFieldsSchema.extend({
  id: z.number().int().positive(),
  expectedVersion: z.number().int().positive(),
});
export const carryOverSchema = z.object({
  team: z.string().min(1),
  from: z.string().min(1),
  to: z.string().min(1, { error: "Pick the cycle to carry into" }),
});

export type RoadmapFields = z.infer<typeof roadmapFieldsSchema>;
export type CreateRoadmapItemInput = z.infer<typeof createRoadmapItemSchema>;
export type EditRoadmapItemInput = z.infer<typeof editRoadmapItemSchema>;
export type CarryOverInput = z.infer<typeof carryOverSchema>;
