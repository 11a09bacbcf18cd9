import { defineOperation, pageOfSchema } from "@/lib/http/api";
import { cycleFiltersSchema, topicSchema } from "@/lib/validation/api";

export const get = defineOperation({
  method: "get",
  path: "/api/v1/topics",
  tag: "Community",
  summary: "List community topics with their action items",
  filters: cycleFiltersSchema,
  response: pageOfSchema(topicSchema),
});
