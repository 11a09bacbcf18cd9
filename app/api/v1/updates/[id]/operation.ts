import { dataSchema, defineOperation } from "@/lib/http/api";
import { patchedUpdateSchema, patchUpdateSchema, updateDetailSchema } from "@/lib/validation/api";
import { idParam } from "../../params";

export const get = defineOperation({
  method: "get",
  path: "/api/v1/updates/{id}",
  tag: "Updates",
  summary: "One update with its links and revisions",
  pathParams: idParam("update"),
  response: dataSchema(updateDetailSchema),
});

export const patch = defineOperation({
  method: "patch",
  path: "/api/v1/updates/{id}",
  tag: "Updates",
  summary: "Change some fields of an update, or publish a draft",
  description: "Send the `version` you read: if someone saved since, the answer is 409 with the current version.",
  pathParams: idParam("update"),
  body: patchUpdateSchema,
  response: dataSchema(patchedUpdateSchema),
  scope: "update.write",
});
