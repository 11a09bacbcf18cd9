// GET /api/v1/teams — the active teams in their board order, with leads and latest update.
import { answer, ok, pageOf, parseQuery } from "@/lib/http/api";
import { readerFromRequest } from "@/lib/dal/identity/api-actor";
import { listTeams } from "@/lib/dal/teams/reads";
import * as operation from "./operation";

export function GET(request: Request): Promise<Response> {
  return answer(async () => {
    await readerFromRequest(request);
    const { page } = parseQuery(request, operation.get.filters);
    const teams = (await listTeams()).map(({ id: _id, latestUpdate, ...team }) => ({
      ...team,
      latestUpdate: latestUpdate ? { ...latestUpdate, publishedAt: new Date(latestUpdate.publishedAt).toISOString() } : null,
    }));
    return ok(operation.get, pageOf(teams, page));
  });
}
