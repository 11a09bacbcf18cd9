/**
 * `npm start`: prepare the database, build when the sources are newer than the last
 * build, then serve with scripts/server.js (Next's handler behind node:http, which
 * resolves the client's address) on PORT (default 3000).
 */
import { spawn, spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { prepareDatabase } from "./prepare-db";

const root = process.cwd();
const nextBin = path.join(root, "node_modules", "next", "dist", "bin", "next");
const serverScript = path.join(root, "scripts", "server.js");
const SOURCES = [
  "app",
  "components",
  "lib",
  "db",
  "proxy.ts",
  "instrumentation.ts",
  "next.config.js",
  "postcss.config.mjs",
  "package-lock.json",
];

function newestMtime(entry: string): number {
  if (!fs.existsSync(entry)) return 0;
  const stat = fs.statSync(entry);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return fs.readdirSync(entry).reduce((newest, child) => Math.max(newest, newestMtime(path.join(entry, child))), stat.mtimeMs);
}

function buildIsCurrent(): boolean {
  const buildId = path.join(root, ".next", "BUILD_ID");
  if (!fs.existsSync(buildId)) return false;
  const builtAt = fs.statSync(buildId).mtimeMs;
  return SOURCES.every((entry) => newestMtime(path.join(root, entry)) <= builtAt);
}

/** Runs `next build` when there is no build or the sources are newer; exits on a failed build. */
export function buildIfNeeded(): void {
  if (buildIsCurrent()) return;
  console.log("Building Cycleboard (first start or changed sources)…");
  const build = spawnSync(process.execPath, [nextBin, "build"], { stdio: "inherit" });
  if (build.status !== 0) process.exit(build.status ?? 1);
}

/** The production server on `port`, with the environment given (e.g. another CYCLEBOARD_DB). */
export function startServer(port: string, options: Parameters<typeof spawn>[2] = { stdio: "inherit" }) {
  return spawn(process.execPath, [serverScript, "--port", port], options);
}

async function main() {
  const started = Date.now();
  try {
    await prepareDatabase();
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  }
  buildIfNeeded();
  const port = process.env.PORT || "3000";
  const server = startServer(port);
  console.log(
    `Cycleboard is starting on http://localhost:${port} (database and build ready after ${((Date.now() - started) / 1000).toFixed(1)} s)`,
  );
  for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => server.kill(signal));
  server.on("exit", (code) => process.exit(code ?? 0));
}

if (import.meta.url === `file://${process.argv[1]}`) await main();
