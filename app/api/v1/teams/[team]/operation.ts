import { dataSchema, defineOperation } from "@/lib/http/api";
import { teamDetailSchema } from "@/lib/validation/api";
import { TEAM_PARAM } from "../../params";

export const get = defineOperation({
  method: "get",
  path: "/api/v1/teams/{team}",
  tag: "Teams",
  summary: "One team: mission, leads, shepherd, links and numbers across cycles",
  pathParams: TEAM_PARAM,
  response: dataSchema(teamDetailSchema),
});
