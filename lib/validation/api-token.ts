/** zod schemas for API tokens, shared by the token forms and their server actions. */
import { z } from "./zod";
import { visibleText } from "./text";
import { TOKEN_SCOPES } from "@/lib/permissions";

export const TOKEN_EXPIRY_DAYS = [7, 30, 90, 365] as const;

export const createApiTokenSchema = z.object({
  name: z
    .string()
    .trim()
    .min(1, { error: "Give the token a name, e.g. the job that uses it" })
    .max(80, { error: "Keep the name under 80 characters" })
    .check(visibleText),
  scopes: z.array(z.enum(TOKEN_SCOPES, { error: "Pick from the listed permissions" })).min(1, { error: "Pick at least one permission" }),
  /** Team slugs; none means every team its owner may act for. */
  teams: z.array(z.string().min(1).max(80)).max(100),
  /** Days until it stops working; null for a token that never expires. */
  expiresInDays: z.union([
    z.literal(null),
    z.coerce.number().int().min(1, { error: "Pick an expiry" }).max(366, { error: "At most a year" }),
  ]),
});

export type CreateApiTokenInput = z.infer<typeof createApiTokenSchema>;
