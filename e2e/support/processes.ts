import { execFile, execFileSync, spawn, type ChildProcess } from "node:child_process";
import path from "node:path";
import { promisify } from "node:util";

/** Which of the workers running at once this is (Playwright numbers them from 0); 0 outside a worker. */
const parallelIndex = Number(process.env.TEST_PARALLEL_INDEX ?? 0);

/**
 * The port for a server a test starts itself, apart from the same test's in another worker:
 * --repeat-each with fullyParallel runs copies of one test at the same time.
 */
export function workerPort(port: number): number {
  return port + 100 * parallelIndex;
}

/** A database or document of a test's own server, apart from the same test's in another worker. */
export function workerFile(file: string): string {
  return parallelIndex === 0 ? file : file.replace(/(\.[a-z]+)$/, `-w${parallelIndex}$1`);
}

const tsx = path.join(process.cwd(), "node_modules", ".bin", "tsx");
const serverScript = path.join(process.cwd(), "scripts", "server.js");

/** Runs a TypeScript entry point as its own process, as an operator would run a script; returns what it printed. */
export function runScript(file: string, args: string[], env: Record<string, string>): string {
  return execFileSync(tsx, ["--conditions=react-server", file, ...args], {
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1", ...env },
    encoding: "utf8",
    stdio: "pipe",
  });
}

/**
 * runScript without blocking this process: for a script that talks to a server the test itself
 * runs (the SMTP sink), or between requests whose idle keep-alive sockets must see the server close them.
 */
export async function runScriptInBackground(file: string, args: string[], env: Record<string, string>): Promise<string> {
  const { stdout } = await promisify(execFile)(tsx, ["--conditions=react-server", file, ...args], {
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1", ...env },
    encoding: "utf8",
  });
  return stdout;
}

/** A second production server (scripts/server.js, as npm start runs it) on the same build, against its own database. */
export async function startServer(port: number, env: Record<string, string>): Promise<ChildProcess> {
  const server = spawn(process.execPath, [serverScript, "--port", String(port)], {
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1", ...env },
    stdio: "ignore",
  });
  for (let attempt = 0; attempt < 100; attempt++) {
    try {
      if ((await fetch(`http://localhost:${port}/api/session`)).ok) return server;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  server.kill();
  throw new Error(`The server on port ${port} did not start`);
}

/**
 * A GET that, like a browser, retries once when the server closed a kept-alive connection
 * while the test was busy elsewhere (e.g. running a script for longer than the keep-alive).
 */
export async function getFresh(url: string): Promise<Response> {
  try {
    return await fetch(url);
  } catch (error) {
    if (!(error instanceof TypeError)) throw error;
    return fetch(url);
  }
}
