// GET /api/v1/help-requests — calls for help filtered by team, cycle, status.
import { answer, ok, parseQuery } from "@/lib/http/api";
import { readerFromRequest } from "@/lib/dal/identity/api-actor";
import { listHelpRequests } from "@/lib/dal/help-requests/reads";
import * as operation from "./operation";

export function GET(request: Request): Promise<Response> {
  return answer(async () => {
    await readerFromRequest(request);
    return ok(operation.get, listHelpRequests(parseQuery(request, operation.get.filters)));
  });
}
