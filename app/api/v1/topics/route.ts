// GET /api/v1/topics — community topics with outcomes and action items, optionally one cycle's.
import { answer, ok, parseQuery } from "@/lib/http/api";
import { readerFromRequest } from "@/lib/dal/identity/api-actor";
import { listTopics } from "@/lib/dal/topics/reads";
import * as operation from "./operation";

export function GET(request: Request): Promise<Response> {
  return answer(async () => {
    await readerFromRequest(request);
    return ok(operation.get, listTopics(parseQuery(request, operation.get.filters)));
  });
}
