// GET /gatherings/[slug]/recap.md?as_of=YYYY-MM-DD|now — the gathering's recap as a post, with front matter.
import { getGatheringRecap } from "@/lib/dal/gatherings/recap";
import { getSiteInfo } from "@/lib/dal/site/reads";
import { gatheringRecapMarkdown } from "@/lib/formats/gathering-recap-markdown";
import { recapAsOfSchema } from "@/lib/validation/cycle";

const plain = (text: string, status: number) => new Response(text, { status, headers: { "Content-Type": "text/plain; charset=utf-8" } });

export async function GET(request: Request, { params }: RouteContext<"/gatherings/[slug]/recap.md">): Promise<Response> {
  const { slug } = await params;
  const asOf = recapAsOfSchema.safeParse(new URL(request.url).searchParams.get("as_of") ?? undefined);
  if (!asOf.success) return plain("as_of: use a date like 2024-04-12, or now\n", 400);
  const [recap, site] = await Promise.all([getGatheringRecap({ gathering: decodeURIComponent(slug), asOf: asOf.data }), getSiteInfo()]);
  if (!recap) return plain("No such gathering\n", 404);
  const file = `${site.name}-${recap.gathering.slug}-recap.md`.replace(/[^A-Za-z0-9._-]/g, "-");
  return new Response(gatheringRecapMarkdown(recap, site.name), {
    headers: { "Content-Type": "text/markdown; charset=utf-8", "Content-Disposition": `attachment; filename="${file}"` },
  });
}
