// GET /cycles/[name]/report.md?gathering=slug — the cycle's recap as a Markdown download.
import { getCycleReport } from "@/lib/dal/reports";
import { getSiteInfo } from "@/lib/dal/site";
import { reportMarkdown } from "@/lib/report-markdown";

export async function GET(request: Request, { params }: RouteContext<"/cycles/[name]/report.md">): Promise<Response> {
  const { name } = await params;
  const cycle = decodeURIComponent(name);
  const gathering = new URL(request.url).searchParams.get("gathering") ?? undefined;
  const [report, site] = await Promise.all([getCycleReport({ cycle, gathering }), getSiteInfo()]);
  if (!report) return new Response("No such cycle or gathering\n", { status: 404, headers: { "Content-Type": "text/plain; charset=utf-8" } });
  const file = `${site.name}-${report.cycle.slug}${report.gathering ? `-${report.gathering.slug}` : ""}-recap.md`.replace(/[^A-Za-z0-9._-]/g, "-");
  return new Response(reportMarkdown(report, site.name), {
    headers: { "Content-Type": "text/markdown; charset=utf-8", "Content-Disposition": `attachment; filename="${file}"` },
  });
}
