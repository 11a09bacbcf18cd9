import { defineOperation, pageOfSchema } from "@/lib/http/api";
import { cycleFiltersSchema, gatheringSchema } from "@/lib/validation/api";

export const get = defineOperation({
  method: "get",
  path: "/api/v1/gatherings",
  tag: "Community",
  summary: "List gatherings",
  filters: cycleFiltersSchema,
  response: pageOfSchema(gatheringSchema),
});
