// GET /api/roadmap/[team]/[cycle] — a team's roadmap items for one cycle, for its editors.
import { getCurrentActor } from "@/lib/dal/identity/actor";
import { getRoadmapForEditing } from "@/lib/dal/roadmap/editor";
import { errorResponse } from "@/lib/http/error-response";

export async function GET(_request: Request, { params }: RouteContext<"/api/roadmap/[team]/[cycle]">): Promise<Response> {
  const { team, cycle } = await params;
  try {
    const roadmap = getRoadmapForEditing({
      actor: await getCurrentActor(),
      team: decodeURIComponent(team),
      cycle: decodeURIComponent(cycle),
    });
    return Response.json(roadmap, { headers: { "Cache-Control": "private, no-store" } });
  } catch (error) {
    return errorResponse(error);
  }
}
