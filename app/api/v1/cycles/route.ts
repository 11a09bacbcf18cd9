// GET /api/v1/cycles — every release cycle, newest first.
import { answer, ok, pageOf, parseQuery } from "@/lib/api";
import { readerFromRequest } from "@/lib/dal/api-actor";
import { listCycles } from "@/lib/dal/cycles";
import * as operation from "./operation";

export function GET(request: Request): Promise<Response> {
  return answer(async () => {
    await readerFromRequest(request);
    const { page } = parseQuery(request, operation.get.filters);
    return ok(operation.get, pageOf(await listCycles(), page));
  });
}
