// GET /api/session — who is signed in, for the account menu and edit buttons.
import { getSessionInfo } from "@/lib/dal/identity/actor";

export async function GET(): Promise<Response> {
  return Response.json(await getSessionInfo(), { headers: { "Cache-Control": "private, no-store" } });
}
