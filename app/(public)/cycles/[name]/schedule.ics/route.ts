// GET /cycles/[name]/schedule.ics — the cycle's milestones and gatherings as a calendar to subscribe to.
import { cycleCalendar } from "@/lib/formats/cycle-calendar";
import { publicBaseUrl } from "@/lib/dal/identity/auth";
import { getCycleBoard } from "@/lib/dal/cycles/reads";
import { getSiteInfo } from "@/lib/dal/site/reads";

export async function GET(_request: Request, { params }: RouteContext<"/cycles/[name]/schedule.ics">): Promise<Response> {
  const { name } = await params;
  const [board, site] = await Promise.all([getCycleBoard({ cycle: decodeURIComponent(name) }), getSiteInfo()]);
  if (!board) return new Response("No such cycle\n", { status: 404, headers: { "Content-Type": "text/plain; charset=utf-8" } });
  const body = cycleCalendar({
    communityName: site.name,
    cycleName: board.cycle.name,
    cycleSlug: board.cycle.slug,
    baseUrl: publicBaseUrl(),
    milestones: board.milestones,
    gatherings: board.gatherings,
  });
  return new Response(body, {
    headers: { "Content-Type": "text/calendar; charset=utf-8", "Content-Disposition": `inline; filename="${board.cycle.slug}.ics"` },
  });
}
