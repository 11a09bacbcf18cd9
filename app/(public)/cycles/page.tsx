import type { Metadata } from "next";
import Link from "next/link";
import { CycleStatusBadge } from "@/components/cycles/cycle-status-badge";
import { EmptyState } from "@/components/ui/card";
import { formatDay } from "@/lib/dates";
import { listCycles } from "@/lib/dal/cycles/reads";

export const instant = false;
export const ensureStatic = "navigation";

export const metadata: Metadata = { title: "Release cycles" };

async function CycleList() {
  const cycles = await listCycles();
  if (cycles.length === 0) return <EmptyState>No release cycles yet.</EmptyState>;
  return (
    <ul className="divide-y divide-slate-200 rounded-xl border border-slate-200 bg-white dark:divide-slate-800 dark:border-slate-800 dark:bg-slate-900">
      {cycles.map((cycle) => (
        <li key={cycle.id} className="flex flex-wrap items-center justify-between gap-3 p-4">
          <div>
            <h2 className="flex items-center gap-2 text-lg font-semibold">
              <Link href={`/cycles/${cycle.slug}`} className="hover:underline">
                {cycle.name}
              </Link>
              <CycleStatusBadge status={cycle.status} />
            </h2>
            <p className="text-sm text-slate-600 dark:text-slate-400">
              {formatDay(cycle.startsOn)} –{" "}
              {cycle.releasedOn ? `released ${formatDay(cycle.releasedOn)}` : `planned ${formatDay(cycle.targetReleaseOn)}`}
            </p>
          </div>
          <p className="text-sm text-slate-700 dark:text-slate-300">
            {cycle.teamsReporting} {cycle.teamsReporting === 1 ? "team" : "teams"} reported
          </p>
        </li>
      ))}
    </ul>
  );
}

export default function CyclesPage() {
  return (
    <div className="space-y-6">
      <h1 className="text-3xl font-bold tracking-tight">Release cycles</h1>
      <CycleList />
    </div>
  );
}
