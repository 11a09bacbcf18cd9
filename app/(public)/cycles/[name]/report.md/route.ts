// GET /cycles/[name]/report.md — the cycle's recap as a Markdown download (a gathering's has its own).
import { redirect } from "next/navigation";
import { pageTime } from "@/lib/dal/cache/cache";
import { todayIso } from "@/lib/dates";
import { getCycleReport } from "@/lib/dal/views/reports";
import { getSiteInfo } from "@/lib/dal/site/reads";
import { reportMarkdown } from "@/lib/formats/report-markdown";

export async function GET(request: Request, { params }: RouteContext<"/cycles/[name]/report.md">): Promise<Response> {
  const { name } = await params;
  const cycle = decodeURIComponent(name);
  // Earlier links named a gathering here; its recap now spans both of its cycles.
  const gathering = new URL(request.url).searchParams.get("gathering");
  if (gathering) redirect(`/gatherings/${encodeURIComponent(gathering)}/recap.md`);
  const [report, site] = await Promise.all([getCycleReport({ cycle }), getSiteInfo()]);
  if (!report) return new Response("No such cycle\n", { status: 404, headers: { "Content-Type": "text/plain; charset=utf-8" } });
  const file = `${site.name}-${report.cycle.slug}-recap.md`.replace(/[^A-Za-z0-9._-]/g, "-");
  return new Response(reportMarkdown(report, site.name, todayIso(await pageTime())), {
    headers: { "Content-Type": "text/markdown; charset=utf-8", "Content-Disposition": `attachment; filename="${file}"` },
  });
}
