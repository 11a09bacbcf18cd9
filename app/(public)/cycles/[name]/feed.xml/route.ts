// GET /cycles/[name]/feed.xml — the updates of one cycle.
import { feedResponse } from "@/lib/http/feed-response";

export async function GET(_request: Request, { params }: RouteContext<"/cycles/[name]/feed.xml">): Promise<Response> {
  const { name } = await params;
  return feedResponse({ cycle: decodeURIComponent(name) }, `/cycles/${name}/feed.xml`);
}
