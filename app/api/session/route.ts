// GET /api/session — who is signed in, for the account menu and edit buttons.
import type { SessionInfo } from "@/lib/session-info";

export async function GET(): Promise<Response> {
  // Sign-in arrives with the people-and-permissions issue; until then everyone reads anonymously.
  const body: SessionInfo = { signedIn: false };
  return Response.json(body, { headers: { "Cache-Control": "private, no-store" } });
}
