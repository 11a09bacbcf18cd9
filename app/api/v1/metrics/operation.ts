import { defineOperation, pageOfSchema } from "@/lib/http/api";
import { metricFiltersSchema, metricSchema } from "@/lib/validation/api";

export const get = defineOperation({
  method: "get",
  path: "/api/v1/metrics",
  tag: "Metrics",
  summary: "List metric definitions",
  filters: metricFiltersSchema,
  response: pageOfSchema(metricSchema),
});
