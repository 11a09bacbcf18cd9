/** zod schemas for updates, shared by the editor form, its server actions and the API. */
import { z } from "zod";
import { HEALTH } from "@/lib/domain";

export const UPDATE_LIMITS = {
  headline: 160,
  section: 20_000,
  privateNote: 5_000,
} as const;

const section = z
  .string()
  .max(UPDATE_LIMITS.section, { error: `Keep each section under ${UPDATE_LIMITS.section.toLocaleString("en-US")} characters` });

export const updateContentSchema = z.object({
  headline: z
    .string()
    .trim()
    .min(1, { error: "Give the update a one-line headline" })
    .max(UPDATE_LIMITS.headline, { error: `Keep the headline under ${UPDATE_LIMITS.headline} characters` }),
  health: z.enum(HEALTH, { error: "Pick one of the health values" }),
  summary: section,
  done: section,
  inProgress: section,
  planned: section,
  risks: section,
  helpWanted: section,
  privateNote: z.string().max(UPDATE_LIMITS.privateNote, { error: `Keep the note under ${UPDATE_LIMITS.privateNote} characters` }),
});

export const editUpdateSchema = z.object({
  id: z.coerce.number().int().positive(),
  /** The version the editor started from; a save from an older one is a conflict. */
  expectedVersion: z.coerce.number().int().positive(),
  changes: updateContentSchema.partial().refine((c) => Object.keys(c).length > 0, { error: "Nothing to change" }),
});

export type UpdateContent = z.infer<typeof updateContentSchema>;
export type EditUpdateInput = z.infer<typeof editUpdateSchema>;
