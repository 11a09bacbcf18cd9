/** The search query and its filters, as the header box and the search page send them. */
import { z } from "./zod";
import { HEALTH } from "@/lib/domain";

const optional = z
  .string()
  .optional()
  .transform((v) => v || undefined);

export const searchSchema = z.object({
  q: z.string().max(200, { error: "Keep the search under 200 characters" }).default(""),
  team: optional,
  cycle: optional,
  health: z
    .union([z.enum(HEALTH), z.literal("")])
    .optional()
    .transform((v) => v || undefined),
});

export type SearchInput = z.infer<typeof searchSchema>;
