// GET /api/updates/[id]/reading — an update against its team's last reviewed one, for the review queue.
import { getCurrentActor } from "@/lib/dal/identity/actor";
import { getReviewReading } from "@/lib/dal/updates/review-reading";
import { errorResponse } from "@/lib/http/error-response";
import { z } from "@/lib/validation/zod";

export async function GET(_request: Request, { params }: RouteContext<"/api/updates/[id]/reading">): Promise<Response> {
  try {
    const id = z.coerce
      .number()
      .int()
      .positive()
      .parse((await params).id);
    return Response.json(getReviewReading({ actor: await getCurrentActor(), updateId: id }), {
      headers: { "Cache-Control": "private, no-store" },
    });
  } catch (error) {
    return errorResponse(error);
  }
}
