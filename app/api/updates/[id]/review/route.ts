// GET /api/updates/[id]/review — the review thread of an update, for its leads and release managers.
import { getCurrentActor } from "@/lib/dal/identity/actor";
import { getReviewThread } from "@/lib/dal/updates/review";
import { errorResponse } from "@/lib/http/error-response";
import { z } from "@/lib/validation/zod";

export async function GET(_request: Request, { params }: RouteContext<"/api/updates/[id]/review">): Promise<Response> {
  try {
    const id = z.coerce
      .number()
      .int()
      .positive()
      .parse((await params).id);
    return Response.json(getReviewThread({ actor: await getCurrentActor(), updateId: id }), {
      headers: { "Cache-Control": "private, no-store" },
    });
  } catch (error) {
    return errorResponse(error);
  }
}
