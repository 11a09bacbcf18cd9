/** zod schemas for teams and their links hub, shared by the admin forms, lead forms and actions. */
import { renderableMarkdown } from "./markdown";
import { z } from "./zod";
import { visibleText } from "./text";
import { TEAM_LINK_KIND } from "@/lib/domain";

export const TEAM_LIMITS = { name: 80, slug: 40, mission: 2_000, links: 30 } as const;

/**
 * The slug the team form suggests for a name ("Distro & Multi-OS" → "distro-multi-os"):
 * accents dropped, anything else between words a dash, at most TEAM_LIMITS.slug long.
 * Empty when the name has no letter or digit that fits an address; the admin types one then.
 */
export function suggestSlug(name: string): string {
  const words = name
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
  let slug = "";
  for (const word of words) {
    const next = slug ? `${slug}-${word}` : word;
    if (next.length > TEAM_LIMITS.slug) return slug || word.slice(0, TEAM_LIMITS.slug);
    slug = next;
  }
  return slug.length >= 2 ? slug : "";
}

const httpUrl = z
  .url({ protocol: /^https?$/, error: "Enter a full http(s) address" })
  .max(2_000, { error: "Keep addresses under 2,000 characters" });

export const teamFieldsSchema = z.object({
  name: z
    .string()
    .trim()
    .min(1, { error: "Enter the team's name" })
    .max(TEAM_LIMITS.name, { error: `Keep the name under ${TEAM_LIMITS.name} characters` })
    .check(visibleText),
  slug: z
    .string()
    .trim()
    // One message at a time: an empty slug is too short, not also malformed.
    .min(2, { error: "Use at least 2 characters, e.g. distro-multi-os", abort: true })
    .max(TEAM_LIMITS.slug, { error: `Keep the slug under ${TEAM_LIMITS.slug} characters`, abort: true })
    .regex(/^[a-z0-9][a-z0-9-]*$/, { error: "Use lowercase letters, digits and dashes" }),
  mission: z
    .string()
    .max(TEAM_LIMITS.mission, { error: `Keep the mission under ${TEAM_LIMITS.mission.toLocaleString("en-US")} characters` })
    .check(renderableMarkdown),
});

export const createTeamSchema = teamFieldsSchema;
export const editTeamSchema = teamFieldsSchema.extend({
  id: z.coerce.number().int().positive(),
  shepherdId: z
    .string()
    .optional()
    .transform((v) => (v ? v : null)),
});

export const teamLinkSchema = z.object({
  kind: z.enum(TEAM_LINK_KIND, { error: "Pick a kind of link" }),
  label: z
    .string()
    .trim()
    .min(1, { error: "Give the link a label" })
    .max(80, { error: "Keep the label under 80 characters" })
    .check(visibleText),
  url: httpUrl,
});

export const teamLinksSchema = z.object({
  teamSlug: z.string(),
  links: z.array(teamLinkSchema).max(TEAM_LIMITS.links, { error: `At most ${TEAM_LIMITS.links} links` }),
});

export type CreateTeamInput = z.infer<typeof createTeamSchema>;
export type EditTeamInput = z.infer<typeof editTeamSchema>;
export type TeamLinksInput = z.infer<typeof teamLinksSchema>;
