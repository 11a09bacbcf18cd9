import { dataSchema, defineOperation } from "@/lib/http/api";
import { postedUpdateSchema, postUpdateSchema } from "@/lib/validation/api";

export const post = defineOperation({
  method: "post",
  path: "/api/v1/updates",
  tag: "Updates",
  summary: "Post a team's update for a cycle",
  description: 'Saved as a draft, or published at once with `"publish": true`.',
  body: postUpdateSchema,
  response: dataSchema(postedUpdateSchema),
  scope: "update.write",
  created: true,
});
