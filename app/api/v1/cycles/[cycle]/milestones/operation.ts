import { defineOperation, pageOfSchema } from "@/lib/http/api";
import { milestoneSchema, noFiltersSchema } from "@/lib/validation/api";
import { CYCLE_PARAM } from "../../../params";

export const get = defineOperation({
  method: "get",
  path: "/api/v1/cycles/{cycle}/milestones",
  tag: "Cycles",
  summary: "A cycle's milestones by due date",
  pathParams: CYCLE_PARAM,
  filters: noFiltersSchema,
  response: pageOfSchema(milestoneSchema),
});
