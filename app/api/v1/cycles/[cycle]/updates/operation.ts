import { defineOperation, pageOfSchema } from "@/lib/http/api";
import { updateFiltersSchema, updateSummarySchema } from "@/lib/validation/api";
import { CYCLE_PARAM } from "../../../params";

export const get = defineOperation({
  method: "get",
  path: "/api/v1/cycles/{cycle}/updates",
  tag: "Updates",
  summary: "A cycle's updates, newest first",
  description:
    "Drafts and private notes are included only for callers allowed to read them (the team's leads, release managers, admins; a token also needs the update.read_draft scope).",
  pathParams: CYCLE_PARAM,
  filters: updateFiltersSchema,
  response: pageOfSchema(updateSummarySchema),
});
