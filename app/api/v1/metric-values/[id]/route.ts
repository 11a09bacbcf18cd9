// PATCH /api/v1/metric-values/{id} — correct a recorded value; DELETE removes one recorded by mistake.
import { answer, idFromPath, ok, parseBody } from "@/lib/http/api";
import { writerFromRequest } from "@/lib/dal/identity/api-actor";
import { deleteMetricValue, editMetricValue } from "@/lib/dal/metrics/writes";
import * as operation from "./operation";

export function PATCH(request: Request, { params }: RouteContext<"/api/v1/metric-values/[id]">): Promise<Response> {
  return answer(async () => {
    const actor = await writerFromRequest(request);
    const id = idFromPath((await params).id, "Metric value");
    const value = editMetricValue({ actor, id, input: await parseBody(request, operation.patch.body) });
    return ok(operation.patch, { data: value });
  });
}

export function DELETE(request: Request, { params }: RouteContext<"/api/v1/metric-values/[id]">): Promise<Response> {
  return answer(async () => {
    const actor = await writerFromRequest(request);
    const id = idFromPath((await params).id, "Metric value");
    return ok(operation.delete, { data: deleteMetricValue({ actor, id }) });
  });
}
