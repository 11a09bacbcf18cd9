// GET /api/v1/updates/{id} — one update with links and revisions; PATCH changes fields (optimistic "version") or publishes a draft.
import { answer, idFromPath, ok, parseBody } from "@/lib/http/api";
import { readerFromRequest, writerFromRequest } from "@/lib/dal/identity/api-actor";
import { getApiUpdate } from "@/lib/dal/updates/reads";
import { patchUpdate } from "@/lib/dal/updates/writes";
import { NotFoundError } from "@/lib/errors";
import * as operation from "./operation";

export function GET(request: Request, { params }: RouteContext<"/api/v1/updates/[id]">): Promise<Response> {
  return answer(async () => {
    const actor = await readerFromRequest(request);
    const update = await getApiUpdate({ actor, id: idFromPath((await params).id, "Update") });
    if (!update) throw new NotFoundError("Update");
    return ok(operation.get, { data: update });
  });
}

export function PATCH(request: Request, { params }: RouteContext<"/api/v1/updates/[id]">): Promise<Response> {
  return answer(async () => {
    const actor = await writerFromRequest(request);
    const id = idFromPath((await params).id, "Update");
    const { version } = patchUpdate({ actor, id, input: await parseBody(request, operation.patch.body) });
    return ok(operation.patch, { data: { id, version, url: `/updates/${id}` } });
  });
}
