/** zod schemas for release cycles, shared by the cycle forms, their actions and the API. */
import { z } from "zod";
import { CYCLE_STATUS } from "@/lib/domain";

const isoDate = z.iso.date({ error: "Use a date like 2024-09-30" });

export const createCycleSchema = z
  .object({
    name: z.string().trim().min(1, { error: "Name the cycle, e.g. 11.0" }).max(40).regex(/^[A-Za-z0-9][A-Za-z0-9.-]*$/, { error: "Use letters, digits, dots and dashes" }),
    status: z.enum(CYCLE_STATUS).default("planning"),
    startsOn: isoDate,
    targetReleaseOn: isoDate,
    summary: z.string().max(4_000).default(""),
  })
  .refine((c) => c.targetReleaseOn >= c.startsOn, { path: ["targetReleaseOn"], error: "The release cannot come before the start" });

export type CreateCycleInput = z.infer<typeof createCycleSchema>;
