import { NextResponse, type NextRequest } from "next/server";
import { routeTargetExists, type RouteTarget } from "@/lib/dal/routes";

/** Which dynamic routes name a database entity; see lib/dal/routes.ts for why this is here. */
function targetOf(pathname: string): RouteTarget | "invalid" | null {
  const [, section, rawKey] = pathname.split("/");
  if (!rawKey) return null;
  let key: string;
  try {
    key = decodeURIComponent(rawKey);
  } catch {
    return "invalid";
  }
  if (section === "cycles") return key === "compare" ? null : { kind: "cycle", slug: key };
  if (section === "teams") return { kind: "team", slug: key };
  if (section === "updates") {
    if (key === "new") return null;
    return /^[1-9][0-9]{0,15}$/.test(key) ? { kind: "update", id: Number(key) } : "invalid";
  }
  return null;
}

export function proxy(request: NextRequest) {
  const target = targetOf(request.nextUrl.pathname);
  if (target === null) return NextResponse.next();
  if (target !== "invalid" && routeTargetExists(target)) return NextResponse.next();
  // No route matches this path, so Next renders app/not-found.tsx with status 404.
  return NextResponse.rewrite(new URL("/_unknown", request.url));
}

export const config = {
  matcher: ["/cycles/:key/:rest*", "/teams/:key", "/updates/:key/:rest*"],
};
