import { notFound } from "next/navigation";
import { CycleBoard } from "@/components/cycles/cycle-board";
import { pageTime } from "@/lib/dal/cache/cache";
import { getBurnUp } from "@/lib/dal/views/charts";
import { getCycleBoard } from "@/lib/dal/cycles/reads";
import { getSiteInfo } from "@/lib/dal/site/reads";

export const instant = false;
/** Rendered once per change and kept (lib/dal/cache/page-cache-handler.js): the page reads no request. */
export const ensureStatic = "navigation";

/** The build has no cycles (db/client.ts); each cycle's page renders on its first visit. */
export function generateStaticParams() {
  return [{ name: "_" }];
}

export async function generateMetadata({ params }: PageProps<"/cycles/[name]">) {
  const { name } = await params;
  return { title: `Cycle ${decodeURIComponent(name)}` };
}

export default async function CyclePage({ params }: PageProps<"/cycles/[name]">) {
  const { name } = await params;
  const [board, site] = await Promise.all([getCycleBoard({ cycle: decodeURIComponent(name) }), getSiteInfo()]);
  if (!board) notFound();
  const now = await pageTime();
  return <CycleBoard board={board} burnUp={await getBurnUp({ cycleId: board.cycle.id, now })} site={site} now={now} />;
}
