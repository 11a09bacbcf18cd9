// GET /api/v1/roadmap-items — roadmap items filtered by team, cycle, status; POST adds one to a team's roadmap for a cycle.
import { answer, ok, parseBody, parseQuery } from "@/lib/api";
import { readerFromRequest, writerFromRequest } from "@/lib/dal/api-actor";
import { listRoadmapItems } from "@/lib/dal/api-reads";
import { createRoadmapItem } from "@/lib/dal/roadmap";
import { postRoadmapItemSchema, roadmapFiltersSchema } from "@/lib/validation/api";

export function GET(request: Request): Promise<Response> {
  return answer(async () => {
    await readerFromRequest(request);
    return ok(listRoadmapItems(parseQuery(request, roadmapFiltersSchema)));
  });
}

export function POST(request: Request): Promise<Response> {
  return answer(async () => {
    const actor = await writerFromRequest(request);
    const { id } = createRoadmapItem({ actor, input: await parseBody(request, postRoadmapItemSchema) });
    return ok({ data: { id, version: 1 } }, 201);
  });
}
