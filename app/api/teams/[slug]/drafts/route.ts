// GET /api/teams/[slug]/drafts — the team's open drafts, for those who may read them.
import { getCurrentActor } from "@/lib/dal/identity/actor";
import { listOpenDrafts } from "@/lib/dal/updates/editor";
import { errorResponse } from "@/lib/http/error-response";

export async function GET(_request: Request, { params }: RouteContext<"/api/teams/[slug]/drafts">): Promise<Response> {
  try {
    const { slug } = await params;
    return Response.json(listOpenDrafts({ actor: await getCurrentActor(), teamSlug: decodeURIComponent(slug) }), {
      headers: { "Cache-Control": "private, no-store" },
    });
  } catch (error) {
    return errorResponse(error);
  }
}
