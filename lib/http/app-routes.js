/**
 * The routes the app/ directory defines, read from the file tree at build time (by
 * next.config.js, scripts/generate-routes.mjs and the tests), never per request: each page
 * or route handler as its URL pattern ("/teams/[slug]/help"), with the route groups it
 * sits in and whether the page keeps itself static (`ensureStatic = "navigation"`).
 */
import fs from "node:fs";
import path from "node:path";

/** @typedef {{ route: string; groups: string[]; kind: "page" | "handler"; kept: boolean }} AppRoute */

/** @param {string} appDir @returns {AppRoute[]} */
export function appRoutes(appDir) {
  /** @param {string} dir @param {string[]} segments @returns {AppRoute[]} */
  const walk = (dir, segments) =>
    fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
      const file = path.join(dir, entry.name);
      if (entry.isDirectory()) return walk(file, [...segments, entry.name]);
      const kind = /^page\.(tsx|ts|jsx|js)$/.test(entry.name) ? "page" : /^route\.(ts|js)$/.test(entry.name) ? "handler" : null;
      if (!kind) return [];
      const groups = segments.filter((s) => s.startsWith("("));
      const route = "/" + segments.filter((s) => !s.startsWith("(")).join("/");
      const kept = kind === "page" && /ensureStatic = "navigation"/.test(fs.readFileSync(file, "utf8"));
      return [{ route, groups, kind, kept }];
    });
  return walk(appDir, []).sort((a, b) => a.route.localeCompare(b.route));
}

/** A route as a next.config.js `source`: "/teams/[slug]" → "/teams/:slug". @param {string} route */
export function configSource(route) {
  return route.replace(/\[([^\]]+)\]/g, ":$1");
}

/**
 * The text of lib/http/signed-in-routes.ts: the routes of the (signed-in) group, which proxy.ts
 * sends to sign-in without a session. @param {string} appDir
 */
export function signedInRoutesModule(appDir) {
  const routes = [
    ...new Set(
      appRoutes(appDir)
        .filter((r) => r.groups.includes("(signed-in)"))
        .map((r) => r.route),
    ),
  ];
  return [
    "// Generated from app/(signed-in) by `npm run routes:generate`; lib/http/signed-in-routes.test.ts checks it is current.",
    "export const SIGNED_IN_ROUTES = [",
    ...routes.map((route) => `  ${JSON.stringify(route)},`),
    "] as const;",
    "",
  ].join("\n");
}
