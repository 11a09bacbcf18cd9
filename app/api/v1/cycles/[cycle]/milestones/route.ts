// GET /api/v1/cycles/{cycle}/milestones — a cycle's milestones by due date.
import { answer, ok, pageOf, parseQuery } from "@/lib/http/api";
import { readerFromRequest } from "@/lib/dal/identity/api-actor";
import { getCycleBoard } from "@/lib/dal/cycles/reads";
import { NotFoundError } from "@/lib/errors";
import * as operation from "./operation";

export function GET(request: Request, { params }: RouteContext<"/api/v1/cycles/[cycle]/milestones">): Promise<Response> {
  return answer(async () => {
    await readerFromRequest(request);
    const { page } = parseQuery(request, operation.get.filters);
    const board = await getCycleBoard({ cycle: (await params).cycle });
    if (!board) throw new NotFoundError("Cycle");
    return ok(
      operation.get,
      pageOf(
        board.milestones.map(({ id: _id, ...m }) => m),
        page,
      ),
    );
  });
}
