// PATCH /api/v1/roadmap-items/{id} — change some fields of a roadmap item (optimistic "version").
import { answer, idFromPath, ok, parseBody } from "@/lib/http/api";
import { writerFromRequest } from "@/lib/dal/identity/api-actor";
import { patchRoadmapItem } from "@/lib/dal/roadmap/writes";
import * as operation from "./operation";

export function PATCH(request: Request, { params }: RouteContext<"/api/v1/roadmap-items/[id]">): Promise<Response> {
  return answer(async () => {
    const actor = await writerFromRequest(request);
    const id = idFromPath((await params).id, "Roadmap item");
    const { version } = patchRoadmapItem({ actor, id, input: await parseBody(request, operation.patch.body) });
    return ok(operation.patch, { data: { id, version } });
  });
}
