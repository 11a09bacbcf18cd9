/**
 * zod schemas for people, shared by the admin forms, their actions and `npm run user:create`.
 * Only an admin changes a person's name, role or active state, through these (README:
 * "Who may change what about a person").
 */
import { z } from "./zod";
import { visibleText } from "./text";
import { ROLES } from "@/lib/domain";

const slug = z.string().regex(/^[a-z0-9][a-z0-9-]*$/, { error: "Not a team slug" });

export const createPersonSchema = z.object({
  name: z
    .string()
    .trim()
    .min(1, { error: "Enter the person's name" })
    .max(120, { error: "Keep the name under 120 characters" })
    .check(visibleText),
  email: z.email({ error: "Enter a valid email address" }).max(254),
  role: z.enum(ROLES, { error: "Pick admin, release_manager or member" }),
  leads: z.array(slug).max(50).default([]),
});

export const editPersonSchema = z.object({
  id: z.string().min(1),
  name: createPersonSchema.shape.name.optional(),
  role: createPersonSchema.shape.role.optional(),
  active: z.boolean().optional(),
  leads: z.array(slug).max(50).optional(),
});

export type CreatePersonInput = z.infer<typeof createPersonSchema>;
export type EditPersonInput = z.infer<typeof editPersonSchema>;
