// GET /teams/[slug]/feed.xml — a team's updates and its "update due" notices.
import { feedResponse } from "@/lib/http/feed-response";

export async function GET(_request: Request, { params }: RouteContext<"/teams/[slug]/feed.xml">): Promise<Response> {
  const { slug } = await params;
  return feedResponse({ team: decodeURIComponent(slug) }, `/teams/${slug}/feed.xml`);
}
