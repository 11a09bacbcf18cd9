import { fileURLToPath } from "node:url";
import { appRoutes, configSource } from "./lib/http/app-routes.js";

const isDev = process.env.NODE_ENV === "development";
// Without JavaScript, single sign-on answers the form with a redirect to the identity
// provider, which form-action must allow. Headers are fixed when the app is built.
const identityProvider = process.env.OIDC_ISSUER ? ` ${new URL(process.env.OIDC_ISSUER).origin}` : "";

/**
 * One Content-Security-Policy for every response, without per-request nonces: a nonce
 * would make every page render per request and lose the prerendered, cached shells.
 * script-src needs 'unsafe-inline' because Next writes each page's RSC payload as inline
 * scripts (self.__next_f.push(...)) whose text differs per page and per data change, so
 * neither hashes nor a build-time list can cover them. What our pages show from people is
 * Markdown rendered with raw HTML off (lib/markdown-render.ts), never raw HTML. Inline style attributes (widths of
 * progress bars) need style-src-attr; style sheets come only from our own origin.
 * `next dev` needs 'unsafe-eval' for React's debugging aids and inline styles for its overlay.
 */
const contentSecurityPolicy = [
  "default-src 'self'",
  `script-src 'self' 'unsafe-inline'${isDev ? " 'unsafe-eval'" : ""}`,
  `style-src 'self'${isDev ? " 'unsafe-inline'" : ""}`,
  "style-src-attr 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
  `form-action 'self'${identityProvider}`,
].join("; ");

/**
 * Browsers that reached the site over https keep to https for a year. Only the site's own
 * host: a self-hosted instance cannot speak for its parent domain's other hosts.
 */
const strictTransportSecurity = process.env.CYCLEBOARD_URL?.startsWith("https://")
  ? [{ key: "Strict-Transport-Security", value: "max-age=31536000" }]
  : [];

const securityHeaders = [
  { key: "Content-Security-Policy", value: contentSecurityPolicy },
  ...strictTransportSecurity,
  { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "X-Frame-Options", value: "DENY" },
  { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=(), payment=(), usb=()" },
];

/**
 * The pages that say `ensureStatic = "navigation"` (found in app/ when the app is built),
 * and the site feed, which reads no request either: kept in the server's page cache
 * (lib/dal/cache/page-cache-handler.js) until a write drops them. Next would send them with
 * `s-maxage`, and a shared cache in front would then keep them past a write, or past a
 * private site's sign-in. (Headers set here win over a route handler's own.)
 */
const KEPT_PAGES = [
  ...appRoutes(fileURLToPath(new URL("./app", import.meta.url)))
    .filter((route) => route.kept)
    .map((route) => configSource(route.route)),
  "/feed.xml",
];

/** What the server's caches may hold in all: rendered pages and cached data. */
export const CACHE_MEMORY_BYTES = 256 * 1024 * 1024;

/** @type {import('next').NextConfig} */
const nextConfig = {
  // Public dashboards are cached data functions ('use cache' + cacheTag); see lib/dal/cache/cache.ts.
  cacheComponents: true,
  partialPrefetching: true,
  cacheLife: {
    // Kept until a write expires its tags; the browser may reuse it for 30 s at most.
    dashboard: { stale: 30, revalidate: 60 * 60 * 24 * 30, expire: 60 * 60 * 24 * 365 },
    // "Now" on public pages (lib/dal/cache/cache.ts pageTime): pages using it re-render in the background once a minute.
    clock: { stale: 30, revalidate: 60, expire: 5 * 60 },
  },
  // Rendered pages live in this process's memory, tied to the database's state.
  cacheHandler: fileURLToPath(new URL("./lib/dal/cache/page-cache-handler.js", import.meta.url)),
  // Next gives this size to two caches: the page cache above and the data cache of
  // 'use cache' functions. Half of CACHE_MEMORY each keeps both within it (README).
  cacheMaxMemorySize: CACHE_MEMORY_BYTES / 2,
  poweredByHeader: false,
  // An ETag means hashing every cached page in JavaScript on every request, which cost more
  // than serving the page; pages change on writes, and conditional requests gain little.
  generateEtags: false,
  serverExternalPackages: ["better-sqlite3"],
  typedRoutes: true,
  async headers() {
    return [
      { source: "/:path*", headers: securityHeaders },
      ...KEPT_PAGES.map((source) => ({ source, headers: [{ key: "Cache-Control", value: "private, no-cache" }] })),
    ];
  },
  // The admin's site import uploads a whole site document (the proxy's own limit is also 10 MB).
  experimental: { serverActions: { bodySizeLimit: "10mb" } },
};

export default nextConfig;
