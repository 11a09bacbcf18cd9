// GET /api/follows/[subject]/[slug] — whether the signed-in person follows this team or cycle, for the Follow button.
import { getCurrentActor } from "@/lib/dal/identity/actor";
import { isFollowing } from "@/lib/dal/notifications/follows";
import { errorResponse } from "@/lib/http/error-response";
import { followSchema } from "@/lib/validation/notifications";

export async function GET(_request: Request, { params }: RouteContext<"/api/follows/[subject]/[slug]">): Promise<Response> {
  try {
    const { subject, slug } = await params;
    const input = followSchema.pick({ subject: true, slug: true }).parse({ subject, slug: decodeURIComponent(slug) });
    return Response.json(
      { following: isFollowing({ actor: await getCurrentActor(), input }) },
      { headers: { "Cache-Control": "private, no-store" } },
    );
  } catch (error) {
    return errorResponse(error);
  }
}
