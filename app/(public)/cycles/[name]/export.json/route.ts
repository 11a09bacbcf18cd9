// GET /cycles/[name]/export.json — the cycle's published updates, team health, numbers and roadmap as JSON.
import { getCycleExport } from "@/lib/dal/views/cycle-export";

export async function GET(_request: Request, { params }: RouteContext<"/cycles/[name]/export.json">): Promise<Response> {
  const { name } = await params;
  const data = await getCycleExport({ cycle: decodeURIComponent(name) });
  if (!data) return Response.json({ error: { code: "not_found", message: "No such cycle" } }, { status: 404 });
  return Response.json(data, { headers: { "Content-Disposition": `inline; filename="cycle-${data.cycle.slug}.json"` } });
}
