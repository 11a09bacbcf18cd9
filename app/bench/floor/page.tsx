import type { Metadata } from "next";
import { connection } from "next/server";

export const metadata: Metadata = { title: "Framework floor", robots: { index: false } };

/**
 * An empty page rendered per request: what `npm run bench` measures as the framework's
 * floor (proxy, layout, rendering) to weigh the other rows against (scripts/bench.ts).
 */
export default async function FrameworkFloorPage() {
  await connection();
  return <h1 className="text-2xl font-bold">Framework floor</h1>;
}
