// GET /api/v1/cycles/{cycle}/updates — a cycle's updates (drafts only for those who may read them), filtered by team, health, state.
import { answer, ok, parseQuery } from "@/lib/http/api";
import { readerFromRequest } from "@/lib/dal/identity/api-actor";
import { listCycleUpdates } from "@/lib/dal/updates/reads";
import { NotFoundError } from "@/lib/errors";
import * as operation from "./operation";

export function GET(request: Request, { params }: RouteContext<"/api/v1/cycles/[cycle]/updates">): Promise<Response> {
  return answer(async () => {
    const actor = await readerFromRequest(request);
    const { filters, page } = parseQuery(request, operation.get.filters);
    const updates = await listCycleUpdates({ actor, cycle: (await params).cycle, filters, page });
    if (!updates) throw new NotFoundError("Cycle");
    return ok(operation.get, updates);
  });
}
