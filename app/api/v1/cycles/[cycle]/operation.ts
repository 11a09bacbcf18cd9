import { dataSchema, defineOperation } from "@/lib/http/api";
import { cycleDetailSchema } from "@/lib/validation/api";
import { CYCLE_PARAM } from "../../params";

export const get = defineOperation({
  method: "get",
  path: "/api/v1/cycles/{cycle}",
  tag: "Cycles",
  summary: "One cycle with its milestones and gatherings",
  pathParams: CYCLE_PARAM,
  response: dataSchema(cycleDetailSchema),
});
