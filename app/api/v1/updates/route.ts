// POST /api/v1/updates — post a team's update for a cycle: a draft, or published at once with "publish": true.
import { answer, ok, parseBody } from "@/lib/http/api";
import { writerFromRequest } from "@/lib/dal/identity/api-actor";
import { postUpdate } from "@/lib/dal/updates/writes";
import * as operation from "./operation";

export function POST(request: Request): Promise<Response> {
  return answer(async () => {
    const actor = await writerFromRequest(request);
    const input = await parseBody(request, operation.post.body);
    const { id, version } = postUpdate({ actor, input });
    return ok(operation.post, { data: { id, version, state: input.publish ? "published" : "draft", url: `/updates/${id}` } });
  });
}
