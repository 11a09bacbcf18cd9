import { defineOperation, pageOfSchema } from "@/lib/http/api";
import { cycleSchema, noFiltersSchema } from "@/lib/validation/api";

export const get = defineOperation({
  method: "get",
  path: "/api/v1/cycles",
  tag: "Cycles",
  summary: "List release cycles, newest first",
  filters: noFiltersSchema,
  response: pageOfSchema(cycleSchema),
});
