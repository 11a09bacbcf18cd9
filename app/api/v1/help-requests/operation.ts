import { defineOperation, pageOfSchema } from "@/lib/http/api";
import { helpRequestFiltersSchema, helpRequestSchema } from "@/lib/validation/api";

export const get = defineOperation({
  method: "get",
  path: "/api/v1/help-requests",
  tag: "Community",
  summary: "List help requests",
  filters: helpRequestFiltersSchema,
  response: pageOfSchema(helpRequestSchema),
});
