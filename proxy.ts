/**
 * Runs before every page and API request: refuses calls of `'use cache'` functions as
 * server actions (lib/http/server-action-guard.ts), keeps a private site behind sign-in, and
 * answers unknown cycles, teams and updates (and drafts the reader may not see) with a
 * real 404 before the page starts streaming (see lib/dal/views/route-targets.ts). Pages and the data
 * layer still check permissions themselves; this only decides who gets to a page at all.
 */
import { getSessionCookie } from "better-auth/cookies";
import { NextResponse, type NextRequest } from "next/server";
import { actorFromSession } from "@/lib/dal/identity/actor";
import { routeTargetExists, type RouteTarget } from "@/lib/dal/views/route-targets";
import { isPrivateMode } from "@/lib/dal/site/settings";
import { ANONYMOUS, type Actor } from "@/lib/permissions";
import { callsCacheFunction } from "@/lib/http/server-action-guard";
import { SIGNED_IN_ROUTES } from "@/lib/http/signed-in-routes";

/** Which dynamic routes name a database entity. */
function targetOf(pathname: string): RouteTarget | "invalid" | null {
  const [, section, rawKey, ...rest] = pathname.split("/");
  if (!rawKey) return null;
  let key: string;
  try {
    key = decodeURIComponent(rawKey);
  } catch {
    return "invalid";
  }
  if (section === "cycles") return key === "compare" ? null : { kind: "cycle", slug: key };
  if (section === "teams") return { kind: "team", slug: key };
  if (section === "gatherings") return { kind: "gathering", slug: key };
  if (section === "updates") {
    // Only the public page: the editor of a draft is for its leads, and checks for itself.
    if (key === "new" || rest.length > 0) return null;
    return /^[1-9][0-9]{0,15}$/.test(key) ? { kind: "update", id: Number(key) } : "invalid";
  }
  return null;
}

const ALWAYS_OPEN = [/^\/signin$/, /^\/api\/auth\//, /^\/api\/session$/, /^\/api\/unsubscribe$/];
/** The app/(signed-in) group's routes: without a session cookie they go straight to sign-in (the pages check properly). */
const SIGNED_IN_ONLY = SIGNED_IN_ROUTES.map((route) => new RegExp(`^${route.replace(/\[[^\]]+\]/g, "[^/]+")}$`));

function toSignIn(request: NextRequest): NextResponse {
  const signIn = new URL("/signin", request.url);
  signIn.searchParams.set("next", request.nextUrl.pathname + request.nextUrl.search);
  return NextResponse.redirect(signIn);
}

export async function proxy(request: NextRequest) {
  const { pathname } = request.nextUrl;
  // Before private mode: /signin is open to all, and its POSTs reach Next's action handler.
  if (await callsCacheFunction(request)) return new NextResponse("Server action not found.", { status: 404 });
  if (SIGNED_IN_ONLY.some((pattern) => pattern.test(pathname)) && !getSessionCookie(request)) return toSignIn(request);

  let reader: Promise<Actor> | undefined;
  const readerOf = () => (reader ??= getSessionCookie(request) ? actorFromSession(request.headers) : Promise.resolve(ANONYMOUS));

  // API calls with a token check it (and private mode) in the route handler itself.
  const apiWithToken = pathname.startsWith("/api/v1/") && request.headers.has("authorization");
  if (!apiWithToken && isPrivateMode() && !ALWAYS_OPEN.some((pattern) => pattern.test(pathname))) {
    if ((await readerOf()).kind === "anonymous") {
      if (pathname.startsWith("/api/"))
        return NextResponse.json({ error: { code: "unauthorized", message: "Sign in to read this site." } }, { status: 401 });
      return toSignIn(request);
    }
  }

  const target = targetOf(pathname);
  if (target === null) return NextResponse.next();
  // Published first, which needs no session; a draft only for whoever may read it.
  if (target !== "invalid" && (routeTargetExists(target) || (target.kind === "update" && routeTargetExists(target, await readerOf()))))
    return NextResponse.next();
  // No route matches this path, so Next renders app/not-found.tsx with status 404.
  return NextResponse.rewrite(new URL("/_unknown", request.url));
}

export const config = {
  matcher: ["/((?!_next/static|_next/image|favicon.ico|robots.txt).*)"],
};
