import { defineOperation, pageOfSchema } from "@/lib/http/api";
import { noFiltersSchema, teamSchema } from "@/lib/validation/api";

export const get = defineOperation({
  method: "get",
  path: "/api/v1/teams",
  tag: "Teams",
  summary: "List active teams in board order, with leads and latest update",
  filters: noFiltersSchema,
  response: pageOfSchema(teamSchema),
});
