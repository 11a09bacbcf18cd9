import { atomFeed } from "../formats/atom";
import { publicBaseUrl } from "../dal/identity/auth";
import { getFeed } from "../dal/views/feeds";
import { getSiteInfo } from "../dal/site/reads";

/** The Atom answer every feed route gives, or a 404 for an unknown team or cycle. */
export async function feedResponse(scope: { team?: string; cycle?: string }, selfPath: string): Promise<Response> {
  const [data, site] = await Promise.all([getFeed(scope), getSiteInfo()]);
  if (!data) return new Response("No such team or cycle\n", { status: 404, headers: { "Content-Type": "text/plain; charset=utf-8" } });
  return new Response(atomFeed(data, { communityName: site.name, baseUrl: publicBaseUrl(), selfPath }), {
    headers: { "Content-Type": "application/atom+xml; charset=utf-8" },
  });
}
