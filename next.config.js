/** @type {import('next').NextConfig} */
const nextConfig = {
  // Public dashboards are cached data functions ('use cache' + cacheTag); see lib/dal/cache.ts.
  cacheComponents: true,
  partialPrefetching: true,
  cacheLife: {
    // Kept until a write expires its tags; the browser may reuse it for 30 s at most.
    dashboard: { stale: 30, revalidate: 60 * 60 * 24 * 30, expire: 60 * 60 * 24 * 365 },
  },
  poweredByHeader: false,
  serverExternalPackages: ["better-sqlite3"],
  typedRoutes: true,
  // The admin's site import uploads a whole site document (the proxy's own limit is also 10 MB).
  experimental: { serverActions: { bodySizeLimit: "10mb" } },
};

export default nextConfig;
