import type { Metadata } from "next";
import Link from "next/link";
import { pageTime } from "@/lib/dal/cache/cache";
import { EmptyState } from "@/components/ui/card";
import { Markdown } from "@/components/ui/markdown";
import { HealthBadge } from "@/components/updates/health-badge";
import { ago } from "@/lib/dates";
import { listTeams } from "@/lib/dal/teams/reads";

export const instant = false;
/** Rendered once per change and kept (lib/dal/cache/page-cache-handler.js): the page reads no request. */
export const ensureStatic = "navigation";

export const metadata: Metadata = { title: "Teams" };

async function TeamList() {
  const teams = await listTeams();
  const now = await pageTime();
  if (teams.length === 0) return <EmptyState>No teams yet.</EmptyState>;
  return (
    <ul className="grid gap-4 md:grid-cols-2">
      {teams.map((team) => (
        <li key={team.id} className="rounded-xl border border-slate-200 bg-white p-5 shadow-sm dark:border-slate-800 dark:bg-slate-900">
          <div className="flex items-start justify-between gap-2">
            <h2 className="text-lg font-semibold">
              <Link href={`/teams/${team.slug}`} className="hover:underline">
                {team.name}
              </Link>
            </h2>
            {team.latestUpdate ? <HealthBadge health={team.latestUpdate.health} /> : null}
          </div>
          <div className="mt-2 text-sm">
            <Markdown>{team.mission}</Markdown>
          </div>
          <p className="mt-3 text-xs text-slate-600 dark:text-slate-400">
            {team.leads.length > 0 ? `Led by ${team.leads.join(", ")}` : "No lead named"}
            {team.latestUpdate ? ` · ${team.latestUpdate.cycleName} update ${ago(team.latestUpdate.publishedAt, now)}` : ""}
          </p>
        </li>
      ))}
    </ul>
  );
}

export default function TeamsPage() {
  return (
    <div className="space-y-6">
      <h1 className="text-3xl font-bold tracking-tight">Teams</h1>
      <TeamList />
    </div>
  );
}
