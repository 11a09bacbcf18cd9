/** The search query and its filters, as the header box and the search page send them. */
import { z } from "./zod";
import { HEALTH, SEARCH_PAGE_SIZE, SEARCH_WINDOW } from "@/lib/domain";

const SEARCH_PAGES = Math.ceil(SEARCH_WINDOW / SEARCH_PAGE_SIZE);

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
  page: z.coerce
    .number({ error: "Give the page as a number" })
    .int({ error: "Give the page as a whole number" })
    .min(1, { error: "Pages start at 1" })
    .max(SEARCH_PAGES, { error: `Search shows at most ${SEARCH_PAGES} pages; narrow the search to see more` })
    .default(1),
});

export type SearchInput = z.infer<typeof searchSchema>;
