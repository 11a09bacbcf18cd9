import Link from "next/link";
import { CycleBoard } from "@/components/cycles/cycle-board";
import { pageTime } from "@/lib/dal/cache/cache";
import { getBurnUp } from "@/lib/dal/views/charts";
import { getCycleBoard } from "@/lib/dal/cycles/reads";
import { getSiteInfo } from "@/lib/dal/site/reads";

export const instant = false;
/** Rendered once per change and kept (lib/dal/cache/page-cache-handler.js): the page reads no request. */
export const ensureStatic = "navigation";

export default async function HomePage() {
  const site = await getSiteInfo();
  const board = site.currentCycle ? await getCycleBoard({ cycle: site.currentCycle.slug }) : null;
  if (!board) {
    return (
      <div className="mx-auto max-w-xl py-12 text-center">
        <h1 className="text-3xl font-bold tracking-tight">Welcome to Cycleboard</h1>
        <p className="mt-3 text-slate-700 dark:text-slate-300">
          This is where {site.name}&apos;s project teams will post their status for each release cycle. There are no cycles yet: once a
          release manager creates one, its dashboard appears here.
        </p>
        <p className="mt-4 text-sm">
          <Link href="/teams" className="text-accent-700 underline dark:text-indigo-300">
            See the teams
          </Link>
        </p>
      </div>
    );
  }
  const now = await pageTime();
  return <CycleBoard board={board} burnUp={await getBurnUp({ cycleId: board.cycle.id, now })} site={site} now={now} />;
}
