// GET|POST /api/auth/* — better-auth's own endpoints (single sign-on callbacks, session checks).
import { getAuth } from "@/lib/dal/identity/auth";

export async function GET(request: Request): Promise<Response> {
  return getAuth().handler(request);
}

export async function POST(request: Request): Promise<Response> {
  return getAuth().handler(request);
}
