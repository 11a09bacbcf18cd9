// GET /api/teams/[slug]/change-requests — the team's updates with open change requests, for its leads.
import { getCurrentActor } from "@/lib/dal/identity/actor";
import { openChangeRequests } from "@/lib/dal/updates/review";
import { errorResponse } from "@/lib/http/error-response";

export async function GET(_request: Request, { params }: RouteContext<"/api/teams/[slug]/change-requests">): Promise<Response> {
  try {
    const { slug } = await params;
    return Response.json(openChangeRequests({ actor: await getCurrentActor(), teamSlug: decodeURIComponent(slug) }), {
      headers: { "Cache-Control": "private, no-store" },
    });
  } catch (error) {
    return errorResponse(error);
  }
}
