// GET /api/teams/[slug]/change-requests — the team's updates with open change requests, for its leads.
import { getCurrentActor } from "@/lib/dal/actor";
import { openChangeRequests } from "@/lib/dal/review";
import { errorResponse } from "@/lib/http";

export async function GET(_request: Request, { params }: RouteContext<"/api/teams/[slug]/change-requests">): Promise<Response> {
  try {
    const { slug } = await params;
    return Response.json(openChangeRequests({ actor: await getCurrentActor(), teamSlug: decodeURIComponent(slug) }), { headers: { "Cache-Control": "private, no-store" } });
  } catch (error) {
    return errorResponse(error);
  }
}
