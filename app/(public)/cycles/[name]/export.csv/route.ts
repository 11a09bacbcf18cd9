// GET /cycles/[name]/export.csv?part=updates|teams|numbers|roadmap — one table of the cycle as CSV.
import { cycleCsv, csvQuerySchema } from "@/lib/formats/cycle-export-csv";
import { getCycleExport } from "@/lib/dal/views/cycle-export";
import { errorResponse } from "@/lib/http/error-response";

export async function GET(request: Request, { params }: RouteContext<"/cycles/[name]/export.csv">): Promise<Response> {
  const { name } = await params;
  const query = csvQuerySchema.safeParse({ part: new URL(request.url).searchParams.get("part") ?? undefined });
  if (!query.success) return errorResponse(query.error);
  const data = await getCycleExport({ cycle: decodeURIComponent(name) });
  if (!data) return new Response("No such cycle\n", { status: 404, headers: { "Content-Type": "text/plain; charset=utf-8" } });
  return new Response(cycleCsv(data, query.data.part), {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="cycle-${data.cycle.slug}-${query.data.part}.csv"`,
    },
  });
}
