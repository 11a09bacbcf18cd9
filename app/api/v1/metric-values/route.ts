// GET /api/v1/metric-values — recorded values filtered by team, cycle, metric; POST records one (what CI jobs send).
import { answer, ok, parseBody, parseQuery } from "@/lib/http/api";
import { readerFromRequest, writerFromRequest } from "@/lib/dal/identity/api-actor";
import { listMetricValues } from "@/lib/dal/metrics/reads";
import { recordMetricValue } from "@/lib/dal/metrics/writes";
import * as operation from "./operation";

export function GET(request: Request): Promise<Response> {
  return answer(async () => {
    await readerFromRequest(request);
    return ok(operation.get, listMetricValues(parseQuery(request, operation.get.filters)));
  });
}

export function POST(request: Request): Promise<Response> {
  return answer(async () => {
    const actor = await writerFromRequest(request);
    const { id } = recordMetricValue({ actor, input: await parseBody(request, operation.post.body) });
    return ok(operation.post, { data: { id } });
  });
}
