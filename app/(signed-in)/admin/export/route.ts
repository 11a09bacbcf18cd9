// GET /admin/export — the whole site as one JSON document, for admins (see lib/dal/site/transfer.ts).
import { getCurrentActor } from "@/lib/dal/identity/actor";
import { exportSite } from "@/lib/dal/site/transfer";
import { errorResponse } from "@/lib/http/error-response";

export async function GET(): Promise<Response> {
  try {
    const document = exportSite({ actor: await getCurrentActor() });
    const day = document.exportedAt.slice(0, 10);
    return new Response(JSON.stringify(document, null, 2), {
      headers: {
        "Content-Type": "application/json; charset=utf-8",
        "Content-Disposition": `attachment; filename="cycleboard-site-${day}.json"`,
        "Cache-Control": "no-store",
      },
    });
  } catch (error) {
    return errorResponse(error);
  }
}
