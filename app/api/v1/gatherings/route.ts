// GET /api/v1/gatherings — gatherings (PTGs, summits), optionally one cycle's.
import { answer, ok, parseQuery } from "@/lib/http/api";
import { readerFromRequest } from "@/lib/dal/identity/api-actor";
import { listGatherings } from "@/lib/dal/gatherings/reads";
import * as operation from "./operation";

export function GET(request: Request): Promise<Response> {
  return answer(async () => {
    await readerFromRequest(request);
    return ok(operation.get, listGatherings(parseQuery(request, operation.get.filters)));
  });
}
