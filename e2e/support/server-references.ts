import fs from "node:fs";
import path from "node:path";

interface ManifestEntry {
  filename: string;
  exportedName: string;
  workers: Record<string, unknown>;
}

/**
 * The id Next gave a `'use cache'` function of `file` in the build the server runs, as an
 * attacker would read it from the page's JavaScript or guess it from an earlier build.
 * A file with several numbers them in order: `nth` 0 is the first in the file.
 */
export function cacheFunctionId(file: string, page: string, nth = 0): string {
  const manifest = JSON.parse(fs.readFileSync(path.join(process.cwd(), ".next/server/server-reference-manifest.json"), "utf8")) as {
    node: Record<string, ManifestEntry>;
  };
  const found = Object.entries(manifest.node).find(
    ([, entry]) => entry.filename === file && entry.exportedName === `$$RSC_SERVER_CACHE_${nth}` && page in entry.workers,
  );
  if (!found) throw new Error(`No 'use cache' function of ${file} on ${page} in the build`);
  return found[0];
}

/** Calls a server reference the way Next's client does: POST to a page, its id in Next-Action, its arguments as the body. */
export const callServerReference = (id: string, args: unknown[]) => ({
  headers: { "Next-Action": id, "Content-Type": "text/plain;charset=UTF-8", Accept: "text/x-component" },
  data: JSON.stringify(args),
});
