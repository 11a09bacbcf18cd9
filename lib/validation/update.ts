/** zod schemas for updates, shared by the editor (in the browser), its server actions and the API. */
import { eventDate } from "./dates";
import { renderableMarkdown } from "./markdown";
import { z } from "./zod";
import { visibleText } from "./text";
import { metricValueInput } from "./metrics";
import { bySection, HEALTH } from "@/lib/domain";

export const UPDATE_LIMITS = {
  headline: 160,
  section: 20_000,
  privateNote: 5_000,
  links: 20,
  linkLabel: 120,
} as const;

const section = z
  .string()
  .max(UPDATE_LIMITS.section, { error: `Keep each section under ${UPDATE_LIMITS.section.toLocaleString("en-US")} characters` })
  .check(renderableMarkdown);

export const updateContentSchema = z.object({
  headline: z
    .string()
    .trim()
    .min(1, { error: "Give the update a one-line headline" })
    .max(UPDATE_LIMITS.headline, { error: `Keep the headline under ${UPDATE_LIMITS.headline} characters` })
    .check(visibleText),
  health: z.enum(HEALTH, { error: "Pick one of the health values" }),
  ...bySection(() => section),
  privateNote: z
    .string()
    .max(UPDATE_LIMITS.privateNote, { error: `Keep the note under ${UPDATE_LIMITS.privateNote.toLocaleString("en-US")} characters` }),
});

export const updateLinkSchema = z.object({
  label: z
    .string()
    .trim()
    .min(1, { error: "Give the link a label" })
    .max(UPDATE_LIMITS.linkLabel, { error: `Keep the label under ${UPDATE_LIMITS.linkLabel} characters` })
    .check(visibleText),
  url: z.url({ protocol: /^https?$/, error: "Enter a full http(s) address" }).max(2_000),
});

export const metricEntrySchema = z.object({
  metricId: z.number().int().positive(),
  /** What was typed, read by the metric's kind on the server (lib/metrics.ts); null clears the value this update reported. */
  value: metricValueInput.nullable(),
});

/** Everything the editor holds: content, gathering, links and the numbers this update reports. */
export const editorChangesSchema = z.object({
  gatheringSlug: z.string().max(80).nullable(),
  content: updateContentSchema,
  links: z.array(updateLinkSchema).max(UPDATE_LIMITS.links, { error: `At most ${UPDATE_LIMITS.links} links` }),
  metrics: z.array(metricEntrySchema).max(100),
});

export const saveUpdateSchema = z.object({
  id: z.number().int().positive(),
  /** The version the editor started from; a save from an older one is a conflict. */
  expectedVersion: z.number().int().positive(),
  ...editorChangesSchema.shape,
});

export const editUpdateSchema = z.object({
  id: z.coerce.number().int().positive(),
  expectedVersion: z.coerce.number().int().positive(),
  changes: updateContentSchema.partial().refine((c) => Object.keys(c).length > 0, { error: "Nothing to change" }),
});

export const startUpdateSchema = z.object({
  team: z.string().min(1, { error: "Pick a team" }),
  cycle: z.string().min(1, { error: "Pick a cycle" }),
  prefill: z.boolean(),
});

/** A server action's arguments arrive as the browser sent them: checked like any other input. */
export const discardDraftSchema = z.object({
  id: z.number().int().positive(),
  teamSlug: z.string().regex(/^[a-z0-9][a-z0-9-]*$/),
});

export const publishUpdateSchema = z.object({
  id: z.number().int().positive(),
  expectedVersion: z.number().int().positive(),
  /** What the editor holds that is not saved yet, saved in the same step; null when all is saved. */
  changes: editorChangesSchema.nullable(),
  /** The day it reports on when that is not today (history entered later); none or null: now. */
  asOf: eventDate.nullable().optional(),
});

/** Dates a published update as of another day. */
export const updateAsOfSchema = z.object({
  id: z.coerce.number().int().positive(),
  asOf: eventDate,
});

export type UpdateContent = z.infer<typeof updateContentSchema>;
export type EditUpdateInput = z.infer<typeof editUpdateSchema>;
export type EditorChanges = z.infer<typeof editorChangesSchema>;
export type SaveUpdateInput = z.infer<typeof saveUpdateSchema>;
export type PublishUpdateInput = z.infer<typeof publishUpdateSchema>;
export type UpdateAsOfInput = z.infer<typeof updateAsOfSchema>;
export type StartUpdateInput = z.infer<typeof startUpdateSchema>;
