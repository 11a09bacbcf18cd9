// GET /api/v1/roadmap-items — roadmap items filtered by team, cycle, status; POST adds one to a team's roadmap for a cycle.
import { answer, ok, parseBody, parseQuery } from "@/lib/http/api";
import { readerFromRequest, writerFromRequest } from "@/lib/dal/identity/api-actor";
import { listRoadmapItems } from "@/lib/dal/roadmap/reads";
import { createRoadmapItem } from "@/lib/dal/roadmap/editor";
import * as operation from "./operation";

export function GET(request: Request): Promise<Response> {
  return answer(async () => {
    await readerFromRequest(request);
    return ok(operation.get, listRoadmapItems(parseQuery(request, operation.get.filters)));
  });
}

export function POST(request: Request): Promise<Response> {
  return answer(async () => {
    const actor = await writerFromRequest(request);
    const { id } = createRoadmapItem({ actor, input: await parseBody(request, operation.post.body) });
    return ok(operation.post, { data: { id, version: 1 } });
  });
}
