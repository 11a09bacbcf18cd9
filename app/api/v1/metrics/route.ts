// GET /api/v1/metrics — metric definitions (key, unit, how a cycle's figure is formed), optionally one team's.
import { answer, ok, parseQuery } from "@/lib/http/api";
import { readerFromRequest } from "@/lib/dal/identity/api-actor";
import { listMetricDefinitions } from "@/lib/dal/metrics/reads";
import * as operation from "./operation";

export function GET(request: Request): Promise<Response> {
  return answer(async () => {
    await readerFromRequest(request);
    return ok(operation.get, listMetricDefinitions(parseQuery(request, operation.get.filters)));
  });
}
