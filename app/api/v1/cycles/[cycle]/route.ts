// GET /api/v1/cycles/{cycle} — one cycle with its milestones and gatherings.
import { answer, ok } from "@/lib/http/api";
import { readerFromRequest } from "@/lib/dal/identity/api-actor";
import { getCycleBoard } from "@/lib/dal/cycles/reads";
import { NotFoundError } from "@/lib/errors";
import * as operation from "./operation";

export function GET(request: Request, { params }: RouteContext<"/api/v1/cycles/[cycle]">): Promise<Response> {
  return answer(async () => {
    await readerFromRequest(request);
    const board = await getCycleBoard({ cycle: (await params).cycle });
    if (!board) throw new NotFoundError("Cycle");
    const { id: _id, ...cycle } = board.cycle;
    return ok(operation.get, {
      data: { ...cycle, milestones: board.milestones.map(({ id: _milestoneId, ...m }) => m), gatherings: board.gatherings },
    });
  });
}
