import Link from "next/link";
import { HealthBadge } from "@/components/updates/health-badge";
import { ago } from "@/lib/dates";
import type { TeamCard as TeamCardData } from "@/lib/dal/cycles/reads";
import { MetricFigure } from "./metric-figure";

export function TeamCard({ team, now, cycleSlug }: { team: TeamCardData; now: number; cycleSlug: string }) {
  const { latestUpdate, roadmap, helpRequests } = team;
  const reported = team.keyNumbers.filter((n) => n.value !== null);
  return (
    <li
      className="flex flex-col rounded-xl border border-slate-200 bg-white p-4 shadow-sm dark:border-slate-800 dark:bg-slate-900"
      aria-labelledby={`team-${team.slug}`}
    >
      <div className="flex items-start justify-between gap-2">
        <h3 id={`team-${team.slug}`} className="font-semibold">
          <Link href={`/teams/${team.slug}`} className="hover:underline">
            {team.name}
          </Link>
        </h3>
        {latestUpdate ? <HealthBadge health={latestUpdate.health} /> : null}
      </div>
      {latestUpdate ? (
        <p className="mt-2 text-sm">
          <Link href={`/updates/${latestUpdate.id}`} className="text-slate-800 hover:underline dark:text-slate-200">
            {latestUpdate.headline}
          </Link>
          <span className="block text-xs text-slate-600 dark:text-slate-400">Updated {ago(latestUpdate.publishedAt, now)}</span>
        </p>
      ) : (
        <p className="mt-2 text-sm text-slate-600 dark:text-slate-400">No update for this cycle yet.</p>
      )}
      <div className="mt-3">
        <p className="text-xs text-slate-600 dark:text-slate-400">
          Roadmap: {roadmap.done} of {roadmap.total} done{roadmap.inProgress > 0 ? `, ${roadmap.inProgress} in progress` : ""}
        </p>
        <div
          className="mt-1 h-1.5 overflow-hidden rounded-full bg-slate-200 dark:bg-slate-700"
          role="img"
          aria-label={`${roadmap.done} of ${roadmap.total} roadmap items done`}
        >
          <div className="h-full bg-emerald-600" style={{ width: `${roadmap.total === 0 ? 0 : (roadmap.done / roadmap.total) * 100}%` }} />
        </div>
      </div>
      {helpRequests.open + helpRequests.taken > 0 ? (
        <p className="mt-3 text-xs">
          <Link
            href={`/help-wanted?team=${team.slug}&cycle=${encodeURIComponent(cycleSlug)}`}
            className="text-accent-700 underline dark:text-indigo-300"
          >
            Help wanted: {helpRequests.open} open, {helpRequests.taken} taken
          </Link>
        </p>
      ) : null}
      {reported.length > 0 ? (
        <dl className="mt-3 grid grid-cols-2 gap-2">
          {reported.slice(0, 4).map((n) => (
            <MetricFigure key={n.key} number={n} />
          ))}
        </dl>
      ) : null}
    </li>
  );
}
