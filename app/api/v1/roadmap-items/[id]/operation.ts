import { dataSchema, defineOperation } from "@/lib/http/api";
import { patchRoadmapItemSchema, savedRoadmapItemSchema } from "@/lib/validation/api";
import { idParam } from "../../params";

export const patch = defineOperation({
  method: "patch",
  path: "/api/v1/roadmap-items/{id}",
  tag: "Roadmap",
  summary: "Change some fields of a roadmap item",
  description: "Send the `version` you read: if someone saved since, the answer is 409.",
  pathParams: idParam("roadmap item"),
  body: patchRoadmapItemSchema,
  response: dataSchema(savedRoadmapItemSchema),
  scope: "roadmap.write",
});
