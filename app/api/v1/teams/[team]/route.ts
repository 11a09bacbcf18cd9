// GET /api/v1/teams/{team} — one team: mission, leads, shepherd, links, numbers across cycles.
import { answer, ok } from "@/lib/http/api";
import { readerFromRequest } from "@/lib/dal/identity/api-actor";
import { getTeamProfile } from "@/lib/dal/teams/reads";
import { unitOfKind } from "@/lib/domain";
import { NotFoundError } from "@/lib/errors";
import * as operation from "./operation";

export function GET(request: Request, { params }: RouteContext<"/api/v1/teams/[team]">): Promise<Response> {
  return answer(async () => {
    await readerFromRequest(request);
    const profile = await getTeamProfile({ team: (await params).team });
    if (!profile) throw new NotFoundError("Team");
    const { id: _id, ...team } = profile.team;
    return ok(operation.get, {
      data: {
        ...team,
        leads: profile.leads,
        shepherd: profile.shepherd,
        links: profile.links.map(({ id: _linkId, ...l }) => l),
        currentUpdateId: profile.currentUpdate?.id ?? null,
        numbers: profile.numbers.map(({ key, label, kind, decimals, byCycle }) => ({
          key,
          label,
          unit: unitOfKind(kind),
          kind,
          decimals,
          byCycle,
        })),
      },
    });
  });
}
