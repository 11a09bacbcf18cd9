import { dataSchema, defineOperation, pageOfSchema } from "@/lib/http/api";
import { postRoadmapItemSchema, roadmapFiltersSchema, roadmapItemSchema, savedRoadmapItemSchema } from "@/lib/validation/api";

export const get = defineOperation({
  method: "get",
  path: "/api/v1/roadmap-items",
  tag: "Roadmap",
  summary: "List roadmap items",
  filters: roadmapFiltersSchema,
  response: pageOfSchema(roadmapItemSchema),
});

export const post = defineOperation({
  method: "post",
  path: "/api/v1/roadmap-items",
  tag: "Roadmap",
  summary: "Add an item to a team's roadmap for a cycle",
  body: postRoadmapItemSchema,
  response: dataSchema(savedRoadmapItemSchema),
  scope: "roadmap.write",
  created: true,
});
