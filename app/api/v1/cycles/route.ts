// GET /api/v1/cycles — every release cycle, newest first.
import { answer, ok, pageOf, parseQuery } from "@/lib/http/api";
import { readerFromRequest } from "@/lib/dal/identity/api-actor";
import { listCycles } from "@/lib/dal/cycles/reads";
import * as operation from "./operation";

export function GET(request: Request): Promise<Response> {
  return answer(async () => {
    await readerFromRequest(request);
    const { page } = parseQuery(request, operation.get.filters);
    return ok(operation.get, pageOf(await listCycles(), page));
  });
}
